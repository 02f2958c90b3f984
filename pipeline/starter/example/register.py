"""The example's register: items raised (`Nostot`) and the decisions (`Päätökset`)."""

from __future__ import annotations

import datetime as dt

D = dt.date

# ---------------------------------------------------------------- Nostot
# Kunta, Aihe, Kuvaus, Toive hyvinvointialueelle, Painopiste

_MH = "Mielen hyvinvointi"

RAISED: tuple[tuple[str, str, str | None, str | None, str | None], ...] = (
    (
        "Karhunmaa",
        "Nuorten matalan kynnyksen mielenterveyspalvelut",
        "Nuorten jonot mielenterveyspalveluihin ovat pidentyneet, ja nuorisotyö kohtaa yhä "
        "useammin nuoria, jotka tarvitsisivat ammattiapua.",
        "Säännöllinen matalan kynnyksen vastaanotto Karhunmaalle yhdessä kunnan nuorisotyön "
        "kanssa.",
        _MH,
    ),
    (
        "Karhunmaa",
        "Koulut & nuorisotyö",
        "Koulujen, nuorisotyön ja opiskeluhuollon yhteistyö yksinäisyyden tunnistamisessa.",
        "Yhteinen toimintamalli koulukuraattorien ja etsivän nuorisotyön kesken.",
        _MH,
    ),
    (
        "Routajärvi",
        "Ikäihmisten yksinäisyys",
        "Kyläkohtaiset kohtaamispaikat ovat vähentyneet.\n"
        "Kotihoidon asiakkaista yhä useampi kertoo olevansa yksinäinen.",
        "Kotihoito ohjaa asiakkaita kunnan ja järjestöjen ryhmätoimintaan.",
        _MH,
    ),
    (
        "Lehtolahti",
        "Mielenterveyden ensiapukoulutukset",
        "Kunnan henkilöstö kohtaa työssään yhä useammin kriisissä olevia asukkaita.",
        "Hyvinvointialue kouluttaa kunnan henkilöstöä yhdessä järjestöjen kanssa.",
        _MH,
    ),
    (
        "Lehtolahti",
        "Liikunta mielen hyvinvoinnin tukena",
        "Liikuntaneuvonnan asiakkaista moni hakee tukea myös jaksamiseen.",
        "Liikuntaneuvonta ja hyvinvointialueen vastaanotot ohjaavat asiakkaita toisilleen.",
        "Elintavat",
    ),
    (
        "Kallioniemi",
        "Maatalousyrittäjien jaksaminen",
        "Tilojen taloudellinen ahdinko näkyy uupumuksena ja yksinäisyytenä.",
        "Yhteistyö maatalousyrittäjien tukiverkostojen ja työterveyshuollon kanssa.",
        _MH,
    ),
    (
        "Koivusalmi",
        "Kaksikielinen vertaisryhmätoiminta",
        "Ruotsinkielisille nuorille ei ole omaa vertaisryhmää kunnassa.",
        "Ryhmiä molemmilla kotimaisilla kielillä.",
        _MH,
    ),
    (
        "Koivusalmi",
        "Oppilashuollon voimavarat",
        "Koulupsykologin ja -kuraattorin saatavuus vaihtelee kouluittain.",
        None,
        _MH,
    ),
    (
        "Hietaranta",
        "Perheiden varhainen tuki",
        "Perhekeskuksen palvelut ovat kaukana, ja moni perhe jää ilman tukea.",
        "Perhekeskuksen jalkautuvaa työtä Hietarantaan vähintään kerran kuukaudessa.",
        _MH,
    ),
    (
        "Mäntykylä",
        "Kirjasto kohtaamispaikkana",
        "Kirjastossa kävijöiden joukossa on paljon yksin asuvia aikuisia.",
        "Hyvinvointialueen neuvontapisteen vierailut kirjastolla.",
        _MH,
    ),
    (
        "Kuusiniemi",
        "Nuorten päihteiden käyttö",
        "Nuorten nuuskan ja alkoholin käyttö on lisääntynyt.",
        "Yhteinen vanhempainilta kouluille ja ehkäisevälle päihdetyölle.",
        "Ehkäisevä päihdetyö",
    ),
    (
        "Luotosaari",
        "Ruotsinkieliset mielenterveyspalvelut",
        "Ruotsinkielisiä vastaanottoaikoja on vähän, ja jonot ovat pitkiä.",
        "Palvelut ruotsiksi myös saaristossa.",
        _MH,
    ),
    (
        "Luotosaari",
        "Etävastaanotot saaristossa",
        "Lauttayhteyksien varassa asuville matka vastaanotolle vie koko päivän.",
        "Etävastaanottoja kunnan tiloihin, joissa on tuki laitteiden käyttöön.",
        _MH,
    ),
    (
        "Kaislahti",
        "Nuorten harrastusmahdollisuudet",
        "Harrastuksia on vähän ja kuljetukset puuttuvat.",
        None,
        "Elintavat",
    ),
    (
        "Ulkoluoto",
        "Ikäihmisten digituki",
        "Moni ikäihminen ei osaa käyttää sähköisiä palveluja.",
        "Digituen kiertävät vastaanotot kunnan palvelupisteessä.",
        _MH,
    ),
)

