"""Archive metadata the build decides for every file, whichever producer made it.

``henkilotietoja`` (personal data, JHS 191) must say ``kyllä`` for every
document that names a person. Producers set the flag for what they know they
print; :func:`mark_personal_data` is the safety net over all outputs: a
document in which a person of the workbook appears by name is marked, so a
new document type or a template edited to show more people is never listed
as free of personal data.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeAlias
from xml.sax.saxutils import escape

from pipeline.contract.outputs import Output
from pipeline.workbook.model import YearData

#: the parts of a Word or Excel package that hold what a reader sees
_TEXT_PARTS = re.compile(
    r"^(word/(document|header\d*|footer\d*)|xl/(sharedStrings|worksheets/sheet\d+))\.xml$"
)

#: one byte per level; key -1 marks the end of a name
_Trie: TypeAlias = dict[int, "_Trie"]


def people(data: YearData) -> set[str]:
    """Every person's name the workbook holds: participants, chairs, secretaries, coordinator."""
    names = {p.name for p in data.participants}
    names |= {n for neg in data.negotiations for n in (neg.chair, neg.secretary)}
    names.add(data.settings.coordinator)
    return {n.strip() for n in names if n and len(n.strip()) > 2}


def name_pattern(names: Iterable[str]) -> re.Pattern[bytes] | None:
    """One regular expression finding any of ``names`` as a file holds them (XML-escaped UTF-8).

    The names are laid out as a trie (``An(?:na|tti)``), so a document is scanned
    once whatever the number of people, instead of once per name. A name that
    starts with another one is left out: the shorter one is found first anyway.
    None when there are no names.
    """
    trie: _Trie = {}
    for name in names:
        node = trie
        for byte in escape(name).encode():
            node = node.setdefault(byte, {})
        node[-1] = {}  # a name ends here
    if not trie:
        return None

    def branch(node: _Trie) -> bytes:
        if -1 in node:  # a whole name: what follows need not match
            return b""
        alternatives = [re.escape(bytes([b])) + branch(node[b]) for b in sorted(node)]
        if len(alternatives) == 1:
            return alternatives[0]
        return b"(?:" + b"|".join(alternatives) + b")"

    return re.compile(branch(trie))


def names_someone(content: bytes, names: Iterable[str] | re.Pattern[bytes] | None) -> bool:
    """Whether a .docx or .xlsx shows one of ``names`` (as typed, XML-escaped in the file).

    ``names``: the names, or their :func:`name_pattern` (compile once for many files).
    """
    pattern = names if isinstance(names, re.Pattern | None) else name_pattern(names)
    if pattern is None:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            for info in zf.infolist():
                if _TEXT_PARTS.match(info.filename) and pattern.search(zf.read(info)):
                    return True
    except zipfile.BadZipFile:
        return False
    return False


#: text formats that hold names and addresses as written (calendar files, e-mail drafts)
_ADDRESSED = (".ics", ".eml")


def mark_personal_data(outputs: list[Output], data: YearData) -> list[Output]:
    """``outputs`` with ``personal_data`` set on every document that names a person.

    A draft (``.eml``) always names its recipients; a calendar file (``.ics``)
    is marked when it holds a person's name or an e-mail address (its organizer).
    """
    return list(map(personal_data_marker(data), outputs))


def personal_data_marker(data: YearData) -> Callable[[Output], Output]:
    """:func:`mark_personal_data` for one output at a time (the names compiled once)."""
    pattern = name_pattern(people(data))

    def mark(out: Output) -> Output:
        if not out.personal_data and _names_someone(out, pattern):
            return replace(out, personal_data=True)
        return out

    return mark


def _names_someone(out: Output, pattern: re.Pattern[bytes] | None) -> bool:
    path = out.path.lower()
    if path.endswith(".eml"):
        return True
    if path.endswith(_ADDRESSED):
        text = out.content.replace(b"\r\n ", b"")  # unfolded lines
        return b"mailto:" in text or (pattern is not None and pattern.search(text) is not None)
    return path.endswith((".docx", ".xlsx")) and names_someone(out.content, pattern)
