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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.contract import naming, schema
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.contract.values import clean_text, key
from pipeline.documents import dates
from pipeline.errors import BrokenForm, Problems, WorkbookLocked, WorkbookUnreadable
from pipeline.render import zipwrite
from pipeline.render.xlsx import set_properties, set_text, workbook_bytes
from pipeline.workbook.model import Municipality, SurveyQuestion, SurveyResponse, YearData
from pipeline.workbook.read import open_xlsx

if TYPE_CHECKING:
    from pipeline.render.word import DocProperties

#: the folder next to the workbook where returned forms are put
FOLDER = "kyselyvastaukset"
#: the hidden sheet a form is recognised by
MARKER_SHEET = "hytetu"
#: what the marker's first cell says, and the layout version after it
MARKER_KIND = "hytetu-ennakkokysely"
FORM_VERSION = "1"
#: the hidden sheet holding choice lists too long or too odd for a list formula
CHOICES_SHEET = "valinnat"
#: Excel's limit for a list written into the validation formula itself
INLINE_LIST_MAX = 255

#: rows of the form sheet
ROW_TITLE = 1
ROW_COUNTY = 2
ROW_INSTRUCTIONS = 3
ROW_DEADLINE = 4
ROW_RETURN = 5
ROW_MUNICIPALITY = 6
ROW_HEADER = 8
FIRST_QUESTION_ROW = ROW_HEADER + 1
#: columns of the form sheet: number, question, answer
COL_NUMBER, COL_QUESTION, COL_ANSWER = "A", "B", "C"

#: marker labels (column A of the marker sheet); values are in column B
_M_YEAR, _M_COUNTY, _M_MUNICIPALITY, _M_LANG, _M_SHEET = (
    "vuosi",
    "hyvinvointialue",
    "kunta",
    "kieli",
    "lomake",
)
_M_QUESTIONS = "kysymys"

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)

#: files in the folder that are not forms and deserve no message
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


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
    if len(inline.encode("utf-16-le")) // 2 > INLINE_LIST_MAX:  # Excel counts UTF-16 units
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
    ws = wb.active
    ws.title = t("title_ennakkokysely", lang)
    ws.column_dimensions[COL_NUMBER].width = 9
    ws.column_dimensions[COL_QUESTION].width = 55
    ws.column_dimensions[COL_ANSWER].width = 60

    set_text(ws[f"A{ROW_TITLE}"], f"{t('title_ennakkokysely', lang)} {s.year}")
    ws[f"A{ROW_TITLE}"].font = Font(bold=True, size=14)
    set_text(
        ws[f"A{ROW_COUNTY}"],
        f"{s.county_in(lang)} · {t('item_theme', lang, theme=s.theme_in(lang))}",
    )
    set_text(ws[f"A{ROW_INSTRUCTIONS}"], t("survey_instructions", lang), wrap=True)
    ws.merge_cells(f"A{ROW_INSTRUCTIONS}:C{ROW_INSTRUCTIONS}")
    ws.row_dimensions[ROW_INSTRUCTIONS].height = 80
    deadline = (
        t("survey_deadline", lang, date=dates.long_date(s.survey_deadline, lang))
        if s.survey_deadline
        else t("survey_no_deadline", lang)
    )
    set_text(ws[f"A{ROW_DEADLINE}"], deadline)
    ws[f"A{ROW_DEADLINE}"].font = Font(bold=True)
    contact = ", ".join(x for x in (s.coordinator, s.coordinator_email, s.coordinator_phone) if x)
    if contact:
        set_text(ws[f"A{ROW_RETURN}"], t("survey_return_to", lang, who=contact))
    set_text(ws[f"A{ROW_MUNICIPALITY}"], t("survey_municipality", lang))
    set_text(ws[f"B{ROW_MUNICIPALITY}"], municipality.name_in(lang))
    ws[f"A{ROW_MUNICIPALITY}"].font = Font(bold=True)
    ws[f"B{ROW_MUNICIPALITY}"].font = Font(bold=True)

    for letter, label in zip(
        (COL_NUMBER, COL_QUESTION, COL_ANSWER),
        ("survey_number", "survey_question", "survey_answer"),
        strict=True,
    ):
        cell = ws[f"{letter}{ROW_HEADER}"]
        set_text(cell, t(label, lang))
        cell.fill, cell.font, cell.border = _HEADER_FILL, _HEADER_FONT, _BOX

    choices_ws = None
    answer_cells: list[str] = []
    for index, q in enumerate(data.questions):
        row = FIRST_QUESTION_ROW + index
        set_text(ws[f"{COL_NUMBER}{row}"], q.number)
        set_text(ws[f"{COL_QUESTION}{row}"], q.text, wrap=True)
        answer = ws[f"{COL_ANSWER}{row}"]
        answer.protection = _UNLOCKED
        answer.fill = _ANSWER_FILL
        for cell in (ws[f"{COL_NUMBER}{row}"], ws[f"{COL_QUESTION}{row}"], answer):
            cell.border = _BOX
            cell.alignment = _WRAP
        ws.row_dimensions[row].height = _row_height(q.text, q.answer_type)
        answer_cells.append(answer.coordinate)
        choices = _choices(q, lang)
        if not choices:
            continue
        formula = _list_formula(choices)
        if formula is None:
            if choices_ws is None:
                choices_ws = wb.create_sheet(CHOICES_SHEET)
                choices_ws.sheet_state = "hidden"
                choices_ws.protection.sheet = True
            column = get_column_letter(_next_free_column(choices_ws))
            for n, choice in enumerate(choices, start=1):
                set_text(choices_ws[f"{column}{n}"], choice)
            formula = f"'{CHOICES_SHEET}'!${column}$1:${column}${len(choices)}"
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
    ws.print_title_rows = f"{ROW_HEADER}:{ROW_HEADER}"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    _write_marker(wb, data, municipality, ws.title, answer_cells)
    return wb


