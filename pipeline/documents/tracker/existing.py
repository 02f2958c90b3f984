"""The tracker people have been working in, read back for a rebuild (SPEC §3 "The tracker").

:func:`read_tracker` reads what people typed (values, formulas, comments, columns
and sheets they added) and when they last reported on it (:attr:`OldTracker.as_of`),
so that :func:`status_date` can date this build's summary without the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract.grammar import join_words, quote
from pipeline.contract.tracker import (
    DATE_COLUMNS,
    HEADERS,
    OVERVIEW_SHEET,
    REGISTER_COLUMN,
    SHEET,
    SNAPSHOT_SHEET,
)
from pipeline.contract.values import key
from pipeline.documents.tracker.layout import STATUS_DATE_PROPERTY
from pipeline.documents.tracker.rows import Formula, TrackerRow, date_in
from pipeline.documents.tracker.sheet_cells import SheetCells, read_cells
from pipeline.documents.tracker.snapshot import Snapshot, read_snapshot
from pipeline.errors import OutputProblem, WorkbookUnreadable
from pipeline.render.xlsx import fit_to_page_width
from pipeline.workbook.container import open_xlsx, unreadable


@dataclass(frozen=True)
class OldTracker:
    """The tracker a previous build made, as people have left it."""

    path: Path
    rows: list[TrackerRow]
    #: headers people added to the tracker sheet, in their order
    extra_headers: list[str]
    #: whether the sheet had the ``Rekisterissä`` column (trackers from before it did not)
    marked: bool
    #: the workbook itself, for copying the sheets people added
    workbook: Workbook
    #: sheets people added (every sheet but the tracker sheet and the overview)
    extra_sheets: list[str]
    #: the latest date the file tells its state is from (see :func:`reported_as_of`)
    as_of: dt.date | None = None
    #: what the previous build wrote into the register columns (None: an older tracker)
    snapshot: Snapshot | None = None


def _cell_value(value: object, data_type: str, date_column: bool) -> object:
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if data_type == "f" and isinstance(value, str):
        return Formula(value)
    if date_column and isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def read_tracker(path: Path) -> OldTracker:
    """Read the existing tracker; :class:`OutputProblem` if it cannot be merged."""
    hint = (
        "Korjaa tiedosto tai siirrä se pois kansiosta (aiempi versio voi löytyä "
        "kansiosta varmuuskopiot) ja aja komento uudelleen."
    )
    try:
        # formulas people typed are carried over as formulas, so not data_only
        wb = open_xlsx(path, read_only=True, data_only=False)
        sheet_name, extra_sheets = _sheets(wb)
        light = None
        if sheet_name is not None and not extra_sheets:
            try:
                light = read_cells(wb, wb[sheet_name])
            except Exception as exc:  # a part that only breaks when read
                raise unreadable(path, exc) from None
        if light is None:  # sheets to carry over, or cells only a full load gives right
            wb.close()
            wb = open_xlsx(path, read_only=False, data_only=False)
    except WorkbookUnreadable as exc:
        raise OutputProblem(
            f"Aiempaa seurantataulukkoa ei voi avata: {exc} "
            f"Siihen kirjoitettuja tietoja ei voi siirtää uuteen taulukkoon. {hint}"
        ) from None
    try:
        return _read(path, wb, sheet_name, extra_sheets, light)
    finally:
        if light is not None:
            wb.close()


def _sheets(wb: Workbook) -> tuple[str | None, list[str]]:
    """The tracker sheet's name (matched as people may have retyped it) and the sheets
    people added."""
    names = {key(name): name for name in wb.sheetnames}
    sheet_name = names.get(key(SHEET))
    overview = names.get(key(OVERVIEW_SHEET))
    extra_sheets = [n for n in wb.sheetnames if n not in (sheet_name, overview, SNAPSHOT_SHEET)]
    return sheet_name, extra_sheets


def _read(
    path: Path,
    wb: Workbook,
    sheet_name: str | None,
    extra_sheets: list[str],
    light: SheetCells | None,
) -> OldTracker:
    if sheet_name is None:
        raise OutputProblem(
            f"{path}: seurantataulukosta puuttuu välilehti {quote(SHEET)}, joten siihen "
            "kirjoitettuja tiloja ei voi yhdistää päätösrekisteriin. Välilehti on ehkä nimetty "
            "uudelleen; työkirjan välilehdet ovat nyt: "
            f"{join_words([quote(n) for n in wb.sheetnames if n != SNAPSHOT_SHEET], 'fi')}. Palauta välilehden nimeksi "
            f"{quote(SHEET)} ja aja komento uudelleen."
        )
    cells = light or _FullSheet(wb[sheet_name])
    known = {key(h): h for h in HEADERS}
    columns: dict[int, str] = {}  # column index -> our header or the extra header
    extra_headers: list[str] = []
    width = cells.max_column
    for c in range(1, width + 1):
        text = cells.value(1, c)
        header = str(text).strip() if text is not None else ""
        if key(header) in known and known[key(header)] not in columns.values():
            columns[c] = known[key(header)]
            continue
        if not header:
            if all(cells.value(r, c) is None for r in range(2, cells.max_row + 1)):
                continue
            header = f"Sarake {get_column_letter(c)}"
        name, n = header, 2
        while name in extra_headers or key(name) in known:
            name, n = f"{header} ({n})", n + 1
        extra_headers.append(name)
        columns[c] = name
    if "Tunnus" not in columns.values():
        raise OutputProblem(
            f"{path}: välilehdeltä {sheet_name} puuttuu sarake Tunnus, joten rivejä ei voi "
            "yhdistää päätösrekisteriin. Palauta Tunnus-otsikko riville 1 ja aja komento "
            "uudelleen."
        )
    rows: list[TrackerRow] = []
    for r in range(2, cells.max_row + 1):
        values: dict[str, object] = {}
        extra: dict[str, object] = {}
        comments: dict[str, tuple[str, str]] = {}
        for c, name in columns.items():
            value, data_type, comment = cells.cell(r, c)
            value = _cell_value(value, data_type, name in DATE_COLUMNS)
            if name in HEADERS:
                values[name] = value
            else:
                extra[name] = value
            if comment is not None and comment[0]:
                comments[name] = comment
        if not comments and all(v is None for v in (*values.values(), *extra.values())):
            continue
        rows.append(TrackerRow(values, extra, comments, source_row=r))
    if light is not None and SNAPSHOT_SHEET in wb.sheetnames:
        snapshot_sheet = wb[SNAPSHOT_SHEET]
        assert isinstance(snapshot_sheet, ReadOnlyWorksheet)
        snapshot_sheet.reset_dimensions()  # every row there is, whatever <dimension> says
    return OldTracker(
        path=path,
        rows=rows,
        extra_headers=extra_headers,
        marked=REGISTER_COLUMN in columns.values(),
        workbook=wb,
        extra_sheets=extra_sheets,
        as_of=reported_as_of(path, wb, rows),
        snapshot=read_snapshot(wb),
    )


class _FullSheet:
    """The tracker sheet of a fully loaded workbook, read as :class:`SheetCells` is."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.max_row, self.max_column = ws.max_row, ws.max_column

    def value(self, row: int, column: int) -> object:
        return self.ws.cell(row=row, column=column).value

    def cell(self, row: int, column: int) -> tuple[object, str, tuple[str, str] | None]:
        cell = self.ws.cell(row=row, column=column)
        comment = cell.comment
        found = None if comment is None else (comment.text, comment.author or "")
        return cell.value, cell.data_type, found


