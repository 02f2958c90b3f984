"""Stage 1: read the workbook into raw sheets (values with their cell addresses).

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

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from pipeline.contract import schema
from pipeline.contract.values import clean_text, is_blank, key
from pipeline.errors import TooManyRows, WorkbookLocked, WorkbookUnreadable, os_reason

#: a coordinator's workbook is a few hundred kilobytes; refuse what cannot be one
MAX_FILE_BYTES = 50 * 1024 * 1024
#: sheet XML this large would take minutes and gigabytes to parse
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: a zip entry inflating more than this many times over is a zip bomb, not a workbook
MAX_RATIO = 200
#: below this size the ratio does not matter (an empty sheet compresses very well)
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
#: a workbook has a few dozen parts; tens of thousands means a hostile archive
MAX_ENTRIES = 5000
#: data rows per sheet: a county has tens of municipalities and hundreds of people
MAX_ROWS = 10_000
#: how far into an XML part a DOCTYPE could hide (the prolog comes first)
_PROLOG_BYTES = 64 * 1024
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
_MACRO_CONTENT = b"macroEnabled"


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


def open_xlsx(path: Path, *, read_only: bool = True, data_only: bool = True) -> Workbook:
    """Open any .xlsx this tool reads: the one guarded way in.

    The container checks (:func:`check_container`: existence, size, zip bombs,
    macros, DTDs) come first; then every failure to parse the file becomes a
    :class:`WorkbookUnreadable` whose Finnish message names the file. A
    read-only workbook parses its sheets only when they are iterated: wrap that
    reading too and turn what it raises into :func:`unreadable`.
    """
    from openpyxl import load_workbook

    path = Path(path)
    check_container(path)
    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except PermissionError:
        raise _locked(path) from None
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: BaseException) -> WorkbookUnreadable:
    """What to raise when reading ``path`` failed with ``exc`` (hostile XML, or a broken file)."""
    if isinstance(exc, WorkbookUnreadable):
        return exc
    if isinstance(exc, PermissionError):
        return _locked(path)
    if _defused(exc):
        return _hostile_xml(path, None)
    return _broken(path, exc)


def _locked(path: Path) -> WorkbookLocked:
    return WorkbookLocked(
        f"{path}: tiedostoa ei voi avata: se on auki toisessa ohjelmassa tai sinulla ei ole "
        "siihen lukuoikeutta. Sulje tiedosto ja aja komento uudelleen."
    )


def check_container(path: Path) -> None:
    """:class:`WorkbookUnreadable` unless ``path`` is an .xlsx package that is safe to parse."""
    path = Path(path)
    try:
        _check_container(path)
    except PermissionError:
        raise _locked(path) from None
    except OSError as exc:
        raise WorkbookUnreadable(
            f"{path}: tiedostoa ei voi lukea ({os_reason(exc)}). "
            "Tarkista, että tiedosto on paikallaan ja luettavissa, ja aja komento uudelleen."
        ) from None


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
    _check_sizes(path, infos)
    _check_macros(path, names)
    _check_prologs(path)


def _too_big(path: Path, size: int) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        f"{path}: työkirja purkautuu liian suureksi ({size // (1024 * 1024)} Mt, enintään "
        f"{MAX_UNPACKED_BYTES // (1024 * 1024)} Mt). Tiedosto voi olla vahingollinen; "
        "pyydä lähettäjältä uusi tiedosto tai kopioi tiedot uuteen työkirjaan (hytetu init)."
    )


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs from the zip directory alone, before anything is inflated.

    The sizes declared there bind: :mod:`zipfile` never inflates an entry beyond
    its declared size (it stops and reports a checksum error instead).
    """
    if len(infos) > MAX_ENTRIES:
        raise WorkbookUnreadable(
            f"{path}: työkirjassa on {len(infos)} osaa (enintään {MAX_ENTRIES}). "
            "Tiedosto voi olla vahingollinen; pyydä lähettäjältä uusi tiedosto."
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _too_big(path, unpacked)
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _too_big(path, unpacked)


def _check_macros(path: Path, names: set[str]) -> None:
    """Macros have no place in a data workbook: refuse .xlsm rather than guess."""
    macro = path.suffix.casefold() in _MACRO_SUFFIXES or "xl/vbaProject.bin" in names
    if not macro and "[Content_Types].xml" in names:
        with zipfile.ZipFile(path) as zf, zf.open("[Content_Types].xml") as fh:
            macro = _MACRO_CONTENT in fh.read(_PROLOG_BYTES)
    if macro:
        raise WorkbookUnreadable(
            f"{path}: työkirjassa on makroja (.xlsm). Hytetu ei käytä eikä aja makroja: "
            "tallenna työkirja .xlsx-muodossa (Tallenna nimellä → Excel-työkirja (.xlsx)) "
            "ja anna se komennolle."
        )


_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_prologs(path: Path) -> None:
    """No part of a real workbook declares a DTD; one that does is an entity bomb."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(_PROLOG_BYTES)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise WorkbookUnreadable(
                    f"{path}: työkirja on vioittunut ({info.filename}: {exc}). "
                    "Avaa se Excelissä ja tallenna uudelleen muodossa Excel-työkirja (.xlsx)."
                ) from None
            if _DTD.search(head.replace(b"\x00", b"")):
                raise _hostile_xml(path, info.filename)


def _hostile_xml(path: Path, part: str | None) -> WorkbookUnreadable:
    where = f"työkirjan osassa {part}" if part else "työkirjassa"
    return WorkbookUnreadable(
        f"{path}: {where} on XML-määrittelyjä (DOCTYPE/ENTITY), joita "
        "Excel ei koskaan kirjoita. Tiedosto voi olla vahingollinen, eikä sitä lueta. "
        "Pyydä lähettäjältä uusi tiedosto tai kopioi tiedot uuteen työkirjaan (hytetu init)."
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
            if len(sheet.rows) > MAX_ROWS:
                raise TooManyRows(spec.name, number, MAX_ROWS)
    return sheet


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_REF = re.compile(r"[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?")


def _uncached_formula(cell) -> bool:
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


def _defused(exc: BaseException | None) -> bool:
    """Whether defusedxml refused a DTD or entity somewhere in ``exc``'s chain."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _broken(path: Path, exc: BaseException) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        f"{path}: työkirjaa ei voi lukea, se on vioittunut ({type(exc).__name__}). "
        "Avaa se Excelissä ja tallenna uudelleen muodossa Excel-työkirja (.xlsx)."
    )


def _read_sheets(wb, zf: zipfile.ZipFile) -> tuple[dict[str, RawSheet], list[str]]:
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