def _next_free_column(ws) -> int:
    """1 for an empty sheet, else one right of the last used column."""
    if ws.max_row == 1 and ws.max_column == 1 and ws["A1"].value is None:
        return 1
    return ws.max_column + 1


def _choices(q: SurveyQuestion, lang: str) -> tuple[str, ...]:
    if q.answer_type == "kyllä/ei":
        return (t("survey_yes", lang), t("survey_no", lang))
    if q.answer_type == "valinta":
        return q.choices
    return ()


def _write_marker(
    wb: Workbook, data: YearData, m: Municipality, form_sheet: str, cells: list[str]
) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    rows = [
        (MARKER_KIND, FORM_VERSION),
        (_M_YEAR, str(data.settings.year)),
        (_M_COUNTY, data.settings.county),
        (_M_MUNICIPALITY, m.name),
        (_M_LANG, m.main_language),
        (_M_SHEET, form_sheet),
        (_M_QUESTIONS, "vastaussolu"),
    ]
    rows += [(q.text, cell) for q, cell in zip(data.questions, cells, strict=True)]
    for r, (label, value) in enumerate(rows, start=1):
        set_text(ws[f"A{r}"], label)
        set_text(ws[f"B{r}"], value)


def survey_forms(job) -> list[Output]:
    """Producer: one form per municipality when ``Kyselyn kysymykset`` has questions."""
    data = job.data
    if not data.questions:
        why = (
            "välilehdellä ei ole kysymyksiä"
            if schema.SHEET_QUESTIONS in data.sheets_present
            else "välilehteä ei ole työkirjassa"
        )
        job.skipped.append(
            f"ennakkokysely: {schema.SHEET_QUESTIONS} – {why}, joten kyselylomakkeita ei tehty."
        )
        return []
    outputs = []
    prepared: dict[str, PreparedForm | None] = {}
    for m in data.municipalities:
        lang = m.main_language
        title = form_title(data, m, lang)
        if lang not in prepared:
            prepared[lang] = PreparedForm.of(data, m, job.properties)
        form = prepared[lang]
        content = form.fill(m) if form is not None else None
        if content is None:  # the slow way, exactly as the prepared form would be
            wb = form_workbook(data, m)
            set_properties(wb, job.properties(title, "ennakkokysely", lang))
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
    return outputs


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


# ------------------------------------------------------- the returned forms


@dataclass(frozen=True)
class Marker:
    version: str
    year: str
    county: str
    municipality: str
    lang: str
    sheet: str
    #: (question text, answer cell) as the form was made
    questions: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReturnedForm:
    file: str  # "kyselyvastaukset/<name>"
    response: SurveyResponse
    saved: dt.datetime


def _ask(municipality: str = "") -> str:
    whom = f"kunnalta {municipality}" if municipality else "lähettäjältä"
    return (
        f"Lomaketta ei luettu. Pyydä {whom} uusi vastaus tällä vuonna lähetetyllä lomakkeella "
        f"tai kirjoita vastaukset {schema.SHEET_RESPONSES}-välilehdelle."
    )


