"""The example workbook: a fictional bilingual county's year 2027 (`input/hytetu.xlsx`).

Everything here is invented: the county, its twelve municipalities, the people,
the e-mail addresses (reserved ``.example`` domain) and the phone numbers. The
data is kept as plain tuples, in the column order of :mod:`pipeline.contract.schema`, so
it reads like the sheets themselves; one module per group of sheets (:mod:`.county`,
:mod:`.people`, :mod:`.survey`, :mod:`.register`), the writing here.

Deliberate details the documents and the validator should show:

* service area *Saaristo* is Swedish-majority (all its municipalities
  ``ruotsi-suomi``), *Etelä* has two bilingual Finnish-majority municipalities,
  *Pohjoinen* is Finnish only;
* the register (`Päätökset`) has decisions for ``pohjoinen`` and ``etela`` only,
  so the minutes of ``saaristo`` stay a draft;
* Kuusiniemi has named no elected official (a warning);
* the negotiation ``etela`` has its times as text (``klo 13.00``), the others as
  real Excel times; one raised item contains a line break, another an ``&``;
* the survey sheet is pasted like a survey tool's export (metadata columns first);
* every Swedish twin (`<column> ruotsiksi`) is filled from :data:`.swedish.SV`, so the
  Swedish documents are Swedish throughout and the build warns about no missing twin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.render.xlsx import set_date, set_text
from pipeline.starter.blank import blank_workbook, setting_row, write_header
from pipeline.starter.cells import cell_at
from pipeline.starter.example.county import (
    COORDINATOR,
    CREATED,
    MUNICIPALITIES,
    NEGOTIATIONS,
    NOTES,
    SETTINGS_VALUES,
)
from pipeline.starter.example.people import PARTICIPANTS, PHENOMENA
from pipeline.starter.example.register import DECISIONS, RAISED
from pipeline.starter.example.survey import QUESTIONS, RESPONSES, SURVEY_HEADER
from pipeline.starter.example.swedish import SV
from pipeline.starter.save import save_new

# ---------------------------------------------------------------- writing

TIME_FORMAT = "h.mm"
DATETIME_FORMAT = "d.m.yyyy h.mm"


def _put(ws: Worksheet, row: int, column: int, value: object) -> None:
    cell = cell_at(ws, row, column)
    if value is None or isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        set_date(cell, value)
    elif isinstance(value, dt.time):
        cell.value = value
        cell.number_format = TIME_FORMAT
    elif isinstance(value, int | float):
        cell.value = value
    else:
        raise TypeError(f"{ws.title}: {value!r} is not a value a workbook cell holds")


def _fill(ws: Worksheet, rows: Sequence[Sequence[object]], first_row: int = 2) -> None:
    for row, values in enumerate(rows, start=first_row):
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value)


#: the minutes columns (SPEC §1 "Minutes data") a row may leave out at its end
_OPTIONAL_TAIL = {schema.SHEET_NEGOTIATIONS: 4, schema.SHEET_PARTICIPANTS: 1}


def _check_columns(sheet: str, rows: Sequence[Sequence[object]]) -> None:
    width = len(schema.SHEETS_BY_NAME[sheet].columns)
    twins = len(schema.SWEDISH_TWINS[sheet])  # the Swedish twins (last) may be left out
    for values in rows:
        tail = _OPTIONAL_TAIL.get(sheet, 0)
        # the minutes columns come before the twins: a row may end before either
        if width - twins - tail <= len(values) <= width - twins or len(values) == width:
            continue
        if len(values) != width:
            raise ValueError(f"{sheet}: rivillä {values[:2]} on {len(values)} arvoa, ei {width}")


#: texts of a twin column that are not translated through SV: municipality names (their
#: Swedish name is `Kunta ruotsiksi`) and the fixed organisations the code translates
_NOT_TWINNED = {schema.ORG_COUNTY, schema.ORG_NGO} | {m[0] for m in MUNICIPALITIES}


def _fill_twins(ws: Worksheet, sheet: str, rows: Sequence[Sequence[object]]) -> None:
    """Write each row's Swedish twins (`<column> ruotsiksi`) from SV, unless the row has them."""
    names = [c.name for c in schema.SHEETS_BY_NAME[sheet].columns]
    for row, values in enumerate(rows, start=2):
        for column in schema.SWEDISH_TWINS[sheet]:
            twin = names.index(schema.sv_column(column))
            text = values[names.index(column)]
            if len(values) > twin or not isinstance(text, str) or text in _NOT_TWINNED:
                continue
            if text not in SV:
                raise ValueError(f"{sheet}.{column}: {text!r} has no Swedish text in swedish.SV")
            _put(ws, row, twin + 1, SV[text])


def example_workbook() -> Workbook:
    """The example workbook, in memory: :func:`blank_workbook` filled with the data above."""
    wb = blank_workbook()

    settings = wb[schema.SHEET_SETTINGS]
    for name, value in SETTINGS_VALUES:
        _put(settings, setting_row(name), 2, value)

    for sheet, rows in (
        (schema.SHEET_MUNICIPALITIES, MUNICIPALITIES),
        (schema.SHEET_NEGOTIATIONS, NEGOTIATIONS),
        (schema.SHEET_PARTICIPANTS, PARTICIPANTS),
        (schema.SHEET_PHENOMENA, PHENOMENA),
        (schema.SHEET_QUESTIONS, QUESTIONS),
        (schema.SHEET_RAISED, RAISED),
        (schema.SHEET_DECISIONS, DECISIONS),
        (schema.SHEET_NOTES, NOTES),
    ):
        _check_columns(sheet, rows)
        _fill(wb[sheet], rows)
        _fill_twins(wb[sheet], sheet, rows)

    responses = wb[schema.SHEET_RESPONSES]
    kunta_help = schema.SHEETS_BY_NAME[schema.SHEET_RESPONSES].column("Kunta").help
    header_help = {"Kunta": f"{kunta_help} (pakollinen)"}
    for name in schema.SURVEY_METADATA:
        header_help[name] = "Kyselytyökalun tieto, ei kysymys"
    write_header(
        responses,
        [
            (name, header_help.get(name, "Kysymys: vastaukset tähän sarakkeeseen"))
            for name in SURVEY_HEADER
        ],
    )
    _fill(responses, RESPONSES)

    props = wb.properties
    props.creator = COORDINATOR
    props.lastModifiedBy = COORDINATOR
    props.title = "Hytetu-neuvottelut 2027 – Rannikon hyvinvointialue (esimerkki)"
    props.language = "fi-FI"
    props.created = CREATED
    props.modified = CREATED
    return wb


def write_example(path: Path) -> None:
    """Write the example workbook to ``path``; never overwrites an existing file."""
    save_new(example_workbook(), path, fixed_time=CREATED)
