"""The tracker as a working document: warnings naming the cell for a status outside the
list and for a register column edited in the tracker; rows tall enough to read; print
setup on every sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.app import build
from pipeline.contract.grammar import count
from pipeline.contract.tracker import HEADERS, OVERVIEW_SHEET, SHEET, SNAPSHOT_SHEET
from tests.helpers import workbooks as wbs

TRACKER = "4_seuranta/seurantataulukko_2027.xlsx"


def _letter(column: str) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[HEADERS.index(column)]


def _edit(path: Path, edits: dict[str, object], row: int = 2) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for column, value in edits.items():
        ws[f"{_letter(column)}{row}"] = value
    wb.save(path)


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    sheets = wbs.base()
    workbook = wbs.write(tmp_path / "hytetu.xlsx", sheets)
    result = build(workbook, tmp_path / "out")
    return workbook, sheets, result.target / TRACKER


def _ours(result) -> list[str]:
    """The tracker's cell warnings (the summary's advice to the coordinator names the file only)."""
    return [str(w) for w in result.warnings if w.where.startswith(f"{TRACKER}, ")]


def test_a_status_outside_the_list_is_warned_naming_its_cell(built, tmp_path):
    workbook, _, path = built
    _edit(path, {"Tila": "Tehty"}, row=3)
    result = build(workbook, tmp_path / "out")
    ours = _ours(result)
    assert len(ours) == 1, ours
    assert ours[0].startswith(f"{TRACKER}, {SHEET}!{_letter('Tila')}3: ")
    assert "”Tehty”" in ours[0] and "Valitse tila" in ours[0]
    # the value typed is kept, and named again by the next build
    assert load_workbook(path)[SHEET][f"{_letter('Tila')}3"].value == "Tehty"
    # the summary counts it apart, so its figures add up
    from tests.helpers.docs import docx_text

    text = docx_text(result.target / "4_seuranta/yhteenveto_2027_fi.docx")
    assert "Tila muu kuin luettelon tiloista: 1 (luetellaan erikseen alla)." in text
    assert "Tuntematon tila" in text and "Tehty" in text


def test_an_edited_register_column_is_warned_and_the_report_says_so(built, tmp_path):
    workbook, _, path = built
    _edit(path, {"Päätös": "Käsin muutettu päätös", "Tila": "Käynnissä"})
    result = build(workbook, tmp_path / "out")
    ours = _ours(result)
    assert len(ours) == 1, ours
    where, message = ours[0].split(": ", 1)
    assert where == f"{TRACKER}, {SHEET}!{_letter('Päätös')}2"
    assert "”Käsin muutettu päätös”" in message  # what was typed is not lost
    assert "Päätökset-välilehdelle" in message
    ws = load_workbook(path)[SHEET]
    assert ws[f"{_letter('Päätös')}2"].value != "Käsin muutettu päätös"  # the register's
    assert ws[f"{_letter('Tila')}2"].value == "Käynnissä"  # the typed status kept
    assert result.merge is not None and result.merge.overwritten_rows == ["P-1"]
    # the report does not count the row among those kept as typed
    from click.testing import CliRunner

    from pipeline import cli

    _edit(path, {"Jatkotoimi": "Toinen muutos"})
    output = CliRunner().invoke(cli.main, ["build", str(workbook), "--out", str(tmp_path / "out")])
    assert output.exit_code == 0, output.output
    line = next(
        x for x in output.output.splitlines() if x.startswith("Seurantataulukko päivitetty")
    )
    kept = len(result.merge.carried) - 1
    assert line.startswith(f"Seurantataulukko päivitetty: {count(kept, 'rivi', 'riviä')} säilyi")
    assert "1 rivillä rekisterin sarakkeisiin kirjoitetut tiedot korvattiin" in line


def test_a_change_in_the_register_is_no_warning_nor_is_an_unchanged_rebuild(built, tmp_path):
    workbook, sheets, path = built
    again = build(workbook, tmp_path / "out")
    assert _ours(again) == []
    wbs.set_cell(sheets, "Päätökset", 1, "Päätös", "Rekisterissä muutettu päätös")
    wbs.write(workbook, sheets)
    result = build(workbook, tmp_path / "out")
    assert _ours(result) == []
    wb = load_workbook(path)
    assert wb[SHEET][f"{_letter('Päätös')}2"].value == "Rekisterissä muutettu päätös"
    assert result.merge is not None and result.merge.overwritten == []
    # the fingerprints that tell the two apart are out of sight and not a sheet people added
    assert wb[SNAPSHOT_SHEET].sheet_state == "veryHidden"
    assert result.merge.extra_sheets == []


def test_every_sheet_prints_landscape_fit_to_width_header_repeated(built):
    _, _, path = built
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
    assert wb[OVERVIEW_SHEET].page_setup.fitToHeight == 1
    assert wb[SHEET].page_setup.fitToHeight == 0


def test_rows_are_tall_enough_for_their_wrapped_text(tmp_path):
    from pipeline.app import load
    from pipeline.documents.tracker.layout import write_tracker
    from pipeline.documents.tracker.rows import rows_from_register

    data, _ = load(wbs.write(tmp_path / "hytetu.xlsx"))
    rows = rows_from_register(data)
    note = "Työpaja pidetty, seuraava kokous syksyllä. " * 8  # 344 characters
    rows[0].values["Tilannekuvaus"] = note
    rows[1].values.update({"Päätös": "Lyhyt", "Jatkotoimi": "", "Vastuutaho": "", "Painopiste": ""})
    rows[1].values.update(
        {"Yhteistyöfoorumi": "", "Seurantavastuu": "", "Asiakohta": "", "Tunnus": "P-9"}
    )
    ws = write_tracker(data, rows)[SHEET]
    width = ws.column_dimensions[_letter("Tilannekuvaus")].width
    lines = -(-len(note) // (int(width) - 2))
    height = ws.row_dimensions[2].height
    assert height is not None and height >= 15 * lines  # every wrapped line shows
    assert height <= 409  # the most Excel allows
    assert ws.row_dimensions[3].height is None  # one line: Excel's own height


def test_a_sheet_people_added_keeps_its_print_setup_or_gets_the_trackers():
    from openpyxl import Workbook

    from pipeline.documents.tracker.existing import copy_sheets

    old = Workbook()
    plain = old.active
    plain.title = "Muistiinpanot"
    plain["A1"] = "Omat muistiinpanot"
    own = old.create_sheet("Tuloste")
    own.page_setup.orientation = "portrait"
    own.print_title_rows = "1:2"
    new = Workbook()
    copy_sheets(new, old, ["Muistiinpanot", "Tuloste"])
    carried = new["Muistiinpanot"]
    assert carried.page_setup.orientation == "landscape"
    assert carried.page_setup.fitToWidth == 1 and carried.sheet_properties.pageSetUpPr.fitToPage
    assert new["Tuloste"].page_setup.orientation == "portrait"
    assert new["Tuloste"].print_title_rows == "$1:$2"
