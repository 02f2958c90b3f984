"""Stage 3: the year's data as typed records, and the questions documents ask of it.

``validate`` builds the records from the raw sheets and :mod:`pipeline.workbook.load`
hands over one frozen :class:`YearData`; everything after that (contexts, documents,
the tracker) reads only these records and never changes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline.contract import schema
from pipeline.contract.values import key
from pipeline.workbook.records import (
    Decision,
    Municipality,
    Negotiation,
    Note,
    Participant,
    Phenomenon,
    PreviousRow,
    RaisedItem,
    Settings,
    SurveyQuestion,
    SurveyResponse,
    derived_decision_id,
    text_in,
)

if TYPE_CHECKING:  # the reader imports this module; only the type is needed here
    from pipeline.workbook.returned_progress import ReturnedProgress


__all__ = [  # the records are re-exported: one import for every stage
    "Decision",
    "Municipality",
    "MunicipalityIndex",
    "Negotiation",
    "Note",
    "Participant",
    "Phenomenon",
    "PreviousRow",
    "RaisedItem",
    "Settings",
    "SurveyQuestion",
    "SurveyResponse",
    "YearData",
    "derived_decision_id",
    "text_in",
]


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

    @cached_property
    def _participants_by_code(self) -> dict[str, list[Participant]]:
        groups: dict[str, list[Participant]] = {}
        for p in self.participants:
            for code in dict.fromkeys(p.negotiations):
                groups.setdefault(code, []).append(p)
        return groups

    @cached_property
    def _positions(self) -> dict[int, int]:
        """id of each municipality and negotiation -> its place in its sheet's order."""
        places = {id(m): i for i, m in enumerate(self.municipalities)}
        places.update({id(n): i for i, n in enumerate(self.negotiations)})
        return places

    # ---------------------------------------------------------------- lookups

    def position(self, record: Municipality | Negotiation) -> int:
        """Where ``record`` (one of this year's) stands in its sheet; ``list.index`` without the scan."""
        found = self._positions.get(id(record))
        if found is not None:
            return found
        if isinstance(record, Municipality):
            return self.municipalities.index(record)
        return self.negotiations.index(record)

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
        return list(self._participants_by_code.get(negotiation.code, ()))

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

    @cached_property  # asked for each recipient and mailing: worked out once
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
