"""The survey forms (ennakkokysely.xlsx) and reading the forms municipalities return."""

from __future__ import annotations

import functools
import io
import re
import shutil
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.app import build, check
from pipeline.contract import survey_form as layout
from pipeline.contract.i18n import t
from pipeline.documents import survey_forms as survey
from pipeline.errors import Problems
from pipeline.output.office import convert
from pipeline.render.xlsx import set_text
from pipeline.workbook import returned_forms
from pipeline.workbook.model import SurveyQuestion
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of
from tests.helpers.office import soffice_or_skip
from tests.helpers.xlsx_parts import rewrite_parts

QUESTIONS = [
    ["Nro", "Kysymys", "Vastaustyyppi", "Vaihtoehdot"],
    ["1", "Onko kunnassa ajantasainen hyvinvointikertomus?", "kyllä/ei", ""],
    ["2", "Miten liikuntaneuvonta toimii?", "valinta", "Hyvin; Kohtalaisesti; Huonosti"],
    ["3", "Mikä kuvaa tilannetta parhaiten?", "valinta", "Yksi, kaksi; Kolme; Ei, ei mitään"],
    ["4", "=SUMMA(A1) & <kerro> {{ x }}", "teksti", ""],
]
#: the rows of the answer cells, in question order
Q1, Q2, Q3, Q4 = (layout.FIRST_QUESTION_ROW + i for i in range(4))


def sheets_with_questions() -> dict:
    sheets = wbs.base()
    sheets["Kyselyn kysymykset"] = [list(r) for r in QUESTIONS]
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("survey")
    return root, build_of(root, sheets_with_questions())


#: each form is in its municipality's main language, and its file name says which
FORM_LANG = {"alajarvenkyla": "fi", "pikkula": "fi", "bykulla": "sv", "cedervik": "fi"}


def form(built, slug: str) -> Path:
    _, result = built
    return result.target / "1_ennakko" / f"ennakkokysely_{slug}_{FORM_LANG[slug]}.xlsx"


def validations(ws) -> dict[str, str]:
    """answer cell -> list formula"""
    found = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        for cell in str(dv.sqref).split():
            found[cell] = dv.formula1
    return found


# ------------------------------------------------------------------ the form


def test_one_form_per_municipality_in_its_main_language(built):
    _, result = built
    forms = {o.municipality: o for o in result.outputs if o.doc_type == "ennakkokysely"}
    assert set(forms) == {"Alajärvenkylä", "Pikkula", "Bykulla", "Cedervik"}
    assert forms["Bykulla"].lang == "sv"  # ruotsi-suomi: Swedish majority
    assert forms["Cedervik"].lang == "fi"  # suomi-ruotsi
    assert forms["Pikkula"].path == "1_ennakko/ennakkokysely_pikkula_fi.xlsx"
    assert forms["Bykulla"].path == "1_ennakko/ennakkokysely_bykulla_sv.xlsx"
    assert forms["Alajärvenkylä"].path == "1_ennakko/ennakkokysely_alajarvenkyla_fi.xlsx"


def test_finnish_form_top_prefilled_and_questions(built):
    wb = load_workbook(form(built, "alajarvenkyla"))
    ws = wb["Ennakkokysely"]
    assert ws["A1"].value == "Ennakkokysely 2027"
    assert "Testilän hyvinvointialue" in ws["A2"].value and "Elintavat" in ws["A2"].value
    assert "Vastaus-sarakkeeseen" in ws["A3"].value
    assert ws["A4"].value == "Palauta vastaukset viimeistään perjantaina 5. maaliskuuta 2027."
    assert "kaisa.koordinaattori@testila.fi" in ws["A5"].value
    assert (ws["A6"].value, ws["B6"].value) == ("Kunta", "Alajärvenkylä")
    assert [ws[f"{c}{layout.ROW_HEADER}"].value for c in "ABC"] == ["Nro", "Kysymys", "Vastaus"]
    assert [ws[f"B{r}"].value for r in (Q1, Q2, Q3, Q4)] == [r[1] for r in QUESTIONS[1:]]
    # text that looks like a formula or a template tag stays text
    assert ws[f"B{Q4}"].data_type == "s"
    assert ws[f"C{Q4}"].alignment.wrap_text
    assert ws.row_dimensions[Q4].height >= 60
    assert wb.properties.creator == "Testilän hyvinvointialue"
    assert wb.properties.language == "fi-FI"
    assert wb.properties.title == "Ennakkokysely 2027: Alajärvenkylä"


