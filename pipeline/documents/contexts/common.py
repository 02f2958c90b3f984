"""What every template sees (``Common``), and the views several document types share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from pipeline.contract.areas import is_whole_area, whole_area_label
from pipeline.contract.i18n import t
from pipeline.contract.values import key
from pipeline.documents import dates
from pipeline.documents.vocab import status_label
from pipeline.workbook.model import Negotiation, Participant, PreviousRow, YearData
from pipeline.workbook.previous_year import rows_for

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass(frozen=True)
class Common:
    lang: str
    county: str
    year: int
    theme: str
    period: str
    title: str
    doc_date: str  # short date the documents are dated
    coordinator: str
    coordinator_email: str
    coordinator_phone: str
    record_number: str = ""  # Diaarinumero: "Dnro …" in the header when given
    #: the coordinator's ``Tehtävä`` from their ``Osallistujat`` row, if they have one
    coordinator_title: str = ""


@dataclass(frozen=True)
class NegotiationView:
    code: str
    service_area: str
    when: str  # "keskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30"
    date_long: str
    date_short: str
    time: str
    place: str
    remote: str
    chair: str
    secretary: str
    municipalities: list[str]


@dataclass(frozen=True)
class PreviousView:
    """A row of last year's tracker, as the agenda and pre-materials show it."""

    municipality: str
    decision: str
    follow_up: str
    status: str
    note: str
    deadline: str = ""
    updated: str = ""


def as_mapping(ctx: DataclassInstance) -> dict[str, object]:
    """Top-level names a template sees: the context's fields, ``common`` flattened in."""
    result: dict[str, object] = {}
    for f in fields(ctx):
        value = getattr(ctx, f.name)
        if f.name == "common":
            result.update({g.name: getattr(value, g.name) for g in fields(value)})
        else:
            result[f.name] = value
    return result


def common(data: YearData, lang: str, title: str, build_date: dt.date) -> Common:
    s = data.settings
    return Common(
        lang=lang,
        county=s.county_in(lang),
        year=s.year,
        theme=s.theme_in(lang),
        period=s.period,
        title=title,
        doc_date=dates.short_date(build_date),
        coordinator=s.coordinator,
        coordinator_email=s.coordinator_email,
        coordinator_phone=s.coordinator_phone,
        record_number=s.record_number,
        coordinator_title=_coordinator_title(data, lang),
    )


#: (the year, the coordinator's row in Osallistujat): every document asks, the list is long
_coordinator: list[tuple[YearData, Participant | None]] = []


def _coordinator_title(data: YearData, lang: str) -> str:
    """The title of the first participant named as the coordinator, in ``lang`` ("" if none)."""
    if not data.settings.coordinator:
        return ""
    if not _coordinator or _coordinator[0][0] is not data:
        wanted = key(data.settings.coordinator)
        found = next((p for p in data.participants if key(p.name) == wanted), None)
        _coordinator[:] = [(data, found)]
    found = _coordinator[0][1]
    return found.title_in(lang) if found is not None else ""


def area_title(area: str, lang: str) -> str:
    """A typed service-area name after its label, never inflected: ``palvelualue Etelä``.

    A name that already says it is one (``Pohjoinen palvelualue``) stands alone.
    """
    label = t("area_label", lang)
    return area if label in area.casefold() else f"{label} {area}"


def municipality_name(data: YearData, name: str, lang: str) -> str:
    """``name`` (Finnish or Swedish) in ``lang``; the whole service area by its label;
    a name the workbook does not know, as typed."""
    if is_whole_area(name):
        return whole_area_label(lang)
    m = data.municipality(name)
    return m.name_in(lang) if m is not None else name


def negotiation_view(data: YearData, n: Negotiation, lang: str) -> NegotiationView:
    return NegotiationView(
        code=n.code,
        service_area=data.service_area_in(n.service_area, lang),
        when=dates.when(n.date, n.start, n.end, lang),
        date_long=dates.long_date(n.date, lang),
        date_short=dates.short_date(n.date),
        time=dates.time_range(n.start, n.end, lang),
        place=n.place_in(lang),
        remote=n.remote,
        chair=n.chair,
        secretary=n.secretary,
        municipalities=[m.name_in(lang) for m in data.municipalities_of(n)],
    )


def previous_view(data: YearData, row: PreviousRow, lang: str) -> PreviousView:
    return PreviousView(
        municipality=municipality_name(data, row.municipality, lang),
        decision=row.decision,
        follow_up=row.follow_up,
        status=status_label(row.status, lang),
        note=row.note,
        deadline=row.deadline,
        updated=row.updated,
    )


@dataclass(frozen=True)
class LastYear:
    """Last year's tracker rows by the negotiation that shows them, worked out once a build.

    Only when the workbook names last year's tracker (``LastYear.of`` is None otherwise).
    """

    data: YearData
    #: negotiation code -> its municipalities' rows, then whole-area ones (``rows_for``)
    by_negotiation: Mapping[str, tuple[PreviousRow, ...]]

    @classmethod
    def of(cls, data: YearData) -> LastYear | None:
        if data.previous is None:
            return None
        return cls(data, {n.code: tuple(rows_for(data, n)) for n in data.negotiations})

    def rows(self, n: Negotiation) -> list[PreviousRow]:
        return list(self.by_negotiation.get(n.code, ()))

    def views(self, n: Negotiation, lang: str) -> list[PreviousView]:
        """``n``'s rows as its documents show them, in ``lang``."""
        return [previous_view(self.data, r, lang) for r in self.rows(n)]
