"""The accessibility check of a PDF copy: tagged, its language, its title shown.

Kept apart from :mod:`.accessibility` so that pypdf is imported only when a PDF is checked.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from pipeline.checks.accessibility import LANGUAGE, LANGUAGES, TAGGED, TITLE, Finding


def check_pdf(name: str, content: bytes) -> list[Finding]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    from pypdf.generic import DictionaryObject

    # pypdf logs what it repairs in English; a broken PDF becomes our own finding instead
    logging.getLogger("pypdf").setLevel(logging.ERROR + 10)
    try:
        reader = PdfReader(io.BytesIO(content))
        root = reader.trailer["/Root"]
        info: Mapping[str, Any] = reader.metadata or {}
        if not isinstance(root, DictionaryObject):
            raise KeyError("/Root")
    except (PdfReadError, KeyError, OSError) as exc:
        raise ValueError(str(exc)) from None
    findings = []
    marked = _entry(_entry(root, "/MarkInfo") or {}, "/Marked") == True  # noqa: E712
    if not marked or "/StructTreeRoot" not in root:  # BooleanObject compares, never bool()
        findings.append(
            Finding(
                name,
                TAGGED,
                "PDF ei ole tagitettu (rakenne puuttuu, ruudunlukija ei tunnista otsikoita "
                "ja taulukoita). Tee PDF komennolla hytetu build --pdf.",
            )
        )
    lang = str(root.get("/Lang", ""))
    if lang not in LANGUAGES:
        findings.append(
            Finding(name, LANGUAGE, f"PDF:n kieli on ”{lang}”, pitää olla fi-FI tai sv-FI.")
        )
    title = str(info.get("/Title", "") or "").strip()
    if not title:
        findings.append(Finding(name, TITLE, "PDF:n ominaisuuksista puuttuu nimeke."))
    shows_title = _entry(_entry(root, "/ViewerPreferences") or {}, "/DisplayDocTitle")
    if shows_title != True:  # noqa: E712 (a pypdf BooleanObject, whose bool() is always True)
        findings.append(
            Finding(name, TITLE, "PDF ei näytä nimekettä ikkunan otsikossa (DisplayDocTitle).")
        )
    return findings


def _entry(dictionary: Any, key: str) -> object:
    """A PDF dictionary's entry, indirect references followed; None when missing."""
    if key not in dictionary:
        return None
    return dictionary[key]  # pypdf's __getitem__ resolves indirect objects, .get does not
