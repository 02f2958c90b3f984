"""What the minutes (``poytakirja``) record beyond the agenda: attendance, checkers, texts.

SPEC §1 "Minutes data" and §3: once any participant of a negotiation has ``Läsnä``
filled, the minutes list those present under *Läsnä* (experts under *Muut läsnä
olleet*) and the others under *Poissa*; the final minutes' fixed sentences are in
the past tense; an item with neither decisions nor notes is *Merkittiin tiedoksi.*
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.contract import schema
from pipeline.contract.grammar import Lang, join_words
from pipeline.contract.i18n import role_label, t
from pipeline.documents import dates
from pipeline.workbook.model import Negotiation, Participant, YearData

#: roles the minutes name after a person present or absent (a negotiator is the default,
#: an expert is listed under *Muut läsnä olleet*)
_MARKED_ROLES = frozenset(schema.ROLES) - {schema.DEFAULT_ROLE, "asiantuntija"}
#: who the minutes list as *Muut läsnä olleet* / *Övriga närvarande*
OTHER_ROLES = frozenset({"asiantuntija"})


@dataclass(frozen=True)
class Attendance:
    """The participants of one negotiation as its minutes list them."""

    recorded: bool
    present: list[Participant]  # delegation members present (or everyone invited, unrecorded)
    others: list[Participant]  # experts present
    absent: list[Participant]


def attendance(data: YearData, n: Negotiation) -> Attendance:
    people = data.participants_of(n)
    if not data.attendance_recorded(n):
        return Attendance(False, people, [], [])
    here = [p for p in people if p.attended is not None and n.code in p.attended]
    present = {id(p) for p in here}  # by row: two people may share every typed value
    return Attendance(
        True,
        [p for p in here if p.role not in OTHER_ROLES],
        [p for p in here if p.role in OTHER_ROLES],
        [p for p in people if id(p) not in present],
    )


def marks(p: Participant, lang: str) -> str:
    """What follows a person's name in parentheses: ``varajäsen, luottamushenkilö``."""
    words = [role_label(p.role, lang)] if p.role in _MARKED_ROLES else []
    if p.elected:
        words.append(t("elected", lang))
    return ", ".join(words)


def _lang(lang: str) -> Lang:
    return "sv" if lang == "sv" else "fi"


def opening_text(n: Negotiation, lang: str) -> str:
    """``Puheenjohtaja avasi neuvottelun klo 9.00. Todettiin läsnäolijat. …``"""
    at = f" {dates.time_range(n.start, None, lang)}" if n.start else ""
    parts = [t("minutes_opened", lang, at=at), t("minutes_present_noted", lang)]
    if n.checkers:
        names = join_words(n.checkers, _lang(lang))
        one = len(n.checkers) == 1
        parts.append(
            t("minutes_checker_chosen" if one else "minutes_checkers_chosen", lang, names=names)
        )
    parts.append(t("minutes_agenda_approved", lang))
    return " ".join(parts)


def closing_text(n: Negotiation, lang: str) -> str:
    """``Puheenjohtaja päätti neuvottelun klo 11.30.``"""
    at = f" {dates.time_range(n.end, None, lang)}" if n.end else ""
    return t("minutes_closed", lang, at=at)


def checked_date(n: Negotiation, lang: str) -> str:
    """The checking date in a sentence (``20. huhtikuuta 2027``), or ``""``."""
    return dates.date_without_weekday(n.checked, lang) if n.checked else ""