def read_marker(wb) -> Marker:
    """The hidden marker of a form; :class:`BrokenForm` when there is none or it is damaged."""
    ws = next((w for w in wb.worksheets if key(w.title) == MARKER_SHEET), None)
    if ws is None:
        raise BrokenForm(
            "tiedosto ei ole hytetu-kyselylomake (piilotettu tunnistevälilehti puuttuu). "
            "Se on voitu tallentaa uuteen työkirjaan tai kopioida toiseen tiedostoon."
        )
    rows = [
        (clean_text(a), clean_text(b))
        for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True)
        if a is not None
    ]
    if not rows or rows[0][0] != MARKER_KIND:
        raise BrokenForm("tiedoston tunnistevälilehti on muuttunut, joten sitä ei tunnisteta.")
    if rows[0][1] != FORM_VERSION:
        raise BrokenForm(
            f"lomake on tehty hytetun toisella versiolla (lomakeversio {rows[0][1]}, "
            f"luettavissa {FORM_VERSION})."
        )
    labels = [label for label, _ in rows]
    if _M_QUESTIONS not in labels:
        raise BrokenForm("tiedoston tunnistevälilehdeltä puuttuvat kysymykset.")
    split = labels.index(_M_QUESTIONS)
    info = dict(rows[1:split])
    questions = tuple(rows[split + 1 :])
    for _, cell in questions:
        try:
            coordinate_from_string(cell)
        except ValueError:
            raise BrokenForm("tiedoston tunnistevälilehti on muuttunut.") from None
    return Marker(
        version=rows[0][1],
        year=info.get(_M_YEAR, ""),
        county=info.get(_M_COUNTY, ""),
        municipality=info.get(_M_MUNICIPALITY, ""),
        lang=info.get(_M_LANG, ""),
        sheet=info.get(_M_SHEET, ""),
        questions=questions,
    )


def _saved(wb, path: Path) -> dt.datetime:
    """When the form was last saved: Excel's own record inside the file, else the file time."""
    inside = wb.properties.modified
    created = wb.properties.created
    inside = inside.replace(tzinfo=None) if inside else None
    created = created.replace(tzinfo=None) if created else None
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).replace(tzinfo=None)
    # a form nobody saved again still carries the build's own date; the file time tells more
    if inside is None or (created is not None and inside <= created):
        return mtime
    return inside


def _read_form(path: Path, where: str, data: YearData, problems: Problems) -> ReturnedForm | None:
    try:
        # random access to the answer cells: not read-only
        wb = open_xlsx(path, read_only=False, data_only=True)
    except WorkbookUnreadable as exc:
        message = str(exc).removeprefix(f"{path}: ")
        # a form open elsewhere is fine once closed; anything else needs a new form
        problems.warning(
            where, message if isinstance(exc, WorkbookLocked) else f"{message} {_ask()}"
        )
        return None
    try:
        try:
            marker = read_marker(wb)
        except BrokenForm as exc:
            problems.warning(where, f"{exc} {_ask()}")
            return None
        saved = _saved(wb, path)
        return _answers(wb, marker, path, where, saved, data, problems)
    finally:
        wb.close()


def _answers(
    wb,
    marker: Marker,
    path: Path,
    where: str,
    saved: dt.datetime,
    data: YearData,
    problems: Problems,
) -> ReturnedForm | None:
    s = data.settings
    if marker.year != str(s.year) or key(marker.county) != key(s.county):
        problems.warning(
            where,
            f"lomake on kyselystä {marker.county} {marker.year}, ei {s.county} {s.year}. "
            f"Siirrä tiedosto pois kansiosta {FOLDER}/ tai pyydä kunnalta vastaus tämän "
            "vuoden lomakkeella.",
        )
        return None
    municipality = data.municipality(marker.municipality)
    if municipality is None:
        known = ", ".join(m.name for m in data.municipalities)
        problems.warning(
            where,
            f"lomake on kunnan ”{marker.municipality}” lomake, mutta sitä kuntaa ei ole "
            f"Kunnat-välilehdellä (kunnat: {known}). Lisää kunta Kunnat-välilehdelle, jos se "
            "kuuluu alueeseen; muuten poista tiedosto kansiosta. Lomaketta ei luettu.",
        )
        return None
    ws = next((w for w in wb.worksheets if w.title == marker.sheet), None)
    if ws is None:
        problems.warning(
            where,
            f"lomakkeesta puuttuu välilehti ”{marker.sheet}”; se on poistettu tai nimetty "
            f"uudelleen. {_ask(municipality.name)}",
        )
        return None
    rows_by_question = {
        key(clean_text(ws[f"{COL_QUESTION}{r}"].value)): r for r in range(1, ws.max_row + 1)
    }
    current = {key(q.text): q.text for q in data.questions}
    answers: list[tuple[str, str]] = []
    for text, cell in marker.questions:
        column, row = coordinate_from_string(cell)
        if key(clean_text(ws[f"{COL_QUESTION}{row}"].value)) != key(text):
            moved = rows_by_question.get(key(text))
            if moved is None:
                problems.warning(
                    f"{where}, {ws.title}!{COL_QUESTION}{row}",
                    f"lomakkeen kysymystä ”{text}” on muutettu tai se on poistettu, joten sen "
                    f"vastausta ei luettu. Pyydä kunnalta {municipality.name} vastaus tähän "
                    "kysymykseen.",
                )
                continue
            row = moved
        answer = clean_text(ws[f"{column}{row}"].value)
        if data.questions and key(text) not in current and answer:
            problems.warning(
                f"{where}, {ws.title}!{column}{row}",
                f"kysymystä ”{text}” ei ole enää {schema.SHEET_QUESTIONS}-välilehdellä. "
                "Vastaus näytetään silti; poista se tarvittaessa lomakkeesta.",
            )
        answers.append((current.get(key(text), text), answer))
    if not any(answer for _, answer in answers):
        problems.warning(
            where,
            f"lomakkeessa ei ole yhtään vastausta (kunta {municipality.name}). Pyydä kunnalta "
            "täytetty lomake; tyhjää lomaketta ei lueta.",
        )
        return None
    order = {key(q.text): i for i, q in enumerate(data.questions)}
    answers.sort(key=lambda qa: order.get(key(qa[0]), len(order)))
    return ReturnedForm(
        file=where,
        response=SurveyResponse(municipality.name, tuple(answers), source=path.name),
        saved=saved,
    )


