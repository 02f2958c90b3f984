"""The tracker sheet's cells as a full openpyxl load would give them, read in one light pass.

A rebuild reads the tracker people work in (:func:`~.existing.read_tracker`). Loading
it fully with openpyxl builds a styled cell object for every cell of every sheet,
the regenerated overview included; what the merge needs of the tracker sheet is only
each cell's value and type (formulas as formulas) and its comment. :func:`read_cells`
streams that sheet once with openpyxl's own cell parser
(``WorkSheetParser.parse_cell``, so values are exactly a full load's) and reads its
comments part as a full load does. A sheet with merged ranges or hyperlinks returns
None (a full load empties merged cells and makes a cell for each link): the caller
then loads the workbook fully.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from defusedxml.ElementTree import iterparse
from openpyxl import Workbook
from openpyxl.comments.comment_sheet import CommentSheet
from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import COMMENTS_NS, SHEET_MAIN_NS
from openpyxl.xml.functions import fromstring  # the parser a full load uses

from pipeline.workbook.sheet_parser import cell_parser

_ROW = f"{{{SHEET_MAIN_NS}}}row"
#: a full load empties the merged cells and makes a cell for each hyperlink
_FULL_LOAD = {f"{{{SHEET_MAIN_NS}}}mergeCell", f"{{{SHEET_MAIN_NS}}}hyperlink"}
_CELL_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")


@dataclass(frozen=True)
class SheetCells:
    """(row, column) -> (value, openpyxl data type), every cell the sheet XML holds."""

    cells: dict[tuple[int, int], tuple[object, str]]
    #: (row, column) -> (comment text, author)
    comments: dict[tuple[int, int], tuple[str, str]]
    max_row: int
    max_column: int

    def value(self, row: int, column: int) -> object:
        found = self.cells.get((row, column))
        return None if found is None else found[0]

    def cell(self, row: int, column: int) -> tuple[object, str, tuple[str, str] | None]:
        """The value, data type and comment (text, author) of the cell at ``row``, ``column``."""
        value, data_type = self.cells.get((row, column), (None, "n"))
        return value, data_type, self.comments.get((row, column))


def read_cells(wb: Workbook, ws: ReadOnlyWorksheet) -> SheetCells | None:
    """The cells of ``ws`` (of the read-only ``wb``); None when a full load is needed."""
    archive = wb._archive  # type: ignore[attr-defined]
    part: str = ws._worksheet_path  # type: ignore[attr-defined]
    parser = cell_parser(wb, ws, data_only=False)
    cells: dict[tuple[int, int], tuple[object, str]] = {}
    with archive.open(part) as fh:
        for _event, elem in iterparse(fh):
            if elem.tag == _ROW:
                for cell in parser.parse_row(elem)[1]:
                    cells[(cell["row"], cell["column"])] = (cell["value"], cell["data_type"])
                elem.clear()
            elif elem.tag in _FULL_LOAD:
                return None
    comments: dict[tuple[int, int], tuple[str, str]] = {}
    rels_path = get_rels_path(part)  # type: ignore[no-untyped-call]
    if rels_path in archive.namelist():
        for rel in get_dependents(archive, rels_path).find(COMMENTS_NS):
            tree = fromstring(archive.read(rel.target))
            sheet = CommentSheet.from_tree(tree)
            if sheet is None:
                return None
            for ref, comment in sheet.comments:
                if not _CELL_REF.fullmatch(ref):
                    return None  # a range or an odd reference: as a full load takes it
                at = coordinate_to_tuple(ref)
                cells.setdefault(at, (None, "n"))  # a full load makes the cell
                comments[at] = (comment.text, comment.author or "")
    rows = {r for r, _ in cells}
    columns = {c for _, c in cells}
    return SheetCells(cells, comments, max(rows, default=1), max(columns, default=1))
