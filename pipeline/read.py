"""Stage 1: read the workbook into raw sheets (values with their cell addresses).

Tolerant exactly as SPEC §1 says: headers match case-insensitively with spaces
trimmed, column order is free, empty rows are skipped wherever they are.
Nothing here judges the values; that is ``validate``'s job.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import schema
from .errors import WorkbookUnreadable
from .values import clean_text, is_blank, key

#: a coordinator's workbook is a few hundred kilobytes; refuse what cannot be one
MAX_FILE_BYTES = 50 * 1024 * 1024
#: sheet XML this large would take minutes and gigabytes to parse
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200


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


@dataclass
class RawWorkbook:
    path: Path
    #: canonical sheet name -> sheet (sheet names match case-insensitively too)
    sheets: dict[str, RawSheet]
    #: sheet names found that are not part of the contract
    other_sheets: list[str]


def _check_container(path: Path) -> None:
    if not path.exists():
        raise WorkbookUnreadable(
            f"{path}: tiedostoa ei löydy. Tarkista polku tai luo uusi työkirja: hytetu init {path}"
        )
    if path.is_dir():
        raise WorkbookUnreadable(
            f"{path}: on kansio, ei Excel-työkirja. Anna .xlsx-tiedoston polku."
        )
    size = path.stat().st_size
    if size == 0:
        raise WorkbookUnreadable(
            f"{path}: tiedosto on tyhjä (0 tavua). Tallenna työkirja uudelleen Excelissä."
        )
    if size > MAX_FILE_BYTES:
        raise WorkbookUnreadable(
            f"{path}: tiedosto on liian suuri ({size // (1024 * 1024)} Mt, enintään "
            f"{MAX_FILE_BYTES // (1024 * 1024)} Mt). Poista ylimääräiset välilehdet ja kuvat."
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookUnreadable(
            f"{path}: tiedosto on vanha .xls-työkirja tai salasanalla suojattu. "
            "Poista salasana ja tallenna Excelissä muodossa Excel-työkirja (.xlsx)."
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookUnreadable(
            f"{path}: tiedosto ei ole Excel-työkirja (.xlsx). "
            "Avaa se Excelissä ja tallenna muodossa Excel-työkirja (.xlsx)."
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookUnreadable(
            f"{path}: työkirja on vioittunut ({exc}). Tallenna se uudelleen."
        ) from None
    if "xl/workbook.xml" not in names:
        raise WorkbookUnreadable(
            f"{path}: tiedosto ei ole Excel-työkirja (.xlsx). "
            "Avaa se Excelissä ja tallenna muodossa Excel-työkirja (.xlsx)."
        )
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise WorkbookUnreadable(
            f"{path}: työkirja purkautuu liian suureksi ({unpacked // (1024 * 1024)} Mt). "
            "Tiedosto voi olla vahingollinen; pyydä lähettäjältä uusi tiedosto."
        )


def match_header(text: str, spec: schema.SheetSpec) -> str | None:
    wanted = key(text)
    for col in spec.columns:
        if key(col.name) == wanted:
            return col.name
    return None


def _read_sheet(ws, spec: schema.SheetSpec) -> RawSheet:
    ws.reset_dimensions()  # some tools write a wrong <dimension>; read what is there
    rows = ws.iter_rows()
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
    return sheet


def _is_known_header(text: str, spec: schema.SheetSpec) -> bool:
    return any(key(text) == key(col.name) for col in spec.columns)


def read_workbook(path: Path) -> RawWorkbook:
    """Open ``path`` and return every contract sheet found in it."""
    from openpyxl import load_workbook

    path = Path(path)
    _check_container(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise WorkbookUnreadable(
            f"{path}: työkirjaa ei voi lukea ({type(exc).__name__}). "
            "Avaa se Excelissä ja tallenna muodossa Excel-työkirja (.xlsx)."
        ) from None
    try:
        known = {key(spec.name): spec for spec in schema.SHEETS}
        sheets: dict[str, RawSheet] = {}
        others: list[str] = []
        for ws in wb.worksheets:
            spec = known.get(key(ws.title))
            if spec is None:
                others.append(ws.title)
                continue
            if spec.name in sheets:
                others.append(ws.title)
                continue
            sheet = _read_sheet(ws, spec)
            sheet.hidden = ws.sheet_state != "visible"
            sheets[spec.name] = sheet
        return RawWorkbook(path=path, sheets=sheets, other_sheets=others)
    finally:
        wb.close()
