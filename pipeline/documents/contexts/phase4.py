"""Contexts of phase 4: the press release (``tiedote``) and the year's summary (``yhteenveto``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.contract import schema
from pipeline.contract.grammar import count_words, first_upper, number_word
from pipeline.contract.i18n import t
from pipeline.contract.values import short_date
from pipeline.documents import dates
from pipeline.documents.chart import chart_description, chart_groups, chart_png
from pipeline.documents.contexts.common import Common, common
from pipeline.documents.summary_stats import (
    StatusCount,
    TrackedView,
    count,
    group_label,
    grouped,
    overdue,
    priority_label,
    status,
    tracked,
)
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.workbook.model import YearData

#: agreements a press release lists per negotiation before "and N others"
PRESS_AGREEMENTS_MAX = 5


@dataclass(frozen=True)
class PressNegotiation:
    service_area: str
    date: str  # long date without weekday
    municipalities: str  # joined with ", "
    agreements: list[str]  # decisions, exactly as typed
    more: str  # "ja 3 muuta sopimusta", or ""
    held: bool  # it has decisions or its date has passed (else: "will be held")


@dataclass(frozen=True)
class PressReleaseDoc:
    """Context of ``tiedote``: a public press-release draft (no personal data but the contact)."""

    common: Common
    headline: str
    negotiations: list[PressNegotiation]
    municipalities: str  # every municipality, joined
    municipality_count: int
    negotiation_count: int
    decision_count: int


@dataclass(frozen=True)
class ChartView:
    """The picture in ``yhteenveto``: its alternative text and size in EMU."""

    title: str
    description: str
    cx: int
    cy: int


@dataclass(frozen=True)
class ReportedView:
    """Who reported on their progress form, in words a sentence takes (see template_texts)."""

    count: str  # "kaksi kuntaa" / "Två"
    of: str  # "yhdeksästä kunnasta" / "nio kommuner"
    dates: str  # "14.9.2027" or "2.9.2027–14.9.2027"


def reported_view(data: YearData, lang: str) -> ReportedView | None:
    """How many municipalities returned a progress form and when; None when none did.

    A form's date is its latest ``Päivitetty``, or the day the file was saved when
    no row of it has one.
    """
    forms = data.progress
    if not forms:
        return None
    reported = len({f.municipality for f in forms})
    total = max(len(data.municipalities), reported)
    days = [
        max((e.updated for e in f.entries if e.updated is not None), default=f.saved.date())
        for f in forms
    ]
    first, last = min(days), max(days)
    dates = short_date(last) if first == last else f"{short_date(first)}\u2013{short_date(last)}"
    if lang == "sv":
        return ReportedView(
            count=first_upper(number_word(reported, "sv")),
            of=count_words(total, "kommun", "kommuner", "sv"),
            dates=dates,
        )
    return ReportedView(
        count=count_words(reported, "kunta", "kuntaa", "fi"),
        of=f"{number_word(total, 'fi', case='elative')} kunnasta",
        dates=dates,
    )


@dataclass(frozen=True)
class SummaryDoc:
    """Context of ``yhteenveto``: the year's agreements by tracker status."""

    common: Common
    as_of: str  # long date without weekday the statuses are from
    total: int
    done_percent: str  # "33 %"
    totals: StatusCount
    by_municipality: list[StatusCount]
    by_priority: list[StatusCount]
    overdue: list[TrackedView]
    cancelled: list[TrackedView]
    unknown: list[TrackedView]
    chart: ChartView | None
    #: whether anyone has updated a status yet (False on a fresh build)
    tracked: bool
    next_year: int
    #: the municipalities that returned a progress form, and when; None: none did
    reported: ReportedView | None = None


def press_release_doc(data: YearData, lang: str, build_date: dt.date) -> PressReleaseDoc:
    s = data.settings
    negotiations = []
    for n in sorted(data.negotiations, key=lambda n: n.date):
        decisions = data.decisions_of(n)
        # "and 1 other" says less than the one agreement itself
        shown = (
            decisions
            if len(decisions) <= PRESS_AGREEMENTS_MAX + 1
            else decisions[:PRESS_AGREEMENTS_MAX]
        )
        rest = len(decisions) - len(shown)
        negotiations.append(
            PressNegotiation(
                service_area=data.service_area_in(n.service_area, lang),
                date=dates.date_without_weekday(n.date, lang),
                municipalities=", ".join(m.name_in(lang) for m in data.municipalities_of(n)),
                agreements=[d.decision_in(lang) for d in shown],
                more=t("more_agreements", lang, count=rest) if rest else "",
                held=bool(decisions) or n.date <= build_date,
            )
        )
    headline = t("press_headline", lang, theme=s.theme_in(lang).lower())
    title = f"{t('title_tiedote', lang)}: {headline}"
    return PressReleaseDoc(
        common=common(data, lang, title, build_date),
        headline=headline,
        negotiations=negotiations,
        municipalities=", ".join(m.name_in(lang) for m in data.municipalities),
        municipality_count=len(data.municipalities),
        negotiation_count=len(data.negotiations),
        decision_count=len(data.decisions),
    )


def summary_doc(
    data: YearData, rows: Sequence[TrackerRow], lang: str, today: dt.date
) -> tuple[SummaryDoc, bytes | None]:
    """The summary's context and its chart picture (None when there is nothing to draw).

    ``rows``: the tracker's rows of decisions in the register; ``today``: the date the
    statuses are from (:func:`pipeline.documents.tracker.existing.status_date`).
    """
    s = data.settings
    by_municipality = grouped(rows, lambda r: group_label(data, r, lang), today)
    by_priority = grouped(rows, lambda r: priority_label(r, lang), today)
    totals = count(t("total", lang), rows, today)
    chart, png = None, None
    if rows:
        by, groups = chart_groups(data, rows, lang, today, by_municipality, by_priority)
        title = t("chart_title", lang, by=t(f"chart_by_{by}", lang))
        png, cx, cy = chart_png(groups, lang, None if by == "municipality" else title)
        chart = ChartView(
            title=title,
            description=chart_description(groups, len(rows), lang, by),
            cx=cx,
            cy=cy,
        )
    title = f"{t('title_yhteenveto', lang)} {s.year}"
    done = round(100 * totals.done / len(rows)) if rows else 0
    return (
        SummaryDoc(
            # dated by the tracker's state it reports, not by the workbook's last save
            common=common(data, lang, title, today),
            as_of=dates.date_without_weekday(today, lang),
            total=len(rows),
            done_percent=f"{done}\u00a0%",
            totals=totals,
            by_municipality=by_municipality,
            by_priority=by_priority,
            overdue=[tracked(data, r, lang) for r in rows if overdue(r, today)],
            cancelled=[tracked(data, r, lang) for r in rows if status(r) == "Peruttu"],
            unknown=[
                tracked(data, r, lang) for r in rows if status(r) not in schema.TRACKER_STATUSES
            ],
            chart=chart,
            tracked=any(status(r) != schema.DEFAULT_STATUS for r in rows),
            next_year=s.year + 1,
            reported=reported_view(data, lang),
        ),
        png,
    )
