"""The follow-up tracker (SPEC §3 "The tracker"): one row per decision of the register.

People keep it up to date all year (``Tila``, ``Tilannekuvaus``, ``Päivitetty``),
so everything here is written for a person working in Excel: dropdowns, dates
as dates, overdue rows marked by a rule that is evaluated whenever the file is
opened, a frozen header with filters, and an overview that counts itself.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from pipeline.contract import schema
from pipeline.contract.tracker import (
    COLUMNS,
    DATE_COLUMNS,
    HEADERS,
    IN_REGISTER,
    OVERVIEW_SHEET,
    REGISTER_COLUMN,
    REMOVED,
    SHEET,
    WHOLE_AREA,
)
from pipeline.contract.values import key
from pipeline.errors import OutputProblem, WorkbookUnreadable
from pipeline.render.xlsx import set_date, set_text, set_value, workbook_bytes
from pipeline.workbook.container import open_xlsx
from pipeline.workbook.model import YearData

#: rows below the data that still get dropdowns and rules, for rows people add
SPARE_ROWS = 500


def col(name: str) -> str:
    return get_column_letter(HEADERS.index(name) + 1)


class Formula(str):
    """A formula a person wrote into the tracker (kept a formula; plain text never becomes one)."""


@dataclass
class TrackerRow:
    values: dict[str, object]
    #: columns the users added, carried over by a rebuild: header -> value
    extra: dict[str, object] = field(default_factory=dict)
    #: cell comments people wrote: header -> (text, author)
    comments: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.values.get("Tunnus") or "")


def rows_from_register(data: YearData) -> list[TrackerRow]:
    rows = []
    for d in data.decisions:
        rows.append(
            TrackerRow(
                {
                    "Tunnus": d.id,
                    "Neuvottelu": d.negotiation,
                    "Kunta": d.municipality or WHOLE_AREA,
                    "Asiakohta": d.agenda_item,
                    "Painopiste": d.priority,
                    "Päätös": d.decision,
                    "Jatkotoimi": d.follow_up,
                    "Vastuutaho": d.responsible,
                    "Yhteistyöfoorumi": d.forum,
                    "Seurantavastuu": d.monitoring,
                    "Määräaika": d.deadline,
                    "Tila": schema.DEFAULT_STATUS,
                    "Tilannekuvaus": "",
                    "Päivitetty": None,
                    REGISTER_COLUMN: IN_REGISTER,
                }
            )
        )
    return rows


_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
_DELAYED_FILL = PatternFill("solid", fgColor="FFE699")
_DONE_FONT = Font(color="548235")
_REMOVED_FILL = PatternFill("solid", fgColor="D9D9D9")
_REMOVED_FONT = Font(color="7F7F7F", italic=True)


def put(cell, value: object) -> None:
    """A tracker value: a person's formula stays a formula, all text stays text."""
    if isinstance(value, Formula):
        cell.value = str(value)
        cell.data_type = "f"
    else:
        set_value(cell, value)


