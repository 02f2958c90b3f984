"""Writing cells safely with openpyxl.

openpyxl turns any string that starts with ``=`` into a formula. Text that came
from the input must never become one, so every text cell goes through
:func:`set_text`.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment

if TYPE_CHECKING:
    from pipeline.render.word import DocProperties

DATE_FORMAT = "d.m.yyyy"


def set_text(cell: Cell, value: str | None, *, wrap: bool = False) -> None:
    """Store ``value`` as a plain string, whatever it looks like."""
    if value is None or value == "":
        cell.value = None
        return
    cell.value = value
    cell.data_type = "s"  # never "f": "=SUMMA(A1)" stays text
    if wrap or "\n" in value:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


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
        cell.value = value


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
