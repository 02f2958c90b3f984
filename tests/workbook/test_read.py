"""Reading the workbook: container checks and what the sheet XML tells beyond the values."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.errors import WorkbookUnreadable
from pipeline.workbook import container, read
from pipeline.workbook.read import read_workbook
from tests.helpers import workbooks as wbs
from tests.helpers.xlsx_parts import edit_sheet_xml, rewrite_parts


def test_reads_every_contract_sheet_with_cell_addresses(tmp_path):
    raw = read_workbook(wbs.write(tmp_path / "t.xlsx"))
    assert set(raw.sheets) == {
        "Asetukset",
        "Kunnat",
        "Neuvottelut",
        "Osallistujat",
        "Nostot",
        "Päätökset",
    }
    kunnat = raw.sheets["Kunnat"]
    assert kunnat.columns["Palvelualue"] == "D"
    first = kunnat.rows[0]
    assert first.number == 2
    assert first.get("Kunta").value == "Alajärvenkylä" and first.get("Kunta").ref == "A2"
    assert not kunnat.merged and not kunnat.hidden_rows and not kunnat.uncached_formulas


def test_sheet_names_match_case_insensitively(tmp_path):
    sheets = wbs.base()
    sheets[" kunnat "] = sheets.pop("Kunnat")
    raw = read_workbook(wbs.write(tmp_path / "t.xlsx", sheets))
    assert "Kunnat" in raw.sheets


def test_merged_ranges_are_read_from_the_sheet_xml(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    wb["Osallistujat"].merge_cells("C5:D5")
    wb["Osallistujat"].merge_cells("A8:A9")
    wb.save(path)
    assert sorted(read_workbook(path).sheets["Osallistujat"].merged) == ["A8:A9", "C5:D5"]


def test_hidden_rows_columns_and_sheets(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["Osallistujat"]
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[40].hidden = True  # an empty hidden row
    ws.column_dimensions["E"].hidden = True
    wb["Nostot"].sheet_state = "hidden"
    wb.save(path)
    raw = read_workbook(path)
    assert raw.sheets["Osallistujat"].hidden_rows == {4, 40}
    assert "E" in raw.sheets["Osallistujat"].hidden_columns
    assert raw.sheets["Nostot"].hidden and not raw.sheets["Kunnat"].hidden


@pytest.mark.parametrize(
    "cell,flagged",
    [
        ('<c r="E2"><f>A1&amp;B1</f></c>', True),  # no cached result at all
        ('<c r="E2"><f>A1&amp;B1</f><v></v></c>', True),  # openpyxl's way: empty, not text
        ('<c r="E2"><f>1+1</f><v>2</v></c>', False),  # cached number
        ('<c r="E2" t="str"><f>A1&amp;B1</f><v></v></c>', False),  # cached empty text
        ('<c r="E2" t="str"><f>A1&amp;B1</f><v>ab</v></c>', False),
        ('<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', False),  # an error value, reported apart
    ],
)
def test_formulas_without_a_saved_result(tmp_path, cell, flagged):
    path = wbs.write(tmp_path / "t.xlsx")
    edit_sheet_xml(
        path, "Nostot", lambda xml: xml.replace('<row r="3"', f'<row r="9">{cell}</row><row r="3"')
    )
    sheet = read_workbook(path).sheets["Nostot"]
    assert sheet.uncached_formulas == (["E2"] if flagged else [])


def test_row_limit_counts_data_rows_not_formatted_empty_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_ROWS", 11)
    sheets = wbs.base()
    sheets["Osallistujat"] += [["Kymmenes", "Pikkula"], ["Yhdestoista", "Pikkula"]]
    sheets["Osallistujat"].insert(3, [])  # empty rows do not count
    path = wbs.write(tmp_path / "t.xlsx", sheets)
    assert len(read_workbook(path).sheets["Osallistujat"].rows) == 11
    sheets["Osallistujat"].append(["Kahdestoista", "Pikkula"])
    path = wbs.write(tmp_path / "t2.xlsx", sheets)
    with pytest.raises(WorkbookUnreadable, match=r"Osallistujat on yli 11 .*Osallistujat!A14"):
        read_workbook(path)


def test_lying_zip_sizes_never_inflate_beyond_the_declared_size(tmp_path):
    """A zip directory that understates a part's size: zipfile stops at the stated size."""
    path = wbs.write(tmp_path / "t.xlsx")
    part = "xl/worksheets/sheet2.xml"
    with zipfile.ZipFile(path) as zf:
        original = zf.read(part)
    big = original.replace(b"</worksheet>", b" " * (30 * 1024 * 1024) + b"</worksheet>")
    rewrite_parts(path, {part: big})
    data = bytearray(path.read_bytes())
    # rewrite the declared uncompressed size of the part in the central directory to 1 KB
    name = part.encode()
    index = data.find(b"PK\x01\x02")
    while index != -1:
        name_len = int.from_bytes(data[index + 28 : index + 30], "little")
        if data[index + 46 : index + 46 + name_len] == name:
            data[index + 24 : index + 28] = (1024).to_bytes(4, "little")
        index = data.find(b"PK\x01\x02", index + 4)
    path.write_bytes(bytes(data))
    started = time.monotonic()
    with pytest.raises(WorkbookUnreadable) as info:
        read_workbook(path)
    assert time.monotonic() - started < 3
    assert str(path) in str(info.value)
    assert "Traceback" not in str(info.value)


