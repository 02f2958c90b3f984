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

from pipeline.contract import schema
from pipeline.contract import survey_form as layout
from pipeline.contract.values import clean_text, key
from pipeline.errors import BrokenForm, Problems
from pipeline.workbook import returned_common as common
from pipeline.workbook.model import SurveyResponse, YearData


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
    whom = "kunnalta" if municipality else "lähettäjältä"
    tail = f" (kunta {municipality})" if municipality else ""
    return (
        f"Lomaketta ei luettu. Pyydä {whom} uusi vastaus tällä vuonna lähetetyllä lomakkeella "
        f"tai kirjoita vastaukset {schema.SHEET_RESPONSES}-välilehdelle{tail}."
    )


def read_marker(wb: Workbook) -> Marker:
    """The hidden marker of a form; :class:`BrokenForm` when there is none or it is damaged."""
    rows = common.marker_rows(
        wb,
        sheet=layout.MARKER_SHEET,
        kind=layout.MARKER_KIND,
        version=layout.FORM_VERSION,
        what="hytetu-kyselylomake",
    )
    info, section = common.marker_sections(
        rows, layout.M_QUESTIONS, "tiedoston tunnistevälilehdeltä puuttuvat kysymykset."
    )
    questions = tuple(section)
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


def _read_form(path: Path, where: str, data: YearData, problems: Problems) -> ReturnedForm | None:
    wb = common.open_form(path, where, problems, _ask())
    if wb is None:
        return None
    try:
        try:
            marker = read_marker(wb)
        except BrokenForm as exc:
            problems.warning(where, f"{exc} {_ask()}")
            return None
        saved = common.saved_time(wb, path)
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
    if not common.is_this_years(
        marker.county, marker.year, data, where, problems, of="kyselyyn", folder=layout.FOLDER
    ):
        return None
    municipality = common.known_municipality(marker.municipality, data, where, problems)
    if municipality is None:
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
                    "vastausta ei luettu. Pyydä kunnalta vastaus tähän kysymykseen "
                    f"(kunta {municipality.name}).",
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
    forms: list[ReturnedForm] = []
    not_xlsx = (
        "tiedosto ei ole Excel-työkirja (.xlsx), joten sitä ei lueta. Kansioon kuuluvat "
        "vain kuntien palauttamat kyselylomakkeet; jos tämä on vastaus, pyydä kunnalta "
        f"täytetty .xlsx-lomake tai kirjoita vastaukset {schema.SHEET_RESPONSES}-välilehdelle."
    )
    subfolder = (
        f"tämä on kansio, eikä sen sisältöä lueta: kansioon {layout.FOLDER}/ kuuluvat vain "
        f"kuntien palauttamat kyselylomakkeet. Siirrä lomakkeet suoraan kansioon {layout.FOLDER}/."
    )
    for path, where in common.form_files(
        data, layout.FOLDER, problems, not_xlsx=not_xlsx, entry=subfolder
    ):
        form = _read_form(path, where, data, problems)
        if form is not None:
            forms.append(form)
    return _resolve_duplicates(forms, data, problems)


def _resolve_duplicates(
    forms: list[ReturnedForm], data: YearData, problems: Problems
) -> list[ReturnedForm]:
    in_sheet = {key(r.municipality): r.source for r in data.responses}
    taken = []
    for name, group in common.by_municipality(forms, lambda f: f.response.municipality).items():
        municipality = group[0].response.municipality
        if name in in_sheet:
            for form in group:
                problems.warning(
                    form.file,
                    f"{municipality}: kunnan vastaus on jo {schema.SHEET_RESPONSES}-välilehdellä "
                    f"({in_sheet[name]}), ja välilehden vastaus on käytössä; tätä lomaketta ei "
                    "käytetty. Jos lomakkeen vastaus on oikea, poista kunnan rivi "
                    f"{schema.SHEET_RESPONSES}-välilehdeltä.",
                )
            continue
        taken.append(
            common.newest(
                group,
                municipality,
                file=lambda f: f.file,
                saved=lambda f: f.saved,
                folder=layout.FOLDER,
                problems=problems,
            )
        )
    return sorted(taken, key=lambda f: f.file)
