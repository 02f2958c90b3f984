"""Stage 3: the year's data as typed records, and the questions documents ask of it.

``validate`` builds the records from the raw sheets and :mod:`pipeline.workbook.load`
hands over one frozen :class:`YearData`; everything after that (contexts, documents,
the tracker) reads only these records and never changes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline.contract import schema
from pipeline.contract.values import key

if TYPE_CHECKING:  # the reader imports this module; only the type is needed here
    from pipeline.workbook.returned_progress import ReturnedProgress


def text_in(fi: str, sv: str, lang: str) -> str:
    """A text in the document's language: the Swedish twin in ``sv``, when there is one.

    An empty twin falls back to the Finnish text; validation has then warned once per
    column (:mod:`pipeline.workbook.validate.swedish`).
    """
    return sv if lang == "sv" and sv else fi


@dataclass(frozen=True)
class Settings:
    county: str
    county_sv: str
    year: int
    theme: schema.Theme  # Finnish name of the priority
    period: str = schema.DEFAULT_PERIOD
    pretask_deadline: dt.date | None = None
    survey_deadline: dt.date | None = None
    coordinator: str = ""
    coordinator_email: str = ""
    coordinator_phone: str = ""
    previous_tracker: Path | None = None
    record_class: str = ""
    publicity: str = schema.DEFAULT_PUBLICITY
    retention: str = ""

    def county_in(self, lang: str) -> str:
        return self.county_sv if lang == "sv" and self.county_sv else self.county

    def theme_in(self, lang: str) -> str:
        return schema.THEME_SV[self.theme] if lang == "sv" else self.theme


@dataclass(frozen=True)
class Municipality:
    name: str
    name_sv: str
    language: schema.LanguageCode
    service_area: str
    registry_email: str = ""
    row: int = 0
    #: ``Palvelualue ruotsiksi``
    service_area_sv: str = ""

    def name_in(self, lang: str) -> str:
        return self.name_sv if lang == "sv" and self.name_sv else self.name

    @property
    def main_language(self) -> str:
        return schema.DOCUMENT_LANGUAGES[self.language][0]


@dataclass(frozen=True)
class Negotiation:
    code: str
    service_area: str
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    remote: str = ""
    chair: str = ""
    secretary: str = ""
    language: schema.LanguageCode | None = None  # override; None = from the municipalities
    row: int = 0
    #: ``Paikka ruotsiksi``
    place_sv: str = ""

    def place_in(self, lang: str) -> str:
        return text_in(self.place, self.place_sv, lang)

    #: minute checkers by name (``Pöytäkirjan tarkastajat``)
    checkers: tuple[str, ...] = ()
    checked: dt.date | None = None  # Tarkastettu
    invitation_date: dt.date | None = None  # Kutsun päivämäärä
    registration_by: dt.date | None = None  # Ilmoittautuminen


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str
    title: str = ""
    email: str = ""
    phone: str = ""
    role: schema.Role = schema.DEFAULT_ROLE
    elected: bool = False
    #: negotiation codes this person attends (resolved: "kaikki" and empty expanded)
    negotiations: tuple[str, ...] = ()
    #: the municipality this person represents, if any (Finnish name)
    municipality: str | None = None
    row: int = 0
    #: ``Organisaatio ruotsiksi`` (other organisations) and ``Tehtävä ruotsiksi``
    organisation_sv: str = ""
    title_sv: str = ""

    def title_in(self, lang: str) -> str:
        return text_in(self.title, self.title_sv, lang)

    def organisation_in(self, lang: str) -> str:
        """An other organisation's name in ``lang`` (county and NGO: see i18n.organisation_label)."""
        return text_in(self.organisation, self.organisation_sv, lang)

    #: codes of the negotiations attended (``Läsnä``); None when not recorded
    attended: tuple[str, ...] | None = None

    @property
    def is_county(self) -> bool:
        return key(self.organisation) == key(schema.ORG_COUNTY)


@dataclass(frozen=True)
class Phenomenon:
    name: str
    description: str = ""
    for_negotiation: bool = False
    name_sv: str = ""
    description_sv: str = ""

    def name_in(self, lang: str) -> str:
        return text_in(self.name, self.name_sv, lang)

    def description_in(self, lang: str) -> str:
        return text_in(self.description, self.description_sv, lang)


@dataclass(frozen=True)
class SurveyQuestion:
    number: str
    text: str
    answer_type: schema.AnswerType = "teksti"
    choices: tuple[str, ...] = ()
    #: ``Kysymys ruotsiksi``; ``Vaihtoehdot ruotsiksi`` (as many as ``choices``, or none)
    text_sv: str = ""
    choices_sv: tuple[str, ...] = ()

    def text_in(self, lang: str) -> str:
        return text_in(self.text, self.text_sv, lang)

    def choices_in(self, lang: str) -> tuple[str, ...]:
        return self.choices_sv if lang == "sv" and self.choices_sv else self.choices


