"""The mailing plan: which e-mail drafts a build makes, to whom, with which files (SPEC §3).

Pure data, from the validated :class:`YearData` and the files the build made
(:class:`Output`); :mod:`pipeline.documents.letters` turns each mailing into a
draft. Three kinds of mailing:

* ``kutsu`` — per negotiation × language: its ``kutsu``, ``asialista``,
  ``ennakkomateriaali`` (when made) and calendar file (``kalenterikutsu``), to
  the negotiation's participants and its municipalities' registries;
* ``ennakkotehtava`` — per municipality × language: the municipalities'
  pre-task and that municipality's survey form, to its registry and its
  contact people (role ``yhdyshenkilö``; a municipality without one: all its
  people). The social and health services' and the NGO advisory board's
  pre-tasks go to the county's people and to the board's people, one draft
  in the county's first language with every language version attached;
* ``poytakirja`` — per negotiation × language, once the minutes in that
  language are final (``valmis``): the minutes, to the same people as the
  invitation. Last year's and this year's tracker are not attached: it holds
  every negotiation's agreements and people's names, and it is sent on
  purpose, not with each negotiation's minutes.

Languages: a person gets the drafts in the main language of their
municipality (``ruotsi-suomi`` → sv), or, for the county's people and other
organisations, in the negotiation's first language; when the negotiation's
documents are not made in that language, in its first language. A registry
gets every language of its municipality (a bilingual municipality's bodies
work in both). So each person is in one draft per mailing.

Registries are in ``To`` (official mail to the municipality, visible to all),
people in ``Bcc``. Someone without an e-mail address is left out and reported
once in :attr:`Plan.warnings`; a mailing in which nobody has an address makes
no draft, and :attr:`Plan.skipped` says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contract import naming, schema
from pipeline.contract.grammar import join_words
from pipeline.contract.outputs import Output
from pipeline.contract.values import key
from pipeline.documents.mail import Address
from pipeline.documents.mail_texts import t
from pipeline.errors import WARNING, Problem
from pipeline.workbook.model import Municipality, Negotiation, Participant, YearData

FOLDER = "viestit"
DOC_TYPE = "sahkopostiluonnos"
CALENDAR_TYPE = "kalenterikutsu"
KIND_INVITATION, KIND_PRETASK, KIND_MINUTES = "kutsu", "ennakkotehtava", "poytakirja"
#: what an invitation carries, in this order
INVITATION_DOCS = ("kutsu", "asialista", "ennakkomateriaali", CALENDAR_TYPE)
AUDIENCE_MUNICIPALITIES, AUDIENCE_SERVICES, AUDIENCE_NGO = "kunnat", "sote", "jarjestot"
CONTACT_ROLE = "yhdyshenkilö"
FINAL = "valmis"


@dataclass(frozen=True)
class Mailing:
    """One e-mail draft: who gets it and which of the build's files it carries."""

    path: str  # viestit/<vaihe>_<tunnus or kunta>_<kieli>.eml
    kind: str  # KIND_INVITATION, KIND_PRETASK or KIND_MINUTES
    lang: str
    #: registries: shown to every recipient
    to: tuple[Address, ...]
    #: people: hidden from each other
    bcc: tuple[Address, ...]
    attachments: tuple[Output, ...]
    negotiation: str = ""  # Tunnus, for kutsu and poytakirja
    municipality: str = ""  # Finnish name, for a municipality's pre-tasks
    audience: str = ""  # kunnat, sote or jarjestot, for pre-tasks
    #: recipients of this mailing without an address ("Antti Virta (Alajärvenkylä)")
    without_email: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    mailings: tuple[Mailing, ...]
    #: each participant or registry without an e-mail address who should get mail, once
    warnings: tuple[Problem, ...]
    #: mailings that make no draft, and why
    skipped: tuple[str, ...]


def draft_path(kind: str, subject: str, lang: str) -> str:
    """``viestit/kutsu_pohjoinen_fi.eml``, ``viestit/ennakkotehtava_kuusiniemi_fi.eml``."""
    return f"{FOLDER}/{naming.document_name(kind, naming.slug(subject), lang, ext='eml')}"


