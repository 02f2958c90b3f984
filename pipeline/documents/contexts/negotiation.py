"""Contexts of ``kutsu``, ``asialista`` and ``poytakirja``: a negotiation, its people and agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from pipeline.contract import schema
from pipeline.contract.agenda import recognise_agenda_item
from pipeline.contract.grammar import GLOSSARY
from pipeline.contract.i18n import organisation_label, role_label, t
from pipeline.contract.values import key
from pipeline.documents import dates
from pipeline.documents.contexts import minutes
from pipeline.documents.contexts.common import (
    Common,
    NegotiationView,
    PreviousView,
    area_title,
    common,
    municipality_name,
    negotiation_view,
)
from pipeline.workbook.model import Decision, Negotiation, Participant, YearData, text_in


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    role: str  # label in the document's language
    elected: bool
    email: str
    phone: str
    marks: str = ""  # the minutes' parenthesis: "varajäsen, luottamushenkilö"


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
class AgendaItem:
    number: int
    key: str  # opening, plan, coefficient, theme, previous, followup, closing
    title: str
    text: str
    raised: list[RaisedView] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)
    previous: list[PreviousView] = field(default_factory=list)
    #: what the minutes record under the item (Muistiinpanot), in sheet order
    notes: list[str] = field(default_factory=list)
    #: the final minutes' past-tense text of the item ("Puheenjohtaja avasi …"), or ""
    record: str = ""
    #: the final minutes record the item as *Merkittiin tiedoksi.*
    noted: bool = False


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
    #: "kuusi päätöstä" (the minutes' count of decisions, spelled out)
    decisions_text: str = ""
    #: the minutes list present and absent (``Läsnä`` recorded); else the invited
    attendance: bool = False
    present: list[Delegation] = field(default_factory=list)
    others_present: list[Delegation] = field(default_factory=list)
    absent: list[Delegation] = field(default_factory=list)
    checkers: list[str] = field(default_factory=list)
    checked: str = ""  # "20. huhtikuuta 2027" when ``Tarkastettu`` is given
    registration_by: str = ""  # "7. huhtikuuta 2027" when ``Ilmoittautuminen`` is given


def _person(p: Participant, lang: str) -> Person:
    return Person(
        p.name,
        p.title_in(lang),
        role_label(p.role, lang),
        p.elected,
        p.email,
        p.phone,
        minutes.marks(p, lang),
    )


def delegations(
    data: YearData, n: Negotiation, lang: str, people: list[Participant] | None = None
) -> list[Delegation]:
    """The county first, then the municipalities in sheet order, then everyone else.

    ``people``: some of the negotiation's participants (default: all of them).
    """
    people = data.participants_of(n) if people is None else people
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
    named: dict[str, str] = {}  # an organisation's name in lang: the first twin given
    for p in people:
        if p.organisation != schema.ORG_COUNTY and p.municipality is None:
            others.setdefault(p.organisation, []).append(_person(p, lang))
            if p.organisation_sv:
                named.setdefault(p.organisation, p.organisation_in(lang))
    for org, members in others.items():
        label = named.get(org) or organisation_label(org, lang, county)
        groups.append(Delegation(label, members))
    # a participant of a municipality outside this area (invited by Tunnus) goes last
    outside = [
        p
        for p in people
        if p.municipality is not None
        and p.municipality not in {m.name for m in data.municipalities_of(n)}
    ]
    for p in outside:
        groups.append(
            Delegation(municipality_name(data, p.municipality or "", lang), [_person(p, lang)])
        )
    return groups


def decision_view(data: YearData, d: Decision, lang: str) -> DecisionView:
    return DecisionView(
        id=d.id,
        municipality=municipality_name(data, d.municipality, lang),
        decision=d.decision_in(lang),
        follow_up=d.follow_up_in(lang),
        responsible=text_in(d.responsible, d.responsible_sv, lang),
        forum=text_in(d.forum, d.forum_sv, lang),
        monitoring=text_in(d.monitoring, d.monitoring_sv, lang),
        deadline=dates.short_date(d.deadline),
        priority=schema.THEME_SV.get(d.priority, d.priority) if lang == "sv" else d.priority,
    )


def raised_view(data: YearData, n: Negotiation, lang: str) -> list[RaisedView]:
    return [
        RaisedView(
            municipality=municipality_name(data, r.municipality, lang),
            topic=text_in(r.topic, r.topic_sv, lang),
            description=text_in(r.description, r.description_sv, lang),
            wish=text_in(r.wish, r.wish_sv, lang),
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
        for note in data.notes_of(n):
            target = agenda_key_of(note.agenda_item, items)
            for item in items:
                if item.key == target:
                    item.notes.append(note.text_in(lang))
    return items


def _recorded(item: AgendaItem, n: Negotiation, lang: str) -> AgendaItem:
    """The item as the final minutes record it: past-tense text, or *Merkittiin tiedoksi.*"""
    if item.key == "opening":
        return replace(item, record=minutes.opening_text(n, lang))
    if item.key == "closing":
        return replace(item, record=minutes.closing_text(n, lang))
    if item.key == "followup" and item.decisions:
        return replace(item, record=t("minutes_followup", lang))
    return replace(item, noted=not item.decisions and not item.notes)


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
    title = f"{t(title_key, lang)} – {area_title(view.service_area, lang)} {s.year}"
    items = agenda(data, n, lang, previous, with_decisions=doc_type == "poytakirja")
    if final:
        items = [_recorded(item, n, lang) for item in items]
    count = len(data.decisions_of(n))
    present = minutes.attendance(data, n)
    return NegotiationDoc(
        common=common(data, lang, title, build_date),
        negotiation=view,
        delegations=delegations(data, n, lang),
        agenda=items,
        pre_deadline=dates.date_without_weekday(deadline, lang) if deadline else "",
        final=final,
        decision_count=count,
        decisions_text=GLOSSARY["decision"].count(
            count, "sv" if lang == "sv" else "fi", words=True
        ),
        attendance=present.recorded,
        present=delegations(data, n, lang, present.present),
        others_present=delegations(data, n, lang, present.others),
        absent=delegations(data, n, lang, present.absent),
        checkers=list(n.checkers),
        checked=minutes.checked_date(n, lang),
        registration_by=(
            dates.date_without_weekday(n.registration_by, lang) if n.registration_by else ""
        ),
    )
