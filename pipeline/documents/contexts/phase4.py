"""Contexts of phase 4: the press release (``tiedote``) and the year's summary (``yhteenveto``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.contract import grammar, schema
from pipeline.contract.agenda import recognise_agenda_item
from pipeline.contract.grammar import (
    GLOSSARY,
    QUOTE,
    Lang,
    count_words,
    first_upper,
    join_words,
    number_word,
    quote,
)
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
from pipeline.workbook.model import Decision, YearData

#: agreements a press release names per negotiation (the rest it only counts)
PRESS_AGREEMENTS_SHOWN = 3


@dataclass(frozen=True)
class PressNegotiation:
    service_area: str
    date: str  # long date without weekday
    municipalities: str  # joined with join_words
    #: "Neuvottelussa sovittiin kuudesta asiasta, muun muassa seuraavista:" (or "")
    agreements_intro: str
    #: the first few agreements as typed (the theme's first), one bullet each
    agreements: list[str]
    held: bool  # it has decisions or its date has passed (else: "will be held")


@dataclass(frozen=True)
class PressReleaseDoc:
    """Context of ``tiedote``: a public press-release draft (no personal data but the contact)."""

    common: Common
    headline: str
    #: the lead's sentence of figures: negotiations held, agreements, municipalities
    figures: str
    #: "Lisäksi yksi neuvottelu pidetään myöhemmin." when some are still ahead, else ""
    ahead: str
    negotiations: list[PressNegotiation]
    municipalities: str  # the municipalities of the negotiations held, joined
    municipality_count: int
    negotiation_count: int
    decision_count: int
    quote: str  # the quote paragraph (with whom it is from), or ""


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
    #: the date the statuses are from: fi ``21.12.2027``, sv ``21 december 2027``
    as_of: str
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
    #: figure_total's count: fi the figure after its label ("10"), sv "10 överenskommelser"
    total_text: str = ""
    #: fi the numeral in the inessive ("neljässä"), sv "fyra oavslutade överenskommelser"
    overdue_text: str = ""

    #: the municipalities that returned a progress form, and when; None: none did
    reported: ReportedView | None = None


def _agreement_titles(decisions: Sequence[Decision], lang: str) -> list[str]:
    """The first agreements as typed, the theme's before procedural ones."""
    ordered = sorted(
        decisions, key=lambda d: recognise_agenda_item(d.agenda_item) not in (None, "theme")
    )
    return [d.decision_in(lang).strip() for d in ordered[:PRESS_AGREEMENTS_SHOWN]]


def _agreements_intro(decisions: Sequence[Decision], lang: Lang) -> str:
    n = len(decisions)
    if not n:
        return ""
    agreements = (
        f"{number_word(n, 'fi', case='elative')} asiasta"
        if lang == "fi"
        else GLOSSARY["agreement"].count(n, "sv", words=True)
    )
    name = "press_area_agreed" if n > PRESS_AGREEMENTS_SHOWN else "press_area_agreed_all"
    return t(name, lang, agreements=agreements)


def _figures(held: int, agreements: int, municipalities: int, lang: Lang) -> str:
    """The lead's figures, numbers agreeing: ``Kolmessa neuvottelussa sovittiin …``."""
    if not held:
        return ""
    if lang == "fi":
        negotiations = f"{first_upper(number_word(held, 'fi', case='inessive'))} neuvottelussa"
        them = "siihen" if held == 1 else "niihin"
        return (
            f"{negotiations} sovittiin yhteensä {number_word(agreements, 'fi', case='elative')}"
            f" asiasta, ja {them} osallistui "
            f"{GLOSSARY['municipality'].count(municipalities, 'fi', words=True)}."
        )
    one, many = GLOSSARY["negotiation"].forms("sv")
    them = "den" if held == 1 else "dem"
    return (
        f"Vid {count_words(held, one, many, 'sv')} ingicks sammanlagt "
        f"{GLOSSARY['agreement'].count(agreements, 'sv', words=True)}, och i {them} deltog "
        f"{GLOSSARY['municipality'].count(municipalities, 'sv', words=True)}."
    )


