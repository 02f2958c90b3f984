"""The tracker workbook as people work in it all year (SPEC §3 "The tracker").

People keep it up to date (``Tila``, ``Tilannekuvaus``, ``Päivitetty``), so
everything here is written for a person working in Excel: dropdowns, dates
as dates, overdue rows marked by a rule that is evaluated whenever the file is
opened, a frozen header with filters, and an overview that counts itself.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.contract.grammar import join_words
from pipeline.contract.tracker import (
    COLUMNS,
    DATE_COLUMNS,
    HEADERS,
    OVERVIEW_SHEET,
    REGISTER_COLUMN,
    REMOVED,
    SHEET,
    WHOLE_AREA,
)
from pipeline.documents.tracker.rows import Formula, TrackerRow
from pipeline.documents.vocab import STATUS_COLOURS
from pipeline.render.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    cell_at,
    first_sheet,
    fit_to_page_width,
    formula_rule,
    row_height,
    set_date,
    set_text,
    set_value,
    workbook_bytes,
)
from pipeline.workbook.model import YearData

#: rows below the data that still get dropdowns and rules, for rows people add
SPARE_ROWS = 500
#: the width of a column people added to the tracker sheet
EXTRA_WIDTH = 20


def col(name: str) -> str:
    return get_column_letter(HEADERS.index(name) + 1)


_OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
_DELAYED_FILL = PatternFill("solid", fgColor="FFE699")
_DONE_FONT = Font(color="548235")
_REMOVED_FILL = PatternFill("solid", fgColor="D9D9D9")
_REMOVED_FONT = Font(color="7F7F7F", italic=True)
#: one alignment object each, shared by every cell (openpyxl stores one style per object anyway)
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_CELL_ALIGN = Alignment(wrap_text=True, vertical="top")


def put(cell: Cell, value: object) -> None:
    """A tracker value: a person's formula stays a formula, all text stays text."""
    if isinstance(value, Formula):
        cell.value = str(value)
        cell.data_type = "f"
    else:
        set_value(cell, value)


