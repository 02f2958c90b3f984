"""The documents' fixed words, once each: pre-task audiences and tracker statuses.

SPEC §3 fixes both lists; the labels people read live in :mod:`pipeline.contract.i18n`.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.contract import schema
from pipeline.contract.i18n import TEXT, t
from pipeline.contract.values import clean_text, key


class Audience(StrEnum):
    """Who a pre-task (``ennakkotehtava_<audience>_<kieli>``) is for."""

    MUNICIPALITIES = "kunnat"
    SERVICES = "sote"  # sosiaali- ja terveyspalvelut
    NGO = "jarjestot"  # järjestöneuvottelukunta


#: every audience, in the order the pre-tasks are made and mailed
AUDIENCES: tuple[Audience, ...] = tuple(Audience)
#: how the distribution list's mailings name each audience (Finnish, lower case)
MAILING_LABELS: dict[Audience, str] = {
    Audience.MUNICIPALITIES: "kunnat",
    Audience.SERVICES: "sosiaali- ja terveyspalvelut",
    Audience.NGO: "järjestöneuvottelukunta",
}

#: tracker status -> colour (RGB hex) of its bars, in the summary's chart and the tracker's own
STATUS_COLOURS: dict[str, str] = dict(
    zip(schema.TRACKER_STATUSES, ("A6A6A6", "2E75B6", "70AD47", "ED7D31", "595959"), strict=True)
)
#: statuses after which a deadline no longer matters
CLOSED_STATUSES = ("Valmis", "Peruttu")
_BY_KEY = {key(s): s for s in schema.TRACKER_STATUSES}


def canonical_status(typed: object) -> str:
    """A tracker status as the list spells it; empty: the default; unknown: as typed."""
    text = clean_text(typed)
    return _BY_KEY.get(key(text), text) if text else schema.DEFAULT_STATUS


def status_label(status: str, lang: str) -> str:
    """A tracker status in the document's language; an unknown one as typed."""
    name = f"status_{status}"
    return t(name, lang) if name in TEXT else status
