""" "The whole service area": one definition, in both languages (SPEC §1 ``Päätökset.Kunta``).

A decision with an empty ``Kunta`` concerns the whole service area; the tracker writes
such rows as ``Koko palvelualue``, and a Swedish tracker or last year's rows may say
``Hela serviceområdet``. Every stage asks :func:`is_whole_area`.
"""

from __future__ import annotations

from pipeline.contract.values import key

#: how the whole service area is written, by language
WHOLE_AREA_LABELS = {"fi": "Koko palvelualue", "sv": "Hela serviceområdet"}
_WHOLE_AREA_KEYS = frozenset({"", *(key(label) for label in WHOLE_AREA_LABELS.values())})


def is_whole_area(municipality: str) -> bool:
    """True for an empty ``Kunta`` and for "whole service area" in Finnish or Swedish."""
    return key(municipality) in _WHOLE_AREA_KEYS


def whole_area_label(lang: str) -> str:
    return WHOLE_AREA_LABELS["sv" if lang == "sv" else "fi"]