def _header(ws: Worksheet, headers: list[str], widths: list[int]) -> None:
    for index, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = cell_at(ws, 1, index)
        set_text(cell, text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        ws.column_dimensions[get_column_letter(index)].width = width
    _fit_height(ws, 1, zip(headers, widths, strict=True))
    ws.freeze_panes = "A2"


def _shown(value: object) -> str:
    """The text a cell shows, for its row's height (a date or a formula takes one line)."""
    return value if isinstance(value, str) and not isinstance(value, Formula) else ""


def _fit_height(ws: Worksheet, r: int, cells: Iterable[tuple[str, float]]) -> None:
    """Row ``r`` tall enough to show its wrapped text; one-line rows keep the default."""
    height = row_height(cells, padding=3)
    if height > LINE_HEIGHT + 3:
        ws.row_dimensions[r].height = height


def write_tracker(
    data: YearData, rows: list[TrackerRow], extra_headers: list[str] | None = None
) -> Workbook:
    """The tracker workbook for ``rows`` (register rows, possibly merged with an old tracker)."""
    extra_headers = list(extra_headers or [])
    wb = Workbook()
    ws = first_sheet(wb, SHEET)
    headers = list(HEADERS) + extra_headers
    widths = [w for _, w in COLUMNS] + [EXTRA_WIDTH] * len(extra_headers)
    _header(ws, headers, widths)
    align: int | None = None  # _CELL_ALIGN's number in the workbook, once it has one
    for r, row in enumerate(rows, start=2):
        for c, name in enumerate(HEADERS, start=1):
            cell = cell_at(ws, r, c)
            value = row.values.get(name)
            if name in DATE_COLUMNS and isinstance(value, dt.date):
                set_date(cell, value)
            else:
                put(cell, value)
            if align is None:
                cell.alignment = _CELL_ALIGN
                align = cell._style.alignmentId  # type: ignore[attr-defined]
            else:  # what assigning it again does, without openpyxl hashing it per cell
                if not cell._style:  # type: ignore[attr-defined]  # an unstyled cell has none
                    cell._style = StyleArray()  # type: ignore[attr-defined]
                cell._style.alignmentId = align  # type: ignore[attr-defined]
        for c, name in enumerate(extra_headers, start=len(HEADERS) + 1):
            put(cell_at(ws, r, c), row.extra.get(name))
        texts = [_shown(row.values.get(n)) for n in HEADERS]
        texts += [_shown(row.extra.get(n)) for n in extra_headers]
        _fit_height(ws, r, zip(texts, widths, strict=True))
        for c, name in enumerate(headers, start=1):
            if name in row.comments:
                text, author = row.comments[name]
                ws.cell(row=r, column=c).comment = Comment(text, author)
    last = max(len(rows) + 1, 2)
    limit = last + SPARE_ROWS
    last_col = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last_col}{last}"

    status = DataValidation(
        type="list",
        formula1='"' + ",".join(schema.TRACKER_STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tila",
        error="Valitse tila luettelosta: " + join_words(schema.TRACKER_STATUSES, "fi", "or") + ".",
        promptTitle="Tila",
        prompt="Valitse asian tila luettelosta.",
        showInputMessage=True,
    )
    status.add(f"{col('Tila')}2:{col('Tila')}{limit}")
    updated = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1.1.2000
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Päivitetty",
        error="Kirjoita päivämäärä, esim. 14.9.2027.",
        promptTitle="Päivitetty",
        prompt="Päivämäärä, jolloin tilannekuvaus viimeksi päivitettiin.",
        showInputMessage=True,
    )
    updated.add(f"{col('Päivitetty')}2:{col('Päivitetty')}{limit}")
    ws.add_data_validation(status)
    ws.add_data_validation(updated)
    for name in DATE_COLUMNS:
        for r in range(2, limit + 1):
            ws[f"{col(name)}{r}"].number_format = "d.m.yyyy"

    deadline, tila = col("Määräaika"), col("Tila")
    area = f"A2:{last_col}{limit}"
    ws.conditional_formatting.add(
        area,
        formula_rule(
            f'${col(REGISTER_COLUMN)}2="{REMOVED}"',
            fill=_REMOVED_FILL,
            font=_REMOVED_FONT,
            stop=True,
        ),
    )
    ws.conditional_formatting.add(
        area,
        formula_rule(
            f'AND(${deadline}2<>"",${deadline}2<TODAY(),${tila}2<>"Valmis",${tila}2<>"Peruttu")',
            fill=_OVERDUE_FILL,
            stop=True,
        ),
    )
    ws.conditional_formatting.add(area, formula_rule(f'${tila}2="Viivästynyt"', fill=_DELAYED_FILL))
    ws.conditional_formatting.add(area, formula_rule(f'${tila}2="Valmis"', font=_DONE_FONT))

    fit_to_page_width(ws, "landscape", "1:1")
    footer, header = ws.oddFooter, ws.oddHeader
    assert footer is not None and header is not None  # openpyxl always makes them
    footer.center.text = "&P / &N"
    header.left.text = data.settings.county.replace("&", "&&")

    _overview(wb, data, rows, limit)
    return wb


