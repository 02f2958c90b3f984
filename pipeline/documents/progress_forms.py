"""The progress form (SPEC §3 ``seurantalomake``): one per municipality, in its main language.

The form lists exactly the agreements of the tracker that concern the
municipality, and its service area's whole-area agreements, each with the
tracker's current ``Tila``, ``Tilannekuvaus`` and ``Päivitetty`` filled in, so a
municipality sees where things stand. Only those three cells of each row are
unlocked; the sheet is protected without a password (anyone can open and read
it). A hidden marker sheet names county, year, municipality and the row of each
``Tunnus``; :mod:`pipeline.workbook.returned_progress` reads a returned form by it
and :mod:`pipeline.documents.progress_merge` merges it into the tracker.

The agreements' texts are the tracker's (Finnish); a Swedish form shows the
register's Swedish twin of a text (:func:`register_texts`) while the tracker's text
is still the register's Finnish one (SPEC §1 "Swedish texts").

The producer, making every municipality's form as a copy of a prototype, is
:func:`pipeline.documents.progress_copies.progress_forms`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import naming
from pipeline.contract import progress_form as layout
from pipeline.contract.areas import is_whole_area, whole_area_label
from pipeline.contract.i18n import t
from pipeline.contract.tracker import REGISTER_COLUMN, REMOVED
from pipeline.contract.values import clean_text, key
from pipeline.documents.progress_merge import tracker_status, tracker_updated
from pipeline.documents.tracker.rows import Formula, TrackerRow
from pipeline.render.xlsx import (
    hidden_marker,
    row_height,
    set_date,
    set_properties,
    set_text,
    workbook_bytes,
)
from pipeline.workbook.model import Municipality, YearData

if TYPE_CHECKING:
    from pipeline.render.word import DocProperties

#: (tracker row, tracker column, language) -> the text the form shows for that column
RowText = Callable[[TrackerRow, str, str], str]

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)
#: room to type in an editable row, however short its texts
_MIN_ROW_HEIGHT = 45.0
_TRANSLATED = ("Päätös", "Jatkotoimi", "Yhteistyöfoorumi", "Vastuutaho")


def tracker_text(row: TrackerRow, column: str, lang: str) -> str:
    """The default :data:`RowText`: the tracker's own (Finnish) text, whatever ``lang``."""
    value = row.values.get(column)
    return "" if isinstance(value, Formula) else clean_text(value)


#: form column -> the Decision attribute its text comes from
_DECISION_ATTRS = {
    "Päätös": "decision",
    "Jatkotoimi": "follow_up",
    "Yhteistyöfoorumi": "forum",
    "Vastuutaho": "responsible",
}


def register_texts(data: YearData) -> RowText:
    """A :data:`RowText` that shows, in Swedish, the register's twin of the tracker's text.

    A text edited in the tracker since (no longer the register's Finnish text) is
    shown as the tracker has it.
    """
    by_id = {key(d.id): d for d in data.decisions}

    def text(row: TrackerRow, column: str, lang: str) -> str:
        shown = tracker_text(row, column, lang)
        decision = by_id.get(key(row.id))
        attr = _DECISION_ATTRS.get(column)
        if lang != "sv" or decision is None or attr is None:
            return shown
        twin: str = getattr(decision, f"{attr}_sv")
        return twin if twin and shown == getattr(decision, attr) else shown

    return text


def form_path(municipality: Municipality) -> str:
    """``4_seuranta/seurantalomake_<kunta>_<kieli>.xlsx``: the form is in the main language."""
    return naming.output_path(
        "seurantalomake", municipality.name, municipality.main_language, ext="xlsx"
    )


def form_title(data: YearData, municipality: Municipality) -> str:
    lang = municipality.main_language
    return f"{layout.text('title', lang)} {data.settings.year}: {municipality.name_in(lang)}"


def rows_for(
    data: YearData, municipality: Municipality, rows: Sequence[TrackerRow]
) -> list[TrackerRow]:
    """The tracker rows that concern ``municipality``, in tracker order.

    Its own agreements and the whole-area agreements of negotiations in its
    service area. A row removed from the register, or without a ``Tunnus`` (or
    sharing it with another row), cannot be merged back and is left out.

    The rows are sorted out once per tracker (:func:`_concerning`), so a build's
    forms cost the rows plus the municipalities, not their product.
    """
    own, by_area = _concerning(data, rows)
    chosen = own.get(data.position(municipality), []) + by_area.get(
        key(municipality.service_area), []
    )
    return [rows[i] for i in sorted(chosen)]


_last: list[
    tuple[YearData, Sequence[TrackerRow], tuple[dict[int, list[int]], dict[str, list[int]]]]
] = []