@dataclass(frozen=True)
class SurveyResponse:
    municipality: str
    #: (question text, answer) in question order
    answers: tuple[tuple[str, str], ...]
    #: where it came from: the row's Kunta cell ("Ennakkokysely!A3") or a file name
    source: str = ""


@dataclass(frozen=True)
class RaisedItem:
    municipality: str
    topic: str
    description: str = ""
    wish: str = ""
    priority: str = ""
    row: int = 0
    topic_sv: str = ""
    description_sv: str = ""
    wish_sv: str = ""


@dataclass(frozen=True)
class Decision:
    id: str  # the register's Tunnus, or a stable derived id
    negotiation: str
    decision: str
    agenda_item: str = ""
    municipality: str = ""  # empty = the whole service area
    follow_up: str = ""
    responsible: str = ""
    forum: str = ""
    monitoring: str = ""
    deadline: dt.date | None = None
    priority: str = ""
    row: int = 0
    id_given: bool = False
    #: the ``… ruotsiksi`` twins of Päätös, Jatkotoimi, Vastuutaho, Yhteistyöfoorumi, Seurantavastuu
    decision_sv: str = ""
    follow_up_sv: str = ""
    responsible_sv: str = ""
    forum_sv: str = ""
    monitoring_sv: str = ""

    def decision_in(self, lang: str) -> str:
        return text_in(self.decision, self.decision_sv, lang)

    def follow_up_in(self, lang: str) -> str:
        return text_in(self.follow_up, self.follow_up_sv, lang)


@dataclass(frozen=True)
class Note:
    """A ``Muistiinpanot`` row: what the minutes record under an agenda item."""

    negotiation: str
    agenda_item: str
    text: str
    text_sv: str = ""
    row: int = 0

    def text_in(self, lang: str) -> str:
        return self.text_sv if lang == "sv" and self.text_sv else self.text


@dataclass(frozen=True)
class PreviousRow:
    """A row of last year's tracker (``Edellisen vuoden seurantataulukko``), values as typed."""

    negotiation: str  # last year's negotiation code (Tunnus), may differ from this year's
    municipality: str  # as in the tracker; the whole area per contract.areas.is_whole_area
    decision: str
    follow_up: str = ""
    status: str = schema.DEFAULT_STATUS  # a schema.Status, or as typed if unknown
    note: str = ""
    deadline: str = ""  # short date, or the text as typed
    updated: str = ""
    id: str = ""
    priority: str = ""
    row: int = 0  # row number in the tracker sheet


def derived_decision_id(negotiation: str, municipality: str, decision: str) -> str:
    """An id that depends only on what the decision is, not on where its row stands."""
    digest = hashlib.sha256(
        "\x1f".join((key(negotiation), key(municipality), key(decision))).encode()
    ).hexdigest()
    return f"auto-{digest[:10]}"


class MunicipalityIndex:
    """The one lookup of a municipality by its Finnish or Swedish name (``Kunta ruotsiksi``).

    Names compare by :func:`~pipeline.contract.values.key`. A Finnish name wins over
    another municipality's Swedish name; of two equal names, the first row wins.
    Validation uses it before there is a :class:`YearData`; :meth:`YearData.municipality`
    is the same lookup.
    """

    def __init__(self, municipalities: Iterable[Municipality]) -> None:
        self._fi: dict[str, Municipality] = {}
        self._sv: dict[str, Municipality] = {}
        for m in municipalities:
            self._fi.setdefault(key(m.name), m)
            if m.name_sv:
                self._sv.setdefault(key(m.name_sv), m)

    def get(self, name: str) -> Municipality | None:
        wanted = key(name)
        if not wanted:
            return None
        return self._fi.get(wanted) or self._sv.get(wanted)


T = TypeVar("T")


def _grouped(items: Iterable[T], by: Callable[[T], str]) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(by(item), []).append(item)
    return groups


