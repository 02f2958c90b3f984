"""What the build warns about in the tracker it writes: statuses outside the list, and
register columns people edited in the tracker (SPEC §3 "The tracker")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pipeline.contract import schema
from pipeline.contract.grammar import quote
from pipeline.contract.tracker import REGISTER_COLUMN, REMOVED, SHEET
from pipeline.contract.values import clean_text, is_blank, key, short_date
from pipeline.documents.tracker.layout import col
from pipeline.documents.tracker.merge import MergeReport
from pipeline.documents.tracker.rows import Formula, TrackerRow
from pipeline.documents.vocab import canonical_status
from pipeline.errors import WARNING, Problem


def shown(value: object) -> str:
    """A cell's value as a message quotes it: a date as a date, a formula as one."""
    if isinstance(value, Formula):
        return f"kaava {value}"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return short_date(value)
    text = clean_text(value)
    return quote(text) if text else "tyhjä"


def _whose(row: TrackerRow, number: int) -> str:
    return f"päätöksen {row.id}" if row.id else f"rivin {number}"


def unknown_statuses(path: str, rows: Sequence[TrackerRow]) -> list[Problem]:
    """One warning per row whose ``Tila`` is none of the five, naming its cell in ``path``."""
    problems = []
    listed = ", ".join(schema.TRACKER_STATUSES)
    for number, row in enumerate(rows, start=2):
        value = row.values.get("Tila")
        if is_blank(value) or key(clean_text(row.values.get(REGISTER_COLUMN))) == key(REMOVED):
            continue
        if not isinstance(value, Formula) and canonical_status(value) in schema.TRACKER_STATUSES:
            continue
        problems.append(
            Problem(
                f"{path}, {SHEET}!{col('Tila')}{number}",
                f"{_whose(row, number)} tila {shown(value)} ei ole mikään seurantataulukon "
                f"tiloista ({listed}). Yhteenveto ei laske sitä mihinkään tilaan vaan luettelee "
                "sen erikseen kohdassa ”Tuntematon tila”. Valitse tila solun "
                "luettelosta ja aja komento uudelleen.",
                WARNING,
            )
        )
    return problems


def overwritten(path: str, report: MergeReport) -> list[Problem]:
    """One warning per register cell edited in the tracker and overwritten from the register."""
    problems = []
    for o in report.overwritten:
        where = f"{path}, {SHEET}!{col(o.column)}{o.row}" if o.row else path
        problems.append(
            Problem(
                where,
                f"päätöksen {o.ident} sarakkeeseen {o.column} oli kirjoitettu seurantataulukossa "
                f"{shown(o.typed)}, mutta sarake tulee päätösrekisteristä: hytetu build -komento "
                f"kirjoittaa sen aina rekisterin mukaan, joten solussa on nyt rekisterin mukainen "
                f"{shown(o.register)}. Jos muutos on tarpeen, tee se työkirjan "
                f"{schema.SHEET_DECISIONS}-välilehdelle (päätös {o.ident}) ja aja komento "
                "uudelleen.",
                WARNING,
            )
        )
    return problems
