"""Stage 1b: read the workbook's sheets into raw values with their cell addresses.

The container has been checked first (:mod:`pipeline.workbook.container`).

Tolerant exactly as SPEC §1 says: headers match case-insensitively with spaces
trimmed, column order is free, empty rows are skipped wherever they are.
Nothing here judges the values; that is ``validate``'s job.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from pipeline.contract import schema
from pipeline.contract.values import clean_text, is_blank, key
from pipeline.errors import TooManyRows, WorkbookUnreadable
from pipeline.workbook.container import open_xlsx, unreadable

#: data rows per sheet: a county has tens of municipalities and hundreds of people
MAX_ROWS = 10_000


@dataclass(frozen=True)
class RawCell:
    value: object
    ref: str  # "B7"
    error: bool = False  # an Excel error value such as #N/A


@dataclass
class RawRow:
    number: int
    #: canonical header -> cell; for open sheets also every extra header
    cells: dict[str, RawCell]

    def get(self, column: str) -> RawCell | None:
        return self.cells.get(column)


@dataclass
class RawSheet:
    name: str
    #: canonical header -> column letter
    columns: dict[str, str]
    #: headers that matched no known column: (text, column letter)
    unknown: list[tuple[str, str]] = field(default_factory=list)
    #: duplicated headers: (text, column letter)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    #: the first free column letter of the header row (where a missing column can go)
    next_column: str = "A"
    hidden: bool = False
    #: merged ranges found in the sheet XML, e.g. ``"A5:B5"``
    merged: list[str] = field(default_factory=list)
    #: numbers of rows hidden (or filtered away) in Excel
    hidden_rows: set[int] = field(default_factory=set)
    #: column letters hidden in Excel
    hidden_columns: set[str] = field(default_factory=set)
    #: cells holding a formula whose result was never saved, e.g. ``"B7"``
    uncached_formulas: list[str] = field(default_factory=list)


@dataclass
class RawWorkbook:
    path: Path
    #: canonical sheet name -> sheet (sheet names match case-insensitively too)
    sheets: dict[str, RawSheet]
    #: sheet names found that are not part of the contract
    other_sheets: list[str]
    #: when the workbook was last saved, from its own properties (survives copying)
    modified: dt.datetime | None = None


def match_header(text: str, spec: schema.SheetSpec) -> str | None:
    wanted = key(text)
    for col in spec.columns:
        if key(col.name) == wanted:
            return col.name
    return None


def _read_sheet(ws: ReadOnlyWorksheet, spec: schema.SheetSpec) -> RawSheet:
    ws.reset_dimensions()  # some tools write a wrong <dimension>; read what is there
    rows = ws.rows  # = iter_rows(): typed on the read-only sheet
    header_cells = next(rows, ())
    sheet = RawSheet(name=spec.name, columns={})
    by_index: dict[int, str] = {}
    last = 0
    for index, cell in enumerate(header_cells, start=1):
        if is_blank(cell.value):
            continue
        last = index
        text = clean_text(cell.value)
        letter = get_column_letter(index)
        canonical = match_header(text, spec)
        if canonical is None and spec.open_columns and not _is_known_header(text, spec):
            canonical = text
        if canonical is None:
            sheet.unknown.append((text, letter))
            continue
        if canonical in sheet.columns:
            sheet.duplicates.append((text, letter))
            continue
        sheet.columns[canonical] = letter
        by_index[index - 1] = canonical
    sheet.next_column = get_column_letter(last + 1)
    for row_cells in rows:
        cells: dict[str, RawCell] = {}
        number = None
        for index, cell in enumerate(row_cells):
            if number is None and getattr(cell, "row", None) is not None:
                number = cell.row
            column = by_index.get(index)
            if column is None or is_blank(cell.value):
                continue
            letter = get_column_letter(index + 1)
            cells[column] = RawCell(cell.value, f"{letter}{cell.row}", cell.data_type == "e")
        if cells and number is not None:
            sheet.rows.append(RawRow(number, cells))
            if len(sheet.rows) > MAX_ROWS:
                raise TooManyRows(spec.name, number, MAX_ROWS)
    return sheet


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_REF = re.compile(r"[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?")


def _uncached_formula(cell: Element) -> bool:
    """A formula cell whose result was never saved (``<v>`` missing, or empty but not text)."""
    children = {_local(child.tag): child for child in cell}
    if "f" not in children or "is" in children:
        return False
    value = children.get("v")
    return value is None or (not value.text and cell.get("t") != "str")


def _scan_sheet_xml(zf: zipfile.ZipFile, part: str, sheet: RawSheet) -> None:
    """What read-only openpyxl does not expose: merges, hidden rows/columns, unsaved formulas.

    One streaming pass with defusedxml; elements are dropped as soon as they are seen.
    """
    with zf.open(part) as fh:
        for event, elem in iterparse(fh, events=("start", "end")):
            name = _local(elem.tag)
            if event == "start":
                number = elem.get("r") if name == "row" else None
                if number and number.isdigit() and elem.get("hidden") in ("1", "true"):
                    sheet.hidden_rows.add(int(number))
                continue
            if name == "c":
                ref = elem.get("r")
                if ref and _uncached_formula(elem):
                    sheet.uncached_formulas.append(ref)
                elem.clear()
            elif name == "row":
                elem.clear()
            elif name == "col" and elem.get("hidden") in ("1", "true"):
                low, high = int(elem.get("min", "0")), int(elem.get("max", "0"))
                # nothing this tool reads lies further right than column 1000
                for index in range(max(low, 1), min(high, 1000) + 1):
                    sheet.hidden_columns.add(get_column_letter(index))
            elif name == "mergeCell":
                ref = elem.get("ref")
                if ref and _REF.fullmatch(ref):
                    sheet.merged.append(ref)


def _is_known_header(text: str, spec: schema.SheetSpec) -> bool:
    return any(key(text) == key(col.name) for col in spec.columns)


def read_workbook(path: Path) -> RawWorkbook:
    """Open ``path`` and return every contract sheet found in it."""
    path = Path(path)
    wb = open_xlsx(path)
    try:
        with zipfile.ZipFile(path) as zf:
            sheets, others = _read_sheets(wb, zf)
        modified = wb.properties.modified or wb.properties.created
        return RawWorkbook(path=path, sheets=sheets, other_sheets=others, modified=modified)
    except TooManyRows as exc:
        raise WorkbookUnreadable(f"{path}: {exc}") from None
    except Exception as exc:  # a part that only breaks when read (bad XML, bad checksum)
        raise unreadable(path, exc) from None
    finally:
        wb.close()


def _read_sheets(wb: Workbook, zf: zipfile.ZipFile) -> tuple[dict[str, RawSheet], list[str]]:
    known = {key(spec.name): spec for spec in schema.SHEETS}
    sheets: dict[str, RawSheet] = {}
    others: list[str] = []
    for ws in wb.worksheets:
        spec = known.get(key(ws.title))
        if spec is None or spec.name in sheets:
            others.append(ws.title)
            continue
        sheet = _read_sheet(ws, spec)
        sheet.hidden = ws.sheet_state != "visible"
        part = getattr(ws, "_worksheet_path", None)
        if part:
            _scan_sheet_xml(zf, part, sheet)
        sheets[spec.name] = sheet
    return sheets, others
