"""What each Word template sees: typed contexts built from :class:`YearData`.

Templates read attributes (``{{ negotiation.when }}``); every value is already
a display string in the document's language, so templates need no logic
beyond loops and ``if``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from pipeline.contract import schema
from pipeline.contract.agenda import recognise_agenda_item
from pipeline.contract.areas import is_whole_area
from pipeline.contract.i18n import TEXT, organisation_label, role_label, t
from pipeline.contract.values import key
from pipeline.documents import dates
from pipeline.workbook.model import Decision, Negotiation, Participant, PreviousRow, YearData


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    role: str  # label in the document's language
    elected: bool
    email: str
    phone: str


@dataclass(frozen=True)
class Delegation:
    organisation: str
    people: list[Person]


@dataclass(frozen=True)
class RaisedView:
    municipality: str
    topic: str
    description: str
    wish: str
    priority: str


@dataclass(frozen=True)
class DecisionView:
    id: str
    municipality: str
    decision: str
    follow_up: str
    responsible: str
    forum: str
    monitoring: str
    deadline: str
    priority: str


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


@dataclass(frozen=True)
class AgendaItem:
    number: int
    key: str  # opening, plan, coefficient, theme, previous, followup, closing
    title: str
    text: str
    raised: list[RaisedView] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)
    previous: list[PreviousView] = field(default_factory=list)


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


@dataclass(frozen=True)
class NegotiationDoc:
    """Context of ``kutsu``, ``asialista`` and ``poytakirja``."""

    common: Common
    negotiation: NegotiationView
    delegations: list[Delegation]
    agenda: list[AgendaItem]
    pre_deadline: str  # long date without weekday, or ""
    final: bool
    decision_count: int


def as_mapping(ctx: object) -> dict[str, object]:
    """Top-level names a template sees: the context's fields, ``common`` flattened in."""
    result: dict[str, object] = {}
    for f in fields(ctx):  # type: ignore[arg-type]
        value = getattr(ctx, f.name)
        if f.name == "common":
            result.update({g.name: getattr(value, g.name) for g in fields(value)})
        else:
            result[f.name] = value
    return result


# ---------------------------------------------------------------------- builders


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
    )


def _municipality_name(data: YearData, name: str, lang: str) -> str:
    m = data.municipality(name) if name else None
    if m is None:
        return name or t("whole_area", lang)
    return m.name_in(lang)


def negotiation_view(data: YearData, n: Negotiation, lang: str) -> NegotiationView:
    return NegotiationView(
        code=n.code,
        service_area=n.service_area,
        when=dates.when(n.date, n.start, n.end, lang),
        date_long=dates.long_date(n.date, lang),
        date_short=dates.short_date(n.date),
        time=dates.time_range(n.start, n.end, lang),
        place=n.place,
        remote=n.remote,
        chair=n.chair,
        secretary=n.secretary,
        municipalities=[m.name_in(lang) for m in data.municipalities_of(n)],
    )


def _person(p: Participant, lang: str) -> Person:
    return Person(p.name, p.title, role_label(p.role, lang), p.elected, p.email, p.phone)


def delegations(data: YearData, n: Negotiation, lang: str) -> list[Delegation]:
    """The county first, then the municipalities in sheet order, then everyone else."""
    people = data.participants_of(n)
    county = data.settings.county_in(lang)
    groups: list[Delegation] = []
    county_people = [_person(p, lang) for p in people if p.organisation == schema.ORG_COUNTY]
    if county_people:
        groups.append(Delegation(county, county_people))
    for m in data.municipalities_of(n):
        mine = [_person(p, lang) for p in people if p.municipality == m.name]
        if mine:
            groups.append(Delegation(m.name_in(lang), mine))
    others: dict[str, list[Person]] = {}
    for p in people:
        if p.organisation != schema.ORG_COUNTY and p.municipality is None:
            others.setdefault(p.organisation, []).append(_person(p, lang))
    for org, members in others.items():
        groups.append(Delegation(organisation_label(org, lang, county), members))
    # a participant of a municipality outside this area (invited by Tunnus) goes last
    outside = [
        p
        for p in people
        if p.municipality is not None
        and p.municipality not in {m.name for m in data.municipalities_of(n)}
    ]
    for p in outside:
        groups.append(
            Delegation(_municipality_name(data, p.municipality or "", lang), [_person(p, lang)])
        )
    return groups


def decision_view(data: YearData, d: Decision, lang: str) -> DecisionView:
    return DecisionView(
        id=d.id,
        municipality=_municipality_name(data, d.municipality, lang),
        decision=d.decision,
        follow_up=d.follow_up,
        responsible=d.responsible,
        forum=d.forum,
        monitoring=d.monitoring,
        deadline=dates.short_date(d.deadline),
        priority=schema.THEME_SV.get(d.priority, d.priority) if lang == "sv" else d.priority,
    )


def raised_view(data: YearData, n: Negotiation, lang: str) -> list[RaisedView]:
    return [
        RaisedView(
            municipality=_municipality_name(data, r.municipality, lang),
            topic=r.topic,
            description=r.description,
            wish=r.wish,
            priority=schema.THEME_SV.get(r.priority, r.priority) if lang == "sv" else r.priority,
        )
        for r in data.raised_of(n)
    ]


