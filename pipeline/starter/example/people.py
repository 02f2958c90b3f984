"""The example's people (`Osallistujat`) and the phenomena they discuss (`Ilmiöt`)."""

from __future__ import annotations

from pipeline.contract import schema

# ---------------------------------------------------------------- Osallistujat
# Nimi, Organisaatio, Tehtävä, Sähköposti, Puhelin, Rooli, Luottamushenkilö, Neuvottelut, Läsnä

_HVA = schema.ORG_COUNTY
_NGO = schema.ORG_NGO
_ALL = schema.ALL_NEGOTIATIONS

PARTICIPANTS: tuple[tuple[str | None, ...], ...] = (
    # Pohjoinen
    ("Juha Mäkelä", "Karhunmaa", "kunnanjohtaja", "juha.makela@karhunmaa.example",
     "040 555 0101", "neuvottelija", "ei", None, "kyllä"),
    ("Riitta Heikkilä", "Karhunmaa", "kunnanvaltuuston puheenjohtaja",
     "riitta.heikkila@karhunmaa.example", None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Tiina Laaksonen", "Karhunmaa", "hyvinvointikoordinaattori",
     "tiina.laaksonen@karhunmaa.example", "040 555 0103", "yhdyshenkilö", "ei", None, "ei"),
    ("Pekka Kinnunen", "Routajärvi", "kunnanjohtaja", "pekka.kinnunen@routajarvi.example",
     "040 555 0111", "neuvottelija", None, None, "ei"),
    ("Anneli Huttunen", "Routajärvi", "kunnanhallituksen jäsen",
     "anneli.huttunen@routajarvi.example", None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Marko Savolainen", "Routajärvi", "sivistysjohtaja", "marko.savolainen@routajarvi.example",
     "040 555 0113", "asiantuntija", "ei", None, "kyllä"),
    ("Satu Rautio", "Lehtolahti", "hyvinvointikoordinaattori", "satu.rautio@lehtolahti.example",
     "040 555 0121", "yhdyshenkilö", "ei", None, "kyllä"),
    ("Kari Pesonen", "Lehtolahti", "kunnanhallituksen puheenjohtaja",
     "kari.pesonen@lehtolahti.example", None, "neuvottelija", "kyllä", None, "ei"),
    ("Eija Kemppainen", "Lehtolahti", "vapaa-aikapäällikkö", "eija.kemppainen@lehtolahti.example",
     "040 555 0123", "varajäsen", "ei", None, "kyllä"),
    ("Jari Koivisto", "Peuravaara", "kunnanjohtaja", "jari.koivisto@peuravaara.example",
     "040 555 0131", None, "ei", None, "kyllä"),
    ("Mirja Leinonen", "Peuravaara", "hyvinvointilautakunnan puheenjohtaja",
     "mirja.leinonen@peuravaara.example", None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Heikki Tuominen", "Kallioniemi", "kunnanjohtaja", "heikki.tuominen@kallioniemi.example",
     "040 555 0141", "neuvottelija", "ei", None, "kyllä"),
    ("Outi Niskanen", "Kallioniemi", "kunnanvaltuuston 1. varapuheenjohtaja",
     "outi.niskanen@kallioniemi.example", None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Sami Hyvönen", "Kallioniemi", "nuorisopalvelupäällikkö", "sami.hyvonen@kallioniemi.example",
     "040 555 0143", "asiantuntija", "ei", None, "kyllä"),
    # Etelä
    ("Katja Salminen", "Koivusalmi", "kaupunginjohtaja", "katja.salminen@koivusalmi.example",
     "040 555 0201", "neuvottelija", "ei", None, "kyllä"),
    ("Henrik Blomqvist", "Koivusalmi", "kaupunginhallituksen puheenjohtaja",
     "henrik.blomqvist@koivusalmi.example", None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Päivi Lindroos", "Koivusalmi", "hyvinvointipäällikkö", "paivi.lindroos@koivusalmi.example",
     "040 555 0203", "yhdyshenkilö", "ei", None, "kyllä"),
    ("Tomi Aaltonen", "Koivusalmi", "kaupunginhallituksen jäsen",
     "tomi.aaltonen@koivusalmi.example", None, "varajäsen", "kyllä", None, "ei"),
    ("Minna Kallio", "Hietaranta", "kunnanjohtaja", "minna.kallio@hietaranta.example",
     "040 555 0211", "neuvottelija", "ei", None, "kyllä"),
    ("Stefan Holmberg", "Hietaranta", "kunnanvaltuuston puheenjohtaja",
     "stefan.holmberg@hietaranta.example", None, "neuvottelija", "kyllä", None, "ei"),
    ("Laura Mattila", "Hietaranta", "hyvinvointikoordinaattori", "laura.mattila@hietaranta.example",
     "040 555 0213", "yhdyshenkilö", "ei", None, "kyllä"),
    ("Antti Jokinen", "Mäntykylä", "kunnanjohtaja", "antti.jokinen@mantykyla.example",
     "040 555 0221", "neuvottelija", "ei", None, "kyllä"),
    ("Sirpa Väisänen", "Mäntykylä", "kunnanhallituksen jäsen", "sirpa.vaisanen@mantykyla.example",
     None, "neuvottelija", "kyllä", None, "kyllä"),
    ("Elina Hirvonen", "Mäntykylä", "opetuspäällikkö", "elina.hirvonen@mantykyla.example",
     "040 555 0223", "asiantuntija", "ei", None, "kyllä"),
    # Kuusiniemi has named no elected official: the validator warns about it.
    ("Timo Karjalainen", "Kuusiniemi", "kunnanjohtaja", "timo.karjalainen@kuusiniemi.example",
     "040 555 0231", "neuvottelija", "ei", None, "kyllä"),
    ("Hanne Ojala", "Kuusiniemi", "hyvinvointikoordinaattori", "hanne.ojala@kuusiniemi.example",
     "040 555 0232", "yhdyshenkilö", "ei", None, "kyllä"),
    ("Ville Rantala", "Kuusiniemi", "liikuntasihteeri", "ville.rantala@kuusiniemi.example",
     None, "asiantuntija", None, None, "kyllä"),
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
     "ari.nieminen@rannikonhva.example", "029 555 0101", "neuvottelija", "ei", _ALL,
     "pohjoinen, etela"),
    ("Hanna Lehtinen", _HVA, "hytetu-koordinaattori", "hanna.lehtinen@rannikonhva.example",
     "029 555 0100", "yhdyshenkilö", "ei", _ALL, "pohjoinen, etela"),
    ("Raimo Lahtinen", _HVA, "aluehallituksen varapuheenjohtaja",
     "raimo.lahtinen@rannikonhva.example", None, "neuvottelija", "kyllä", _ALL, "pohjoinen"),
    ("Sanna Koskinen", _HVA, "hyvinvointisuunnittelija", "sanna.koskinen@rannikonhva.example",
     "029 555 0102", "asiantuntija", "ei", "pohjoinen, etela", "kyllä"),
    ("Mikko Rantanen", _HVA, "psykiatrian ylilääkäri", "mikko.rantanen@rannikonhva.example",
     None, "asiantuntija", "ei", "pohjoinen, etela", "etela"),
    ("Camilla Lindqvist", _HVA, "ruotsinkielisten palvelujen johtaja",
     "camilla.lindqvist@rannikonhva.example", "029 555 0103", "neuvottelija", "ei", "saaristo"),
    ("Jonna Sjöberg", _HVA, "hyvinvointisuunnittelija", "jonna.sjoberg@rannikonhva.example",
     "029 555 0104", "asiantuntija", "ei", "saaristo"),
    # Järjestöneuvottelukunta and others
    ("Leena Hakala", _NGO, "järjestöneuvottelukunnan puheenjohtaja",
     "leena.hakala@jarjestot.example", "040 555 0401", "asiantuntija", "ei", _ALL,
     "pohjoinen, etela"),
    ("Jussi Peltonen", "Rannikon poliisilaitos", "ennalta estävän toiminnan komisario",
     "jussi.peltonen@poliisi.example", None, "asiantuntija", "ei", "etela, saaristo", "etela"),
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
