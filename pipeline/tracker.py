"""The follow-up tracker (SPEC §3 "The tracker"): one row per decision of the register.

People keep it up to date all year (``Tila``, ``Tilannekuvaus``, ``Päivitetty``),
so everything here is written for a person working in Excel: dropdowns, dates
as dates, overdue rows marked by a rule that is evaluated whenever the file is
opened, a frozen header with filters, and an overview that counts itself.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from . import schema
from .model import YearData
from .xlsx import set_date, set_text, set_value

SHEET = "Seuranta"
OVERVIEW_SHEET = "Yhteenveto"
WHOLE_AREA = "Koko palvelualue"

#: (header, width) in sheet order; SPEC's columns plus Asiakohta for context
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Tunnus", 16),
    ("Neuvottelu", 14),
    ("Kunta", 18),
    ("Asiakohta", 18),
    ("Painopiste", 20),
    ("Päätös", 45),
    ("Jatkotoimi", 40),
    ("Vastuutaho", 22),
    ("Yhteistyöfoorumi", 24),
    ("Seurantavastuu", 22),
    ("Määräaika", 12),
    ("Tila", 14),
    ("Tilannekuvaus", 40),
    ("Päivitetty", 12),
)
HEADERS = tuple(name for name, _ in COLUMNS)
#: columns people fill in during the year; a rebuild keeps what they typed
USER_COLUMNS = ("Tila", "Tilannekuvaus", "Päivitetty")
DATE_COLUMNS = ("Määräaika", "Päivitetty")
#: rows below the data that still get dropdowns and rules, for rows people add
SPARE_ROWS = 500


def col(name: str) -> str:
    return get_column_letter(HEADERS.index(name) + 1)


@dataclass
class TrackerRow:
    values: dict[str, object]
    #: columns the users added, carried over by a rebuild: header -> value
    extra: dict[str, object] = field(default_factory=dict)

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
                }
            )
        )
    return rows


_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
_DELAYED_FILL = PatternFill("solid", fgColor="FFE699")
_DONE_FONT = Font(color="548235")


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
                set_value(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for c, name in enumerate(extra_headers, start=len(HEADERS) + 1):
            set_value(ws.cell(row=r, column=c), row.extra.get(name))
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
    for r, name in enumerate(names, start=2):
        set_text(ws.cell(row=r, column=1), name)
        for c in range(2, len(schema.TRACKER_STATUSES) + 2):
            letter = get_column_letter(c)
            ws.cell(row=r, column=c).value = f"=COUNTIFS({rng(kunta)},$A{r},{rng(tila)},{letter}$1)"
        total = len(schema.TRACKER_STATUSES) + 2
        ws.cell(row=r, column=total).value = f"=SUM(B{r}:{get_column_letter(total - 1)}{r})"
        ws.cell(row=r, column=total + 1).value = (
            f'=COUNTIFS({rng(kunta)},$A{r},{rng(deadline)},"<"&TODAY(),'
            f'{rng(tila)},"<>Valmis",{rng(tila)},"<>Peruttu")'
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


def tracker_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