def read_returned_forms(data: YearData, problems: Problems) -> list[ReturnedForm]:
    """Read ``kyselyvastaukset/`` next to the workbook into ``data.responses``.

    Returns the forms whose answers were taken; everything else is a warning in ``problems``.
    """
    if data.workbook is None:
        return []
    folder = data.workbook.parent / FOLDER
    if not folder.is_dir():
        return []
    forms: list[ReturnedForm] = []
    try:
        paths = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        problems.warning(
            FOLDER,
            f"kansiota {folder} ei voi lukea (ei oikeuksia), joten palautettuja lomakkeita ei "
            "luettu. Tarkista kansion käyttöoikeudet.",
        )
        return []
    for path in paths:
        where = f"{FOLDER}/{path.name}"
        if path.is_dir() or path.name.casefold() in _SYSTEM_FILES:
            continue
        owner = naming.lock_owner(path.name)
        if owner is not None:
            problems.warning(
                where,
                f"tämä on lukitustiedosto: lomake {owner} on auki Excelissä tai LibreOfficessa. "
                "Lomake luetaan sellaisena kuin se viimeksi tallennettiin; tallenna ja sulje se, "
                "ja aja komento uudelleen. Jos mikään ohjelma ei pidä sitä auki, poista "
                "lukitustiedosto.",
            )
            continue
        if path.suffix.casefold() != ".xlsx":
            problems.warning(
                where,
                "tiedosto ei ole Excel-työkirja (.xlsx), joten sitä ei lueta. Kansioon kuuluvat "
                "vain kuntien palauttamat kyselylomakkeet; jos tämä on vastaus, pyydä kunnalta "
                "täytetty .xlsx-lomake tai kirjoita vastaukset "
                f"{schema.SHEET_RESPONSES}-välilehdelle.",
            )
            continue
        form = _read_form(path, where, data, problems)
        if form is not None:
            forms.append(form)
    taken = _resolve_duplicates(forms, data, problems)
    data.responses.extend(f.response for f in taken)
    return taken


def _resolve_duplicates(
    forms: list[ReturnedForm], data: YearData, problems: Problems
) -> list[ReturnedForm]:
    in_sheet = {key(r.municipality): r.source for r in data.responses}
    by_municipality: dict[str, list[ReturnedForm]] = {}
    for form in forms:
        by_municipality.setdefault(key(form.response.municipality), []).append(form)
    taken = []
    for name, group in by_municipality.items():
        municipality = group[0].response.municipality
        if name in in_sheet:
            for form in group:
                problems.warning(
                    form.file,
                    f"kunnan {municipality} vastaus on jo {schema.SHEET_RESPONSES}-välilehdellä "
                    f"({in_sheet[name]}), ja välilehden vastaus on käytössä; tätä lomaketta ei "
                    "käytetty. Jos lomakkeen vastaus on oikea, poista kunnan rivi "
                    f"{schema.SHEET_RESPONSES}-välilehdeltä.",
                )
            continue
        group.sort(key=lambda f: (f.saved, f.file))
        newest = group[-1]
        for form in group[:-1]:
            problems.warning(
                form.file,
                f"kunnalta {municipality} on kaksi lomaketta; uudempi ({newest.file}, tallennettu "
                f"{_stamp(newest.saved)}) on käytössä, tätä (tallennettu {_stamp(form.saved)}) ei "
                f"käytetty. Poista vanhempi tiedosto kansiosta {FOLDER}/.",
            )
        taken.append(newest)
    return sorted(taken, key=lambda f: f.file)


def _stamp(moment: dt.datetime) -> str:
    return f"{dates.short_date(moment.date())} klo {dates.clock(moment.time())}"
