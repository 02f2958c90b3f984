"""The language review's corrections (``docs/language-plan.md``), each proven where a person reads it.

One case per adopted or changed review item: the corrected text in a document of the
committed example's build (read back with python-docx / openpyxl), or in the message
a user gets. The numbers are the review's (``/work/shared/reviews/language.md``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from pipeline.app import BuildResult
from pipeline.contract import values
from pipeline.contract.i18n import t
from pipeline.documents.contexts.phase4 import _overdue_text
from pipeline.errors import InputError, Problem
from tests.helpers.docs import docx_text

KUTSU_FI = "2_valmistelu/kutsu_etela_fi.docx"
KUTSU_SV = "2_valmistelu/kutsu_etela_sv.docx"
AGENDA_FI = "2_valmistelu/asialista_etela_fi.docx"
AGENDA_SV = "2_valmistelu/asialista_etela_sv.docx"
MATERIAL_FI = "2_valmistelu/ennakkomateriaali_etela_fi.docx"
MATERIAL_SV = "2_valmistelu/ennakkomateriaali_etela_sv.docx"
TASK_FI = "1_ennakko/ennakkotehtava_kunnat_fi.docx"
TASK_SV = "1_ennakko/ennakkotehtava_kunnat_sv.docx"
SOTE_SV = "1_ennakko/ennakkotehtava_sote_sv.docx"
NGO_SV = "1_ennakko/ennakkotehtava_jarjestot_sv.docx"
SUMMARY_FI = "4_seuranta/yhteenveto_2027_fi.docx"
SUMMARY_SV = "4_seuranta/yhteenveto_2027_sv.docx"

#: (review item, document, corrected text as the reader sees it)
DOCUMENT_TEXTS = [
    ("A30", KUTSU_SV, "Distansanslutning"),
    (
        "B1",
        KUTSU_FI,
        "Pyydämme, että kunnan neuvottelukokoonpanoon kuuluu myös luottamushenkilö ja että "
        "kokoonpanolla on valtuudet sopia neuvottelussa käsiteltävistä asioista.",
    ),
    (
        "A15",
        KUTSU_SV,
        "Vi ber att även en förtroendevald ingår i kommunens förhandlingsdelegation och att "
        "delegationen har befogenhet att komma överens om de frågor som behandlas.",
    ),
    (
        "A14",
        KUTSU_SV,
        "Vid förhandlingen behandlas läget i genomförandet av den regionala välfärds- och "
        "säkerhetsplanen",
    ),
    ("A5", KUTSU_SV, "Vi ber kommunerna att senast den "),
    (
        "A5",
        KUTSU_SV,
        "skicka in förhandsuppgifterna till välfärdsområdet, liksom de frågor som kommunen vill "
        "att parterna kommer överens om vid förhandlingen.",
    ),
    ("C7", KUTSU_FI, "Jakelu: osallistujat, kuntien kirjaamot"),
    ("C7", KUTSU_SV, "Distribution: deltagarna, kommunernas registratorskontor"),
    (
        "C2",
        AGENDA_FI,
        "Puheenjohtaja avaa neuvottelun. Todetaan osallistujat, valitaan pöytäkirjan "
        "tarkastajat ja hyväksytään asialista.",
    ),
    (
        "C2",
        AGENDA_SV,
        "Ordföranden öppnar förhandlingen. Deltagarna konstateras, protokolljusterare väljs "
        "och föredragningslistan godkänns.",
    ),
    ("C6", AGENDA_FI, "\n1 Neuvottelun avaus ja osallistujat\n"),
    ("C6", AGENDA_SV, "\n1 Öppnande av förhandlingen och deltagare\n"),
    (
        "A10",
        AGENDA_SV,
        "Man kommer överens om fortsatta åtgärder, samarbetsforum, uppföljningsansvar och "
        "tidsfrister.",
    ),
    ("A16", AGENDA_SV, "Frågor som kommunerna tar upp"),
    ("A16", MATERIAL_SV, "Frågor som kommunerna tar upp"),
    ("A16", MATERIAL_FI, "Kuntien nostot"),
    (
        "A6",
        TASK_SV,
        "Kommunen förbereder inför förhandlingen en kort presentation av de viktigaste frågorna "
        "inom temat med beaktande av hyte-koefficienten.",
    ),
    (
        "A7",
        TASK_SV,
        "Utse kommunens representanter med tanke på temat, bland dem en förtroendevald,",
    ),
    (
        "A9",
        SOTE_SV,
        "förbereder inför förhandlingarna en kort presentation av de viktigaste frågorna inom "
        "temat per serviceområde med beaktande av hyte-koefficienten: vad servicebehovet och "
        "klientdata visar,",
    ),
    ("A8", NGO_SV, "deras iakttagelser om människors vardag"),
    (
        "A10",
        NGO_SV,
        "Lyft fram var organisationerna kan delta i de åtgärder som man kommer överens om.",
    ),
    ("A11", TASK_FI, "Esityksen tulee olla tiivis, enintään 10 minuuttia tai muutama dia."),
    ("A11", TASK_SV, "Presentationen ska vara kort, högst 10 minuter eller några bilder."),
    (
        "B15",
        TASK_FI,
        "ne ovat valmistelun taustatietoa, eikä niitä käsitellä neuvotteluissa erikseen.",
    ),
    (
        "A12",
        TASK_SV,
        "de utgör bakgrundsmaterial för förberedelserna och behandlas inte separat vid "
        "förhandlingarna.",
    ),
    ("A13", TASK_SV, "Kommunerna ska besvara förhandsenkäten senast "),
    ("A4", TASK_SV, "Kontaktperson för frågor och för inlämning av förhandsuppgifterna:"),
    ("B8", SUMMARY_FI, "Yhteenvetoon on koottu vuoden 2027 hytetu-neuvotteluissa sovittujen"),
    ("B8", SUMMARY_FI, " tilanteen mukaan. Se liitetään vuoden 2028"),
    (
        "B9",
        SUMMARY_FI,
        # the advice to the coordinator is a build warning now, not in the recipients' text
        "kaikkien sovittujen asioiden tila on ”Ei aloitettu”.",
    ),
    ("B9", SUMMARY_SV, "alla överenskommelser har statusen ”Ej påbörjad”."),
    ("A23", SUMMARY_SV, "Sammanfattningen visar hur de överenskommelser som ingicks vid"),
    ("A24", SUMMARY_SV, "har framskridit enligt läget i uppföljningstabellen den "),
    ("B10", SUMMARY_FI, "Ei aloitettu 10, käynnissä 0, viivästynyt 0, peruttu 0."),
    ("A25", SUMMARY_SV, "Ej påbörjade 10, pågående 0, försenade 0, avbrutna 0."),
    ("A25", SUMMARY_SV, "Sammanlagt 10 överenskommelser, varav 0 är klara"),
]


def _text(build: BuildResult, path: str) -> str:
    out = next(o for o in build.outputs if o.path == path)
    return docx_text(out.content)


@pytest.mark.parametrize(
    ("item", "path", "expected"),
    DOCUMENT_TEXTS,
    ids=[
        f"{item}-{path.rsplit('/', 1)[1]}-{i}" for i, (item, path, _) in enumerate(DOCUMENT_TEXTS)
    ],
)
def test_corrected_text_is_in_the_document(
    example_build: BuildResult, item: str, path: str, expected: str
) -> None:
    assert expected in "\n" + _text(example_build, path) + "\n", item


@pytest.mark.parametrize(
    ("path", "old"),
    [
        (KUTSU_FI, "neuvotteluvaltuuskunta"),
        (KUTSU_SV, "Distansdeltagande"),
        (AGENDA_FI, "1. Neuvottelun avaus"),
        (AGENDA_SV, "avtalas"),
        (AGENDA_SV, "Kommunernas frågor"),
        (MATERIAL_SV, "Frågor till förhandlingen"),
        (TASK_SV, "koncis"),
        (TASK_SV, "i åtanke"),
        (SOTE_SV, "klientuppgifterna berättar"),
        (NGO_SV, "människornas"),
        (TASK_FI, "enintään noin"),
    ],
)
def test_old_wording_is_gone(example_build: BuildResult, path: str, old: str) -> None:
    assert old not in _text(example_build, path)


def test_b17_deadlines_in_date_order(example_build: BuildResult) -> None:
    # the example's survey is due 5.3., the pre-task 12.3.: the survey comes first
    text = _text(example_build, TASK_FI)
    deadlines = text.split("Määräajat", 1)[1]
    assert deadlines.index("ennakkokyselyyn") < deadlines.index("Ennakkotehtävä palautetaan")


def test_b16_phenomenon_description_after_a_colon(example_build: BuildResult) -> None:
    text = _text(example_build, TASK_FI)
    other = text.split("Muut tunnistetut ilmiöt", 1)[1].split("Määräajat", 1)[0]
    bullets = [line for line in other.splitlines()[2:] if line.strip()]
    assert bullets and all(" – " not in line for line in bullets)
    assert any(": " in line for line in bullets)


def test_b13_chart_description_names_palkki(example_build: BuildResult) -> None:
    for path, words in (
        (SUMMARY_FI, "Pinottu palkkikaavio: sovittujen asioiden määrä kunnittain ja tiloittain."),
        (SUMMARY_SV, "Liggande staplat stapeldiagram"),
    ):
        out = next(o for o in example_build.outputs if o.path == path)
        with zipfile.ZipFile(io.BytesIO(out.content)) as zf:
            xml = zf.read("word/document.xml").decode()
        assert words in xml and "pylväskaavio" not in xml


def _sheet_texts(build: BuildResult, path: str) -> str:
    out = next(o for o in build.outputs if o.path == path)
    wb = openpyxl.load_workbook(io.BytesIO(out.content))
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    return "\n".join(cells)


def test_a29_b21_survey_form_wording(example_build: BuildResult) -> None:
    sv = _sheet_texts(example_build, "1_ennakko/ennakkokysely_kaislahti_sv.xlsx")
    assert "välj det i listrutan i cellen" in sv
    assert "skicka tillbaka den som e-postbilaga" in sv
    assert "Skicka svaren senast " in sv and "Svaren skickas till: " in sv
    assert "rullgardinslista" not in sv and "Returnera" not in sv
    fi = _sheet_texts(example_build, "1_ennakko/ennakkokysely_karhunmaa_fi.xlsx")
    assert "Vastausten vastaanottaja: " in fi and "Palautus:" not in fi


def test_b11_b14_tracker_wording(example_build: BuildResult) -> None:
    out = next(
        o for o in example_build.outputs if o.path == "4_seuranta/seurantataulukko_2027.xlsx"
    )
    texts = _sheet_texts(example_build, out.path)
    assert "Määräaika ylittynyt" in texts and "Määräaika ohi" not in texts
    with zipfile.ZipFile(io.BytesIO(out.content)) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    assert charts
    assert "Sovittujen asioiden tila kunnittain" in charts[0]
    assert "Sovittujen asioiden määrä" in charts[0] and "Päätöksiä" not in charts[0]


def test_e23_distribution_header(example_build: BuildResult) -> None:
    texts = _sheet_texts(example_build, "4_seuranta/jakelulista_2027.xlsx")
    assert "Huomautus" in texts.splitlines()
    assert "Huomio" not in texts.splitlines()
    assert "suomi ja ruotsi" in texts


# ---------------------------------------------------------------- words the code chooses


@pytest.mark.parametrize(
    ("item", "key", "lang", "expected"),
    [
        ("A27", "status_Peruttu", "sv", "Avbruten"),
        ("A28", "chart_other_area", "fi", "Muu tai tuntematon palvelualue"),
        ("A28", "chart_other_area", "sv", "Annat eller okänt serviceområde"),
        ("A28", "chart_axis", "fi", "Sovittujen asioiden määrä"),
        ("A28", "chart_axis", "sv", "Antal överenskommelser"),
        (
            "B2",
            "item_previous",
            "fi",
            "Edellisen vuoden neuvotteluissa sovittujen asioiden toteutuminen",
        ),
        (
            "A23",
            "item_previous_text",
            "sv",
            "Översikt över hur de överenskommelser som ingicks vid föregående års förhandlingar "
            "har framskridit.",
        ),
    ],
)
def test_fixed_words(item: str, key: str, lang: str, expected: str) -> None:
    assert t(key, lang) == expected, item


def test_b13_chart_title() -> None:
    assert t("chart_title", "fi", by=t("chart_by_municipality", "fi")) == (
        "Sovittujen asioiden tila kunnittain"
    )


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (4, "fi", "neljässä"),
        (1, "fi", "yhdessä"),
        (14, "fi", "14"),
        (4, "sv", "fyra oavslutade överenskommelser"),
        (1, "sv", "en oavslutad överenskommelse"),
    ],
)
def test_b11_a25_overdue_count(n: int, lang: str, expected: str) -> None:
    assert _overdue_text(n, lang) == expected  # type: ignore[arg-type]


# ---------------------------------------------------------------- messages


def _message(parse, value: object) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError) as caught:
        parse(value)
    return str(caught.value)


@pytest.mark.parametrize(
    ("item", "parse", "value", "expected"),
    [
        ("E4", values.parse_date, "31.2.2027", "päivämäärää ”31.2.2027” ei ole olemassa."),
        (
            "E3",
            values.parse_language,
            "englanti",
            "Valitse ”suomi”, ”ruotsi”, ”suomi-ruotsi” tai ”ruotsi-suomi” "
            "(myös fi, sv, fi-sv ja sv-fi käyvät).",
        ),
        (
            "E3",
            values.parse_theme,
            "Liikunta",
            "Valitse ”Mielen hyvinvointi”, ”Elintavat”, ”Arjen turvallisuus” tai "
            "”Ehkäisevä päihdetyö”.",
        ),
        (
            "E3",
            values.parse_role,
            "pomo",
            "Valitse ”neuvottelija”, ”varajäsen”, ”asiantuntija” tai ”yhdyshenkilö”.",
        ),
        ("E3", values.parse_answer_type, "essee", "Valitse ”teksti”, ”kyllä/ei” tai ”valinta”."),
    ],
)
def test_value_messages(item: str, parse, value: object, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in _message(parse, value), item


def test_e9_error_count_agrees() -> None:
    one = Problem("Kunnat!A2", "x")
    assert str(InputError([one])) == "1 virhe"
    assert str(InputError([one, one])) == "2 virhettä"


def test_time_without_leading_zero() -> None:
    from pipeline.contract.grammar import clock

    assert clock(dt.time(8), "fi") == "klo 8.00"
    assert re.fullmatch(r"kl\. 9\.05", clock(dt.time(9, 5), "sv"))


# ---------------------------------------------------------------- the workbook hytetu init writes


def _blank_texts() -> str:
    from pipeline.starter.blank import blank_workbook

    wb = blank_workbook()
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    prompts = [f"{dv.prompt}\n{dv.error}" for ws in wb for dv in ws.data_validations.dataValidation]
    comments = [c.comment.text for ws in wb for row in ws.iter_rows() for c in row if c.comment]
    return "\n".join(cells + prompts + comments)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("F1", "Tiedonohjaussuunnitelman tehtäväluokka"),
        ("F2", "Alueellisen hyvinvointi- ja turvallisuussuunnitelman kausi"),
        ("F3", "Neuvottelukokoonpanot ja yhdyshenkilöt."),
        ("F4", "Edellisen vuoden seurantataulukon polku työkirjan kansiosta lähtien"),
        ("F5", "Vastaustyyppi-, Painopiste- ja Teema-soluissa on valikko."),
        ("F6", "Valitsimet: --out KANSIO (muu tulostekansio), --pdf (myös PDF-kopiot)."),
        ("E8", "Sallitut arvot: neuvottelija, varajäsen, asiantuntija ja yhdyshenkilö."),
        ("S4", "Valitse: neuvottelija, varajäsen, asiantuntija tai yhdyshenkilö."),
    ],
)
def test_blank_workbook_wording(item: str, expected: str) -> None:
    text = _blank_texts()
    assert expected in text, item
    for old in ("Arkistonmuodostus", "yhteyshenkilöt", "Odotettu arvo", "Valinnat:"):
        assert old not in text


def test_b2_agenda_item_renamed_and_old_name_still_recognised() -> None:
    from pipeline.contract import schema
    from pipeline.contract.agenda import recognise_agenda_item

    assert "Edellisen vuoden neuvotteluissa sovitut asiat" in schema.AGENDA_ITEMS_FI
    assert recognise_agenda_item("Edellisen vuoden neuvotteluissa sovitut asiat") == "previous"
    assert recognise_agenda_item("Edellisen vuoden sopimukset") == "previous"


def test_b20_invitation_signed_with_name_and_title(example_build: BuildResult) -> None:
    assert "\nHanna Lehtinen, hytetu-koordinaattori\n" in _text(example_build, KUTSU_FI)
    sv = _text(example_build, KUTSU_SV)
    assert "\nHanna Lehtinen, " in sv
