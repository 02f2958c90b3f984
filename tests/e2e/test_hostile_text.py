"""Whatever a person types into a cell reaches the documents exactly as typed.

``&<>"'``, line breaks, tabs, emoji, right-to-left text, text that looks like a
formula or a template tag: verbatim in Word and Excel outputs. Characters XML 1.0
forbids become a visible U+FFFD and never a file Word refuses. Names never lead
a file outside the output folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.app import build, load
from pipeline.contract import naming
from pipeline.contract.values import REPLACEMENT, clean_text
from pipeline.documents.contexts import negotiation as context
from pipeline.documents.inputs import BuildInputs
from pipeline.render.word import Renderer
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text, table_rows
from tests.helpers.office import soffice_or_skip

SPECIALS = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "<w:t>",
    "]]>",
    "\n",
    "\t",
    "  ",
    "🎉",
    "👩‍👩‍👧",
    "مرحبا بالعالم",
    "שלום",
    "\u202e",
    "{{ 7*7 }}",
    "{% if x %}",
    "{%p endif %}",
    "{{",
    "}}",
    "{_{",
    "%}",
    "{#",
    "=SUMMA(A1)",
    "+1",
    "@x",
    "Ä Ö å",
    "\x00",
    "\x0b",
    "\x1f",
    "\ufffe",
    "\x07",
    "\x0c",
]

hostile = st.lists(
    st.one_of(st.sampled_from(SPECIALS), st.text(max_size=6)), min_size=1, max_size=6
).map("".join)

#: what XML 1.0 forbids (and clean_text replaces)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: what openpyxl can store in a cell; forbidden characters arrive via Excel's _xHHHH_ escapes
typeable = hostile.map(lambda s: FORBIDDEN.sub("", s)).filter(clean_text)


def as_document_shows(text: str) -> str:
    """How python-docx reads back a value: the cleaned text (line breaks, tabs kept)."""
    return clean_text(text)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    data, _ = load(wbs.write(tmp_path_factory.mktemp("hostile") / "hytetu.xlsx"))
    return data


RENDERER = Renderer()


def render_agenda_and_minutes(data, text: str) -> tuple[str, str]:
    """Put ``text`` (as validation would clean it) into a raised item and a decision."""
    cleaned = clean_text(text)
    raised = [dataclasses.replace(data.raised[0], topic=cleaned), *data.raised[1:]]
    decisions = [dataclasses.replace(data.decisions[0], follow_up=cleaned), *data.decisions[1:]]
    changed = dataclasses.replace(data, raised=raised, decisions=decisions)
    job = BuildInputs(data=changed, build_date=dt.date(2027, 3, 1), renderer=RENDERER)
    n = changed.negotiations[0]
    out = []
    for doc_type in ("asialista", "poytakirja"):
        ctx = context.negotiation_doc(changed, n, "fi", doc_type, job.build_date, None)
        out.append(docx_text(job.render("fi", doc_type, ctx, "otsikko")))
    return out[0], out[1]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_any_text_reaches_word_documents_verbatim(year, text):
    expected = as_document_shows(text)
    agenda, minutes = render_agenda_and_minutes(year, text)
    if expected:
        assert expected in agenda
        assert expected in minutes
    for forbidden in ("\x00", "\x0b", "\x1f", "\ufffe", "\x07", "\x0c"):
        assert forbidden not in agenda + minutes


@settings(max_examples=100, deadline=None)
@given(text=hostile)
def test_forbidden_characters_become_visible_replacements(text):
    cleaned = clean_text(text)
    assert not FORBIDDEN.search(cleaned)
    # one visible U+FFFD for every forbidden character: nothing vanishes silently
    assert cleaned.count(REPLACEMENT) == len(FORBIDDEN.findall(text)) + text.count(REPLACEMENT)


def test_worst_case_text_gives_documents_word_opens(year):
    worst = "".join(SPECIALS)
    agenda, minutes = render_agenda_and_minutes(year, worst)
    shown = clean_text(worst)
    assert REPLACEMENT in shown
    assert shown in agenda and shown in minutes


def _build_with(text: str, out_root: Path) -> tuple[Path, str]:
    sheets = wbs.base()
    wbs.set_cell(sheets, "Nostot", 1, "Aihe", text)
    wbs.set_cell(sheets, "Päätökset", 1, "Jatkotoimi", text)
    wbs.set_cell(sheets, "Päätökset", 1, "Päätös", text + " (päätös)")
    workbook = wbs.write(out_root / "hytetu.xlsx", sheets)
    result = build(workbook, out_root / "out")
    return result.target, clean_text(text)


def _tracker_cells(target: Path) -> list:
    path = next((target / "4_seuranta").glob("seurantataulukko_*.xlsx"))
    wb = load_workbook(path)
    return [cell for row in wb["Seuranta"].iter_rows() for cell in row]


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=typeable)
def test_text_typed_in_the_workbook_arrives_in_every_output(text):
    with tempfile.TemporaryDirectory() as tmp:
        target, shown = _build_with(text, Path(tmp))
        agenda = docx_text((target / "2_valmistelu" / "asialista_pohjoinen_fi.docx").read_bytes())
        minutes = docx_text(
            (target / "3_neuvottelut" / "poytakirja_pohjoinen_fi.docx").read_bytes()
        )
        assert shown in agenda
        assert shown in minutes
        cells = _tracker_cells(target)
        matching = [c for c in cells if c.value == shown]
        assert matching, "the follow-up action is missing from the tracker"
        assert all(c.data_type == "s" for c in matching), "text became a formula"
        assert any(c.value == clean_text(f"{text} (päätös)") for c in cells)


def test_formula_and_tag_lookalikes_stay_text_in_the_tracker(tmp_path):
    target, shown = _build_with("=SUMMA(A1)+{{ 7*7 }}", tmp_path)
    path = next((target / "4_seuranta").glob("seurantataulukko_*.xlsx"))
    with zipfile.ZipFile(path) as zf:
        sheets = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/")]
    formulas = [f for xml in sheets for f in re.findall(r"<f>(.*?)</f>", xml)]
    assert not any("SUMMA" in f or "7*7" in f for f in formulas), "typed text became a formula"
    cells = [c for c in _tracker_cells(target) if c.value == shown]
    assert cells and all(c.data_type == "s" for c in cells)
    minutes = docx_text((target / "3_neuvottelut" / "poytakirja_pohjoinen_fi.docx").read_bytes())
    assert "=SUMMA(A1)+{{ 7*7 }}" in minutes and "49" not in minutes


def _shared_string_workbook(tmp_path: Path, escaped: str) -> Path:
    """A workbook whose Nostot!B2 comes from a shared-string table, as Excel writes it."""
    from tests.helpers.xlsx_parts import add_shared_strings, edit_sheet_xml

    path = wbs.write(tmp_path / "hytetu.xlsx")
    edit_sheet_xml(
        path,
        "Nostot",
        lambda xml: re.sub(
            r'<c r="B2"[^>]*>.*?</c>', '<c r="B2" t="s"><v>0</v></c>', xml, count=1, flags=re.S
        ),
    )
    add_shared_strings(
        path,
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{escaped}</t></si></sst>',
    )
    return path


def test_control_characters_from_excel_escapes_are_replaced_visibly(tmp_path):
    # Excel stores a control character typed into a cell as _x0001_ in the XML
    workbook = _shared_string_workbook(tmp_path, "Liikunta_x0001_neuvonta_x000B_!")
    data, _ = load(workbook)
    topic = data.raised[0].topic
    assert "\x01" not in topic and "\x0b" not in topic
    assert topic.startswith("Liikunta") and topic.endswith("!")
    result = build(workbook, tmp_path / "out")
    agenda = (result.target / "2_valmistelu" / "asialista_pohjoinen_fi.docx").read_bytes()
    docx.Document(io.BytesIO(agenda))  # opens
    assert topic in docx_text(agenda)


@pytest.mark.libreoffice
def test_libreoffice_opens_a_worst_case_document(tmp_path):
    soffice_or_skip()
    from pypdf import PdfReader

    from pipeline.output.office import convert

    worst = FORBIDDEN.sub("", "".join(SPECIALS))
    target, shown = _build_with(worst, tmp_path)
    minutes = target / "3_neuvottelut" / "poytakirja_pohjoinen_fi.docx"
    done, log = convert([minutes], "pdf", tmp_path / "pdf")
    assert minutes in done, log
    text = "".join(page.extract_text() for page in PdfReader(done[minutes]).pages)
    # the typed U+202E (right-to-left override) reverses what follows it on the page, so
    # only the text before it reads left to right in the PDF; LibreOffice opened the file
    assert "&<>\"'&amp;<w:t>]]>" in text and "مرحبا" in text
    rows = table_rows(minutes.read_bytes())
    assert any(shown.split("\n")[0] in cell for row in rows for cell in row)


# ---------------------------------------------------------------- file names

#: ASCII, lowercase, no spaces, one phase folder deep (a Windows device name gets a "_")
SAFE_NAME = re.compile(r"^[1-4]_[a-z]+/[a-z][a-z0-9_-]*\.(docx|xlsx)$")


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(hostile, min_size=1, max_size=3))
def test_file_names_from_any_text_stay_inside_the_output_folder(parts):
    relative = naming.output_path("kutsu", *parts, ext="docx")
    assert SAFE_NAME.match(relative), relative
    root = Path("/tmp/hytetu-juuri")
    resolved = (root / relative).resolve()
    assert root in resolved.parents
    assert ".." not in PurePosixPath(relative).parts


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../x", "x"),
        ("a/b", "a-b"),
        ("a\\b", "a-b"),
        ("Ä Ö", "a-o"),
        ("Närpes / Närpiö", "narpes-narpio"),
        ("CON", "con_"),
        ("com1", "com1_"),
        ("lpt9", "lpt9_"),
        ("C:\\Windows", "c-windows"),
        ("/etc/passwd", "etc-passwd"),
    ],
)
def test_slug_of_dangerous_names(name, expected):
    assert naming.slug(name) == expected


def test_build_with_path_like_negotiation_codes_stays_inside(tmp_path):
    sheets = wbs.base()
    for row, code in ((1, "../../pohjoinen"), (2, "CON")):
        wbs.set_cell(sheets, "Neuvottelut", row, "Tunnus", code)
    for row in range(1, len(sheets["Päätökset"])):
        wbs.set_cell(sheets, "Päätökset", row, "Neuvottelu", "../../pohjoinen")
    sheets["Osallistujat"][-1][-1] = "../../pohjoinen, CON"
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    target = result.target.resolve()
    for o in result.outputs:
        path = (target / o.path).resolve()
        assert target in path.parents and path.is_file(), o.path
    assert not (tmp_path / "pohjoinen").exists() and not (tmp_path.parent / "pohjoinen").exists()
    names = {o.path for o in result.outputs}
    assert "2_valmistelu/kutsu_pohjoinen_fi.docx" in names
    assert "2_valmistelu/kutsu_con__sv.docx" in names