def test_entity_declaration_is_refused_even_without_expansion(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    edit_sheet_xml(
        path,
        "Kunnat",
        lambda xml: xml.replace(
            "<worksheet", '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet', 1
        ),
    )
    with pytest.raises(WorkbookUnreadable, match="DOCTYPE/ENTITY"):
        read_workbook(path)


def test_xlsm_content_type_is_refused_whatever_the_name(tmp_path):
    path = wbs.write(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as zf:
        types = zf.read("[Content_Types].xml").decode()
    types = types.replace(
        "spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    )
    rewrite_parts(path, {"[Content_Types].xml": types.encode()})
    with pytest.raises(WorkbookUnreadable, match=r"\.xlsx-muodossa"):
        read_workbook(path)


def test_too_many_zip_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(container, "MAX_ENTRIES", 20)
    path = wbs.write(tmp_path / "t.xlsx")
    rewrite_parts(path, {f"xl/media/kuva{i}.png": b"x" for i in range(30)})
    with pytest.raises(WorkbookUnreadable, match="osaa"):
        read_workbook(path)


def test_example_workbook_reads_clean(tmp_path):
    example = Path(__file__).resolve().parents[2] / "input" / "hytetu.xlsx"
    raw = read_workbook(example)
    for sheet in raw.sheets.values():
        assert not sheet.merged and not sheet.uncached_formulas, sheet.name
        assert not sheet.hidden


# ------------------------------------------------------- the one guarded opener


def _cut_sheet(path: Path) -> Path:
    """Cut the first sheet's XML in half, as a broken download or a full disk leaves it."""
    with zipfile.ZipFile(path) as zf:
        part = zf.read("xl/worksheets/sheet1.xml")
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": part[: len(part) // 2]})
    return path


@pytest.mark.parametrize("read_only", [True, False])
def test_open_xlsx_turns_broken_xml_into_a_finnish_message_naming_the_file(tmp_path, read_only):
    path = _cut_sheet(wbs.write(tmp_path / "rikki.xlsx"))
    with pytest.raises(WorkbookUnreadable) as caught:
        wb = container.open_xlsx(path, read_only=read_only)
        try:  # read-only parses a sheet only when it is read
            for ws in wb.worksheets:
                list(ws.iter_rows(values_only=True))
        except Exception as exc:
            raise container.unreadable(path, exc) from None
        finally:
            wb.close()
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "vioittunut" in message
    assert "tallenna" in message


@pytest.mark.parametrize("read_only", [True, False])
def test_open_xlsx_runs_the_container_checks(tmp_path, read_only):
    path = wbs.write(tmp_path / "paha.xlsx")
    edit_sheet_xml(
        path,
        "Kunnat",
        lambda xml: xml.replace("<worksheet", '<!DOCTYPE w [<!ENTITY a "b">]><worksheet', 1),
    )
    with pytest.raises(WorkbookUnreadable, match="DOCTYPE/ENTITY"):
        container.open_xlsx(path, read_only=read_only)
    (tmp_path / "tyhja.xlsx").write_bytes(b"")
    with pytest.raises(WorkbookUnreadable, match="tyhjä"):
        container.open_xlsx(tmp_path / "tyhja.xlsx", read_only=read_only)


def test_read_workbook_reports_a_sheet_cut_in_half(tmp_path):
    path = _cut_sheet(wbs.write(tmp_path / "rikki.xlsx"))
    with pytest.raises(WorkbookUnreadable, match="vioittunut"):
        read_workbook(path)


def test_unreadable_keeps_permission_problems_apart(tmp_path):
    from pipeline.errors import WorkbookLocked

    locked = container.unreadable(tmp_path / "auki.xlsx", PermissionError(13, "denied"))
    assert isinstance(locked, WorkbookLocked) and "auki toisessa ohjelmassa" in str(locked)