def _concerning(
    data: YearData, rows: Sequence[TrackerRow]
) -> tuple[dict[int, list[int]], dict[str, list[int]]]:
    """(municipality's place -> its rows' indices, key(service area) -> its whole-area rows)."""
    if _last and _last[0][0] is data and _last[0][1] is rows:
        return _last[0][2]
    ids = Counter(key(r.id) for r in rows)
    own: dict[int, list[int]] = {}
    by_area: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        ident = key(row.id)
        if not ident or ids[ident] > 1 or row.values.get(REGISTER_COLUMN) == REMOVED:
            continue
        kunta = clean_text(row.values.get("Kunta"))
        if is_whole_area(kunta):
            negotiation = data.negotiation(clean_text(row.values.get("Neuvottelu")))
            if negotiation is not None:
                by_area.setdefault(key(negotiation.service_area), []).append(i)
        elif (found := data.municipality(kunta)) is not None:
            own.setdefault(data.position(found), []).append(i)
    _last[:] = [(data, rows, (own, by_area))]
    return own, by_area


def row_height_of(texts: Sequence[tuple[str, int]]) -> float:
    """Tall enough for the longest wrapped text; ``texts`` = (text, column width)."""
    return row_height(texts, minimum=_MIN_ROW_HEIGHT, padding=6)


def _municipality_cell(data: YearData, row: TrackerRow, lang: str) -> str:
    kunta = clean_text(row.values.get("Kunta"))
    if is_whole_area(kunta):
        return whole_area_label(lang)
    found = data.municipality(kunta)
    return found.name_in(lang) if found is not None else kunta


def form_workbook(
    data: YearData,
    municipality: Municipality,
    rows: Sequence[TrackerRow],
    texts: RowText | None = None,
    *,
    chosen: Sequence[TrackerRow] | None = None,
) -> Workbook:
    """The progress form of ``municipality`` for the tracker ``rows`` (all of them; it picks).

    ``texts``: the agreements' texts in the form's language (:func:`register_texts` if None);
    ``chosen``: the rows it shows, if not :func:`rows_for` ``municipality``.
    """
    lang = municipality.main_language
    s = data.settings
    chosen = rows_for(data, municipality, rows) if chosen is None else chosen
    shown = texts or register_texts(data)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = layout.text("title", lang)
    for letter, _, width in layout.COLUMNS:
        ws.column_dimensions[letter].width = width
    total_width = sum(width for _, _, width in layout.COLUMNS)

    set_text(ws[f"A{layout.ROW_TITLE}"], f"{layout.text('title', lang)} {s.year}")
    ws[f"A{layout.ROW_TITLE}"].font = Font(bold=True, size=14)
    set_text(
        ws[f"A{layout.ROW_COUNTY}"],
        f"{s.county_in(lang)} · {t('item_theme', lang, theme=s.theme_in(lang))}",
    )
    instructions = layout.text("instructions", lang)
    set_text(ws[f"A{layout.ROW_INSTRUCTIONS}"], instructions, wrap=True)
    ws.merge_cells(f"A{layout.ROW_INSTRUCTIONS}:{layout.LAST_COLUMN}{layout.ROW_INSTRUCTIONS}")
    ws.row_dimensions[layout.ROW_INSTRUCTIONS].height = row_height_of([(instructions, total_width)])
    contact = ", ".join(x for x in (s.coordinator, s.coordinator_email, s.coordinator_phone) if x)
    if contact:
        set_text(ws[f"A{layout.ROW_RETURN}"], t("survey_return_to", lang, who=contact))
    set_text(ws[f"A{layout.ROW_MUNICIPALITY}"], t("survey_municipality", lang))
    set_text(ws[f"B{layout.ROW_MUNICIPALITY}"], municipality.name_in(lang))
    ws[f"A{layout.ROW_MUNICIPALITY}"].font = Font(bold=True)
    ws[f"B{layout.ROW_MUNICIPALITY}"].font = Font(bold=True)

    for letter, column, _ in layout.COLUMNS:
        cell = ws[f"{letter}{layout.ROW_HEADER}"]
        set_text(cell, layout.text(column, lang))
        cell.fill, cell.font, cell.border = _HEADER_FILL, _HEADER_FONT, _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")

    placed: list[tuple[str, int]] = []
    for index, row in enumerate(chosen):
        r = layout.FIRST_ROW + index
        _write_row(ws, r, data, row, lang, shown)
        placed.append((row.id, r))
    if not chosen:
        set_text(ws[f"A{layout.FIRST_ROW}"], layout.text("none", lang))
    last = layout.FIRST_ROW + max(len(chosen), 1) - 1
    if chosen:
        _validations(ws, lang, last)
        ws.sheet_view.selection[0].activeCell = f"{layout.COL_STATUS}{layout.FIRST_ROW}"
        ws.sheet_view.selection[0].sqref = f"{layout.COL_STATUS}{layout.FIRST_ROW}"

    # only Tila, Tilannekuvaus and Päivitetty can be changed; no password, nothing stops reading
    ws.protection.sheet = True
    ws.protection.formatRows = False  # people may make a row taller for a long description
    ws.protection.formatColumns = False
    wb.security = WorkbookProtection(lockStructure=True)
    ws.freeze_panes = f"A{layout.FIRST_ROW}"
    ws.print_title_rows = f"{layout.ROW_HEADER}:{layout.ROW_HEADER}"
    ws.print_area = f"A1:{layout.LAST_COLUMN}{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    if ws.oddFooter is not None:
        ws.oddFooter.center.text = "&P / &N"

    _write_marker(wb, data, municipality, ws.title, placed)
    return wb