def copy_sheets(wb: Workbook, old: Workbook, names: list[str]) -> None:
    """Carry the sheets people added over: values, formulas, formats, widths, merges.

    openpyxl cannot carry charts, images or comments' shapes; cell comments are kept.
    """
    for name in names:
        source = old[name]
        title = name
        while title in wb.sheetnames:
            title = f"{title[:28]} 2"
        target = wb.create_sheet(title)
        target.sheet_state = source.sheet_state
        for row in source.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell):
                    continue
                new = target.cell(row=cell.row, column=cell.column)
                new.value = cell.value
                if cell.data_type in ("s", "f", "n", "b", "d", "e", "inlineStr"):
                    new.data_type = cell.data_type
                if cell.has_style:
                    new.font = copy(cell.font)
                    new.fill = copy(cell.fill)
                    new.border = copy(cell.border)
                    new.alignment = copy(cell.alignment)
                    new.number_format = cell.number_format
                    new.protection = copy(cell.protection)
                if cell.comment is not None:
                    new.comment = copy(cell.comment)
                if cell.hyperlink is not None:
                    new.hyperlink = copy(cell.hyperlink)
        for letter, column in source.column_dimensions.items():
            target.column_dimensions[letter].width = column.width
            target.column_dimensions[letter].hidden = column.hidden
        for index, dim in source.row_dimensions.items():
            target.row_dimensions[index].height = dim.height
            target.row_dimensions[index].hidden = dim.hidden
        for merged in source.merged_cells.ranges:
            target.merge_cells(str(merged))
        target.freeze_panes = source.freeze_panes
        _print_setup(target, source)