def _ahead(n: int, lang: Lang) -> str:
    if not n:
        return ""
    if lang == "fi":
        word = GLOSSARY["negotiation"].count(n, "fi", words=True)
        return f"Lisäksi {word} pidetään myöhemmin."
    return f"Ytterligare {GLOSSARY['negotiation'].count(n, 'sv', words=True)} hålls senare."


def _quote(text: str, by: str, lang: Lang) -> str:
    """``”Lainaus”, sanoo Nimi, tehtävä.`` / ``”Citat”, säger …`` (a ? or ! keeps its mark)."""
    if not (text and by):
        return ""
    said = "sanoo" if lang == "fi" else "säger"
    body = text.strip().strip(QUOTE + '"').strip()
    if body.endswith(("?", "!")):
        return f"{quote(body)} {said} {by}."
    return f"{quote(body.rstrip('.'))}, {said} {by}."


def press_release_doc(data: YearData, lang: str, build_date: dt.date) -> PressReleaseDoc:
    s = data.settings
    language: Lang = "sv" if lang == "sv" else "fi"
    negotiations = []
    held_municipalities: list[str] = []
    held_count = 0
    for n in sorted(data.negotiations, key=lambda n: n.date):
        decisions = data.decisions_of(n)
        # decisions in the register mean it was held, whatever its date says
        held = bool(decisions) or n.date < build_date
        names = [m.name_in(lang) for m in data.municipalities_of(n)]
        if held:
            held_count += 1
            held_municipalities += [m for m in names if m not in held_municipalities]
        negotiations.append(
            PressNegotiation(
                service_area=data.service_area_in(n.service_area, lang),
                date=dates.date_without_weekday(n.date, lang),
                municipalities=join_words(names, language),
                agreements_intro=_agreements_intro(decisions, language),
                agreements=_agreement_titles(decisions, lang),
                held=held,
            )
        )
    theme = s.theme_in(lang).lower()
    county = s.county_in(lang)
    if len(held_municipalities) == 1:
        who = t("press_municipality", lang, municipality=held_municipalities[0])
    else:
        who = t("press_municipalities", lang, n=len(held_municipalities))
    headline = t(
        "press_headline" if held_count else "press_headline_ahead",
        lang,
        county=county,
        municipalities=who
        if held_count
        else t("press_municipalities", lang, n=len(data.municipalities)),
        theme=theme,
    )
    title = f"{t('title_tiedote', lang)}: {headline}"
    return PressReleaseDoc(
        common=common(data, lang, title, build_date),
        headline=headline,
        figures=_figures(held_count, len(data.decisions), len(held_municipalities), language),
        ahead=_ahead(len(data.negotiations) - held_count, language),
        negotiations=negotiations,
        municipalities=join_words(held_municipalities, language),
        municipality_count=len(held_municipalities),
        negotiation_count=held_count,
        decision_count=len(data.decisions),
        quote=_quote(*s.press_quote_in(lang), language),
    )


def _lang(lang: str) -> grammar.Lang:
    return "sv" if lang == "sv" else "fi"


def _overdue_text(n: int, lang: grammar.Lang) -> str:
    """What ``figure_overdue`` counts: fi the numeral before ``keskeneräisessä asiassa``."""
    if lang == "fi":
        return grammar.number_word(n, "fi", case="inessive")
    return grammar.count_words(n, "oavslutad överenskommelse", "oavslutade överenskommelser", "sv")


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
            as_of=short_date(today) if lang == "fi" else dates.date_without_weekday(today, lang),
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
            total_text=(
                str(len(rows))
                if lang == "fi"
                else grammar.GLOSSARY["agreement"].count(len(rows), "sv")
            ),
            overdue_text=_overdue_text(totals.overdue, _lang(lang)),
            reported=reported_view(data, lang),
        ),
        png,
    )
