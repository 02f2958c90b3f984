"""The pre-survey as Excel forms (SPEC §3 ``ennakkokysely``) and reading them back (SPEC §1).

One form per municipality, in its main language: instructions and the deadline
at the top, the municipality filled in, one answer row per question of
``Kyselyn kysymykset`` with a dropdown for yes/no and choice questions. Only
the answer cells are unlocked; the sheet is protected without a password, so
anyone can open and read it but only answer.

A hidden sheet ``hytetu`` carries what a returned form is recognised by: the
form version, year, county, municipality, and each question's text with the
address of its answer cell. Forms the municipalities return are put into the
folder ``kyselyvastaukset/`` next to the workbook; :func:`read_returned_forms`
turns them into :class:`SurveyResponse` records beside the ``Ennakkokysely``
sheet's. Nothing wrong with one returned form stops a build or the other forms:
every problem is a warning naming the file, and says what to ask the municipality.

Which answer counts when a municipality answered twice:

* the ``Ennakkokysely`` sheet wins over a returned form: the coordinator typed
  or pasted it on purpose and can edit it, a mailed file they cannot;
* of two returned forms, the one saved last (the time Excel records inside the
  file, else the file's modification time) wins.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import naming, schema
from pipeline.contract import survey_form as layout
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.contract.values import clean_text
from pipeline.documents import dates
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.render import zipwrite
from pipeline.render.word import DocProperties
from pipeline.render.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    first_sheet,
    fit_to_page_width,
    hidden_marker,
    set_properties,
    set_text,
    workbook_bytes,
)
from pipeline.workbook.model import Municipality, SurveyQuestion, YearData

_ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)


# ------------------------------------------------------------------ the form


def form_path(municipality: Municipality) -> str:
    """``1_ennakko/ennakkokysely_<kunta>_<kieli>.xlsx``: the form is in the main language."""
    return naming.output_path(
        "ennakkokysely", municipality.name, municipality.main_language, ext="xlsx"
    )


def form_title(data: YearData, municipality: Municipality, lang: str) -> str:
    return f"{t('title_ennakkokysely', lang)} {data.settings.year}: {municipality.name_in(lang)}"


def _list_formula(choices: tuple[str, ...]) -> str | None:
    """``"a,b,c"`` when Excel can hold the list in the formula itself, else None."""
    if any("," in c or '"' in c for c in choices):
        return None
    inline = ",".join(choices)
    if len(inline.encode("utf-16-le")) // 2 > layout.INLINE_LIST_MAX:  # Excel counts UTF-16 units
        return None
    return f'"{inline}"'


def _row_height(question: str, answer_type: str) -> float:
    lines = sum(max(1, math.ceil(len(part) / 50)) for part in question.split("\n"))
    base = 90.0 if answer_type == "teksti" else 30.0
    return max(base, 15.0 * lines + 6)


def form_workbook(data: YearData, municipality: Municipality) -> Workbook:
    """The survey form for ``municipality``, in its main language."""
    lang = municipality.main_language
    s = data.settings
    wb = Workbook()
    ws = first_sheet(wb, t("title_ennakkokysely", lang))
    ws.column_dimensions[layout.COL_NUMBER].width = 9
    ws.column_dimensions[layout.COL_QUESTION].width = 55
    ws.column_dimensions[layout.COL_ANSWER].width = 60

    set_text(ws[f"A{layout.ROW_TITLE}"], f"{t('title_ennakkokysely', lang)} {s.year}")
    ws[f"A{layout.ROW_TITLE}"].font = Font(bold=True, size=14)
    set_text(
        ws[f"A{layout.ROW_COUNTY}"],
        f"{s.county_in(lang)} · {t('item_theme', lang, theme=s.theme_in(lang))}",
    )
    set_text(ws[f"A{layout.ROW_INSTRUCTIONS}"], t("survey_instructions", lang), wrap=True)
    ws.merge_cells(f"A{layout.ROW_INSTRUCTIONS}:C{layout.ROW_INSTRUCTIONS}")
    ws.row_dimensions[layout.ROW_INSTRUCTIONS].height = 80
    deadline = (
        t("survey_deadline", lang, date=dates.long_date(s.survey_deadline, lang))
        if s.survey_deadline
        else t("survey_no_deadline", lang)
    )
    set_text(ws[f"A{layout.ROW_DEADLINE}"], deadline)
    ws[f"A{layout.ROW_DEADLINE}"].font = Font(bold=True)
    contact = ", ".join(x for x in (s.coordinator, s.coordinator_email, s.coordinator_phone) if x)
    if contact:
        set_text(ws[f"A{layout.ROW_RETURN}"], t("survey_return_to", lang, who=contact))
    set_text(ws[f"A{layout.ROW_MUNICIPALITY}"], t("survey_municipality", lang))
    set_text(ws[f"B{layout.ROW_MUNICIPALITY}"], municipality.name_in(lang))
    ws[f"A{layout.ROW_MUNICIPALITY}"].font = Font(bold=True)
    ws[f"B{layout.ROW_MUNICIPALITY}"].font = Font(bold=True)

    for letter, label in zip(
        (layout.COL_NUMBER, layout.COL_QUESTION, layout.COL_ANSWER),
        ("survey_number", "survey_question", "survey_answer"),
        strict=True,
    ):
        cell = ws[f"{letter}{layout.ROW_HEADER}"]
        set_text(cell, t(label, lang))
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, _BOX

    choices_ws = None
    answer_cells: list[str] = []
    for index, q in enumerate(data.questions):
        row = layout.FIRST_QUESTION_ROW + index
        set_text(ws[f"{layout.COL_NUMBER}{row}"], q.number)
        set_text(ws[f"{layout.COL_QUESTION}{row}"], q.text_in(lang), wrap=True)
        answer = ws[f"{layout.COL_ANSWER}{row}"]
        answer.protection = _UNLOCKED
        answer.fill = _ANSWER_FILL
        for cell in (ws[f"{layout.COL_NUMBER}{row}"], ws[f"{layout.COL_QUESTION}{row}"], answer):
            cell.border = _BOX
            cell.alignment = _WRAP
        ws.row_dimensions[row].height = _row_height(q.text_in(lang), q.answer_type)
        answer_cells.append(answer.coordinate)
        choices = _choices(q, lang)
        if not choices:
            continue
        formula = _list_formula(choices)
        if formula is None:
            if choices_ws is None:
                choices_ws = wb.create_sheet(layout.CHOICES_SHEET)
                choices_ws.sheet_state = "hidden"
                choices_ws.protection.sheet = True
            column = get_column_letter(_next_free_column(choices_ws))
            for n, choice in enumerate(choices, start=1):
                set_text(choices_ws[f"{column}{n}"], choice)
            formula = f"'{layout.CHOICES_SHEET}'!${column}$1:${column}${len(choices)}"
        dv = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle=t("survey_answer", lang),
            error=t("survey_pick_error", lang),
            showInputMessage=True,
            promptTitle=t("survey_answer", lang),
            prompt=t("survey_pick", lang),
        )
        dv.add(answer.coordinate)
        ws.add_data_validation(dv)

    # only the answer cells can be changed; no password, so nothing stops reading
    ws.protection.sheet = True
    ws.protection.formatRows = False  # people may make a row taller for a long answer
    ws.protection.formatColumns = False
    wb.security = WorkbookProtection(lockStructure=True)
    if answer_cells:
        ws.sheet_view.selection[0].activeCell = answer_cells[0]
        ws.sheet_view.selection[0].sqref = answer_cells[0]
    fit_to_page_width(ws, "portrait", f"{layout.ROW_HEADER}:{layout.ROW_HEADER}")

    _write_marker(wb, data, municipality, ws.title, answer_cells)
    return wb


def _next_free_column(ws: Worksheet) -> int:
    """1 for an empty sheet, else one right of the last used column."""
    if ws.max_row == 1 and ws.max_column == 1 and ws["A1"].value is None:
        return 1
    return int(ws.max_column) + 1


def _choices(q: SurveyQuestion, lang: str) -> tuple[str, ...]:
    if q.answer_type == "kyllä/ei":
        return (t("survey_yes", lang), t("survey_no", lang))
    if q.answer_type == "valinta":
        return q.choices_in(lang)
    return ()


def _write_marker(
    wb: Workbook, data: YearData, m: Municipality, form_sheet: str, cells: list[str]
) -> None:
    rows = [
        (layout.MARKER_KIND, layout.FORM_VERSION),
        (layout.M_YEAR, str(data.settings.year)),
        (layout.M_COUNTY, data.settings.county),
        (layout.M_MUNICIPALITY, m.name),
        (layout.M_LANG, m.main_language),
        (layout.M_SHEET, form_sheet),
        (layout.M_QUESTIONS, "vastaussolu"),
    ]
    # the Finnish text in every language: a returned form maps back to its question by it
    rows += [(q.text, cell) for q, cell in zip(data.questions, cells, strict=True)]
    hidden_marker(wb, layout.MARKER_SHEET, rows)


def survey_forms(inputs: BuildInputs) -> Made:
    """Producer: one form per municipality when ``Kyselyn kysymykset`` has questions."""
    data = inputs.data
    if not data.questions:
        why = (
            "välilehdellä ei ole kysymyksiä"
            if schema.SHEET_QUESTIONS in data.sheets_present
            else "välilehteä ei ole työkirjassa"
        )
        return Made.nothing(
            f"ennakkokysely: {schema.SHEET_QUESTIONS} – {why}, joten kyselylomakkeita ei tehty."
        )
    outputs = []
    prepared: dict[str, PreparedForm | None] = {}
    for m in data.municipalities:
        lang = m.main_language
        title = form_title(data, m, lang)
        if lang not in prepared:
            prepared[lang] = PreparedForm.of(data, m, inputs.properties)
        form = prepared[lang]
        content = form.fill(m) if form is not None else None
        if content is None:  # the slow way, exactly as the prepared form would be
            wb = form_workbook(data, m)
            set_properties(wb, inputs.properties(title, "ennakkokysely", lang))
            content = workbook_bytes(wb)
        outputs.append(
            Output(
                path=form_path(m),
                doc_type="ennakkokysely",
                title=title,
                content=content,
                municipality=m.name,
                lang=lang,
            )
        )
    return Made.of(outputs)


#: what a prepared form holds where a municipality's name goes: its name as the
#: workbook has it (the marker; the form itself in Finnish) and its Swedish name
_NAME_SLOT = "hytetu-lomakepohja-kunta-5e0c1d"
_NAME_SV_SLOT = "hytetu-lomakepohja-kommun-a7f3b2"
#: the parts that hold the slots: the sheets as text cells, the core properties in the title
_SHEET_PART = re.compile(r"^xl/worksheets/sheet\d+\.xml$")
_CORE_PART = "docProps/core.xml"


class PreparedForm:
    """A language's survey form made and saved once; each municipality's copy only
    gets its own name put in.

    openpyxl takes about 10 ms to build and save a form; a national build makes
    hundreds. The forms of one language differ only by the municipality's name
    (in the form, in the hidden marker and in the title), so the form is saved
    once with placeholders there, and each copy replaces them in the package
    XML: the cells stay text cells (``<c t="inlineStr">``), so a name that looks
    like a formula stays text, and the name is XML-escaped exactly as openpyxl
    writes it. Parts without a placeholder are compressed once for every copy.
    """

    def __init__(self, entries: list[tuple[str, bytes]], when: dt.datetime) -> None:
        self.when = when
        #: (part, its bytes with placeholders) for the parts a copy changes, else its Entry
        self.parts: list[tuple[str, bytes] | zipwrite.Entry] = [
            (name, xml) if _holds_slot(name, xml) else zipwrite.deflate(name, xml)
            for name, xml in entries
        ]

    @classmethod
    def of(
        cls,
        data: YearData,
        municipality: Municipality,
        properties: Callable[[str, str, str], DocProperties],
    ) -> PreparedForm | None:
        """The form of ``municipality``'s main language with placeholders for the names.

        None when a placeholder cannot be told apart from the workbook's own text.
        """
        lang = municipality.main_language
        slots = replace(municipality, name=_NAME_SLOT, name_sv=_NAME_SV_SLOT)
        wb = form_workbook(data, slots)
        props = properties(form_title(data, slots, lang), "ennakkokysely", lang)
        set_properties(wb, props)
        with zipfile.ZipFile(io.BytesIO(workbook_bytes(wb))) as zf:
            entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
        # each name exactly where the form puts it: the form's cell, the marker's, the title
        marks = (_NAME_SLOT.encode(), _NAME_SV_SLOT.encode())
        cells = sum(
            xml.count(b"<t>" + mark + b"</t>")
            for name, xml in entries
            if _SHEET_PART.match(name)
            for mark in marks
        )
        anywhere = sum(xml.count(mark) for _, xml in entries for mark in marks)
        if cells != 2 or anywhere != 3:
            return None
        return cls(entries, props.created)

    def fill(self, municipality: Municipality) -> bytes | None:
        """The form of ``municipality``; None when its names cannot go in as they are."""
        # the Swedish slot is where a Swedish form shows the name: the Swedish one, else the name
        names = {_NAME_SLOT: municipality.name, _NAME_SV_SLOT: municipality.name_in("sv")}
        if any(not v or "\n" in v or clean_text(v) != v for v in names.values()):
            return None  # a cell openpyxl would write otherwise (empty, wrapped, spaces kept)
        entries = []
        for part in self.parts:
            if isinstance(part, zipwrite.Entry):
                entries.append(part)
                continue
            name, xml = part
            for slot, value in names.items():
                text = escape(value)
                if name == _CORE_PART:
                    xml = xml.replace(slot.encode(), text.encode("utf-8"))
                else:  # openpyxl writes sheets in ASCII, all else as character references
                    xml = xml.replace(
                        f"<t>{slot}</t>".encode(),
                        f"<t>{text}</t>".encode("ascii", "xmlcharrefreplace"),
                    )
            entries.append(zipwrite.deflate(name, xml))
        return zipwrite.write_zip(entries, self.when)


def _holds_slot(name: str, data: bytes) -> bool:
    return (name == _CORE_PART or _SHEET_PART.match(name) is not None) and any(
        slot.encode() in data for slot in (_NAME_SLOT, _NAME_SV_SLOT)
    )
