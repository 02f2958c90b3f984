"""Stage 2: check every rule, collect every problem, build the typed records.

Nothing stops at the first problem: :func:`validate` returns all findings at
once, each located as ``Sheet!Cell`` with a Finnish message that says how to
fix it. The caller aborts once if any of them is an error.

One module per group of sheets, in the order they are checked here:
:mod:`.sheet` (what every sheet goes through), :mod:`.settings` (``Asetukset``),
:mod:`.places` (``Kunnat``, ``Neuvottelut``), :mod:`.people` (``Osallistujat``),
:mod:`.survey` (``Ilmiöt``, ``Kyselyn kysymykset``, ``Ennakkokysely``),
:mod:`.register` (``Nostot``, ``Päätökset``) and :mod:`.cross` (across sheets).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pipeline.contract import schema
from pipeline.contract.values import key
from pipeline.errors import Problems
from pipeline.workbook.model import YearData
from pipeline.workbook.read import RawWorkbook
from pipeline.workbook.validate import cross, people, places, register, survey
from pipeline.workbook.validate.settings import settings as read_settings
from pipeline.workbook.validate.sheet import Sheet, did_you_mean, open_sheet
from pipeline.workbook.validate.swedish import missing_swedish

__all__ = ["validate"]

T = TypeVar("T")


def validate(raw: RawWorkbook) -> tuple[YearData | None, Problems]:
    """Check the whole workbook. Returns the data (``None`` if it cannot be built) and every finding."""
    problems = Problems()
    _open_elsewhere(raw, problems)
    _unknown_sheets(raw, problems)
    sheets = {spec.name: open_sheet(raw, spec.name, problems) for spec in schema.SHEETS}
    for name, opened in sheets.items():
        if opened is None:  # missing, or a required column missing: reported once
            problems.gap(name)

    def rows_of(name: str, build: Callable[[Sheet], list[T]]) -> list[T]:
        sheet = sheets[name]
        return build(sheet) if sheet else []

    asetukset = sheets[schema.SHEET_SETTINGS]
    settings = read_settings(asetukset, problems, raw.path) if asetukset else None
    previous = cross.previous_tracker(settings, raw, problems)
    year = settings.year if settings else 0
    county_names = (settings.county, settings.county_sv) if settings else ()

    kunnat = sheets[schema.SHEET_MUNICIPALITIES]
    neuvottelut = sheets[schema.SHEET_NEGOTIATIONS]
    osallistujat = sheets[schema.SHEET_PARTICIPANTS]
    municipalities = rows_of(
        schema.SHEET_MUNICIPALITIES, lambda s: places.municipalities(s, problems)
    )
    negotiations = rows_of(
        schema.SHEET_NEGOTIATIONS,
        lambda s: places.negotiations(s, problems, municipalities, year),
    )
    if kunnat and neuvottelut:
        places.areas_without_negotiation(kunnat, problems, municipalities, negotiations)
    participants = rows_of(
        schema.SHEET_PARTICIPANTS,
        lambda s: people.participants(s, problems, municipalities, negotiations, county_names),
    )
    if kunnat and neuvottelut and osallistujat:
        people.delegation_warnings(
            problems, kunnat, neuvottelut, municipalities, negotiations, participants
        )

    phenomena = rows_of(schema.SHEET_PHENOMENA, survey.phenomena)
    questions = rows_of(schema.SHEET_QUESTIONS, lambda s: survey.questions(s, problems))
    responses = rows_of(
        schema.SHEET_RESPONSES, lambda s: survey.responses(s, problems, municipalities, questions)
    )
    raised = rows_of(schema.SHEET_RAISED, lambda s: register.raised(s, problems, municipalities))
    decisions = rows_of(
        schema.SHEET_DECISIONS,
        lambda s: register.decisions(s, problems, municipalities, negotiations),
    )
    notes = rows_of(schema.SHEET_NOTES, lambda s: register.notes(s, problems, negotiations))
    if neuvottelut and osallistujat:
        people.checker_warnings(neuvottelut, problems, negotiations, participants)
    problems.drop_consequences()
    if settings is None or problems.errors:
        return None, problems
    data = YearData(
        settings=settings,
        municipalities=tuple(municipalities),
        negotiations=tuple(negotiations),
        participants=tuple(participants),
        phenomena=tuple(phenomena),
        questions=tuple(questions),
        responses=tuple(responses),
        raised=tuple(raised),
        decisions=tuple(decisions),
        notes=tuple(notes),
        sheets_present=frozenset(
            n for n, sh in sheets.items() if sh is not None and schema.SHEETS_BY_NAME[n].optional
        ),
        workbook=raw.path,
        saved=raw.modified,
        previous=tuple(previous) if previous is not None else None,
    )
    cross.cross_checks(data, raw, problems)
    missing_swedish(data, problems)
    return (None if problems.errors else data), problems


def _open_elsewhere(raw: RawWorkbook, problems: Problems) -> None:
    """A lock file beside the workbook: it is open, and unsaved changes are not in the file."""
    name = raw.path.name
    for lock in (f"~${name}", f".~lock.{name}#"):
        if (raw.path.parent / lock).exists():
            problems.warning(
                lock,
                f"työkirja {name} on auki Excelissä tai LibreOfficessa (lukitustiedosto {lock}). "
                "Tallentamattomat muutokset eivät ole mukana: tallenna ensin työkirja ja aja "
                "komento uudelleen. Jos työkirja ei ole auki missään, poista lukitustiedosto.",
            )


def _unknown_sheets(raw: RawWorkbook, problems: Problems) -> None:
    """A sheet named almost like one of the contract's is probably meant to be it."""
    known = [s.name for s in schema.SHEETS] + [schema.SHEET_INSTRUCTIONS]
    # a sheet the missing-sheet error already names as "did you mean" is one cause, one message
    missing = [s.name for s in schema.SHEETS if not s.optional and s.name not in raw.sheets]
    for other in raw.other_sheets:
        if key(other) == key(schema.SHEET_INSTRUCTIONS):
            continue
        if did_you_mean(other, missing):
            continue
        hint = did_you_mean(other, known)
        if hint:
            problems.warning(other, f"tuntematon välilehti ”{other}”.{hint} Sitä ei lueta.")