def _header(ws, headers: list[str], widths: list[int]) -> None:
    for index, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=index)
        set_text(cell, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def write_tracker(
    data: YearData, rows: list[TrackerRow], extra_headers: list[str] | None = None
) -> Workbook:
    """The tracker workbook for ``rows`` (register rows, possibly merged with an old tracker)."""
    extra_headers = list(extra_headers or [])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    headers = list(HEADERS) + extra_headers
    _header(ws, headers, [w for _, w in COLUMNS] + [20] * len(extra_headers))
    for r, row in enumerate(rows, start=2):
        for c, name in enumerate(HEADERS, start=1):
            cell = ws.cell(row=r, column=c)
            value = row.values.get(name)
            if name in DATE_COLUMNS and isinstance(value, dt.date):
                set_date(cell, value)
            else:
                put(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for c, name in enumerate(extra_headers, start=len(HEADERS) + 1):
            put(ws.cell(row=r, column=c), row.extra.get(name))
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
        error="Valitse tila luettelosta: " + ", ".join(schema.TRACKER_STATUSES) + ".",
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
        FormulaRule(
            formula=[f'${col(REGISTER_COLUMN)}2="{REMOVED}"'],
            fill=_REMOVED_FILL,
            font=_REMOVED_FONT,
            stopIfTrue=True,
        ),
    )
    ws.conditional_formatting.add(
        area,
        FormulaRule(
            formula=[
                f'AND(${deadline}2<>"",${deadline}2<TODAY(),${tila}2<>"Valmis",${tila}2<>"Peruttu")'
            ],
            fill=_OVERDUE_FILL,
            stopIfTrue=True,
        ),
    )
    ws.conditional_formatting.add(
        area, FormulaRule(formula=[f'${tila}2="Viivästynyt"'], fill=_DELAYED_FILL)
    )
    ws.conditional_formatting.add(
        area, FormulaRule(formula=[f'${tila}2="Valmis"'], font=_DONE_FONT)
    )

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&P / &N"
    ws.oddHeader.left.text = data.settings.county.replace("&", "&&")

    _overview(wb, data, rows, limit)
    return wb


def _overview(wb: Workbook, data: YearData, rows: list[TrackerRow], limit: int) -> None:
    ws = wb.create_sheet(OVERVIEW_SHEET)
    headers = ["Kunta", *schema.TRACKER_STATUSES, "Yhteensä", "Määräaika ohi"]
    _header(ws, headers, [24] + [13] * (len(headers) - 1))
    names = [m.name for m in data.municipalities]
    if any(r.values.get("Kunta") == WHOLE_AREA for r in rows):
        names.append(WHOLE_AREA)
    names += sorted(
        {str(r.values.get("Kunta")) for r in rows if r.values.get("Kunta")} - set(names)
    )
    kunta, tila, deadline = col("Kunta"), col("Tila"), col("Määräaika")
    rng = lambda c: f"{SHEET}!${c}$2:${c}${limit}"  # noqa: E731
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


CHART_TITLE = "Päätösten tila kunnittain"
CHART_DESCRIPTION = (
    "Pinottu pylväskaavio: kunkin kunnan päätösten määrä tiloittain "
    "(Ei aloitettu, Käynnissä, Valmis, Viivästynyt, Peruttu). "
    "Samat luvut ovat taulukossa kaavion yläpuolella."
)
#: status -> bar colour, in the order of schema.TRACKER_STATUSES
_STATUS_COLOURS = ("A6A6A6", "2E75B6", "70AD47", "ED7D31", "595959")


def _chart(ws, last: int, sum_row: int) -> None:
    """A native stacked bar chart of the status counts, beside the counts."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = CHART_TITLE
    chart.y_axis.title = "Päätöksiä"
    chart.x_axis.title = "Kunta"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.legend.position = "b"
    first, final = 2, len(schema.TRACKER_STATUSES) + 1
    data = Reference(ws, min_col=first, max_col=final, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    for series, colour in zip(chart.series, _STATUS_COLOURS, strict=True):
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
    """Record in the tracker the date its state was reported as of (see ``phase_docs.status_date``).

    The build stamps every ``.xlsx`` with the build date, so the saved time of a
    tracker people saved in the autumn is lost on a rebuild; this keeps the later
    date, and a rebuild with nothing changed reports the same date again.
    """
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name=STATUS_DATE_PROPERTY, value=day.isoformat()))


def status_date_of(wb: Workbook) -> dt.date | None:
    """The date :func:`set_status_date` recorded, if the tracker has it."""
    for prop in wb.custom_doc_props:
        if prop.name == STATUS_DATE_PROPERTY:
            try:
                return dt.date.fromisoformat(str(prop.value))
            except ValueError:
                return None
    return None


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


# ------------------------------------------------------------ the old tracker


@dataclass
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


def _cell_value(cell, date_column: bool) -> object:
    value = cell.value
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if cell.data_type == "f" and isinstance(value, str):
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
        wb = open_xlsx(path, read_only=False, data_only=False)
    except WorkbookUnreadable as exc:
        raise OutputProblem(
            f"Aiempaa seurantataulukkoa ei voi avata: {exc} "
            f"Siihen kirjoitettuja tietoja ei voi siirtää uuteen taulukkoon. {hint}"
        ) from None
    names = {key(name): name for name in wb.sheetnames}
    sheet_name = names.get(key(SHEET))
    overview = names.get(key(OVERVIEW_SHEET))
    extra_sheets = [n for n in wb.sheetnames if n not in (sheet_name, overview)]
    if sheet_name is None:
        raise OutputProblem(
            f"{path}: seurantataulukosta puuttuu välilehti {SHEET} (onko se nimetty "
            f"uudelleen? välilehdet nyt: {', '.join(wb.sheetnames)}), joten siihen "
            f"kirjoitettuja tiloja ei voi yhdistää päätösrekisteriin. Palauta välilehden nimeksi "
            f"{SHEET} ja aja komento uudelleen."
        )
    ws = wb[sheet_name]
    known = {key(h): h for h in HEADERS}
    columns: dict[int, str] = {}  # column index -> our header or the extra header
    extra_headers: list[str] = []
    width = ws.max_column
    for c in range(1, width + 1):
        text = ws.cell(row=1, column=c).value
        header = str(text).strip() if text is not None else ""
        if key(header) in known and known[key(header)] not in columns.values():
            columns[c] = known[key(header)]
            continue
        if not header:
            if all(ws.cell(row=r, column=c).value is None for r in range(2, ws.max_row + 1)):
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
    for r in range(2, ws.max_row + 1):
        values: dict[str, object] = {}
        extra: dict[str, object] = {}
        comments: dict[str, tuple[str, str]] = {}
        for c, name in columns.items():
            cell = ws.cell(row=r, column=c)
            value = _cell_value(cell, name in DATE_COLUMNS)
            if name in HEADERS:
                values[name] = value
            else:
                extra[name] = value
            if cell.comment is not None and cell.comment.text:
                comments[name] = (cell.comment.text, cell.comment.author or "")
        if not comments and all(v is None for v in (*values.values(), *extra.values())):
            continue
        rows.append(TrackerRow(values, extra, comments))
    return OldTracker(
        path, rows, extra_headers, REGISTER_COLUMN in columns.values(), wb, extra_sheets
    )


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
        for letter, dim in source.column_dimensions.items():
            target.column_dimensions[letter].width = dim.width
            target.column_dimensions[letter].hidden = dim.hidden
        for index, dim in source.row_dimensions.items():
            target.row_dimensions[index].height = dim.height
            target.row_dimensions[index].hidden = dim.hidden
        for merged in source.merged_cells.ranges:
            target.merge_cells(str(merged))
        target.freeze_panes = source.freeze_panes