@dataclass(frozen=True)
class YearData:
    """Everything the documents need, read and validated; never changed afterwards.

    Sequences are tuples (lists given are turned into tuples), so a later stage
    cannot add to what was validated; make a changed copy with ``dataclasses.replace``.
    """

    settings: Settings
    municipalities: tuple[Municipality, ...]
    negotiations: tuple[Negotiation, ...]
    participants: tuple[Participant, ...]
    phenomena: tuple[Phenomenon, ...] = ()
    questions: tuple[SurveyQuestion, ...] = ()
    #: the ``Ennakkokysely`` sheet's responses, then the returned forms' (``kyselyvastaukset/``)
    responses: tuple[SurveyResponse, ...] = ()
    raised: tuple[RaisedItem, ...] = ()
    decisions: tuple[Decision, ...] = ()
    notes: tuple[Note, ...] = ()
    #: optional sheets that were present in the workbook
    sheets_present: frozenset[str] = frozenset()
    workbook: Path | None = None
    #: when the workbook was last saved (its own properties), if known
    saved: dt.datetime | None = None
    #: last year's tracker rows (``Edellisen vuoden seurantataulukko``); None when not given
    previous: tuple[PreviousRow, ...] | None = None
    #: progress forms returned into ``seurantavastaukset/``, one per municipality, by file
    progress: tuple[ReturnedProgress, ...] = ()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                object.__setattr__(self, f.name, tuple(value))

    # ---------------------------------------------------------------- indexes
    # Documents ask these questions thousands of times at national scale; each
    # index is built on first use and kept with this (immutable) instance.

    @cached_property
    def _municipality_index(self) -> MunicipalityIndex:
        return MunicipalityIndex(self.municipalities)

    @cached_property
    def _negotiations_by_code(self) -> dict[str, list[Negotiation]]:
        return _grouped(self.negotiations, lambda n: key(n.code))

    @cached_property
    def _negotiations_by_area(self) -> dict[str, list[Negotiation]]:
        return _grouped(self.negotiations, lambda n: key(n.service_area))

    @cached_property
    def _municipalities_by_area(self) -> dict[str, list[Municipality]]:
        return _grouped(self.municipalities, lambda m: key(m.service_area))

    @cached_property
    def _raised_by_municipality(self) -> dict[str, list[RaisedItem]]:
        return _grouped(self.raised, lambda r: key(r.municipality))

    @cached_property
    def _decisions_by_negotiation(self) -> dict[str, list[Decision]]:
        return _grouped(self.decisions, lambda d: key(d.negotiation))

    @cached_property
    def _responses_by_municipality(self) -> dict[str, list[SurveyResponse]]:
        return _grouped(self.responses, lambda r: key(r.municipality))

    # ---------------------------------------------------------------- lookups

    def municipality(self, name: str) -> Municipality | None:
        """The municipality named ``name`` in Finnish or in Swedish (see :class:`MunicipalityIndex`)."""
        return self._municipality_index.get(name)

    def negotiation(self, code: str) -> Negotiation | None:
        found = self._negotiations_by_code.get(key(code))
        return found[0] if found else None

    def municipalities_of(self, negotiation: Negotiation) -> list[Municipality]:
        return list(self._municipalities_by_area.get(key(negotiation.service_area), ()))

    def negotiation_of(self, municipality: Municipality) -> Negotiation | None:
        found = self._negotiations_by_area.get(key(municipality.service_area))
        return found[0] if found else None

    def service_area_in(self, area: str, lang: str) -> str:
        """A service area's name in ``lang``: the first ``Palvelualue ruotsiksi`` of its municipalities."""
        if lang == "sv":
            for m in self._municipalities_by_area.get(key(area), ()):
                if m.service_area_sv:
                    return m.service_area_sv
        return area

    def participants_of(self, negotiation: Negotiation) -> list[Participant]:
        return [p for p in self.participants if negotiation.code in p.negotiations]

    def languages_of(self, negotiation: Negotiation) -> tuple[str, ...]:
        """fi and/or sv, in that order, as SPEC §1 ``Neuvottelut`` says."""
        needed: set[str]
        if negotiation.language:
            needed = set(schema.DOCUMENT_LANGUAGES[negotiation.language])
        else:
            needed = {
                lang
                for m in self.municipalities_of(negotiation)
                for lang in schema.DOCUMENT_LANGUAGES[m.language]
            }
        return _in_order(needed)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language any document of the year is made in."""
        needed = {lang for n in self.negotiations for lang in self.languages_of(n)}
        needed |= {schema.DOCUMENT_LANGUAGES[m.language][0] for m in self.municipalities}
        return _in_order(needed)

    def raised_of(self, negotiation: Negotiation) -> list[RaisedItem]:
        by_name = self._raised_by_municipality
        return [
            r for m in self.municipalities_of(negotiation) for r in by_name.get(key(m.name), ())
        ]

    def decisions_of(self, negotiation: Negotiation) -> list[Decision]:
        return list(self._decisions_by_negotiation.get(key(negotiation.code), ()))

    def notes_of(self, negotiation: Negotiation) -> list[Note]:
        return [x for x in self.notes if key(x.negotiation) == key(negotiation.code)]

    def attendance_recorded(self, negotiation: Negotiation) -> bool:
        return any(p.attended is not None for p in self.participants_of(negotiation))

    def responses_of(self, municipality: Municipality) -> list[SurveyResponse]:
        return list(self._responses_by_municipality.get(key(municipality.name), ()))


def _in_order(needed: set[str]) -> tuple[str, ...]:
    """fi before sv; Finnish when nothing asks for a language."""
    langs: tuple[str, ...] = ("fi", "sv")
    return tuple(lang for lang in langs if lang in needed) or ("fi",)