def agenda_key_of(text: str, items: list[AgendaItem]) -> str:
    """Which agenda item a decision's ``Asiakohta`` means: by number, title or usual word.

    Anything unrecognised goes under the theme, where most decisions belong
    (validation warns about it).
    """
    wanted = key(text).rstrip(".")
    for item in items:
        if wanted == str(item.number) or wanted == key(item.title):
            return item.key
    found = recognise_agenda_item(text)
    return found if found and any(i.key == found for i in items) else "theme"


def agenda(
    data: YearData,
    n: Negotiation,
    lang: str,
    previous: list[PreviousView] | None = None,
    with_decisions: bool = False,
) -> list[AgendaItem]:
    """The fixed agenda (SPEC §3), numbered; decisions attached when asked for."""
    s = data.settings
    keys = ["opening", "plan", "coefficient", "theme"]
    if previous is not None:
        keys.append("previous")
    keys += ["followup", "closing"]
    items: list[AgendaItem] = []
    for number, item_key in enumerate(keys, start=1):
        items.append(
            AgendaItem(
                number=number,
                key=item_key,
                title=t(f"item_{item_key}", lang, theme=s.theme_in(lang)),
                text=t(f"item_{item_key}_text", lang, period=s.period),
                raised=raised_view(data, n, lang) if item_key == "theme" else [],
                previous=list(previous or []) if item_key == "previous" else [],
            )
        )
    if with_decisions:
        for d in data.decisions_of(n):
            target = agenda_key_of(d.agenda_item, items)
            for item in items:
                if item.key == target:
                    item.decisions.append(decision_view(data, d, lang))
    return items


def negotiation_doc(
    data: YearData,
    n: Negotiation,
    lang: str,
    doc_type: str,
    build_date: dt.date,
    previous: list[PreviousView] | None = None,
) -> NegotiationDoc:
    final = doc_type == "poytakirja" and bool(data.decisions_of(n))
    title_key = (
        "title_poytakirja_draft" if doc_type == "poytakirja" and not final else f"title_{doc_type}"
    )
    s = data.settings
    deadline = s.pretask_deadline or s.survey_deadline
    view = negotiation_view(data, n, lang)
    title = f"{t(title_key, lang)} – {view.service_area} {s.year}"
    return NegotiationDoc(
        common=common(data, lang, title, build_date),
        negotiation=view,
        delegations=delegations(data, n, lang),
        agenda=agenda(data, n, lang, previous, with_decisions=doc_type == "poytakirja"),
        pre_deadline=dates.date_without_weekday(deadline, lang) if deadline else "",
        final=final,
        decision_count=len(data.decisions_of(n)),
    )


# ------------------------------------------------ phases 1 and 4 (see phase_docs.py)


def status_label(status: str, lang: str) -> str:
    """A tracker status in the document's language; an unknown one as typed."""
    name = f"status_{status}"
    return t(name, lang) if name in TEXT else status


def previous_view(data: YearData, row: PreviousRow, lang: str) -> PreviousView:
    m = data.municipality(row.municipality)
    if m is None:
        m = next((x for x in data.municipalities if key(x.name_sv) == key(row.municipality)), None)
    if m is not None:
        name = m.name_in(lang)
    elif is_whole_area(row.municipality):
        name = t("whole_area", lang)
    else:
        name = row.municipality
    return PreviousView(
        municipality=name,
        decision=row.decision,
        follow_up=row.follow_up,
        status=status_label(row.status, lang),
        note=row.note,
        deadline=row.deadline,
        updated=row.updated,
    )


@dataclass(frozen=True)
class PhenomenonView:
    name: str
    description: str


@dataclass(frozen=True)
class ScheduleItem:
    """One negotiation in the year's schedule."""

    code: str
    service_area: str
    when: str
    place: str
    municipalities: str  # joined with ", "


@dataclass(frozen=True)
class PreTaskDoc:
    """Context of ``ennakkotehtava``: one audience's pre-task."""

    common: Common
    audience: str  # kunnat, sote, jarjestot
    audience_name: str
    #: phenomena marked ``Neuvotteluun``: to be brought to the negotiations
    phenomena: list[PhenomenonView]
    #: the other phenomena the network identified, as background
    other_phenomena: list[PhenomenonView]
    pretask_deadline: str  # long date, or ""
    survey_deadline: str  # long date, or ""
    survey: bool  # municipalities get a survey form (``Kyselyn kysymykset`` given)
    schedule: list[ScheduleItem]


@dataclass(frozen=True)
class AnswerView:
    question: str
    answer: str


@dataclass(frozen=True)
class SurveyView:
    number: int  # 1, 2, … among the municipality's responses
    answers: list[AnswerView]


@dataclass(frozen=True)
class MunicipalityMaterial:
    name: str
    raised: list[RaisedView]
    surveys: list[SurveyView]
    previous: list[PreviousView]


@dataclass(frozen=True)
class PreMaterialDoc:
    """Context of ``ennakkomateriaali``: what the negotiation's municipalities sent, and last year."""

    common: Common
    negotiation: NegotiationView
    municipalities: list[MunicipalityMaterial]
    #: last year's agreements of the whole service area
    area_previous: list[PreviousView]
    has_previous: bool
    previous_year: int


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


@dataclass(frozen=True)
class ChartView:
    """The picture in ``yhteenveto``: its alternative text and size in EMU."""

    title: str
    description: str
    cx: int
    cy: int


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