@dataclass(frozen=True)
class _Member:
    """A would-be recipient: a registry (To) or a person (Bcc)."""

    name: str
    email: str
    registry: bool
    #: "Antti Virta (Alajärvenkylä)", for messages
    label: str
    #: where to add a missing address, and what the warning says
    where: str
    row: int


def _person(p: Participant) -> _Member:
    return _Member(p.name, p.email, False, f"{p.name} ({p.organisation})", "person", p.row)


def _registry(m: Municipality, lang: str) -> _Member:
    label = f"Kirjaamo ({m.name})"
    name = t("registry", lang, name=m.name_in(lang))
    return _Member(name, m.registry_email, True, label, "registry", m.row)


def _main_language(data: YearData, municipality: str | None) -> str | None:
    m = data.municipality(municipality) if municipality else None
    return m.main_language if m is not None else None


def person_language(data: YearData, p: Participant, made: tuple[str, ...]) -> str:
    """The one language ``p`` gets a mailing in, of the languages ``made``."""
    main = _main_language(data, p.municipality)
    return main if main in made else made[0]


def registry_languages(m: Municipality, made: tuple[str, ...]) -> tuple[str, ...]:
    wanted = tuple(lang for lang in schema.DOCUMENT_LANGUAGES[m.language] if lang in made)
    return wanted or made[:1]


