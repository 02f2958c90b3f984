"""Stage 3: the year's data as typed records, and the questions documents ask of it.

``validate`` builds a :class:`YearData` from the raw sheets; everything after
that (contexts, documents, the tracker) reads only these records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.contract import schema
from pipeline.contract.values import key


@dataclass(frozen=True)
class Settings:
    county: str
    county_sv: str
    year: int
    theme: str  # Finnish name of the priority
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
    language: str  # fi, sv, fi-sv, sv-fi
    service_area: str
    registry_email: str = ""
    row: int = 0

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
    language: str | None = None  # override; None = from the municipalities
    row: int = 0


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str
    title: str = ""
    email: str = ""
    phone: str = ""
    role: str = schema.DEFAULT_ROLE
    elected: bool = False
    #: negotiation codes this person attends (resolved: "kaikki" and empty expanded)
    negotiations: tuple[str, ...] = ()
    #: the municipality this person represents, if any (Finnish name)
    municipality: str | None = None
    row: int = 0

    @property
    def is_county(self) -> bool:
        return key(self.organisation) == key(schema.ORG_COUNTY)


@dataclass(frozen=True)
class Phenomenon:
    name: str
    description: str = ""
    for_negotiation: bool = False


@dataclass(frozen=True)
class SurveyQuestion:
    number: str
    text: str
    answer_type: str = "teksti"
    choices: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class PreviousRow:
    """A row of last year's tracker (``Edellisen vuoden seurantataulukko``), values as typed."""

    negotiation: str  # last year's negotiation code (Tunnus), may differ from this year's
    municipality: str  # Finnish name as in the tracker; "" or "Koko palvelualue" = whole area
    decision: str
    follow_up: str = ""
    status: str = schema.DEFAULT_STATUS  # a TRACKER_STATUSES value, or as typed if unknown
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


@dataclass
class YearData:
    settings: Settings
    municipalities: list[Municipality]
    negotiations: list[Negotiation]
    participants: list[Participant]
    phenomena: list[Phenomenon] = field(default_factory=list)
    questions: list[SurveyQuestion] = field(default_factory=list)
    responses: list[SurveyResponse] = field(default_factory=list)
    raised: list[RaisedItem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    #: optional sheets that were present in the workbook
    sheets_present: frozenset[str] = frozenset()
    workbook: Path | None = None
    #: when the workbook was last saved (its own properties), if known
    saved: dt.datetime | None = None
    #: last year's tracker rows (``Edellisen vuoden seurantataulukko``); None when not given
    previous: list[PreviousRow] | None = None

    _index_cache: dict[str, tuple[list, int, dict]] = field(
        default_factory=dict, repr=False, compare=False
    )

    # ---------------------------------------------------------------- lookups

    def _index(self, name: str, items: list, by: Callable[[Any], str]) -> dict[str, list]:
        """``items`` grouped by ``by``; rebuilt when the list is replaced or grows.

        Documents ask these questions thousands of times at national scale.
        """
        cached = self._index_cache.get(name)
        if cached is None or cached[0] is not items or cached[1] != len(items):
            groups: dict[str, list] = {}
            for item in items:
                groups.setdefault(by(item), []).append(item)
            cached = self._index_cache[name] = (items, len(items), groups)
        return cached[2]

    def municipality(self, name: str) -> Municipality | None:
        """The municipality named ``name`` in Finnish or in Swedish (``Kunta ruotsiksi``)."""
        wanted = key(name)
        if not wanted:
            return None
        found = self._index("m", self.municipalities, lambda m: key(m.name)).get(wanted)
        if not found:
            found = self._index("m-sv", self.municipalities, lambda m: key(m.name_sv)).get(wanted)
        return found[0] if found else None

    def negotiation(self, code: str) -> Negotiation | None:
        found = self._index("n", self.negotiations, lambda n: key(n.code)).get(key(code))
        return found[0] if found else None

    def municipalities_of(self, negotiation: Negotiation) -> list[Municipality]:
        areas = self._index("m-area", self.municipalities, lambda m: key(m.service_area))
        return list(areas.get(key(negotiation.service_area), ()))

    def negotiation_of(self, municipality: Municipality) -> Negotiation | None:
        areas = self._index("n-area", self.negotiations, lambda n: key(n.service_area))
        found = areas.get(key(municipality.service_area))
        return found[0] if found else None

    def participants_of(self, negotiation: Negotiation) -> list[Participant]:
        return [p for p in self.participants if negotiation.code in p.negotiations]

    def languages_of(self, negotiation: Negotiation) -> tuple[str, ...]:
        """fi and/or sv, in that order, as SPEC §1 ``Neuvottelut`` says."""
        if negotiation.language:
            needed = set(schema.DOCUMENT_LANGUAGES[negotiation.language])
        else:
            needed = {
                lang
                for m in self.municipalities_of(negotiation)
                for lang in schema.DOCUMENT_LANGUAGES[m.language]
            }
        return tuple(lang for lang in ("fi", "sv") if lang in needed) or ("fi",)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language any document of the year is made in."""
        needed = {lang for n in self.negotiations for lang in self.languages_of(n)}
        needed |= {schema.DOCUMENT_LANGUAGES[m.language][0] for m in self.municipalities}
        return tuple(lang for lang in ("fi", "sv") if lang in needed) or ("fi",)

    def raised_of(self, negotiation: Negotiation) -> list[RaisedItem]:
        by_name = self._index("raised", self.raised, lambda r: key(r.municipality))
        return [
            r for m in self.municipalities_of(negotiation) for r in by_name.get(key(m.name), ())
        ]

    def decisions_of(self, negotiation: Negotiation) -> list[Decision]:
        by_code = self._index("decisions", self.decisions, lambda d: key(d.negotiation))
        return list(by_code.get(key(negotiation.code), ()))

    def responses_of(self, municipality: Municipality) -> list[SurveyResponse]:
        by_name = self._index("responses", self.responses, lambda r: key(r.municipality))
        return list(by_name.get(key(municipality.name), ()))
