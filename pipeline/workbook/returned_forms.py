"""Survey forms the municipalities returned into ``kyselyvastaukset/`` (SPEC §1), read back.

Forms the municipalities return are put into the folder ``kyselyvastaukset/`` next
to the workbook; :func:`read_returned_forms` turns them into :class:`SurveyResponse`
records, which :mod:`pipeline.workbook.load` puts after the ``Ennakkokysely`` sheet's. Nothing wrong with one returned form
stops a build or the other forms: every problem is a warning naming the file, and
says what to ask the municipality.

Which answer counts when a municipality answered twice:

* the ``Ennakkokysely`` sheet wins over a returned form: the coordinator typed
  or pasted it on purpose and can edit it, a mailed file they cannot;
* of two returned forms, the one saved last (the time Excel records inside the
  file, else the file's modification time) wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.cell import coordinate_from_string

from pipeline.contract import naming, schema
from pipeline.contract import survey_form as layout
from pipeline.contract.values import clean_text, key, short_date
from pipeline.errors import BrokenForm, Problems, WorkbookLocked, WorkbookUnreadable
from pipeline.workbook.container import open_xlsx
from pipeline.workbook.model import SurveyResponse, YearData

#: files in the folder that are not forms and deserve no message
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


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


def read_marker(wb: Workbook) -> Marker:
    """The hidden marker of a form; :class:`BrokenForm` when there is none or it is damaged."""
    ws = next((w for w in wb.worksheets if key(w.title) == layout.MARKER_SHEET), None)
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
    if not rows or rows[0][0] != layout.MARKER_KIND:
        raise BrokenForm("tiedoston tunnistevälilehti on muuttunut, joten sitä ei tunnisteta.")
    if rows[0][1] != layout.FORM_VERSION:
        raise BrokenForm(
            f"lomake on tehty hytetun toisella versiolla (lomakeversio {rows[0][1]}, "
            f"luettavissa {layout.FORM_VERSION})."
        )
    labels = [label for label, _ in rows]
    if layout.M_QUESTIONS not in labels:
        raise BrokenForm("tiedoston tunnistevälilehdeltä puuttuvat kysymykset.")
    split = labels.index(layout.M_QUESTIONS)
    info = dict(rows[1:split])
    questions = tuple(rows[split + 1 :])
    for _, cell in questions:
        try:
            coordinate_from_string(cell)
        except ValueError:
            raise BrokenForm("tiedoston tunnistevälilehti on muuttunut.") from None
    return Marker(
        version=rows[0][1],
        year=info.get(layout.M_YEAR, ""),
        county=info.get(layout.M_COUNTY, ""),
        municipality=info.get(layout.M_MUNICIPALITY, ""),
        lang=info.get(layout.M_LANG, ""),
        sheet=info.get(layout.M_SHEET, ""),
        questions=questions,
    )


def _saved(wb: Workbook, path: Path) -> dt.datetime:
    """When the form was last saved: Excel's own record inside the file, else the file time."""
    modified: dt.datetime | None = wb.properties.modified
    made: dt.datetime | None = wb.properties.created
    inside = modified.replace(tzinfo=None) if modified else None
    created = made.replace(tzinfo=None) if made else None
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
    wb: Workbook,
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
            f"Siirrä tiedosto pois kansiosta {layout.FOLDER}/ tai pyydä kunnalta vastaus tämän "
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
        key(clean_text(ws[f"{layout.COL_QUESTION}{r}"].value)): r for r in range(1, ws.max_row + 1)
    }
    current = {key(q.text): q.text for q in data.questions}
    answers: list[tuple[str, str]] = []
    for text, cell in marker.questions:
        column, row = coordinate_from_string(cell)
        if key(clean_text(ws[f"{layout.COL_QUESTION}{row}"].value)) != key(text):
            moved = rows_by_question.get(key(text))
            if moved is None:
                problems.warning(
                    f"{where}, {ws.title}!{layout.COL_QUESTION}{row}",
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
    """The forms in ``kyselyvastaukset/`` next to the workbook whose answers count.

    ``data`` is the validated workbook (its ``Ennakkokysely`` responses win over a
    form); it is not changed: :func:`pipeline.workbook.load.check` adds the returned
    responses to the data it hands over. Everything not taken is a warning in ``problems``.
    """
    if data.workbook is None:
        return []
    folder = data.workbook.parent / layout.FOLDER
    if not folder.is_dir():
        return []
    forms: list[ReturnedForm] = []
    try:
        paths = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        problems.warning(
            layout.FOLDER,
            f"kansiota {folder} ei voi lukea (ei oikeuksia), joten palautettuja lomakkeita ei "
            "luettu. Tarkista kansion käyttöoikeudet.",
        )
        return []
    for path in paths:
        where = f"{layout.FOLDER}/{path.name}"
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
    return _resolve_duplicates(forms, data, problems)


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
                f"käytetty. Poista vanhempi tiedosto kansiosta {layout.FOLDER}/.",
            )
        taken.append(newest)
    return sorted(taken, key=lambda f: f.file)


def _stamp(moment: dt.datetime) -> str:
    return f"{short_date(moment.date())} klo {moment.hour}.{moment.minute:02d}"