def test_dropdowns_on_the_right_cells_with_the_right_lists(built):
    wb = load_workbook(form(built, "alajarvenkyla"))
    found = validations(wb["Ennakkokysely"])
    assert found[f"C{Q1}"] == '"kyllä,ei"'
    assert found[f"C{Q2}"] == '"Hyvin,Kohtalaisesti,Huonosti"'
    assert f"C{Q4}" not in found  # a text question has no list
    # choices with commas cannot be in the formula: a hidden sheet holds them
    ref = found[f"C{Q3}"]
    match = re.fullmatch(r"'valinnat'!\$([A-Z]+)\$1:\$\1\$(\d+)", ref)
    assert match, ref
    helper = wb[layout.CHOICES_SHEET]
    assert helper.sheet_state == "hidden"
    column, count = match.group(1), int(match.group(2))
    assert [helper[f"{column}{i}"].value for i in range(1, count + 1)] == [
        "Yksi, kaksi",
        "Kolme",
        "Ei, ei mitään",
    ]


def test_only_answer_cells_are_unlocked_and_no_password(built):
    wb = load_workbook(form(built, "pikkula"))
    ws = wb["Ennakkokysely"]
    assert ws.protection.sheet is True
    assert not ws.protection.password
    assert wb.security.lockStructure and not wb.security.workbookPassword
    for r in (Q1, Q2, Q3, Q4):
        assert ws[f"C{r}"].protection.locked is False
        assert ws[f"B{r}"].protection.locked is True
        assert ws[f"A{r}"].protection.locked is True
    for ref in ("A1", "A4", "B6", "C6"):
        assert ws[ref].protection.locked is True


def test_swedish_form_for_a_swedish_majority_municipality(built):
    wb = load_workbook(form(built, "bykulla"))
    ws = wb["Förhandsenkät"]
    assert ws["A1"].value == "Förhandsenkät 2027"
    assert "Testby välfärdsområde" in ws["A2"].value and "Levnadsvanor" in ws["A2"].value
    assert ws["A3"].value.startswith("Besvara frågorna")
    assert ws["A4"].value == "Skicka svaren senast fredagen den 5 mars 2027."
    assert (ws["A6"].value, ws["B6"].value) == ("Kommun", "Bykulla stad")
    assert [ws[f"{c}{layout.ROW_HEADER}"].value for c in "ABC"] == ["Nr", "Fråga", "Svar"]
    # questions are as typed: there is no Swedish question column
    assert ws[f"B{Q1}"].value == QUESTIONS[1][1]
    assert validations(ws)[f"C{Q1}"] == '"ja,nej"'
    assert wb.properties.language == "sv-FI"


def test_marker_names_the_form(built):
    wb = load_workbook(form(built, "bykulla"))
    assert wb[layout.MARKER_SHEET].sheet_state == "veryHidden"
    marker = returned_forms.read_marker(wb)
    assert (marker.year, marker.municipality, marker.lang) == ("2027", "Bykulla", "sv")
    assert marker.questions == tuple((r[1], f"C{Q1 + i}") for i, r in enumerate(QUESTIONS[1:]))


def test_no_questions_no_forms(tmp_path):
    result = build(wbs.write(tmp_path / "hytetu.xlsx"), tmp_path / "out")
    assert not [o for o in result.outputs if o.doc_type == "ennakkokysely"]
    assert any("Kyselyn kysymykset" in line for line in result.skipped)


# ------------------------------------------------------- returned forms


def fill(source: Path, target: Path, answers: dict[int, str], saved: str | None = None) -> Path:
    """Answer a form the way a municipality does, in Excel (here openpyxl)."""
    wb = load_workbook(source)
    ws = wb.worksheets[0]
    for row, value in answers.items():
        set_text(ws[f"C{row}"], value)  # typed text, not a formula
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    if saved:
        set_saved(target, saved)
    return target