# ---------------------------------------------------------------- Päätökset
# Tunnus, Neuvottelu, Asiakohta, Kunta, Päätös, Jatkotoimi, Vastuutaho,
# Yhteistyöfoorumi, Seurantavastuu, Määräaika, Painopiste

_TEEMA = "Teema"
_KERROIN = "Hyte-kerroin"
_PLAN = "Alueellinen hyvinvointi- ja turvallisuussuunnitelma"
_FOLLOW_UP = "Jatkotoimet ja seuranta"
_NETWORK = "Hytetu-yhdyshenkilöverkosto"

DECISIONS: tuple[tuple[object, ...], ...] = (
    (
        "P-2027-001",
        "pohjoinen",
        _TEEMA,
        "Karhunmaa",
        "Hyvinvointialue ja Karhunmaan kunta käynnistävät nuorten matalan kynnyksen "
        "vastaanoton Karhunmaan nuorisotilalla syksyllä 2027.",
        "Vastaanoton toimintamalli ja aukioloajat sovitaan.",
        "Hyvinvointialueen nuorten mielenterveyspalvelut ja Karhunmaan nuorisotoimi",
        "Pohjoisen palvelualueen hyte-työryhmä",
        _NETWORK,
        D(2027, 9, 30),
        _MH,
    ),
    (
        "P-2027-002",
        "pohjoinen",
        _TEEMA,
        None,
        "Koulujen, nuorisotyön ja opiskeluhuollon yhteinen toimintamalli yksinäisyyden "
        "tunnistamiseen otetaan käyttöön palvelualueen kaikissa kunnissa.",
        "Toimintamallin luonnos valmistellaan ja esitellään kuntien sivistystoimille.",
        "Hyvinvointialueen opiskeluhuolto ja kuntien sivistystoimet",
        "Lasten ja nuorten hyvinvointiverkosto",
        _NETWORK,
        D(2027, 12, 31),
        _MH,
    ),
    (
        None,
        "pohjoinen",
        _TEEMA,
        "Routajärvi",
        "Kotihoito ohjaa yksinäisyyttä kokevia asiakkaita kunnan ja järjestöjen "
        "ryhmätoimintaan; Routajärvi kokoaa kylien kohtaamispaikkojen tiedot.",
        "Kohtaamispaikkojen luettelo toimitetaan kotihoidolle.",
        "Routajärven vapaa-aikatoimi ja hyvinvointialueen kotihoito",
        "Ikäihmisten hyvinvointiverkosto",
        "Routajärven hyvinvointikoordinaattori",
        D(2027, 8, 31),
        _MH,
    ),
    (
        "P-2027-003",
        "pohjoinen",
        _KERROIN,
        None,
        "Kunnat ja hyvinvointialue tarkastelevat yhdessä hyte-kertoimen mielen hyvinvointiin "
        "liittyviä indikaattoreita ja sopivat niiden seurannasta.",
        "Indikaattorikatsaus valmistellaan syksyn yhdyshenkilötapaamiseen.",
        "Hyvinvointialueen hyte-yksikkö",
        _NETWORK,
        "Hyvinvointialueen hyte-yksikkö",
        D(2027, 11, 30),
        _MH,
    ),
    (
        None,
        "pohjoinen",
        _TEEMA,
        "Lehtolahti",
        "Hyvinvointialue järjestää Lehtolahden henkilöstölle kaksi mielenterveyden "
        "ensiapukoulutusta yhdessä järjestöjen kanssa.",
        "Koulutusajankohdat sovitaan ja koulutukset ilmoitetaan henkilöstölle.",
        "Hyvinvointialueen hyte-yksikkö ja Järjestöneuvottelukunta",
        "Pohjoisen palvelualueen hyte-työryhmä",
        "Lehtolahden hyvinvointikoordinaattori",
        D(2027, 10, 31),
        _MH,
    ),
    (
        None,
        "pohjoinen",
        _PLAN,
        None,
        "Suunnitelman toimeenpanon tilannekatsaus merkittiin tiedoksi; kunnat toimittavat "
        "omat seurantatietonsa hyvinvointialueelle.",
        "Seurantatiedot kootaan vuoden 2027 yhteenvetoon.",
        "Kuntien hyvinvointikoordinaattorit",
        _NETWORK,
        "Hyvinvointialueen hytetu-koordinaattori",
        D(2028, 1, 31),
        None,
    ),
    (
        "P-2027-004",
        "etela",
        _TEEMA,
        "Koivusalmi",
        "Koivusalmen ruotsinkielisille nuorille käynnistetään vertaisryhmä yhdessä "
        "hyvinvointialueen ja paikallisen järjestön kanssa.",
        "Ryhmänohjaajat koulutetaan ja ryhmä aloittaa syyslukukaudella.",
        "Koivusalmen nuorisotoimi ja hyvinvointialueen ruotsinkieliset palvelut",
        "Lasten ja nuorten hyvinvointiverkosto",
        "Koivusalmen hyvinvointipäällikkö",
        D(2027, 10, 15),
        _MH,
    ),
    (
        "P-2027-005",
        "etela",
        _TEEMA,
        None,
        "Perhekeskuksen ohjausta ja neuvontaa tarjotaan kuukausittain palvelualueen "
        "jokaisessa kunnassa.",
        "Vuoden 2028 jalkautumisaikataulu laaditaan yhdessä kuntien kanssa.",
        "Hyvinvointialueen perhekeskus",
        "Eteläisen palvelualueen hyte-työryhmä",
        _NETWORK,
        D(2027, 12, 31),
        _MH,
    ),
    (
        None,
        "etela",
        _TEEMA,
        "Kuusiniemi",
        "Kuusiniemen koulut ja hyvinvointialueen ehkäisevä päihdetyö järjestävät yhteisen "
        "vanhempainillan lukuvuoden alussa.",
        "Vanhempainillan ohjelma ja puhujat sovitaan.",
        "Kuusiniemen sivistystoimi ja hyvinvointialueen ehkäisevä päihdetyö",
        "Ehkäisevän päihdetyön työryhmä",
        "Kuusiniemen hyvinvointikoordinaattori",
        D(2027, 9, 15),
        "Ehkäisevä päihdetyö",
    ),
    (
        None,
        "etela",
        _FOLLOW_UP,
        None,
        "Sovittujen jatkotoimien etenemistä seurataan eteläisen palvelualueen "
        "hyte-työryhmässä neljännesvuosittain.",
        "Seurantataulukko päivitetään ennen jokaista työryhmän kokousta.",
        "Hyvinvointialueen hytetu-koordinaattori",
        "Eteläisen palvelualueen hyte-työryhmä",
        _NETWORK,
        D(2027, 12, 15),
        None,
    ),
)
