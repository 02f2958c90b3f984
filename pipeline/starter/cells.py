"""Cells of the sheets the starter creates itself: none of them is merged."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet


def cell_at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell at ``row``, ``column``; a merged cell here is a programming error."""
    cell = ws.cell(row=row, column=column)
    if not isinstance(cell, Cell):
        raise TypeError(f"{ws.title}: merged cell at row {row}, column {column}")
    return cell


def first_sheet(wb: Workbook) -> Worksheet:
    """The worksheet a new workbook starts with."""
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    return ws