def set_saved(path: Path, when: str) -> None:
    """Put ``when`` (ISO) into the file's own "last saved" record, as Excel would."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(<)",
                    rb"\g<1>" + when.encode() + rb"\g<2>",
                    content,
                )
            dst.writestr(info, content)
    path.write_bytes(out.getvalue())


@pytest.fixture
def returned(built, tmp_path):
    """A workbook whose kyselyvastaukset/ holds good, duplicate and broken forms."""
    sheets = sheets_with_questions()
    sheets["Ennakkokysely"] = [
        ["ID", "Kunta", QUESTIONS[1][1], QUESTIONS[4][1]],
        ["17", "Bykulla", "ja", "Svar i bladet"],
    ]
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets)
    folder = tmp_path / layout.FOLDER
    fill(
        form(built, "alajarvenkyla"),
        folder / "Alajärvenkylä vastaus.xlsx",
        {Q1: "kyllä", Q2: "Hyvin", Q3: "Yksi, kaksi", Q4: "=SUMMA(A1)\nkaksi riviä & <b>"},
    )
    fill(form(built, "pikkula"), folder / "pikkula_1.xlsx", {Q1: "ei"}, "2027-02-01T10:00:00Z")
    fill(form(built, "pikkula"), folder / "pikkula_2.xlsx", {Q1: "kyllä"}, "2027-02-20T10:00:00Z")
    fill(form(built, "bykulla"), folder / "bykulla.xlsx", {Q1: "nej"})
    # Cedervik's form with a question rewritten (the sheet unprotected first)
    wb = load_workbook(form(built, "cedervik"))
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    ws[f"B{Q2}"] = "Oma kysymys"
    ws[f"C{Q2}"] = "vastaus muutettuun kysymykseen"
    ws[f"C{Q1}"] = "kyllä"
    wb.save(folder / "cedervik.xlsx")
    # the hidden sheet deleted (e.g. answers copied into a new workbook)
    wb = load_workbook(form(built, "alajarvenkyla"))
    del wb[layout.MARKER_SHEET]
    wb.worksheets[0][f"C{Q1}"] = "ei"
    wb.save(folder / "kopio.xlsx")
    # a form of a municipality that is not in Kunnat
    wb = load_workbook(form(built, "pikkula"))
    wb[layout.MARKER_SHEET]["B4"] = "Muualla"
    wb.worksheets[0][f"C{Q1}"] = "ei"
    wb.save(folder / "muualla.xlsx")
    (folder / "vastaus.pdf").write_bytes(b"%PDF-1.4 not a form")
    (folder / "rikki.xlsx").write_bytes(b"this is no zip")
    (folder / "~$pikkula_2.xlsx").write_bytes(b"\x00lock")
    (folder / ".~lock.pikkula_2.xlsx#").write_text("Kerttu,kone,27.02.2027 10:00;")
    # a form whose sheet XML was cut off (a broken download): parsing fails, not the zip
    cut = shutil.copy(form(built, "pikkula"), folder / "katkaistu.xlsx")
    with zipfile.ZipFile(cut) as zf:
        part = zf.read("xl/worksheets/sheet1.xml")
    rewrite_parts(cut, {"xl/worksheets/sheet1.xml": part[: len(part) // 2]})
    shutil.copy(form(built, "alajarvenkyla"), folder / "tyhja.xlsx")
    return workbook


def by_file(problems) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in problems:
        if p.where.startswith(layout.FOLDER):
            name = p.where.split("/", 1)[1].split(",", 1)[0]
            found.setdefault(name, []).append(str(p))
    return found


def test_returned_forms_are_read_and_every_bad_one_named(returned):
    data, problems = check(returned)
    assert not problems.errors, problems.errors
    assert data is not None
    responses = {r.municipality: r for r in data.responses}
    ala = responses["Alajärvenkylä"]
    assert ala.source == "Alajärvenkylä vastaus.xlsx"
    assert ala.answers == (
        (QUESTIONS[1][1], "kyllä"),
        (QUESTIONS[2][1], "Hyvin"),
        (QUESTIONS[3][1], "Yksi, kaksi"),
        (QUESTIONS[4][1], "=SUMMA(A1)\nkaksi riviä & <b>"),
    )
    # the newer of two forms wins
    assert responses["Pikkula"].source == "pikkula_2.xlsx"
    assert dict(responses["Pikkula"].answers)[QUESTIONS[1][1]] == "kyllä"
    # the sheet wins over a returned form
    assert responses["Bykulla"].source == "Ennakkokysely!B2"  # the row's Kunta cell
    # a form with one question rewritten: the other answers are still read
    assert responses["Cedervik"].source == "cedervik.xlsx"
    assert dict(responses["Cedervik"].answers) == {
        QUESTIONS[1][1]: "kyllä",
        QUESTIONS[3][1]: "",
        QUESTIONS[4][1]: "",
    }
    assert len(data.responses) == 4

    warned = by_file(problems.warnings)
    assert "Alajärvenkylä vastaus.xlsx" not in warned and "pikkula_2.xlsx" not in warned
    assert "uudempi (kyselyvastaukset/pikkula_2.xlsx" in warned["pikkula_1.xlsx"][0]
    assert "Ennakkokysely-välilehdellä (Ennakkokysely!B2)" in warned["bykulla.xlsx"][0]
    assert warned["cedervik.xlsx"][0].startswith(
        f"kyselyvastaukset/cedervik.xlsx, Ennakkokysely!B{Q2}: "
    )
    assert "tunnistevälilehti puuttuu" in warned["kopio.xlsx"][0]
    assert "”Muualla”" in warned["muualla.xlsx"][0]
    assert "ei ole Excel-työkirja" in warned["vastaus.pdf"][0]
    assert "ei ole Excel-työkirja" in warned["rikki.xlsx"][0]
    assert "lukitustiedosto" in warned["~$pikkula_2.xlsx"][0]
    assert (
        ".~lock.pikkula_2.xlsx#" in warned
        and "lukitustiedosto" in warned[".~lock.pikkula_2.xlsx#"][0]
    )
    cut = warned["katkaistu.xlsx"]
    assert len(cut) == 1 and "vioittunut" in cut[0] and "Lomaketta ei luettu" in cut[0]
    assert "ei ole yhtään vastausta" in warned["tyhja.xlsx"][0]


def test_build_with_returned_forms_succeeds_and_reports_them(returned, tmp_path):
    result = build(returned, tmp_path / "out")
    assert set(by_file(result.warnings)) >= {"kopio.xlsx", "muualla.xlsx", "rikki.xlsx"}
    assert any(o.doc_type == "ennakkokysely" for o in result.outputs)


def test_answer_to_a_question_no_longer_asked_is_kept_with_a_warning(built, tmp_path):
    sheets = sheets_with_questions()
    del sheets["Kyselyn kysymykset"][2]  # question 2 removed after the forms went out
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets)
    fill(form(built, "pikkula"), tmp_path / layout.FOLDER / "p.xlsx", {Q1: "ei", Q2: "Hyvin"})
    data, problems = check(workbook)
    assert data is not None
    (response,) = data.responses
    # current questions first, the removed one after them
    assert response.answers[-1] == (QUESTIONS[2][1], "Hyvin")
    (warning,) = by_file(problems.warnings)["p.xlsx"]
    assert f"Ennakkokysely!C{Q2}" in warning and "ei ole enää" in warning


def test_last_years_form_is_not_read(built, tmp_path):
    sheets = sheets_with_questions()
    wbs.set_cell(sheets, "Asetukset", 3, "Arvo", 2028)
    sheets["Neuvottelut"][1][2] = "14.4.2028"
    sheets["Neuvottelut"][2][2] = "5.5.2028"
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets)
    fill(form(built, "pikkula"), tmp_path / layout.FOLDER / "p.xlsx", {Q1: "ei"})
    data, problems = check(workbook)
    assert data is not None and data.responses == ()
    (warning,) = by_file(problems.warnings)["p.xlsx"]
    assert "2027" in warning and "2028" in warning


@pytest.mark.libreoffice
def test_libreoffice_opens_the_form_and_a_form_it_saved_is_read(built, tmp_path):
    soffice_or_skip()
    filled = fill(form(built, "bykulla"), tmp_path / "in" / "bykulla.xlsx", {Q1: "ja", Q2: "Hyvin"})
    pdfs, log = convert([form(built, "alajarvenkyla")], "pdf", tmp_path / "pdf")
    assert pdfs, log
    # the municipality saved it in LibreOffice Calc: still a form, still protected
    saved, log = convert([filled], "xlsx:Calc MS Excel 2007 XML", tmp_path / layout.FOLDER)
    assert saved, log
    wb = load_workbook(saved[filled])
    ws = wb.worksheets[0]
    assert ws.protection.sheet and ws[f"C{Q1}"].protection.locked is False
    assert validations(ws)[f"C{Q1}"] == '"ja,nej"'
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets_with_questions())
    data, problems = check(workbook)
    assert data is not None, problems.errors
    (response,) = data.responses
    assert response.municipality == "Bykulla" and response.answers[:2] == (
        (QUESTIONS[1][1], "ja"),
        (QUESTIONS[2][1], "Hyvin"),
    )


# ----------------------------------------------------------------- property

_TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";")
        | st.sampled_from(["\n", "=", ",", '"', "<", "&", "{", "😀"]),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


def _offered(wb, formula: str) -> list[str]:
    """The choices a list validation offers, from the formula or the helper sheet range."""
    if formula.startswith('"'):
        return formula[1:-1].split(",")
    sheet, cells = formula.split("!")
    first, last = cells.replace("$", "").split(":")
    ws = wb[sheet.strip("'")]
    return [c.value for (c,) in ws[f"{first}:{last}"]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    questions=st.lists(
        _TEXT, min_size=1, max_size=4, unique_by=lambda q: " ".join(q.casefold().split())
    ),
    choices=st.lists(_TEXT, min_size=2, max_size=12),
    answer=_TEXT,
)
def test_any_text_makes_a_working_form_and_comes_back_exactly(built, questions, choices, answer):
    """Whatever the questions, choices and answers, the dropdown offers exactly the choices
    and a filled form reads back exactly what was typed."""
    root, _ = built
    data, _ = check(root / "hytetu.xlsx")
    assert data is not None
    asked = [SurveyQuestion(str(i), q, "valinta", tuple(choices)) for i, q in enumerate(questions)]
    data = replace(data, questions=asked, responses=[])
    wb = survey.form_workbook(data, data.municipalities[0])
    ws = wb.worksheets[0]
    found = validations(ws)
    for row in range(layout.FIRST_QUESTION_ROW, layout.FIRST_QUESTION_ROW + len(asked)):
        assert _offered(wb, found[f"C{row}"]) == list(choices)
        set_text(ws[f"C{row}"], answer)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / layout.FOLDER
        folder.mkdir()
        wb.save(folder / "vastaus.xlsx")
        data = replace(data, workbook=Path(tmp) / "hytetu.xlsx")
        problems = Problems()
        taken = returned_forms.read_returned_forms(data, problems)
    assert not problems.items, problems.items
    (response,) = [form.response for form in taken]
    assert response.answers == tuple((q, answer) for q in questions)


def test_validate_command_names_each_bad_form(returned):
    from click.testing import CliRunner

    from pipeline import cli

    result = CliRunner().invoke(cli.main, ["validate", str(returned)])
    assert result.exit_code == 0, result.output
    for name in ("kopio.xlsx", "muualla.xlsx", "rikki.xlsx", "vastaus.pdf", "pikkula_1.xlsx"):
        assert f"kyselyvastaukset/{name}" in result.output
    assert "Traceback" not in result.output


# ------------------------------------------------------- form file names


def test_municipalities_with_the_same_file_name_are_an_error_naming_both_cells(tmp_path):
    sheets = sheets_with_questions()
    sheets["Kunnat"].append(["Ähtäri", "", "suomi", "Pohjoinen", ""])
    sheets["Kunnat"].append(["Ahtari", "", "ruotsi", "Pohjoinen", ""])
    first, second = len(sheets["Kunnat"]) - 1, len(sheets["Kunnat"])
    data, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    assert data is None
    (error,) = [str(p) for p in problems.errors]
    assert error.startswith(f"Kunnat!A{second}: kunta ”Ahtari” antaa saman tiedostonimen")
    assert f"solussa Kunnat!A{first}" in error and "ahtari" in error


def test_every_form_has_its_own_file_named_with_its_language(built):
    _, result = built
    forms = [o for o in result.outputs if o.doc_type == "ennakkokysely"]
    assert len({o.path for o in forms}) == len(forms) == 4
    for o in forms:
        assert o.path.endswith(f"_{o.lang}.xlsx")
        assert (result.target / o.path).is_file()
    listed = (result.target / "arkistoluettelo.csv").read_text(encoding="utf-8-sig")
    assert sum(line.startswith("1_ennakko/ennakkokysely_") for line in listed.splitlines()) == 4


# ------------------------------------------------ forms prepared once per language


def _parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


@functools.cache
def _survey_job():
    import datetime as dt

    from pipeline.documents.inputs import BuildInputs

    with tempfile.TemporaryDirectory() as tmp:
        data, _ = check(wbs.write(Path(tmp) / "hytetu.xlsx", sheets_with_questions()))
    return BuildInputs(data=data, build_date=dt.date(2027, 3, 1))


@settings(max_examples=25, deadline=None)
@given(
    name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30),
    name_sv=st.sampled_from(["", 'Åland & <Ö> "x" 😀', "=SUMMA(A1)"]),
    language=st.sampled_from(["fi", "sv", "fi-sv", "sv-fi"]),
)
def test_prepared_form_is_the_form_openpyxl_makes(name, name_sv, language):
    """A municipality's copy of the prepared form holds, part by part, exactly what
    building its form with openpyxl gives, whatever its names (or it declines)."""
    from pipeline.contract.values import clean_text
    from pipeline.output.reproducible import normalize_xlsx
    from pipeline.render.xlsx import set_properties, workbook_bytes

    job = _survey_job()
    data = job.data
    m = replace(data.municipalities[0], name=name, name_sv=name_sv, language=language)
    lang = m.main_language
    prepared = survey.PreparedForm.of(data, m, job.properties)
    assert prepared is not None
    fast = prepared.fill(m)
    if fast is None:  # names openpyxl would write otherwise: the build makes those the slow way
        assert clean_text(name) != name
        return
    wb = survey.form_workbook(data, m)
    set_properties(wb, job.properties(survey.form_title(data, m, lang), "ennakkokysely", lang))
    # openpyxl stamps the wall clock into docProps/core.xml at every save; the build
    # replaces it with the build's time, so compare what the build writes
    slow = _parts(normalize_xlsx(workbook_bytes(wb), job.created))
    fast = normalize_xlsx(fast, job.created)
    assert list(_parts(fast)) == list(slow)
    for part, xml in _parts(fast).items():
        assert xml == slow[part], part
    ws = load_workbook(io.BytesIO(fast))[t("title_ennakkokysely", lang)]
    shown = ws[f"B{layout.ROW_MUNICIPALITY}"]
    assert shown.value == m.name_in(lang) and shown.data_type == "s"


def test_a_name_that_looks_like_a_formula_stays_text_in_the_built_form(tmp_path):
    sheets = sheets_with_questions()
    sheets["Kunnat"].append(["=SUMMA(A1)", "", "suomi", "Pohjoinen", ""])
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    (out,) = [
        o
        for o in result.outputs
        if o.municipality == "=SUMMA(A1)" and o.doc_type == "ennakkokysely"
    ]
    wb = load_workbook(result.target / out.path)
    cell = wb.active[f"B{layout.ROW_MUNICIPALITY}"]
    assert (cell.value, cell.data_type) == ("=SUMMA(A1)", "s")
    marker = {r[0]: r[1] for r in wb[layout.MARKER_SHEET].iter_rows(values_only=True)}
    assert marker["kunta"] == "=SUMMA(A1)"
    assert wb.properties.title.endswith(": =SUMMA(A1)")


def test_an_unreadable_answers_folder_is_a_warning_not_a_crash(tmp_path, monkeypatch):
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets_with_questions())
    folder = tmp_path / layout.FOLDER
    folder.mkdir()
    real_iterdir = Path.iterdir

    def refuse(self):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    data, problems = check(workbook)
    assert data is not None and problems.errors == []
    assert any(p.where == layout.FOLDER and "ei voi lukea" in p.message for p in problems.warnings)
