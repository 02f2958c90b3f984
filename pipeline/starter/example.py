"""The example workbook: a fictional bilingual county's year 2027 (`input/hytetu.xlsx`).

Everything here is invented: the county, its twelve municipalities, the people,
the e-mail addresses (reserved ``.example`` domain) and the phone numbers. The
data is kept as plain tuples, in the column order of :mod:`pipeline.schema`, so
it reads like the sheets themselves.

Deliberate details the documents and the validator should show:

* service area *Saaristo* is Swedish-majority (all its municipalities
  ``ruotsi-suomi``), *Etelä* has two bilingual Finnish-majority municipalities,
  *Pohjoinen* is Finnish only;
* the register (`Päätökset`) has decisions for ``pohjoinen`` and ``etela`` only,
  so the minutes of ``saaristo`` stay a draft;
* Kuusiniemi has named no elected official (a warning);
* the negotiation ``etela`` has its times as text (``klo 13.00``), the others as
  real Excel times; one raised item contains a line break, another an ``&``;
* the survey sheet is pasted like a survey tool's export (metadata columns first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.render.xlsx import set_date, set_text
from pipeline.starter.blank import blank_workbook, save_new, setting_row, write_header

D = dt.date
T = dt.time

COORDINATOR = "Hanna Lehtinen"
#: fixed core properties, so a regenerated example is the same workbook
CREATED = dt.datetime(2027, 1, 15, 9, 0)

# ---------------------------------------------------------------- Asetukset

SETTINGS_VALUES: tuple[tuple[str, object], ...] = (
    (schema.SETTING_COUNTY, "Rannikon hyvinvointialue"),
    (schema.SETTING_COUNTY_SV, "Kustens välfärdsområde"),
    (schema.SETTING_YEAR, 2027),
    (schema.SETTING_THEME, "Mielen hyvinvointi"),
    (schema.SETTING_PERIOD, "2026–2029"),
    (schema.SETTING_PRETASK_DEADLINE, D(2027, 3, 12)),
    (schema.SETTING_SURVEY_DEADLINE, D(2027, 3, 5)),
    (schema.SETTING_COORDINATOR, COORDINATOR),
    (schema.SETTING_COORDINATOR_EMAIL, "hanna.lehtinen@rannikonhva.example"),
    (schema.SETTING_COORDINATOR_PHONE, "029 555 0100"),
    (schema.SETTING_PREVIOUS_TRACKER, None),
    (schema.SETTING_RECORD_CLASS, "00.01.02"),
    (schema.SETTING_PUBLICITY, "Julkinen"),
    (schema.SETTING_RETENTION, "pysyvä"),
)

# ---------------------------------------------------------------- Kunnat
# Kunta, Kunta ruotsiksi, Kieli, Palvelualue, Kirjaamon sähköposti

MUNICIPALITIES: tuple[tuple[str, str | None, str, str, str], ...] = (
    ("Karhunmaa", None, "suomi", "Pohjoinen", "kirjaamo@karhunmaa.example"),
    ("Routajärvi", None, "suomi", "Pohjoinen", "kirjaamo@routajarvi.example"),
    ("Lehtolahti", None, "suomi", "Pohjoinen", "kirjaamo@lehtolahti.example"),
    ("Peuravaara", None, "suomi", "Pohjoinen", "kirjaamo@peuravaara.example"),
    ("Kallioniemi", None, "suomi", "Pohjoinen", "kirjaamo@kallioniemi.example"),
    ("Koivusalmi", "Björksund", "suomi-ruotsi", "Etelä", "kirjaamo@koivusalmi.example"),
    ("Hietaranta", "Sandstrand", "suomi-ruotsi", "Etelä", "kirjaamo@hietaranta.example"),
    ("Mäntykylä", None, "suomi", "Etelä", "kirjaamo@mantykyla.example"),
    ("Kuusiniemi", None, "suomi", "Etelä", "kirjaamo@kuusiniemi.example"),
    ("Luotosaari", "Grundö", "ruotsi-suomi", "Saaristo", "registrator@grundo.example"),
    ("Kaislahti", "Vassvik", "ruotsi-suomi", "Saaristo", "registrator@vassvik.example"),
    ("Ulkoluoto", "Utskär", "ruotsi-suomi", "Saaristo", "registrator@utskar.example"),
)

# ---------------------------------------------------------------- Neuvottelut
# Tunnus, Palvelualue, Päivämäärä, Alkaa, Päättyy, Paikka, Etäyhteys,
# Puheenjohtaja, Sihteeri, Kieli

NEGOTIATIONS: tuple[tuple[object, ...], ...] = (
    (
        "pohjoinen",
        "Pohjoinen",
        D(2027, 4, 14),
        T(9, 0),
        T(11, 30),
        "Karhunmaan kunnantalo, valtuustosali, Kirkkotie 5, Karhunmaa",
        "https://teams.example.com/l/meetup-join/rannikko-pohjoinen-2027",
        "Ari Nieminen",
        "Hanna Lehtinen",
        None,
    ),
    (
        "etela",
        "Etelä",
        D(2027, 4, 22),
        "klo 13.00",
        "klo 15.30",
        "Koivusalmen kaupungintalo, kokoushuone Merituuli, Rantakatu 12, Koivusalmi",
        "https://teams.example.com/l/meetup-join/rannikko-etela-2027",
        "Ari Nieminen",
        "Sanna Koskinen",
        None,
    ),
    (
        "saaristo",
        "Saaristo",
        D(2027, 5, 6),
        T(9, 30),
        T(12, 0),
        "Luotosaaren kunnantalo, Satamatie 2, Luotosaari",
        "https://teams.example.com/l/meetup-join/rannikko-saaristo-2027",
        "Camilla Lindqvist",
        "Jonna Sjöberg",
        None,
    ),
)

# ---------------------------------------------------------------- Osallistujat
# Nimi, Organisaatio, Tehtävä, Sähköposti, Puhelin, Rooli, Luottamushenkilö, Neuvottelut

_HVA = schema.ORG_COUNTY
_NGO = schema.ORG_NGO
_ALL = schema.ALL_NEGOTIATIONS

PARTICIPANTS: tuple[tuple[str | None, ...], ...] = (
    # Pohjoinen
    ("Juha Mäkelä", "Karhunmaa", "kunnanjohtaja", "juha.makela@karhunmaa.example",
     "040 555 0101", "neuvottelija", "ei", None),
    ("Riitta Heikkilä", "Karhunmaa", "kunnanvaltuuston puheenjohtaja",
     "riitta.heikkila@karhunmaa.example", None, "neuvottelija", "kyllä", None),
    ("Tiina Laaksonen", "Karhunmaa", "hyvinvointikoordinaattori",
     "tiina.laaksonen@karhunmaa.example", "040 555 0103", "yhdyshenkilö", "ei", None),
    ("Pekka Kinnunen", "Routajärvi", "kunnanjohtaja", "pekka.kinnunen@routajarvi.example",
     "040 555 0111", "neuvottelija", None, None),
    ("Anneli Huttunen", "Routajärvi", "kunnanhallituksen jäsen",
     "anneli.huttunen@routajarvi.example", None, "neuvottelija", "kyllä", None),
    ("Marko Savolainen", "Routajärvi", "sivistysjohtaja", "marko.savolainen@routajarvi.example",
     "040 555 0113", "asiantuntija", "ei", None),
    ("Satu Rautio", "Lehtolahti", "hyvinvointikoordinaattori", "satu.rautio@lehtolahti.example",
     "040 555 0121", "yhdyshenkilö", "ei", None),
    ("Kari Pesonen", "Lehtolahti", "kunnanhallituksen puheenjohtaja",
     "kari.pesonen@lehtolahti.example", None, "neuvottelija", "kyllä", None),
    ("Eija Kemppainen", "Lehtolahti", "vapaa-aikapäällikkö", "eija.kemppainen@lehtolahti.example",
     "040 555 0123", "varajäsen", "ei", None),
    ("Jari Koivisto", "Peuravaara", "kunnanjohtaja", "jari.koivisto@peuravaara.example",
     "040 555 0131", None, "ei", None),
    ("Mirja Leinonen", "Peuravaara", "hyvinvointilautakunnan puheenjohtaja",
     "mirja.leinonen@peuravaara.example", None, "neuvottelija", "kyllä", None),
    ("Heikki Tuominen", "Kallioniemi", "kunnanjohtaja", "heikki.tuominen@kallioniemi.example",
     "040 555 0141", "neuvottelija", "ei", None),
    ("Outi Niskanen", "Kallioniemi", "kunnanvaltuuston 1. varapuheenjohtaja",
     "outi.niskanen@kallioniemi.example", None, "neuvottelija", "kyllä", None),
    ("Sami Hyvönen", "Kallioniemi", "nuorisopalvelupäällikkö", "sami.hyvonen@kallioniemi.example",
     "040 555 0143", "asiantuntija", "ei", None),
    # Etelä
    ("Katja Salminen", "Koivusalmi", "kaupunginjohtaja", "katja.salminen@koivusalmi.example",
     "040 555 0201", "neuvottelija", "ei", None),
    ("Henrik Blomqvist", "Koivusalmi", "kaupunginhallituksen puheenjohtaja",
     "henrik.blomqvist@koivusalmi.example", None, "neuvottelija", "kyllä", None),
    ("Päivi Lindroos", "Koivusalmi", "hyvinvointipäällikkö", "paivi.lindroos@koivusalmi.example",
     "040 555 0203", "yhdyshenkilö", "ei", None),
    ("Tomi Aaltonen", "Koivusalmi", "kaupunginhallituksen jäsen",
     "tomi.aaltonen@koivusalmi.example", None, "varajäsen", "kyllä", None),
    ("Minna Kallio", "Hietaranta", "kunnanjohtaja", "minna.kallio@hietaranta.example",
     "040 555 0211", "neuvottelija", "ei", None),
    ("Stefan Holmberg", "Hietaranta", "kunnanvaltuuston puheenjohtaja",
     "stefan.holmberg@hietaranta.example", None, "neuvottelija", "kyllä", None),
    ("Laura Mattila", "Hietaranta", "hyvinvointikoordinaattori", "laura.mattila@hietaranta.example",
     "040 555 0213", "yhdyshenkilö", "ei", None),
    ("Antti Jokinen", "Mäntykylä", "kunnanjohtaja", "antti.jokinen@mantykyla.example",
     "040 555 0221", "neuvottelija", "ei", None),
    ("Sirpa Väisänen", "Mäntykylä", "kunnanhallituksen jäsen", "sirpa.vaisanen@mantykyla.example",
     None, "neuvottelija", "kyllä", None),
    ("Elina Hirvonen", "Mäntykylä", "opetuspäällikkö", "elina.hirvonen@mantykyla.example",
     "040 555 0223", "asiantuntija", "ei", None),
    # Kuusiniemi has named no elected official: the validator warns about it.
    ("Timo Karjalainen", "Kuusiniemi", "kunnanjohtaja", "timo.karjalainen@kuusiniemi.example",
     "040 555 0231", "neuvottelija", "ei", None),
    ("Hanne Ojala", "Kuusiniemi", "hyvinvointikoordinaattori", "hanne.ojala@kuusiniemi.example",
     "040 555 0232", "yhdyshenkilö", "ei", None),
    ("Ville Rantala", "Kuusiniemi", "liikuntasihteeri", "ville.rantala@kuusiniemi.example",
     None, "asiantuntija", None, None),
    # Saaristo
    ("Anna Lindholm", "Luotosaari", "kunnanjohtaja", "anna.lindholm@grundo.example",
     "040 555 0301", "neuvottelija", "ei", None),
    ("Mikael Sundström", "Luotosaari", "kunnanhallituksen puheenjohtaja",
     "mikael.sundstrom@grundo.example", None, "neuvottelija", "kyllä", None),
    ("Johanna Westerlund", "Luotosaari", "hyvinvointikoordinaattori",
     "johanna.westerlund@grundo.example", "040 555 0303", "yhdyshenkilö", "ei", None),
    ("Patrik Nyberg", "Kaislahti", "kunnanjohtaja", "patrik.nyberg@vassvik.example",
     "040 555 0311", "neuvottelija", "ei", None),
    ("Maria Granholm", "Kaislahti", "kunnanvaltuuston puheenjohtaja",
     "maria.granholm@vassvik.example", None, "neuvottelija", "kyllä", None),
    ("Emma Lindfors", "Kaislahti", "sivistystoimenjohtaja", "emma.lindfors@vassvik.example",
     "040 555 0313", "asiantuntija", "ei", None),
    ("Erik Åkerlund", "Ulkoluoto", "kunnanjohtaja", "erik.akerlund@utskar.example",
     "040 555 0321", "neuvottelija", "ei", None),
    ("Sofia Backman", "Ulkoluoto", "kunnanhallituksen jäsen", "sofia.backman@utskar.example",
     None, "neuvottelija", "kyllä", None),
    ("Linda Forsman", "Ulkoluoto", "nuorisosihteeri", "linda.forsman@utskar.example",
     "040 555 0323", "yhdyshenkilö", "ei", None),
    # Hyvinvointialue
    ("Ari Nieminen", _HVA, "hyvinvoinnin ja terveyden edistämisen johtaja",
     "ari.nieminen@rannikonhva.example", "029 555 0101", "neuvottelija", "ei", _ALL),
    ("Hanna Lehtinen", _HVA, "hytetu-koordinaattori", "hanna.lehtinen@rannikonhva.example",
     "029 555 0100", "yhdyshenkilö", "ei", _ALL),
    ("Raimo Lahtinen", _HVA, "aluehallituksen varapuheenjohtaja",
     "raimo.lahtinen@rannikonhva.example", None, "neuvottelija", "kyllä", _ALL),
    ("Sanna Koskinen", _HVA, "hyvinvointisuunnittelija", "sanna.koskinen@rannikonhva.example",
     "029 555 0102", "asiantuntija", "ei", "pohjoinen, etela"),
    ("Mikko Rantanen", _HVA, "psykiatrian ylilääkäri", "mikko.rantanen@rannikonhva.example",
     None, "asiantuntija", "ei", "pohjoinen, etela"),
    ("Camilla Lindqvist", _HVA, "ruotsinkielisten palvelujen johtaja",
     "camilla.lindqvist@rannikonhva.example", "029 555 0103", "neuvottelija", "ei", "saaristo"),
    ("Jonna Sjöberg", _HVA, "hyvinvointisuunnittelija", "jonna.sjoberg@rannikonhva.example",
     "029 555 0104", "asiantuntija", "ei", "saaristo"),
    # Järjestöneuvottelukunta and others
    ("Leena Hakala", _NGO, "järjestöneuvottelukunnan puheenjohtaja",
     "leena.hakala@jarjestot.example", "040 555 0401", "asiantuntija", "ei", _ALL),
    ("Jussi Peltonen", "Rannikon poliisilaitos", "ennalta estävän toiminnan komisario",
     "jussi.peltonen@poliisi.example", None, "asiantuntija", "ei", "etela, saaristo"),
)  # fmt: skip

# ---------------------------------------------------------------- Ilmiöt
# Ilmiö, Kuvaus, Neuvotteluun

PHENOMENA: tuple[tuple[str, str, str], ...] = (
    (
        "Nuorten yksinäisyys",
        "Kouluterveyskyselyn mukaan yhä useampi yläkouluikäinen kokee olevansa yksinäinen.",
        "kyllä",
    ),
    (
        "Ikäihmisten sosiaalinen osallisuus",
        "Kotona asuvien ikäihmisten kohtaamispaikat ovat vähentyneet erityisesti kylissä.",
        "kyllä",
    ),
    (
        "Koulu- ja opiskeluhyvinvoinnin heikkeneminen",
        "Ahdistuneisuus ja koulu-uupumus ovat yleistyneet toisella asteella.",
        "kyllä",
    ),
    (
        "Työikäisten uupumus",
        "Mielenterveyssyistä alkaneet sairauspoissaolot ovat lisääntyneet.",
        "ei",
    ),
    (
        "Matalan kynnyksen palvelujen saavutettavuus saaristossa",
        "Pitkät välimatkat ja lauttayhteydet vaikeuttavat palvelujen käyttöä; "
        "palveluja tarvitaan myös ruotsiksi.",
        "kyllä",
    ),
)

# ---------------------------------------------------------------- Kyselyn kysymykset
# Nro, Kysymys, Vastaustyyppi, Vaihtoehdot

Q1 = "Onko kunnassanne nimetty mielen hyvinvoinnin edistämisen vastuuhenkilö?"
Q2 = "Mitkä ovat kuntanne tärkeimmät nuorten mielen hyvinvointia tukevat toimet?"
Q3 = "Miten kuntanne asukkaiden mielen hyvinvointi on mielestänne kehittynyt viime vuosina?"
Q4 = "Onko kuntanne hyvinvointisuunnitelmassa mielen hyvinvoinnin tavoitteita?"
Q5 = "Missä asiassa toivotte eniten yhteistyötä hyvinvointialueen kanssa?"

QUESTIONS: tuple[tuple[int, str, str, str | None], ...] = (
    (1, Q1, "kyllä/ei", None),
    (2, Q2, "teksti", None),
    (3, Q3, "valinta", "parantunut; pysynyt ennallaan; heikentynyt; en osaa sanoa"),
    (4, Q4, "kyllä/ei", None),
    (
        5,
        Q5,
        "valinta",
        "koulujen ja oppilaitosten yhteistyö; ikäihmisten osallisuus; järjestöyhteistyö; "
        "matalan kynnyksen palvelut",
    ),
)

# ---------------------------------------------------------------- Ennakkokysely
# As a survey tool exports it: metadata columns, then Kunta, then one column per
# question whose header is the question text.

SURVEY_HEADER: tuple[str, ...] = (
    "ID",
    "Aloitusaika",
    "Valmistumisaika",
    "Sähköposti",
    "Nimi",
    "Kunta",
    Q1,
    Q2,
    Q3,
    Q4,
    Q5,
)


def _at(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2027, 3, day, hour, minute)


RESPONSES: tuple[tuple[object, ...], ...] = (
    (1, _at(1, 9, 12), _at(1, 9, 31), "tiina.laaksonen@karhunmaa.example", "Tiina Laaksonen",
     "Karhunmaa", "kyllä",
     "Etsivä nuorisotyö, koulujen kriisivalmius ja nuorisotilan iltapäivätoiminta.",
     "heikentynyt", "kyllä", "matalan kynnyksen palvelut"),
    (2, _at(1, 13, 40), _at(1, 14, 5), "marko.savolainen@routajarvi.example", "Marko Savolainen",
     "Routajärvi", "ei",
     "Harrastamisen Suomen malli ja koulujen liikunnalliset välitunnit.",
     "pysynyt ennallaan", "kyllä", "ikäihmisten osallisuus"),
    (3, _at(2, 10, 2), _at(2, 10, 27), "satu.rautio@lehtolahti.example", "Satu Rautio",
     "Lehtolahti", "kyllä",
     "Mielenterveyden ensiapukoulutukset henkilöstölle ja nuorisovaltuuston kuuleminen.",
     "heikentynyt", "kyllä", "järjestöyhteistyö"),
    (4, _at(2, 15, 18), _at(2, 15, 44), "sami.hyvonen@kallioniemi.example", "Sami Hyvönen",
     "Kallioniemi", "ei",
     "Nuorten kesätyöseteli ja kirjaston nuortenillat.",
     "en osaa sanoa", "ei", "koulujen ja oppilaitosten yhteistyö"),
    (5, _at(3, 8, 55), _at(3, 9, 30), "paivi.lindroos@koivusalmi.example", "Päivi Lindroos",
     "Koivusalmi", "kyllä",
     "Kaksikielinen nuorisotyö, koulupsykologin viikoittainen päivystys ja vertaisryhmät.",
     "heikentynyt", "kyllä", "koulujen ja oppilaitosten yhteistyö"),
    (6, _at(3, 12, 10), _at(3, 12, 48), "elina.hirvonen@mantykyla.example", "Elina Hirvonen",
     "Mäntykylä", "ei",
     "Kirjasto ja nuorisotila yhteisenä kohtaamispaikkana; liikuntaneuvonta.",
     "pysynyt ennallaan", "ei", "matalan kynnyksen palvelut"),
    (7, _at(4, 9, 20), _at(4, 9, 58), "johanna.westerlund@grundo.example", "Johanna Westerlund",
     "Luotosaari", "kyllä",
     "Ungdomsgården och skolkuratorn samarbetar; stödgrupper på svenska för unga.",
     "heikentynyt", "kyllä", "matalan kynnyksen palvelut"),
    (8, _at(5, 14, 3), _at(5, 14, 26), "linda.forsman@utskar.example", "Linda Forsman",
     "Ulkoluoto", "ei",
     "Nuorisotilan etäillat ulkosaariston nuorille ja kesän leiritoiminta.",
     "parantunut", "kyllä", "järjestöyhteistyö"),
)  # fmt: skip

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

# ---------------------------------------------------------------- writing

TIME_FORMAT = "h.mm"
DATETIME_FORMAT = "d.m.yyyy h.mm"


def _put(ws: Worksheet, row: int, column: int, value: object) -> None:
    cell = ws.cell(row=row, column=column)
    if value is None or isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        set_date(cell, value)
    elif isinstance(value, dt.time):
        cell.value = value
        cell.number_format = TIME_FORMAT
    else:
        cell.value = value


def _fill(ws: Worksheet, rows: Sequence[Sequence[object]], first_row: int = 2) -> None:
    for row, values in enumerate(rows, start=first_row):
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value)


def _check_columns(sheet: str, rows: Sequence[Sequence[object]]) -> None:
    width = len(schema.SHEETS_BY_NAME[sheet].columns)
    for values in rows:
        if len(values) != width:
            raise ValueError(f"{sheet}: rivillä {values[:2]} on {len(values)} arvoa, ei {width}")


def example_workbook() -> Workbook:
    """The example workbook, in memory: :func:`blank_workbook` filled with the data above."""
    wb = blank_workbook()

    settings = wb[schema.SHEET_SETTINGS]
    for name, value in SETTINGS_VALUES:
        _put(settings, setting_row(name), 2, value)

    for sheet, rows in (
        (schema.SHEET_MUNICIPALITIES, MUNICIPALITIES),
        (schema.SHEET_NEGOTIATIONS, NEGOTIATIONS),
        (schema.SHEET_PARTICIPANTS, PARTICIPANTS),
        (schema.SHEET_PHENOMENA, PHENOMENA),
        (schema.SHEET_QUESTIONS, QUESTIONS),
        (schema.SHEET_RAISED, RAISED),
        (schema.SHEET_DECISIONS, DECISIONS),
    ):
        _check_columns(sheet, rows)
        _fill(wb[sheet], rows)

    responses = wb[schema.SHEET_RESPONSES]
    kunta_help = schema.SHEETS_BY_NAME[schema.SHEET_RESPONSES].column("Kunta").help
    header_help = {"Kunta": f"{kunta_help} (pakollinen)"}
    for name in schema.SURVEY_METADATA:
        header_help[name] = "Kyselytyökalun tieto, ei kysymys"
    write_header(
        responses,
        [
            (name, header_help.get(name, "Kysymys: vastaukset tähän sarakkeeseen"))
            for name in SURVEY_HEADER
        ],
    )
    _fill(responses, RESPONSES)

    props = wb.properties
    props.creator = COORDINATOR
    props.lastModifiedBy = COORDINATOR
    props.title = "Hytetu-neuvottelut 2027 – Rannikon hyvinvointialue (esimerkki)"
    props.language = "fi-FI"
    props.created = CREATED
    props.modified = CREATED
    return wb


def write_example(path: Path) -> None:
    """Write the example workbook to ``path``; never overwrites an existing file."""
    save_new(example_workbook(), path, fixed_time=CREATED)
