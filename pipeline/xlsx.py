"""Writing cells safely with openpyxl.

openpyxl turns any string that starts with ``=`` into a formula. Text that came
from the input must never become one, so every text cell goes through
:func:`set_text`.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment

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