class _Planner:
    def __init__(self, data: YearData, outputs: Iterable[Output]) -> None:
        self.data = data
        self.outputs = list(outputs)
        # grouped once: each negotiation's and municipality's mail looks up its own
        self._by_negotiation: dict[str, list[Output]] = {}
        self._forms: dict[str, list[Output]] = {}
        for o in self.outputs:
            self._by_negotiation.setdefault(key(o.negotiation), []).append(o)
            if o.doc_type == "ennakkokysely":
                self._forms.setdefault(key(o.municipality), []).append(o)
        self._pretasks: dict[tuple[str, str | None], list[Output]] = {}
        self._people: dict[str, list[Participant]] = {}
        for p in data.participants:
            self._people.setdefault(key(p.municipality or ""), []).append(p)
        self.mailings: list[Mailing] = []
        self.skipped: list[str] = []
        #: (kind, row) of members reported missing an address, with what they miss
        self.missing: dict[tuple[str, int], tuple[_Member, list[str]]] = {}

    def add(
        self,
        path: str,
        kind: str,
        lang: str,
        members: list[_Member],
        attachments: list[Output],
        **where: str,
    ) -> None:
        if not members or not attachments:
            return
        unique: dict[tuple[bool, str], _Member] = {}
        for m in members:
            unique.setdefault((m.registry, key(m.email) or f"\x00{m.label}"), m)
        chosen = list(unique.values())
        without = [m for m in chosen if not m.email]
        for m in without:
            self.missing.setdefault((m.where, m.row), (m, []))[1].append(path)
        with_email = [m for m in chosen if m.email]
        if not with_email:
            names = join_words([m.label for m in without], "fi")
            self.skipped.append(
                f"{path}: luonnosta ei tehty, koska yhdelläkään vastaanottajalla ei ole "
                f"sähköpostiosoitetta ({names})."
            )
            return
        self.mailings.append(
            Mailing(
                path=path,
                kind=kind,
                lang=lang,
                to=tuple(Address(m.name, m.email) for m in with_email if m.registry),
                bcc=tuple(Address(m.name, m.email) for m in with_email if not m.registry),
                attachments=tuple(attachments),
                without_email=tuple(m.label for m in without),
                **where,
            )
        )

    # ------------------------------------------------------------ negotiations

    def files_of(self, n: Negotiation, lang: str, doc_types: tuple[str, ...]) -> list[Output]:
        found = [
            o
            for o in self._by_negotiation.get(key(n.code), ())
            if o.lang == lang and o.doc_type in doc_types
        ]
        return sorted(found, key=lambda o: doc_types.index(o.doc_type))

    def members_of(self, n: Negotiation, lang: str, made: tuple[str, ...]) -> list[_Member]:
        people = [
            _person(p)
            for p in self.data.participants_of(n)
            if person_language(self.data, p, made) == lang
        ]
        registries = [
            _registry(m, lang)
            for m in self.data.municipalities_of(n)
            if lang in registry_languages(m, made)
        ]
        return registries + people

    def invitation(self, n: Negotiation) -> None:
        made = self.data.languages_of(n)
        for lang in made:
            members = self.members_of(n, lang, made)
            self.add(
                draft_path(KIND_INVITATION, n.code, lang),
                KIND_INVITATION,
                lang,
                members,
                self.files_of(n, lang, INVITATION_DOCS),
                negotiation=n.code,
            )

    def minutes(self, n: Negotiation) -> None:
        made = self.data.languages_of(n)
        for lang in made:
            minutes = [o for o in self.files_of(n, lang, (KIND_MINUTES,)) if o.status == FINAL]
            self.add(
                draft_path(KIND_MINUTES, n.code, lang),
                KIND_MINUTES,
                lang,
                self.members_of(n, lang, made),
                minutes,
                negotiation=n.code,
            )

    # --------------------------------------------------------------- pre-tasks

    def pretasks(self, audience: str, lang: str | None = None) -> list[Output]:
        found = self._pretasks.get((audience, lang))
        if found is None:  # asked once per municipality: looked up once
            found = self._pretasks[(audience, lang)] = [
                o
                for o in self.outputs
                if o.doc_type == KIND_PRETASK
                and o.audience == audience
                and (lang is None or o.lang == lang)
            ]
        return list(found)

    def municipality(self, m: Municipality) -> None:
        own = list(self._people.get(key(m.name), ()))
        contacts = [p for p in own if p.role == CONTACT_ROLE] or own
        forms = list(self._forms.get(key(m.name), ()))
        made = tuple(dict.fromkeys(o.lang for o in self.pretasks(AUDIENCE_MUNICIPALITIES)))
        if not made:
            return
        for lang in registry_languages(m, made):
            people = [_person(p) for p in contacts if person_language(self.data, p, made) == lang]
            self.add(
                draft_path(KIND_PRETASK, m.name, lang),
                KIND_PRETASK,
                lang,
                [_registry(m, lang), *people],
                self.pretasks(AUDIENCE_MUNICIPALITIES, lang) + forms,
                municipality=m.name,
                audience=AUDIENCE_MUNICIPALITIES,
            )

    def audience(self, audience: str, people: list[Participant]) -> None:
        files = self.pretasks(audience)
        if not files:
            return
        lang = next(x for x in self.data.languages if any(o.lang == x for o in files))
        self.add(
            draft_path(KIND_PRETASK, audience, lang),
            KIND_PRETASK,
            lang,
            [_person(p) for p in people],
            files,
            audience=audience,
        )

    # ---------------------------------------------------------------- warnings

    def warnings(self) -> list[Problem]:
        result = []
        ordered = sorted(self.missing.values(), key=lambda item: (item[0].registry, item[0].row))
        for member, paths in ordered:
            count = len(paths)
            drafts = "1 sähköpostiluonnos" if count == 1 else f"{count} sähköpostiluonnosta"
            if member.registry:
                where = schema.SHEET_MUNICIPALITIES
                fix = "Lisää osoite sarakkeeseen Kirjaamon sähköposti"
            else:
                where = schema.SHEET_PARTICIPANTS
                fix = "Lisää osoite sarakkeeseen Sähköposti"
            result.append(
                Problem(
                    f"{where}, rivi {member.row}",
                    f"{member.label}: sähköpostiosoite puuttuu, joten vastaanottaja jää pois "
                    f"({drafts}: {', '.join(paths)}). {fix}.",
                    WARNING,
                )
            )
        return result


def plan(data: YearData, outputs: Iterable[Output]) -> Plan:
    """Every mailing of the year, in phase order: pre-tasks, invitations and minutes."""
    planner = _Planner(data, outputs)
    for m in data.municipalities:
        planner.municipality(m)
    planner.audience(AUDIENCE_SERVICES, [p for p in data.participants if p.is_county])
    planner.audience(
        AUDIENCE_NGO, [p for p in data.participants if key(p.organisation) == key(schema.ORG_NGO)]
    )
    for n in data.negotiations:
        planner.invitation(n)
    for n in data.negotiations:
        planner.minutes(n)
    return Plan(tuple(planner.mailings), tuple(planner.warnings()), tuple(planner.skipped))
