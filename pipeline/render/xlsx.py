"""Writing cells safely with openpyxl.

openpyxl turns any string that starts with ``=`` into a formula. Text that came
from the input must never become one, so every text cell goes through
:func:`set_text`.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from copy import copy
from typing import TYPE_CHECKING, Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from pipeline.render.word import DocProperties

DATE_FORMAT = "d.m.yyyy"
#: the header row of every sheet we write: white bold text on dark blue
HEADER_COLOUR = "1F4E78"
HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOUR)
HEADER_FONT = Font(bold=True, color="FFFFFF")


#: the height of one line of 11 pt text in points (Excel's default row), and the most a row may be
LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes wrapped in a column ``width`` characters wide.

    Neither Excel nor LibreOffice fits a row's height to wrapped text in a file openpyxl
    wrote, so the writer estimates it: a column's width counts digits, most letters are
    narrower, and a line wraps at a word, so two characters are left for the margin.
    """
    per_line = max(1, int(width) - 2)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def row_height(
    cells: Iterable[tuple[str, float]], *, minimum: float = LINE_HEIGHT, padding: float = 0.0
) -> float:
    """A row tall enough for the longest of ``cells`` = (text, column width), in points."""
    lines = max((wrapped_lines(text, width) for text, width in cells), default=1)
    return min(MAX_ROW_HEIGHT, max(minimum, LINE_HEIGHT * lines + padding))


def first_sheet(wb: Workbook, title: str) -> Worksheet:
    """The new workbook's one sheet, named ``title``."""
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = title
    return ws


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell to write at ``row``, ``column`` (never inside a merged range)."""
    cell = ws.cell(row=row, column=column)
    assert not isinstance(cell, MergedCell), cell.coordinate
    return cell


def fit_to_page_width(
    ws: Worksheet, orientation: Literal["portrait", "landscape"], title_rows: str
) -> None:
    """Print on A4 in ``orientation``, as wide as the page, ``title_rows`` on every page."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    page = ws.sheet_properties.pageSetUpPr
    assert page is not None  # openpyxl always makes one
    page.fitToPage = True
    ws.print_title_rows = title_rows


def formula_rule(
    formula: str,
    *,
    fill: PatternFill | None = None,
    font: Font | None = None,
    stop: bool | None = None,
) -> Rule:
    """A conditional-formatting rule by ``formula`` (openpyxl's own factory is untyped)."""
    rule: Rule = FormulaRule(formula=[formula], stopIfTrue=stop, font=font, fill=fill)  # type: ignore[no-untyped-call]
    return rule


def set_text(cell: Cell, value: str | None, *, wrap: bool = False) -> None:
    """Store ``value`` as a plain string, whatever it looks like."""
    if value is None or value == "":
        cell.value = None
        return
    cell.value = value
    cell.data_type = "s"  # never "f": "=SUMMA(A1)" stays text
    if wrap or "\n" in value:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def set_text_unstyled(cell: Cell, value: str | None) -> None:
    """:func:`set_text` without its alignment: for a cell :func:`copy_style` styles next."""
    if value is None or value == "":
        cell.value = None
        return
    cell.value = value
    cell.data_type = "s"  # never "f": "=SUMMA(A1)" stays text


def copy_style(source: Cell, target: Cell) -> None:
    """``target`` styled exactly as ``source`` (font, fill, border, alignment, protection,
    number format).

    Assigning a style object makes openpyxl hash it to find its number, some 50 µs a
    cell; a sheet of thousands of cells styled alike styles one and copies its numbers.
    """
    target._style = copy(source._style)  # type: ignore[attr-defined]


def set_date(cell: Cell, value: dt.date | None) -> None:
    cell.value = value
    if value is not None:
        cell.number_format = DATE_FORMAT


def set_value(cell: Cell, value: object) -> None:
    """Text via :func:`set_text`; dates with a Finnish format; numbers as they are."""
    if isinstance(value, str) or value is None:
        set_text(cell, value)
    elif isinstance(value, dt.date):
        set_date(cell, value)
    else:
        cell.value = value  # type: ignore[assignment]  # numbers, booleans, times as they are


def hidden_marker(wb: Workbook, title: str, rows: list[tuple[str, str]]) -> None:
    """A very hidden, protected sheet of (label, value) rows a returned form is recognised by."""
    ws = wb.create_sheet(title)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    for r, (label, value) in enumerate(rows, start=1):
        set_text(cell_at(ws, r, 1), label)
        set_text(cell_at(ws, r, 2), value)


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as openpyxl saves it.

    openpyxl stamps the wall clock into the file; the build makes every
    ``.xlsx`` reproducible in one pass afterwards
    (:func:`pipeline.reproducible.normalize_xlsx`), so producers need not.
    """
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def set_properties(wb: Workbook, props: DocProperties) -> None:
    """Write a document's archive metadata into the workbook's core properties."""
    wb.properties.title = props.title
    wb.properties.subject = props.subject
    wb.properties.creator = props.author
    wb.properties.lastModifiedBy = props.author
    wb.properties.keywords = props.keywords
    wb.properties.language = props.language
    wb.properties.category = props.category
    wb.properties.created = props.created.replace(tzinfo=None)
    wb.properties.modified = props.created.replace(tzinfo=None)
