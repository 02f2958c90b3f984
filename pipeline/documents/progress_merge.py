"""Returned progress forms merged into the tracker's rows (SPEC §3 "Progress forms come back").

The rule, per agreement (``Tunnus``): what a form changed in ``Tila``,
``Tilannekuvaus`` or ``Päivitetty`` replaces the tracker's value when the form's
``Päivitetty`` is later than the tracker row's, or the row has none. Otherwise
the tracker keeps its value and a warning names the file and the agreement and
repeats what the form said, so nothing typed is lost. An empty cell in a form
never erases the tracker's value: the form came pre-filled, and an empty cell
says nothing new. Forms are merged in file order, each against the rows as the
forms before it left them, so when two municipalities report on one whole-area
agreement the later ``Päivitetty`` wins whatever the order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.contract import progress_form as layout
from pipeline.contract.values import clean_text, is_blank, key, short_date
from pipeline.documents.tracker.rows import Formula, TrackerRow, cell_date
from pipeline.errors import WARNING, Problem
from pipeline.workbook.returned_progress import ProgressEntry, ReturnedProgress


def tracker_status(value: object) -> str | None:
    """The tracker cell's ``Tila`` as one of the five statuses; None when it is none of them."""
    if isinstance(value, Formula):
        return None
    return layout.canonical_status(clean_text(value))


#: the tracker cell's ``Päivitetty`` as a date; None when empty or not a date
tracker_updated = cell_date


def _tracker_note(value: object) -> str:
    return "" if isinstance(value, Formula) else clean_text(value)


@dataclass(frozen=True)
class MunicipalityReport:
    """What one municipality's form brought into the tracker."""

    municipality: str
    file: str
    saved: dt.datetime
    #: agreements whose values were taken over, in form order
    taken: tuple[str, ...]
    #: agreements where the form differed but the tracker kept its value (each warned)
    kept: tuple[str, ...]


@dataclass(frozen=True)
class ProgressMerge:
    rows: tuple[TrackerRow, ...]
    warnings: tuple[Problem, ...]
    reports: tuple[MunicipalityReport, ...]


def _copy(row: TrackerRow) -> TrackerRow:
    return TrackerRow(dict(row.values), dict(row.extra), dict(row.comments))


def _changes(entry: ProgressEntry, row: TrackerRow) -> dict[str, object]:
    """What the form says that the tracker row does not; empty cells say nothing."""
    changes: dict[str, object] = {}
    if entry.status is not None and entry.status != tracker_status(row.values.get("Tila")):
        changes["Tila"] = entry.status
    if entry.note and entry.note != _tracker_note(row.values.get("Tilannekuvaus")):
        changes["Tilannekuvaus"] = entry.note
    if entry.updated is not None and entry.updated != tracker_updated(row.values.get("Päivitetty")):
        changes["Päivitetty"] = entry.updated
    return changes


def _said(changes: dict[str, object]) -> str:
    parts = []
    for column, value in changes.items():
        if isinstance(value, dt.date):
            parts.append(f"{column} {short_date(value)}")
        elif column == "Tilannekuvaus":
            parts.append(f"{column} ”{value}”")
        else:
            parts.append(f"{column} {value}")
    return "; ".join(parts)


def _entry_values(entry: ProgressEntry) -> dict[str, object]:
    values: dict[str, object] = {}
    if entry.status is not None:
        values["Tila"] = entry.status
    if entry.note:
        values["Tilannekuvaus"] = entry.note
    if entry.updated is not None:
        values["Päivitetty"] = entry.updated
    return values


