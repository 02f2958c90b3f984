"""Cells read in the workbook's one pass have the values openpyxl itself gives them."""

from __future__ import annotations

from openpyxl import load_workbook

from pipeline.workbook.read import read_workbook
from tests.helpers import workbooks as wbs
from tests.helpers.xlsx_parts import edit_sheet_xml

#: cells of a new row 9 of Nostot (Kunta, Aihe, Kuvaus, Toive…, Painopiste): inline strings
#: of every shape, and an error value
CELLS = (
    '<c r="A9" t="inlineStr"><is><t>Kuusiniemi</t></is></c>'  # plain inline string
    '<c r="B9" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c>'  # rich text runs
    '<c r="C9" t="inlineStr"><is><t xml:space="preserve"> väli </t></is></c>'
    '<c r="D9" t="inlineStr"><is><t/></is></c>'  # empty: blank
    '<c r="E9" t="e"><v>#N/A</v></c>'
)


def test_each_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    edit_sheet_xml(
        path,
        "Nostot",
        lambda xml: xml.replace("</sheetData>", f'<row r="9">{CELLS}</row></sheetData>'),
    )
    sheet = read_workbook(path).sheets["Nostot"]
    row = next(r for r in sheet.rows if r.number == 9)
    ws = load_workbook(path, read_only=True, data_only=True)["Nostot"]
    header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
    expected = {
        header[c.column - 1]: (c.value, c.coordinate, c.data_type == "e")
        for c in next(ws.iter_rows(min_row=9, max_row=9))
        if c.value not in (None, "") and c.column <= len(header) and header[c.column - 1]
    }
    got = {name: (cell.value, cell.ref, cell.error) for name, cell in row.cells.items()}
    assert got == {k: v for k, v in expected.items() if k in got or k in sheet.columns}
    assert got[header[0]] == ("Kuusiniemi", "A9", False)
    assert got[header[1]][0] == "rich" and got[header[2]][0] == " väli "
    assert header[3] not in got  # an empty inline string is a blank cell
    assert got[header[4]] == ("#N/A", "E9", True)


def test_booleans_numbers_and_formula_results_read_as_openpyxl_reads_them(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    cells = '<c r="A9" t="b"><v>1</v></c><c r="B9" t="str"><f>A1&amp;B1</f><v>ab</v></c><c r="C9"><v>2.5</v></c>'
    edit_sheet_xml(
        path,
        "Nostot",
        lambda xml: xml.replace("</sheetData>", f'<row r="9">{cells}</row></sheetData>'),
    )
    row = next(r for r in read_workbook(path).sheets["Nostot"].rows if r.number == 9)
    assert [(c.value, c.ref) for c in row.cells.values()] == [
        (True, "A9"),
        ("ab", "B9"),
        (2.5, "C9"),
    ]
