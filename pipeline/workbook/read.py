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
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

from pipeline.contract import schema
from pipeline.contract.values import clean_text, is_blank, key
from pipeline.errors import TooManyRows, WorkbookUnreadable
from pipeline.workbook.container import open_xlsx, unreadable
from pipeline.workbook.sheet_parser import cell_parser

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


def _header(header_cells: list[dict[str, Any]], spec: schema.SheetSpec) -> RawSheet:
    sheet = RawSheet(name=spec.name, columns={})
    last = 0
    for cell in _by_column(header_cells):
        if is_blank(cell["value"]):
            continue
        index = cell["column"]
        last = index
        text = clean_text(cell["value"])
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
    sheet.next_column = get_column_letter(last + 1)
    return sheet


def _by_column(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A row's cells left to right, one per column (the last one of a column wins),
    as a spreadsheet shows them."""
    columns = [cell["column"] for cell in cells]
    if all(a < b for a, b in pairwise(columns)):
        return cells  # the usual case: written in order
    # as openpyxl's read-only rows: nothing right of the last cell written
    one = {cell["column"]: cell for cell in cells if cell["column"] <= columns[-1]}
    return [one[column] for column in sorted(one)]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_REF = re.compile(r"[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?")
_ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"


def _uncached_formula(cell: Element) -> bool:
    """A formula cell whose result was never saved (``<v>`` missing, or empty but not text)."""
    children = {_local(child.tag): child for child in cell}
    if "f" not in children or "is" in children:
        return False
    value = children.get("v")
    return value is None or (not value.text and cell.get("t") != "str")


def _read_sheet(ws: ReadOnlyWorksheet, zf: zipfile.ZipFile, spec: schema.SheetSpec) -> RawSheet:
    """The sheet's header, its non-empty rows, and what Excel shows or hides of them,
    in one streaming pass over the sheet XML (defusedxml; each row dropped once read).

    The cells' values are openpyxl's own (``WorkSheetParser.parse_cell``, plain inline
    strings read the short way by :mod:`.sheet_parser`, to the same value; as its
    read-only sheets give them: shared and inline strings, numbers, dates by their
    number format, booleans, errors, a formula's saved result); what openpyxl's
    read-only sheets do not expose is collected on the way: merged ranges, hidden
    rows and columns, formulas whose result was never saved. Row 1 is the header
    (an absent row 1 is an empty header); a row numbered at or before one already
    read is skipped, as openpyxl skips it.
    """
    wb = ws.parent
    cells_of = cell_parser(wb, ws, data_only=True)
    local: dict[str, str] = {}
    sheet: RawSheet | None = None
    by_column: dict[str, str] = {}
    hidden_rows: set[int] = set()
    hidden_columns: set[str] = set()
    merged: list[str] = []
    uncached: list[str] = []
    counter = 0  # openpyxl's row counter: the last row read
    with zf.open(ws._worksheet_path) as fh:  # type: ignore[attr-defined]
        for _event, elem in iterparse(fh):
            tag = elem.tag
            name = local.get(tag)
            if name is None:
                name = local[tag] = _local(tag)
            if name == "row":
                number = elem.get("r")
                if number and number.isdigit() and elem.get("hidden") in ("1", "true"):
                    hidden_rows.add(int(number))
                if tag == _ROW_TAG:
                    index, cells = cells_of.parse_row(elem)
                    for child, cell in zip(elem, cells, strict=True):
                        if cell["value"] is None and _uncached_formula(child):
                            uncached.append(child.get("r") or "")
                    if index > counter:  # openpyxl skips a row numbered at or before one read
                        if sheet is None:
                            sheet = _header(cells if index == 1 else [], spec)
                            by_column = {v: k for k, v in sheet.columns.items()}
                        if index > 1:
                            _add_row(sheet, by_column, cells)
                        counter = index
                else:
                    for child in elem:
                        if _local(child.tag) == "c" and child.get("r") and _uncached_formula(child):
                            uncached.append(child.get("r") or "")
                elem.clear()
            elif name == "col" and elem.get("hidden") in ("1", "true"):
                low, high = int(elem.get("min", "0")), int(elem.get("max", "0"))
                # nothing this tool reads lies further right than column 1000
                for column in range(max(low, 1), min(high, 1000) + 1):
                    hidden_columns.add(get_column_letter(column))
            elif name == "mergeCell":
                ref = elem.get("ref")
                if ref and _REF.fullmatch(ref):
                    merged.append(ref)
    if sheet is None:
        sheet = _header([], spec)
    sheet.hidden_rows, sheet.hidden_columns = hidden_rows, hidden_columns
    sheet.merged, sheet.uncached_formulas = merged, [ref for ref in uncached if ref]
    return sheet


def _add_row(sheet: RawSheet, by_column: dict[str, str], row_cells: list[dict[str, Any]]) -> None:
    cells: dict[str, RawCell] = {}
    ordered = _by_column(row_cells)
    if not ordered:
        return
    number = ordered[0]["row"]
    for cell in ordered:
        letter = get_column_letter(cell["column"])
        column = by_column.get(letter)
        if column is None or is_blank(cell["value"]):
            continue
        cells[column] = RawCell(cell["value"], f"{letter}{cell['row']}", cell["data_type"] == "e")
    if cells:
        sheet.rows.append(RawRow(number, cells))
        if len(sheet.rows) > MAX_ROWS:
            raise TooManyRows(sheet.name, number, MAX_ROWS)


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
        sheet = _read_sheet(ws, zf, spec)
        sheet.hidden = ws.sheet_state != "visible"
        sheets[spec.name] = sheet
    return sheets, others