def merge_progress(rows: Sequence[TrackerRow], forms: Sequence[ReturnedProgress]) -> ProgressMerge:
    """The tracker ``rows`` with the returned ``forms`` merged in; ``rows`` are not changed."""
    merged = [_copy(r) for r in rows]
    positions: dict[str, list[int]] = {}
    for i, row in enumerate(merged):
        if row.id:
            positions.setdefault(key(row.id), []).append(i)
    warnings: list[Problem] = []
    #: row index -> (form, entry, what it set and still stands) for the forms that changed it
    set_by: dict[int, list[tuple[ReturnedProgress, ProgressEntry, dict[str, object]]]] = {}
    taken_by: dict[str, list[str]] = {}
    kept_by: dict[str, list[str]] = {}

    def warn(where: str, message: str) -> None:
        warnings.append(Problem(where, message, WARNING))

    ordered = sorted(forms, key=lambda f: f.file)
    for form in ordered:
        taken, kept = taken_by.setdefault(form.file, []), kept_by.setdefault(form.file, [])
        for entry in form.entries:
            where = f"{form.file}, {entry.cell}"
            found = positions.get(key(entry.id), [])
            if len(found) != 1:
                values = _entry_values(entry)
                if values:
                    why = (
                        "ei ole seurantataulukossa (se on voitu poistaa rekisteristä)"
                        if not found
                        else f"on seurantataulukossa {len(found)} rivillä"
                    )
                    warn(
                        where,
                        f"päätös {entry.id} {why}, joten lomakkeen tietoja ei siirretty "
                        f"(kunta {form.municipality}: {_said(values)}). Kirjoita tiedot "
                        "seurantataulukkoon oikealle riville.",
                    )
                continue
            index = found[0]
            row = merged[index]
            changes = _changes(entry, row)
            if not changes:
                # it says what the row already says (perhaps thanks to an earlier form):
                # should a later form replace that, this form is warned about too
                said = _entry_values(entry)
                if said:
                    set_by.setdefault(index, []).append((form, entry, said))
                continue
            current = row.values.get("Päivitetty")
            day = tracker_updated(current)
            unreadable = day is None and not is_blank(current)
            if not unreadable and (
                day is None or (entry.updated is not None and entry.updated > day)
            ):
                row.values.update(changes)
                taken.append(entry.id)
                for earlier in set_by.get(index, []):
                    _superseded(earlier, form, row, taken_by, kept_by, warn)
                set_by.setdefault(index, []).append((form, entry, dict(changes)))
                continue
            kept.append(entry.id)
            if unreadable:
                why = (
                    f"seurantataulukon Päivitetty-arvoa ”{_tracker_note(current) or current}” "
                    "ei voi verrata päivämäärään"
                )
            else:
                mine = short_date(entry.updated) if entry.updated else "puuttuu"
                why = (
                    f"lomakkeen Päivitetty ({mine}) ei ole myöhäisempi kuin "
                    f"seurantataulukon ({short_date(day)})"
                )
            warn(
                where,
                f"päätöksen {entry.id} tietoja ei siirretty seurantataulukkoon, koska {why}; "
                f"seurantataulukon tiedot pidettiin. Lomakkeessa (kunta {form.municipality}): "
                f"{_said(changes)}. Jos lomakkeen tieto on oikea, kirjoita se "
                "seurantataulukkoon ja päivitä Päivitetty-päivä.",
            )
    reports = tuple(
        MunicipalityReport(
            f.municipality, f.file, f.saved, tuple(taken_by[f.file]), tuple(kept_by[f.file])
        )
        for f in ordered
    )
    return ProgressMerge(tuple(merged), tuple(warnings), reports)


def _superseded(
    earlier: tuple[ReturnedProgress, ProgressEntry, dict[str, object]],
    later: ReturnedProgress,
    row: TrackerRow,
    taken_by: dict[str, list[str]],
    kept_by: dict[str, list[str]],
    warn: Callable[[str, str], None],
) -> None:
    """An earlier form's values on ``row`` that a later form replaced: warned, not lost."""
    form, entry, values = earlier
    lost = {c: v for c, v in values.items() if row.values.get(c) != v}
    if not lost:
        return
    for column in lost:
        del values[column]  # warned once
    if entry.id in taken_by[form.file]:
        taken_by[form.file].remove(entry.id)
        kept_by[form.file].append(entry.id)
    warn(
        f"{form.file}, {entry.cell}",
        f"päätöksen {entry.id} tiedot tästä lomakkeesta (kunta {form.municipality}: "
        f"{_said(lost)}) korvautuivat myöhemmällä tiedolla lomakkeesta {later.file} "
        f"(kunta {later.municipality}). Jos tämän lomakkeen tieto on oikea, kirjoita se "
        "seurantataulukkoon ja päivitä Päivitetty-päivä.",
    )


def _agreements(n: int) -> str:
    return f"{n} päätös" if n == 1 else f"{n} päätöstä"


def report_lines(merge: ProgressMerge) -> list[str]:
    """What the build prints: per municipality what it took over from its form."""
    lines = []
    for r in merge.reports:
        if r.taken:
            done = f"seurantataulukossa päivitettiin {_agreements(len(r.taken))} ({', '.join(r.taken)})"
        else:
            done = "seurantataulukkoon ei tullut muutoksia"
        if r.kept:
            done += f"; {_agreements(len(r.kept))} jäi ennalleen, katso varoitukset"
        lines.append(f"{r.municipality} ({r.file}): {done}.")
    return lines