def _print_setup(target: Worksheet, source: Worksheet) -> None:
    """A carried sheet prints as its author set it up; if they did not, as the tracker does."""
    setup, page = source.page_setup, source.sheet_properties.pageSetUpPr
    if setup.orientation is None and not (page is not None and page.fitToPage):
        fit_to_page_width(target, "landscape", "1:1")
        return
    orientation: Literal["portrait", "landscape"] = (
        "portrait" if setup.orientation == "portrait" else "landscape"
    )
    fit_to_page_width(target, orientation, source.print_title_rows or "")
    target.page_setup.fitToWidth = setup.fitToWidth
    target.page_setup.fitToHeight = setup.fitToHeight
    target.page_setup.paperSize = setup.paperSize
    target_page = target.sheet_properties.pageSetUpPr
    assert target_page is not None  # fit_to_page_width made it
    target_page.fitToPage = bool(page is not None and page.fitToPage)


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>\s*(\d{4}-\d\d-\d\d)")


def _saved_date(path: Path) -> dt.date | None:
    """When the tracker file was last saved, as Excel or LibreOffice recorded it inside."""
    try:
        with zipfile.ZipFile(path) as zf:
            core = zf.read("docProps/core.xml")
        found = _MODIFIED.search(core)
        return dt.date.fromisoformat(found.group(1).decode()) if found else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def status_date_of(wb: Workbook) -> dt.date | None:
    """The date :func:`~pipeline.documents.tracker.layout.set_status_date` recorded, if any."""
    for prop in wb.custom_doc_props:  # type: ignore[attr-defined]  # missing in types-openpyxl
        if prop.name == STATUS_DATE_PROPERTY:
            try:
                return dt.date.fromisoformat(str(prop.value))
            except ValueError:
                return None
    return None


def reported_as_of(path: Path, wb: Workbook, rows: list[TrackerRow]) -> dt.date | None:
    """The latest of the tracker's own saved time (Excel and LibreOffice update it when a
    person saves), the newest ``Päivitetty`` typed into it and the date the previous
    build recorded in it; None when it tells none of them."""
    candidates = [_saved_date(path), status_date_of(wb)]
    candidates += [date_in(r, "Päivitetty") for r in rows]
    return max((d for d in candidates if d is not None), default=None)


def status_date(build_date: dt.date, current: OldTracker | None, *, fixed: bool = False) -> dt.date:
    """The date the summary's statuses are from: deterministic from the inputs, never the clock.

    The build date if it was fixed (``fixed``: ``SOURCE_DATE_EPOCH`` set); else the later of the build date and the date the
    existing tracker's state is from (:attr:`OldTracker.as_of`). The build stamps the
    tracker it writes with this date (:func:`~pipeline.documents.tracker.layout.set_status_date`),
    since every ``.xlsx`` gets the build's time, so a second rebuild does not go back. A
    summary made in the autumn from a tracker people keep up to date is so dated in
    the autumn, and what is overdue by then is listed, even if the workbook itself
    was last saved in January.
    """
    if fixed:  # a rebuild renders again with the date recorded for a file: that date, then
        return build_date
    if current is None or current.as_of is None:
        return build_date
    return max(build_date, current.as_of)
