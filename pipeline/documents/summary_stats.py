"""The year's agreements counted from the tracker's rows, for the summary (``yhteenveto``).

Pure functions over :class:`TrackerRow`: statuses as the list spells them,
counts by status per municipality (or service area, or priority), and what is
overdue on the day the statuses are from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.contract import areas, schema
from pipeline.contract.i18n import t
from pipeline.contract.tracker import REGISTER_COLUMN, REMOVED
from pipeline.contract.values import clean_text, key
from pipeline.documents import dates
from pipeline.documents.tracker.rows import TrackerRow, date_in
from pipeline.documents.vocab import CLOSED_STATUSES, canonical_status, status_label
from pipeline.workbook.model import YearData

#: a group's sort key: anything comparable within one grouping
Order = tuple[int, int, str] | tuple[int, str]


@dataclass(frozen=True)
class StatusCount:
    """Agreements of one municipality (or priority, or all) counted by tracker status."""

    label: str
    not_started: int
    in_progress: int
    done: int
    delayed: int
    cancelled: int
    other: int  # a status typed outside the list
    total: int
    overdue: int

    def by_status(self) -> list[tuple[str, int]]:
        """(status, count) in the order of the status list."""
        counts = (self.not_started, self.in_progress, self.done, self.delayed, self.cancelled)
        return list(zip(schema.TRACKER_STATUSES, counts, strict=True))


@dataclass(frozen=True)
class TrackedView:
    """One tracker row listed in the summary (overdue, cancelled, unknown status)."""

    municipality: str
    decision: str
    follow_up: str
    responsible: str
    deadline: str
    status: str
    note: str


def live_rows(rows: Iterable[TrackerRow]) -> list[TrackerRow]:
    """The tracker's rows without those of decisions removed from the register."""
    return [r for r in rows if key(clean_text(r.values.get(REGISTER_COLUMN))) != key(REMOVED)]


def status(row: TrackerRow) -> str:
    return canonical_status(row.values.get("Tila"))


def deadline(row: TrackerRow) -> dt.date | None:
    return date_in(row, "Määräaika")


def overdue(row: TrackerRow, today: dt.date) -> bool:
    day = deadline(row)
    return day is not None and day < today and status(row) not in CLOSED_STATUSES


def count(label: str, rows: Sequence[TrackerRow], today: dt.date) -> StatusCount:
    statuses = [status(r) for r in rows]
    return StatusCount(
        label=label,
        not_started=statuses.count("Ei aloitettu"),
        in_progress=statuses.count("Käynnissä"),
        done=statuses.count("Valmis"),
        delayed=statuses.count("Viivästynyt"),
        cancelled=statuses.count("Peruttu"),
        other=sum(1 for s in statuses if s not in schema.TRACKER_STATUSES),
        total=len(rows),
        overdue=sum(1 for r in rows if overdue(r, today)),
    )


def group_label(data: YearData, row: TrackerRow, lang: str) -> tuple[Order, str]:
    """(sort key, label) of the row's municipality; whole-area rows by service area."""
    name = clean_text(row.values.get("Kunta"))
    if areas.is_whole_area(name):
        n = data.negotiation(clean_text(row.values.get("Neuvottelu")))
        if n is None:
            return (2, 0, ""), areas.whole_area_label(lang)
        return (1, data.position(n), ""), t(
            "whole_area_of", lang, area=data.service_area_in(n.service_area, lang)
        )
    m = data.municipality(name)
    if m is None:
        return (3, 0, key(name)), name
    return (0, data.position(m), ""), m.name_in(lang)


def priority_label(row: TrackerRow, lang: str) -> tuple[Order, str]:
    typed = clean_text(row.values.get("Painopiste"))
    canonical = next((p for p in schema.THEMES_FI if key(p) == key(typed)), None)
    if canonical is None:
        canonical = next((fi for fi, sv in schema.THEME_SV.items() if key(sv) == key(typed)), None)
    if canonical is None:
        canonical = next(
            (fi for old, fi in schema.THEME_SV_ALIASES.items() if key(old) == key(typed)), None
        )
    if canonical is not None:
        label = schema.THEME_SV[canonical] if lang == "sv" else canonical
        return (schema.THEMES_FI.index(canonical), ""), label
    if not typed:
        return (99, ""), t("no_priority", lang)
    return (50, key(typed)), typed


def grouped(
    rows: Sequence[TrackerRow],
    label_of: Callable[[TrackerRow], tuple[Order, str]],
    today: dt.date,
) -> list[StatusCount]:
    """Counts per label, in the labels' sort order (first seen wins the key)."""
    groups: dict[str, tuple[Order, list[TrackerRow]]] = {}
    for r in rows:
        order, label = label_of(r)
        groups.setdefault(label, (order, []))[1].append(r)
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    return [count(label, members, today) for label, (_, members) in ordered]


def tracked(data: YearData, row: TrackerRow, lang: str) -> TrackedView:
    day = deadline(row)
    return TrackedView(
        municipality=group_label(data, row, lang)[1],
        decision=clean_text(row.values.get("Päätös")),
        follow_up=clean_text(row.values.get("Jatkotoimi")),
        responsible=clean_text(row.values.get("Vastuutaho")),
        deadline=dates.short_date(day) if day else clean_text(row.values.get("Määräaika")),
        status=status_label(status(row), lang),
        note=clean_text(row.values.get("Tilannekuvaus")),
    )