def cell_value(
    data: YearData, row: TrackerRow, column: str, lang: str, texts: RowText
) -> str | dt.date:
    """What the form's ``column`` shows of ``row``: a date as a date, anything else as text."""
    if column == "Tunnus":
        return row.id
    if column == "Kunta":
        return _municipality_cell(data, row, lang)
    if column in _TRANSLATED:
        return texts(row, column, lang)
    if column == "Tilannekuvaus":
        return tracker_text(row, column, lang)
    if column == "Tila":
        status = tracker_status(row.values.get("Tila"))
        return layout.status_label(status, lang) if status else ""
    day = row.values.get(column)  # the dates: typed text stays text
    when = tracker_updated(day) if column == "Päivitetty" else day
    if isinstance(when, dt.date):
        return when.date() if isinstance(when, dt.datetime) else when
    return "" if column == "Päivitetty" else clean_text(day)


def _write_row(
    ws: Worksheet, r: int, data: YearData, row: TrackerRow, lang: str, texts: RowText
) -> None:
    shown: list[tuple[str, int]] = []
    for letter, column, width in layout.COLUMNS:
        cell = ws[f"{letter}{r}"]
        cell.border = _BOX
        value = cell_value(data, row, column, lang, texts)
        if isinstance(value, dt.date):
            set_date(cell, value)
        else:
            set_text(cell, value)
            shown.append((value, width))
        cell.alignment = _WRAP
        if column in layout.EDITABLE:
            cell.protection = _UNLOCKED
            cell.fill = _EDIT_FILL
    ws.row_dimensions[r].height = row_height_of(shown)


def _validations(ws: Worksheet, lang: str, last: int) -> None:
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(layout.STATUS_LABELS[lang]) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=layout.text("Tila", lang),
        error=layout.text("status_error", lang),
        showInputMessage=True,
        promptTitle=layout.text("Tila", lang),
        prompt=layout.text("status_prompt", lang),
    )
    status.add(f"{layout.COL_STATUS}{layout.FIRST_ROW}:{layout.COL_STATUS}{last}")
    updated = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1.1.2000
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle=layout.text("Päivitetty", lang),
        error=layout.text("updated_error", lang),
        showInputMessage=True,
        promptTitle=layout.text("Päivitetty", lang),
        prompt=layout.text("updated_prompt", lang),
    )
    updated.add(f"{layout.COL_UPDATED}{layout.FIRST_ROW}:{layout.COL_UPDATED}{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(updated)
    for r in range(layout.FIRST_ROW, last + 1):
        ws[f"{layout.COL_UPDATED}{r}"].number_format = "d.m.yyyy"


def _write_marker(
    wb: Workbook, data: YearData, m: Municipality, form_sheet: str, placed: list[tuple[str, int]]
) -> None:
    rows = [
        (layout.MARKER_KIND, layout.FORM_VERSION),
        (layout.M_YEAR, str(data.settings.year)),
        (layout.M_COUNTY, data.settings.county),
        (layout.M_MUNICIPALITY, m.name),
        (layout.M_LANG, m.main_language),
        (layout.M_SHEET, form_sheet),
        (layout.M_ROWS, layout.M_ROWS_VALUE),
    ]
    rows += [(ident, str(r)) for ident, r in placed]
    hidden_marker(wb, layout.MARKER_SHEET, rows)


def progress_form(
    data: YearData,
    municipality: Municipality,
    rows: Sequence[TrackerRow],
    *,
    properties: DocProperties | None = None,
    texts: RowText | None = None,
) -> bytes:
    """The progress form of ``municipality`` as .xlsx bytes (see :func:`form_workbook`)."""
    wb = form_workbook(data, municipality, rows, texts)
    if properties is not None:
        set_properties(wb, properties)
    return workbook_bytes(wb)
