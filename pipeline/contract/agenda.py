"""The agenda's fixed items (SPEC §3) and how a typed ``Asiakohta`` is recognised as one.

Validation warns about an ``Asiakohta`` nothing recognises; the minutes place each
decision under the item it names.
"""

from __future__ import annotations

from functools import cache

from pipeline.contract import schema
from pipeline.contract.i18n import t
from pipeline.contract.values import key

#: the agenda's item keys, in the order of ``schema.AGENDA_ITEMS_FI``
AGENDA_KEYS = ("opening", "plan", "coefficient", "theme", "previous", "followup", "closing")

#: agenda item key -> words that, typed in a decision's `Asiakohta`, mean it
_ITEM_ALIASES = {
    "opening": ("avaus", "osallistujat", "öppnande"),
    "plan": ("suunnitelma", "hyvinvointisuunnitelma", "turvallisuussuunnitelma", "plan", "planen"),
    "coefficient": ("hyte-kerroin", "kerroin", "koefficient", "hyte-koefficienten"),
    "theme": ("teema", "tema"),
    "previous": ("edellinen vuosi", "edellisen vuoden sopimukset", "föregående år"),
    "followup": ("jatkotoimet", "seuranta", "jatkotoimet ja seuranta", "uppföljning"),
    "closing": ("päättäminen", "avslutning"),
}


@cache  # fixed words only: worked out once, not for each of thousands of decisions
def _names() -> tuple[tuple[str, str], ...]:
    names = {key(fi): k for fi, k in zip(schema.AGENDA_ITEMS_FI, AGENDA_KEYS, strict=True)}
    for k in AGENDA_KEYS:
        for lang in ("fi", "sv"):
            title = t(f"item_{k}", lang, theme="").rstrip(": ")
            names.setdefault(key(title), k)
        for alias in _ITEM_ALIASES[k]:
            names.setdefault(key(alias), k)
    return tuple(names.items())


def recognise_agenda_item(text: str) -> str | None:
    """The agenda item a typed ``Asiakohta`` names (title in fi or sv, or a usual word), or None.

    A name matches the whole text or its beginning up to a word boundary:
    ``Teema: liikunta`` is the theme, ``Planering`` is nothing.
    """
    wanted = key(text).rstrip(".")
    for name, item_key in _names():
        if wanted == name or (wanted.startswith(name) and not wanted[len(name)].isalnum()):
            return item_key
    return None
