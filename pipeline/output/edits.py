"""Hand-edited files kept as the record (SPEC §3 "Document dates and rebuilds").

A generated file edited by hand after the build is never overwritten: it stays in
the year folder, and the archive list records its real checksum. So that the next
build still knows it is a hand edit (and not a file it made), the build keeps a
note of it beside the backups, ``DIR/varmuuskopiot/<Vuosi>/kasin-muokatut.csv``:
per file the checksum of the edited file, and the checksum and date of what the
build had made of the workbook when the edit was found. A later build compares
what it would make now with that, to say when the workbook holds data the edited
file lacks. ``--replace-edited`` replaces the file (the edited copy is backed up)
and drops its note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

NOTE_NAME = "kasin-muokatut.csv"
COLUMNS = ("tiedosto", "sha256", "tehty_sha256", "tehty_laadittu")


@dataclass(frozen=True)
class KeptEdit:
    """A hand-edited file kept in place, and what the build had made when it was found."""

    path: str
    #: the edited file's checksum
    sha256: str
    #: what the build had made (its checksum and date); empty when unknown
    made_sha256: str = ""
    made_date: dt.date | None = None


def read_note(path: Path) -> dict[str, KeptEdit]:
    """The kept edits a previous build noted; nothing if the note is missing or unreadable."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        found: dict[str, KeptEdit] = {}
        for row in csv.DictReader(io.StringIO(text), delimiter=";"):
            rel, sha = (row.get("tiedosto") or "").strip(), (row.get("sha256") or "").strip()
            if not rel or not sha:
                continue
            day = (row.get("tehty_laadittu") or "").strip()
            found[rel] = KeptEdit(
                rel,
                sha.lower(),
                (row.get("tehty_sha256") or "").strip().lower(),
                dt.date.fromisoformat(day) if day else None,
            )
        return found
    except (OSError, UnicodeDecodeError, ValueError, csv.Error):
        return {}


def note(edits: list[KeptEdit]) -> bytes:
    """The note's bytes: UTF-8 with BOM, ``;``-separated, CRLF, like the archive list."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in sorted(edits, key=lambda e: e.path):
        made = e.made_date.isoformat() if e.made_date else ""
        writer.writerow((e.path, e.sha256, e.made_sha256, made))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
