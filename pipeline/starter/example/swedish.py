"""The example county in Swedish: the text of every `<column> ruotsiksi` twin (SPEC §1).

``SV`` maps each Finnish text of a twin column (SPEC §1 "Swedish texts") to the Swedish
text a Finland-Swedish municipal official writes; :func:`pipeline.starter.example.example_workbook`
fills the twin of every such cell from it, so the example shows a complete bilingual build.
The same Finnish text always gets the same Swedish text, whichever column it is in.
Conventions (place names, terms, why some columns have no twin): ``docs/example-sv.md``.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # ------------------------------------------------ Kunnat.Palvelualue
    "Pohjoinen": "Norra",
    "Etelä": "Södra",
    "Saaristo": "Skärgården",
    # ------------------------------------------------ Neuvottelut.Paikka
    "Karhunmaan kunnantalo, valtuustosali, Kirkkotie 5, Karhunmaa": "Kommungården i Karhunmaa, fullmäktigesalen, Kirkkotie 5, Karhunmaa",
    "Koivusalmen kaupungintalo, kokoushuone Merituuli, Rantakatu 12, Koivusalmi": "Björksunds stadshus, mötesrummet Merituuli, Strandgatan 12, Björksund",
    "Luotosaaren kunnantalo, Satamatie 2, Luotosaari": "Grundö kommungård, Hamnvägen 2, Grundö",
    # ------------------------------------------------ Osallistujat.Organisaatio (other organisations)
    "Rannikon poliisilaitos": "Kustens polisinrättning",
    # ------------------------------------------------ Osallistujat.Tehtävä
    "kunnanjohtaja": "kommundirektör",
    "kunnanvaltuuston puheenjohtaja": "kommunfullmäktiges ordförande",
    "kunnanvaltuuston 1. varapuheenjohtaja": "kommunfullmäktiges första vice ordförande",
    "kunnanhallituksen puheenjohtaja": "kommunstyrelsens ordförande",
    "kunnanhallituksen jäsen": "ledamot i kommunstyrelsen",
    "kaupunginjohtaja": "stadsdirektör",
    "kaupunginhallituksen puheenjohtaja": "stadsstyrelsens ordförande",
    "kaupunginhallituksen jäsen": "ledamot i stadsstyrelsen",
    "hyvinvointilautakunnan puheenjohtaja": "välfärdsnämndens ordförande",
    "hyvinvointikoordinaattori": "välfärdskoordinator",
    "hyvinvointipäällikkö": "välfärdschef",
    "sivistysjohtaja": "bildningsdirektör",
    "sivistystoimenjohtaja": "chef för bildningsväsendet",
    "opetuspäällikkö": "undervisningschef",
    "vapaa-aikapäällikkö": "fritidschef",
    "nuorisopalvelupäällikkö": "chef för ungdomstjänsterna",
    "nuorisosihteeri": "ungdomssekreterare",
    "liikuntasihteeri": "idrottssekreterare",
    "hyvinvoinnin ja terveyden edistämisen johtaja": "direktör för främjande av välfärd och hälsa",
    "hytetu-koordinaattori": "hytetu-koordinator",
    "aluehallituksen varapuheenjohtaja": "välfärdsområdesstyrelsens vice ordförande",
    "hyvinvointisuunnittelija": "välfärdsplanerare",
    "psykiatrian ylilääkäri": "överläkare i psykiatri",
    "ruotsinkielisten palvelujen johtaja": "direktör för de svenskspråkiga tjänsterna",
    "järjestöneuvottelukunnan puheenjohtaja": "organisationsdelegationens ordförande",
    "ennalta estävän toiminnan komisario": "kommissarie för förebyggande verksamhet",
    # ------------------------------------------------ Ilmiöt.Ilmiö, Ilmiöt.Kuvaus
    "Nuorten yksinäisyys": "Ensamhet bland unga",
    "Kouluterveyskyselyn mukaan yhä useampi yläkouluikäinen kokee olevansa yksinäinen.": "Enligt enkäten Hälsa i skolan upplever allt fler elever i högstadieåldern att de är "
    "ensamma.",
    "Ikäihmisten sosiaalinen osallisuus": "Äldres sociala delaktighet",
    "Kotona asuvien ikäihmisten kohtaamispaikat ovat vähentyneet erityisesti kylissä.": "Mötesplatserna för äldre som bor hemma har blivit färre, särskilt i byarna.",
    "Koulu- ja opiskeluhyvinvoinnin heikkeneminen": "Försämrat skol- och studievälbefinnande",
    "Ahdistuneisuus ja koulu-uupumus ovat yleistyneet toisella asteella.": "Ångest och skolutbrändhet har blivit vanligare på andra stadiet.",
    "Työikäisten uupumus": "Utmattning bland personer i arbetsför ålder",
    "Mielenterveyssyistä alkaneet sairauspoissaolot ovat lisääntyneet.": "Sjukfrånvaron på grund av psykisk ohälsa har ökat.",
    "Matalan kynnyksen palvelujen saavutettavuus saaristossa": "Tillgången till lågtröskeltjänster i skärgården",
    "Pitkät välimatkat ja lauttayhteydet vaikeuttavat palvelujen käyttöä; "
    "palveluja tarvitaan myös ruotsiksi.": "Långa avstånd och färjförbindelser gör det svårare att använda tjänsterna; "
    "tjänsterna behövs också på svenska.",
    # ------------------------------------------------ Kyselyn kysymykset.Kysymys
    "Onko kunnassanne nimetty mielen hyvinvoinnin edistämisen vastuuhenkilö?": "Har er kommun utsett en ansvarsperson för främjandet av psykiskt välbefinnande?",
    "Mitkä ovat kuntanne tärkeimmät nuorten mielen hyvinvointia tukevat toimet?": "Vilka är de viktigaste åtgärderna i er kommun som stöder ungas psykiska "
    "välbefinnande?",
    "Miten kuntanne asukkaiden mielen hyvinvointi on mielestänne kehittynyt viime vuosina?": "Hur anser ni att invånarnas psykiska välbefinnande i er kommun har utvecklats under "
    "de senaste åren?",
    "Onko kuntanne hyvinvointisuunnitelmassa mielen hyvinvoinnin tavoitteita?": "Innehåller er kommuns välfärdsplan mål för psykiskt välbefinnande?",
    "Missä asiassa toivotte eniten yhteistyötä hyvinvointialueen kanssa?": "I vilken fråga önskar ni mest samarbete med välfärdsområdet?",
    # ------------------------------------------------ Kyselyn kysymykset.Vaihtoehdot (same order)
    "parantunut; pysynyt ennallaan; heikentynyt; en osaa sanoa": "förbättrats; varit oförändrat; försämrats; kan inte säga",
    "koulujen ja oppilaitosten yhteistyö; ikäihmisten osallisuus; järjestöyhteistyö; "
    "matalan kynnyksen palvelut": "samarbete med skolor och läroanstalter; äldres delaktighet; "
    "samarbete med organisationer; lågtröskeltjänster",
    # ------------------------------------------------ Nostot.Aihe, Kuvaus, Toive hyvinvointialueelle
    # Karhunmaa
    "Nuorten matalan kynnyksen mielenterveyspalvelut": "Mentalvårdstjänster med låg tröskel för unga",
    "Nuorten jonot mielenterveyspalveluihin ovat pidentyneet, ja nuorisotyö kohtaa yhä "
    "useammin nuoria, jotka tarvitsisivat ammattiapua.": "Köerna till mentalvårdstjänsterna för unga har blivit längre, och ungdomsarbetet "
    "möter allt oftare unga som skulle behöva professionell hjälp.",
    "Säännöllinen matalan kynnyksen vastaanotto Karhunmaalle yhdessä kunnan nuorisotyön "
    "kanssa.": "En regelbunden lågtröskelmottagning i Karhunmaa tillsammans med kommunens "
    "ungdomsarbete.",
    "Koulut & nuorisotyö": "Skolorna och ungdomsarbetet",
    "Koulut ja nuorisotyö": "Skolorna och ungdomsarbetet",
    "Koulujen, nuorisotyön ja opiskeluhuollon yhteistyö yksinäisyyden tunnistamisessa.": "Samarbetet mellan skolorna, ungdomsarbetet och elev- och studerandevården för att "
    "upptäcka ensamhet.",
    "Yhteinen toimintamalli koulukuraattorien ja etsivän nuorisotyön kesken.": "En gemensam verksamhetsmodell för skolkuratorerna och det uppsökande "
    "ungdomsarbetet.",
    # Routajärvi (the description keeps its line break)
    "Ikäihmisten yksinäisyys": "Ensamhet bland äldre",
    "Kyläkohtaiset kohtaamispaikat ovat vähentyneet.\n"
    "Kotihoidon asiakkaista yhä useampi kertoo olevansa yksinäinen.": "Mötesplatserna i byarna har blivit färre.\n"
    "Allt fler av hemvårdens klienter berättar att de är ensamma.",
    "Kotihoito ohjaa asiakkaita kunnan ja järjestöjen ryhmätoimintaan.": "Hemvården hänvisar klienter till kommunens och organisationernas gruppverksamhet.",
    # Lehtolahti
    "Mielenterveyden ensiapukoulutukset": "Utbildningar i första hjälpen i psykisk hälsa",
    "Kunnan henkilöstö kohtaa työssään yhä useammin kriisissä olevia asukkaita.": "Kommunens personal möter i sitt arbete allt oftare invånare som befinner sig i kris.",
    "Hyvinvointialue kouluttaa kunnan henkilöstöä yhdessä järjestöjen kanssa.": "Välfärdsområdet utbildar kommunens personal tillsammans med organisationerna.",
    "Liikunta mielen hyvinvoinnin tukena": "Motion som stöd för det psykiska välbefinnandet",
    "Liikuntaneuvonnan asiakkaista moni hakee tukea myös jaksamiseen.": "Många av motionsrådgivningens klienter söker också stöd för att orka.",
    "Liikuntaneuvonta ja hyvinvointialueen vastaanotot ohjaavat asiakkaita toisilleen.": "Motionsrådgivningen och välfärdsområdets mottagningar hänvisar klienter till "
    "varandra.",
    # Kallioniemi
    "Maatalousyrittäjien jaksaminen": "Lantbruksföretagarnas ork",
    "Tilojen taloudellinen ahdinko näkyy uupumuksena ja yksinäisyytenä.": "Gårdarnas ekonomiska svårigheter syns som utmattning och ensamhet.",
    "Yhteistyö maatalousyrittäjien tukiverkostojen ja työterveyshuollon kanssa.": "Samarbete med lantbruksföretagarnas stödnätverk och företagshälsovården.",
    # Koivusalmi / Björksund
    "Kaksikielinen vertaisryhmätoiminta": "Tvåspråkig kamratgruppsverksamhet",
    "Ruotsinkielisille nuorille ei ole omaa vertaisryhmää kunnassa.": "Det finns ingen egen kamratgrupp för svenskspråkiga unga i kommunen.",
    "Ryhmiä molemmilla kotimaisilla kielillä.": "Grupper på båda inhemska språken.",
    "Oppilashuollon voimavarat": "Resurserna inom elevvården",
    "Koulupsykologin ja -kuraattorin saatavuus vaihtelee kouluittain.": "Tillgången till skolpsykolog och skolkurator varierar från skola till skola.",
    # Hietaranta / Sandstrand
    "Perheiden varhainen tuki": "Tidigt stöd till familjer",
    "Perhekeskuksen palvelut ovat kaukana, ja moni perhe jää ilman tukea.": "Familjecentrets tjänster finns långt borta, och många familjer blir utan stöd.",
    "Perhekeskuksen jalkautuvaa työtä Hietarantaan vähintään kerran kuukaudessa.": "Familjecentrets uppsökande arbete i Sandstrand minst en gång i månaden.",
    # Mäntykylä
    "Kirjasto kohtaamispaikkana": "Biblioteket som mötesplats",
    "Kirjastossa kävijöiden joukossa on paljon yksin asuvia aikuisia.": "Bland bibliotekets besökare finns många vuxna som bor ensamma.",
    "Hyvinvointialueen neuvontapisteen vierailut kirjastolla.": "Besök av välfärdsområdets rådgivningspunkt på biblioteket.",
    # Kuusiniemi
    "Nuorten päihteiden käyttö": "Rusmedelsbruk bland unga",
    "Nuorten nuuskan ja alkoholin käyttö on lisääntynyt.": "Ungas användning av snus och alkohol har ökat.",
    "Yhteinen vanhempainilta kouluille ja ehkäisevälle päihdetyölle.": "En gemensam föräldrakväll för skolorna och det förebyggande rusmedelsarbetet.",
    # Luotosaari / Grundö
    "Ruotsinkieliset mielenterveyspalvelut": "Mentalvårdstjänster på svenska",
    "Ruotsinkielisiä vastaanottoaikoja on vähän, ja jonot ovat pitkiä.": "Det finns få mottagningstider på svenska, och köerna är långa.",
    "Palvelut ruotsiksi myös saaristossa.": "Tjänster på svenska också i skärgården.",
    "Etävastaanotot saaristossa": "Distansmottagningar i skärgården",
    "Lauttayhteyksien varassa asuville matka vastaanotolle vie koko päivän.": "För dem som är beroende av färjförbindelser tar resan till mottagningen en hel dag.",
    "Etävastaanottoja kunnan tiloihin, joissa on tuki laitteiden käyttöön.": "Distansmottagningar i kommunens lokaler, med stöd för att använda utrustningen.",
    # Kaislahti / Vassvik
    "Nuorten harrastusmahdollisuudet": "Hobbymöjligheter för unga",
    "Harrastuksia on vähän ja kuljetukset puuttuvat.": "Det finns få hobbyer, och det saknas transporter.",
    # Ulkoluoto / Utskär
    "Ikäihmisten digituki": "Digistöd för äldre",
    "Moni ikäihminen ei osaa käyttää sähköisiä palveluja.": "Många äldre kan inte använda e-tjänster.",
    "Digituen kiertävät vastaanotot kunnan palvelupisteessä.": "Ambulerande mottagningar med digistöd vid kommunens servicepunkt.",
    # ------------------------------------------------ Päätökset.Päätös, Jatkotoimi
    # pohjoinen
    "Hyvinvointialue ja Karhunmaan kunta käynnistävät nuorten matalan kynnyksen "
    "vastaanoton Karhunmaan nuorisotilalla syksyllä 2027.": "Välfärdsområdet och Karhunmaa kommun startar hösten 2027 en lågtröskelmottagning "
    "för unga i ungdomslokalen i Karhunmaa.",
    "Vastaanoton toimintamalli ja aukioloajat sovitaan.": "Parterna kommer överens om mottagningens verksamhetsmodell och öppettider.",
    "Koulujen, nuorisotyön ja opiskeluhuollon yhteinen toimintamalli yksinäisyyden "
    "tunnistamiseen otetaan käyttöön palvelualueen kaikissa kunnissa.": "En gemensam verksamhetsmodell för skolorna, ungdomsarbetet och elev- och "
    "studerandevården för att upptäcka ensamhet införs i alla kommuner i "
    "serviceområdet.",
    "Toimintamallin luonnos valmistellaan ja esitellään kuntien sivistystoimille.": "Ett utkast till verksamhetsmodell bereds och presenteras för kommunernas "
    "bildningsväsenden.",
    "Kotihoito ohjaa yksinäisyyttä kokevia asiakkaita kunnan ja järjestöjen "
    "ryhmätoimintaan; Routajärvi kokoaa kylien kohtaamispaikkojen tiedot.": "Hemvården hänvisar klienter som upplever ensamhet till kommunens och "
    "organisationernas gruppverksamhet; Routajärvi sammanställer uppgifterna om "
    "mötesplatserna i byarna.",
    "Kohtaamispaikkojen luettelo toimitetaan kotihoidolle.": "Förteckningen över mötesplatserna lämnas till hemvården.",
    "Kunnat ja hyvinvointialue tarkastelevat yhdessä hyte-kertoimen mielen hyvinvointiin "
    "liittyviä indikaattoreita ja sopivat niiden seurannasta.": "Kommunerna och välfärdsområdet går tillsammans igenom de indikatorer i "
    "hyte-koefficienten som gäller psykiskt välbefinnande och kommer överens om hur de "
    "ska följas upp.",
    "Indikaattorikatsaus valmistellaan syksyn yhdyshenkilötapaamiseen.": "En översikt över indikatorerna bereds till höstens möte för kontaktpersonerna.",
    "Hyvinvointialue järjestää Lehtolahden henkilöstölle kaksi mielenterveyden "
    "ensiapukoulutusta yhdessä järjestöjen kanssa.": "Välfärdsområdet ordnar tillsammans med organisationerna två utbildningar i första "
    "hjälpen i psykisk hälsa för kommunens personal i Lehtolahti.",
    "Koulutusajankohdat sovitaan ja koulutukset ilmoitetaan henkilöstölle.": "Parterna kommer överens om tidpunkterna för utbildningarna, och personalen "
    "informeras om dem.",
    "Suunnitelman toimeenpanon tilannekatsaus merkittiin tiedoksi; kunnat toimittavat "
    "omat seurantatietonsa hyvinvointialueelle.": "Lägesöversikten över genomförandet av planen antecknades för kännedom; kommunerna "
    "lämnar sina egna uppföljningsuppgifter till välfärdsområdet.",
    "Seurantatiedot kootaan vuoden 2027 yhteenvetoon.": "Uppföljningsuppgifterna sammanställs i årssammanfattningen för 2027.",
    # etela
    "Koivusalmen ruotsinkielisille nuorille käynnistetään vertaisryhmä yhdessä "
    "hyvinvointialueen ja paikallisen järjestön kanssa.": "En kamratgrupp för svenskspråkiga unga i Björksund startas tillsammans med "
    "välfärdsområdet och en lokal organisation.",
    "Ryhmänohjaajat koulutetaan ja ryhmä aloittaa syyslukukaudella.": "Gruppledarna utbildas, och gruppen inleder sin verksamhet under höstterminen.",
    "Perhekeskuksen ohjausta ja neuvontaa tarjotaan kuukausittain palvelualueen "
    "jokaisessa kunnassa.": "Familjecentret erbjuder handledning och rådgivning varje månad i alla kommuner i "
    "serviceområdet.",
    "Vuoden 2028 jalkautumisaikataulu laaditaan yhdessä kuntien kanssa.": "Schemat för det uppsökande arbetet 2028 görs upp tillsammans med kommunerna.",
    "Kuusiniemen koulut ja hyvinvointialueen ehkäisevä päihdetyö järjestävät yhteisen "
    "vanhempainillan lukuvuoden alussa.": "Skolorna i Kuusiniemi och välfärdsområdets förebyggande rusmedelsarbete ordnar en "
    "gemensam föräldrakväll i början av läsåret.",
    "Vanhempainillan ohjelma ja puhujat sovitaan.": "Parterna kommer överens om föräldrakvällens program och talare.",
    "Sovittujen jatkotoimien etenemistä seurataan eteläisen palvelualueen "
    "hyte-työryhmässä neljännesvuosittain.": "Hyte-arbetsgruppen för serviceområdet Södra följer kvartalsvis upp hur de "
    "fortsatta åtgärder som parterna kommit överens om framskrider.",
    "Seurantataulukko päivitetään ennen jokaista työryhmän kokousta.": "Uppföljningstabellen uppdateras före varje möte i arbetsgruppen.",
    # ------------------------------------------------ Päätökset.Vastuutaho, Yhteistyöfoorumi, Seurantavastuu
    "Hyvinvointialueen nuorten mielenterveyspalvelut ja Karhunmaan nuorisotoimi": "Välfärdsområdets mentalvårdstjänster för unga och ungdomsväsendet i Karhunmaa",
    "Hyvinvointialueen opiskeluhuolto ja kuntien sivistystoimet": "Välfärdsområdets elev- och studerandevård och kommunernas bildningsväsenden",
    "Routajärven vapaa-aikatoimi ja hyvinvointialueen kotihoito": "Fritidsväsendet i Routajärvi och välfärdsområdets hemvård",
    "Hyvinvointialueen hyte-yksikkö": "Välfärdsområdets hyte-enhet",
    "Hyvinvointialueen hyte-yksikkö ja Järjestöneuvottelukunta": "Välfärdsområdets hyte-enhet och organisationsdelegationen",
    "Hyvinvointialueen hyte-yksikkö ja järjestöneuvottelukunta": "Välfärdsområdets hyte-enhet och organisationsdelegationen",
    "Kuntien hyvinvointikoordinaattorit": "Kommunernas välfärdskoordinatorer",
    "Hyvinvointialueen hytetu-koordinaattori": "Välfärdsområdets hytetu-koordinator",
    "Koivusalmen nuorisotoimi ja hyvinvointialueen ruotsinkieliset palvelut": "Ungdomsväsendet i Björksund och välfärdsområdets svenskspråkiga tjänster",
    "Hyvinvointialueen perhekeskus": "Välfärdsområdets familjecenter",
    "Kuusiniemen sivistystoimi ja hyvinvointialueen ehkäisevä päihdetyö": "Bildningsväsendet i Kuusiniemi och välfärdsområdets förebyggande rusmedelsarbete",
    "Pohjoisen palvelualueen hyte-työryhmä": "Hyte-arbetsgruppen för serviceområdet Norra",
    "Eteläisen palvelualueen hyte-työryhmä": "Hyte-arbetsgruppen för serviceområdet Södra",
    "Lasten ja nuorten hyvinvointiverkosto": "Nätverket för barns och ungas välbefinnande",
    "Ikäihmisten hyvinvointiverkosto": "Nätverket för äldres välbefinnande",
    "Ehkäisevän päihdetyön työryhmä": "Arbetsgruppen för förebyggande rusmedelsarbete",
    "Hytetu-yhdyshenkilöverkosto": "Hytetu-kontaktpersonsnätverket",
    "Routajärven hyvinvointikoordinaattori": "Välfärdskoordinatorn i Routajärvi",
    "Lehtolahden hyvinvointikoordinaattori": "Välfärdskoordinatorn i Lehtolahti",
    "Koivusalmen hyvinvointipäällikkö": "Välfärdschefen i Björksund",
    "Kuusiniemen hyvinvointikoordinaattori": "Välfärdskoordinatorn i Kuusiniemi",
}