def _overview(wb: Workbook, data: YearData, rows: list[TrackerRow], limit: int) -> None:
    ws = wb.create_sheet(OVERVIEW_SHEET)
    headers = ["Kunta", *schema.TRACKER_STATUSES, "Yhteensä", "Määräaika ylittynyt"]
    _header(ws, headers, [24] + [13] * (len(headers) - 1))
    names = [m.name for m in data.municipalities]
    if any(r.values.get("Kunta") == WHOLE_AREA for r in rows):
        names.append(WHOLE_AREA)
    names += sorted(
        {str(r.values.get("Kunta")) for r in rows if r.values.get("Kunta")} - set(names)
    )
    kunta, tila, deadline = col("Kunta"), col("Tila"), col("Määräaika")

    def rng(column: str) -> str:
        return f"{SHEET}!${column}$2:${column}${limit}"

    # a decision removed from the register keeps its row but is no longer counted
    live = f'{rng(col(REGISTER_COLUMN))},"<>{REMOVED}"'
    for r, name in enumerate(names, start=2):
        set_text(ws.cell(row=r, column=1), name)
        for c in range(2, len(schema.TRACKER_STATUSES) + 2):
            letter = get_column_letter(c)
            ws.cell(
                row=r, column=c
            ).value = f"=COUNTIFS({rng(kunta)},$A{r},{rng(tila)},{letter}$1,{live})"
        total = len(schema.TRACKER_STATUSES) + 2
        ws.cell(row=r, column=total).value = f"=SUM(B{r}:{get_column_letter(total - 1)}{r})"
        ws.cell(row=r, column=total + 1).value = (
            f'=COUNTIFS({rng(kunta)},$A{r},{rng(deadline)},"<"&TODAY(),'
            f'{rng(tila)},"<>Valmis",{rng(tila)},"<>Peruttu",{live})'
        )
    last = len(names) + 1
    sum_row = last + 1
    set_text(ws.cell(row=sum_row, column=1), "Yhteensä")
    ws.cell(row=sum_row, column=1).font = Font(bold=True)
    for c in range(2, len(headers) + 1):
        letter = get_column_letter(c)
        cell = ws.cell(row=sum_row, column=c)
        cell.value = f"=SUM({letter}2:{letter}{last})"
        cell.font = Font(bold=True)
    if last >= 2:
        table = Table(displayName="Tilanne", ref=f"A1:{get_column_letter(len(headers))}{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(table)
        _chart(ws, last, sum_row)
    # the counts and the chart on one landscape page
    fit_to_page_width(ws, "landscape", "1:1")
    ws.page_setup.fitToHeight = 1


CHART_TITLE = "Sovittujen asioiden tila kunnittain"
CHART_DESCRIPTION = (
    "Pinottu palkkikaavio: sovittujen asioiden määrä kunnittain ja tiloittain "
    "(Ei aloitettu, Käynnissä, Valmis, Viivästynyt, Peruttu). "
    "Samat luvut ovat taulukossa kaavion yläpuolella."
)


def _chart(ws: Worksheet, last: int, sum_row: int) -> None:
    """A native stacked bar chart of the status counts, beside the counts."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = CHART_TITLE
    chart.y_axis.title = "Sovittujen asioiden määrä"
    chart.x_axis.title = "Kunta"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.legend.position = "b"
    first, final = 2, len(schema.TRACKER_STATUSES) + 1
    data = Reference(ws, min_col=first, max_col=final, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    for series, colour in zip(chart.series, STATUS_COLOURS.values(), strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.width = 20
    chart.height = max(7.5, 0.8 * (last - 1) + 5)
    ws.add_chart(chart, f"A{sum_row + 3}")


def tracker_file(wb: Workbook) -> bytes:
    """The tracker workbook as bytes, its overview chart with alternative text.

    openpyxl has no setting for a chart's alt text, so the drawing part is
    rewritten here. Times are left as openpyxl wrote them: the build makes every
    ``.xlsx`` reproducible in one pass (:func:`pipeline.reproducible.normalize_xlsx`),
    so an unchanged tracker is byte for byte the same and needs no backup.
    """
    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook_bytes(wb))) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/drawings/drawing"):
                content = _describe_charts(content)
            target.writestr(info, content)
    return result.getvalue()


#: custom document property: the date the build last reported the tracker's state as of
STATUS_DATE_PROPERTY = "hytetu-tilannepaiva"


def set_status_date(wb: Workbook, day: dt.date) -> None:
    """Record in the tracker the date its state was reported as of (see
    :func:`pipeline.documents.tracker.existing.status_date`).

    The build stamps every ``.xlsx`` with the build date, so the saved time of a
    tracker people saved in the autumn is lost on a rebuild; this keeps the later
    date, and a rebuild with nothing changed reports the same date again.
    """
    prop = StringProperty(name=STATUS_DATE_PROPERTY, value=day.isoformat())
    wb.custom_doc_props.append(prop)  # type: ignore[attr-defined]  # missing in types-openpyxl


def _describe_charts(drawing: bytes) -> bytes:
    """Give the overview chart a name and a description (alt text) for screen readers."""
    name, descr = quoteattr(CHART_TITLE), quoteattr(CHART_DESCRIPTION)
    return re.sub(
        rb'<((?:\w+:)?)cNvPr id="(\d+)" name="Chart \d+"\s*/>',
        lambda m: (
            f'<{m.group(1).decode()}cNvPr id="{m.group(2).decode()}" name={name} descr={descr}/>'
        ).encode(),
        drawing,
    )
