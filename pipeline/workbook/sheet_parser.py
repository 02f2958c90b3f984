"""openpyxl's sheet parser for reading a sheet in one pass, plain inline strings the short way.

:mod:`pipeline.workbook.read` and the rebuild's tracker reader stream a sheet's XML
once themselves and have each row parsed by openpyxl's own ``WorkSheetParser``, so
the values are exactly those openpyxl would give (shared strings, numbers, dates by
their number format, booleans, errors, formulas). Workbooks openpyxl writes (the
tracker, the benchmark's) hold their text as inline strings, one ``Text`` object
built per cell; :class:`CellParser` reads the plain ones (``<is><t>…</t></is>``)
directly, to the same value, and leaves everything else to openpyxl.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_INLINE_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"


class CellParser(WorkSheetParser):
    """``WorkSheetParser`` whose ``parse_cell`` reads a plain inline string itself."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        if element.get("t") == "inlineStr" and element.find(_FORMULA) is None:
            inline = list(element)
            only = len(inline) == 1 and inline[0].tag == _INLINE and not inline[0].attrib
            text = list(inline[0]) if only else None
            if text is not None and len(text) == 1 and text[0].tag == _INLINE_TEXT:
                # as openpyxl: the cell's own address, else the next column of the row
                coordinate = element.get("r")
                if coordinate:
                    row, column = coordinate_to_tuple(coordinate)
                    self.col_counter = column
                else:
                    self.col_counter += 1
                    row, column = self.row_counter, self.col_counter
                style_id = element.get("s", 0)
                return {
                    "row": row,
                    "column": column,
                    "value": text[0].text or "",  # openpyxl's Text(t=…).content
                    "data_type": "s",
                    "style_id": int(style_id) if style_id else style_id,
                }
        return super().parse_cell(element)


def cell_parser(wb: Workbook, ws: ReadOnlyWorksheet, *, data_only: bool) -> CellParser:
    """The parser for the rows of ``ws`` of the read-only ``wb`` (fed rows one at a time)."""
    return CellParser(
        None,  # type: ignore[arg-type]  # only its row and cell parsers are used
        ws._shared_strings,  # type: ignore[attr-defined]
        data_only=data_only,
        epoch=wb.epoch,
        date_formats=wb._date_formats,  # type: ignore[attr-defined]
        timedelta_formats=wb._timedelta_formats,  # type: ignore[attr-defined]
    )
