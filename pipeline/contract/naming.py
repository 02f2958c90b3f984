"""File names: ASCII, lowercase, no spaces, never outside the output folder."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "ü": "u", "ß": "ss", "æ": "ae", "ø": "o"})
#: names Windows will not create, whatever the extension
_RESERVED = (
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def slug(text: str, max_length: int = 40) -> str:
    """``"Etelä / Saaristo"`` -> ``"etela-saaristo"``; ``""`` if nothing usable is left."""
    text = text.casefold().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:max_length].strip("-")
    if text in _RESERVED:
        text = f"{text}_"
    return text


def document_name(doc_type: str, *parts: str, ext: str) -> str:
    """``document_name("kutsu", "pohjoinen", "fi", ext="docx")`` -> ``kutsu_pohjoinen_fi.docx``."""
    pieces = [doc_type, *(p for p in parts if p)]
    return "_".join(pieces) + "." + ext


#: the phase folder each document type goes into, under DIR/<Vuosi>/
PHASE_FOLDERS = {
    "ennakkotehtava": "1_ennakko",
    "ennakkokysely": "1_ennakko",
    "kutsu": "2_valmistelu",
    "asialista": "2_valmistelu",
    "ennakkomateriaali": "2_valmistelu",
    "poytakirja": "3_neuvottelut",
    "seurantataulukko": "4_seuranta",
    "tiedote": "4_seuranta",
    "jakelulista": "4_seuranta",
    "yhteenveto": "4_seuranta",
    "seurantalomake": "4_seuranta",
    "kalenterikutsu": "2_valmistelu",
    "sahkopostiluonnos": "viestit",
}


def output_path(doc_type: str, *parts: str, ext: str) -> str:
    """Path relative to DIR/<Vuosi>/: ``2_valmistelu/kutsu_pohjoinen_fi.docx``."""
    clean = [slug(p) for p in parts if p]
    return f"{PHASE_FOLDERS[doc_type]}/{document_name(doc_type, *clean, ext=ext)}"


def lock_owner(name: str) -> str | None:
    """The file a lock file stands for: ``~$name`` (Office), ``.~lock.name#`` (LibreOffice).

    ``None`` when ``name`` is no lock file. Word shortens long names in its lock
    file (``~$`` replaces the first characters), so the owner may be a tail.
    """
    if name.startswith("~$"):
        return name[2:]
    if name.startswith(".~lock.") and name.endswith("#"):
        return name[len(".~lock.") : -1]
    return None


def is_lock_file(name: str) -> bool:
    """Whether ``name`` is a lock file Excel, Word or LibreOffice keeps beside an open file."""
    return lock_owner(name) is not None
