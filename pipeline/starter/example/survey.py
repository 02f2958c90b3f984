"""The example's survey: the questions (`Kyselyn kysymykset`) and the answers as a survey tool
exports them (`Ennakkokysely`).
"""

from __future__ import annotations

import datetime as dt

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
