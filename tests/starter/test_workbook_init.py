"""`hytetu init`: the blank workbook as a coordinator sees it in Excel."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.errors import OutputProblem
from pipeline.output import office
from pipeline.starter.blank import LAST_DATA_ROW, list_formula, write_blank
from tests.helpers.office import soffice_or_skip

DROPDOWNS = [
    (schema.SHEET_MUNICIPALITIES, "Kieli", schema.LANGUAGE_CHOICES),
    (schema.SHEET_NEGOTIATIONS, "Kieli", schema.LANGUAGE_CHOICES),
    (schema.SHEET_PARTICIPANTS, "Rooli", schema.ROLES),
    (schema.SHEET_PARTICIPANTS, "Luottamushenkilö", ("kyllä", "ei")),
    (schema.SHEET_PHENOMENA, "Neuvotteluun", ("kyllä", "ei")),
    (schema.SHEET_QUESTIONS, "Vastaustyyppi", schema.ANSWER_TYPES),
    (schema.SHEET_RAISED, "Painopiste", schema.THEMES_FI),
    (schema.SHEET_DECISIONS, "Painopiste", schema.THEMES_FI),
]


@pytest.fixture(scope="module")
def blank_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("init") / "hytetu.xlsx"
    write_blank(path)
    return path


@pytest.fixture(scope="module")
def wb(blank_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(blank_path)


def header(ws: Worksheet) -> list[object]:
    values = [cell.value for cell in ws[1]]
    while values and values[-1] is None:
        values.pop()
    return values


def letter_of(ws: Worksheet, name: str) -> str:
    for cell in ws[1]:
        if cell.value == name:
            return cell.column_letter
    raise AssertionError(f"{ws.title}: no column {name}")


def validations_at(ws: Worksheet, coordinate: str) -> list:
    return [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]


def test_every_sheet_in_schema_order_with_instructions_first(wb: openpyxl.Workbook) -> None:
    assert wb.sheetnames == [schema.SHEET_INSTRUCTIONS] + [s.name for s in schema.SHEETS]
    assert wb.active.title == schema.SHEET_INSTRUCTIONS


@pytest.mark.parametrize("spec", schema.SHEETS, ids=lambda s: s.name)
def test_header_row(wb: openpyxl.Workbook, spec: schema.SheetSpec) -> None:
    ws = wb[spec.name]
    assert header(ws) == [col.name for col in spec.columns]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(spec.columns)).column_letter}1"
    for col, cell in zip(spec.columns, ws[1], strict=False):
        assert cell.font.bold
        assert cell.comment is not None
        assert col.help in cell.comment.text
        assert ("pakollinen" in cell.comment.text) == col.required
        assert ws.column_dimensions[cell.column_letter].width >= 12


def test_settings_are_listed_with_defaults_only(wb: openpyxl.Workbook) -> None:
    ws = wb[schema.SHEET_SETTINGS]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [name for name, _ in rows] == [name for name, _req, _help in schema.SETTINGS]
    values = {name: value for name, value in rows if value is not None}
    assert values == {"Suunnitelmakausi": "2026–2029", "Julkisuusluokka": "Julkinen"}


@pytest.mark.parametrize(("sheet", "column", "choices"), DROPDOWNS)
def test_dropdown(wb: openpyxl.Workbook, sheet: str, column: str, choices: tuple) -> None:
    ws = wb[sheet]
    letter = letter_of(ws, column)
    found = validations_at(ws, f"{letter}2")
    assert len(found) == 1, f"{sheet}.{column}: no dropdown"
    dv = found[0]
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(choices) + '"'
    assert f"{letter}{LAST_DATA_ROW}" in dv.sqref
    assert f"{letter}1" not in dv.sqref  # the header stays free
    assert not dv.showDropDown  # (inverted flag) the arrow is shown


def test_no_other_column_has_a_dropdown(wb: openpyxl.Workbook) -> None:
    expected = {(sheet, column) for sheet, column, _ in DROPDOWNS}
    for spec in schema.SHEETS:
        ws = wb[spec.name]
        for cell in ws[1]:
            if cell.value and (spec.name, cell.value) not in expected:
                assert not validations_at(ws, f"{cell.column_letter}2"), (spec.name, cell.value)


def test_theme_dropdown_on_the_theme_value_cell(wb: openpyxl.Workbook) -> None:
    ws = wb[schema.SHEET_SETTINGS]
    (row,) = [c.row for c in ws["A"] if c.value == schema.SETTING_THEME]
    (dv,) = validations_at(ws, f"B{row}")
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(schema.THEMES_FI) + '"'
    assert not validations_at(ws, f"B{row + 1}")


def test_instructions_explain_sheets_columns_formats_and_commands(wb: openpyxl.Workbook) -> None:
    ws = wb[schema.SHEET_INSTRUCTIONS]
    text = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    for spec in schema.SHEETS:
        assert spec.name in text
        for col in spec.columns:
            assert col.name in text
            assert col.help in text
    for name, _required, _help in schema.SETTINGS:
        assert name in text
    for needle in (
        "14.4.2027",
        "2027-04-14",
        "klo 9.00",
        "kyllä",
        "hytetu validate",
        "hytetu build",
    ):
        assert needle in text


def test_no_cell_is_a_formula(wb: openpyxl.Workbook) -> None:
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"


def test_creates_parent_folders_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "uusi.xlsx"
    write_blank(path)
    assert path.is_file()
    assert os.listdir(path.parent) == ["uusi.xlsx"]


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "hytetu.xlsx"
    path.write_bytes(b"vanha")
    with pytest.raises(OutputProblem, match="on jo olemassa"):
        write_blank(path)
    assert path.read_bytes() == b"vanha"
    assert os.listdir(tmp_path) == ["hytetu.xlsx"]


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputProblem):
        write_blank(tmp_path)


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_save(self: openpyxl.Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"puolikas")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OutputProblem):
        write_blank(tmp_path / "hytetu.xlsx")
    assert os.listdir(tmp_path) == []


def test_list_formula_guards_excel_limits() -> None:
    assert list_formula(["a", "b/c"]) == '"a,b/c"'
    with pytest.raises(ValueError, match="ei kelpaa"):
        list_formula(["a,b"])
    with pytest.raises(ValueError, match="255"):
        list_formula(["x" * 200, "y" * 60])


def convert_with_libreoffice(path: Path, tmp_path: Path) -> Path:
    """Open ``path`` in a real LibreOffice and save it as CSV; returns the CSV."""
    soffice_or_skip()
    out = tmp_path / "csv"
    done, log = office.convert([path], "csv", out, timeout=120)
    assert path in done, log
    return done[path]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_blank_workbook(blank_path: Path, tmp_path: Path) -> None:
    csv = convert_with_libreoffice(blank_path, tmp_path)
    assert "hytetu" in csv.read_text(encoding="utf-8", errors="replace")
