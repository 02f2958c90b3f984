"""A rebuild keeps what was sent and what people edited (SPEC §3 "Document dates and rebuilds").

Given what the previous build recorded (``arkistoluettelo.csv``: each file's
checksum and date) and what is in the year folder now, :class:`Rebuild` decides
for every file the build makes:

* **unchanged**: its content is what the previous build made. It keeps the file
  on disk byte for byte, and its date. A file dated by the build date is rendered
  again with the date recorded for it to find out (once per recorded date, every
  document at once); a file dated by what it is (the minutes) is simply compared.
* **changed**: written anew (the output stage backs up the previous version).
* **edited by hand**: its checksum is not what the previous build recorded (or a
  previous build kept it as a hand edit, :mod:`pipeline.output.edits`). It stays
  in place as the record and a warning names it, saying when the workbook now
  holds data the file lacks; ``--replace-edited`` replaces it instead.

The decisions are applied where the output stage settles the files
(:func:`pipeline.documents.plan.make_documents`' ``settle``), before the e-mail
drafts attach them: a draft attaches the file that is in the year folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.contract.outputs import Output
from pipeline.documents.inputs import BuildInputs
from pipeline.documents.plan import make_documents
from pipeline.documents.reuse import STAMPED, Previous
from pipeline.errors import WARNING, Problem
from pipeline.output.archive_list import FILE_NAME, read_archive_list
from pipeline.output.commit import REPLACE_OPTION, backup_root, survey
from pipeline.output.edits import NOTE_NAME, KeptEdit, read_note
from pipeline.output.reproducible import normalize_outputs
from pipeline.output.year_folder import read_regular
from pipeline.render.stamp import unstamped


@dataclass(frozen=True)
class Recorded:
    """What the previous archive list says about one file."""

    sha256: str
    date: dt.date


@dataclass(frozen=True)
class Edited:
    """A generated file edited by hand, and what this build did with it."""

    path: str
    #: replaced (``--replace-edited``; the edited copy is backed up) rather than kept
    replaced: bool
    #: the workbook now holds data the edited file lacks (what the build would make changed)
    stale: bool


def _recorded(target: Path) -> dict[str, Recorded]:
    listing = target / FILE_NAME
    if not listing.is_file():
        return {}
    try:
        rows = read_archive_list(read_regular(listing))
        return {
            r["tiedosto"]: Recorded(r["sha256"].lower(), dt.date.fromisoformat(r["laadittu"]))
            for r in rows
        }
    except (OSError, UnicodeDecodeError, KeyError, ValueError):
        return {}


class Rebuild:
    """The decisions of one build about the files the previous one left (see the module)."""

    def __init__(
        self, inputs: BuildInputs, target: Path, *, merged: Iterable[str], replace_edited: bool
    ) -> None:
        self.target = target
        self.replace_edited = replace_edited
        self.merged = set(merged)
        self.recorded = _recorded(target)
        existing = survey(target)
        self.on_disk = existing.files
        self.notes = read_note(backup_root(target) / NOTE_NAME)
        self._sha: dict[str, str] = {}
        #: the inputs to make the documents from: the stamped documents (Word, and the
        #: workbooks of :mod:`pipeline.documents.reuse`) the previous build left unchanged
        #: may be taken as they are
        self.inputs = dataclasses.replace(
            inputs,
            previous=Previous(
                (
                    (rel, self.on_disk[rel])
                    for rel in self.recorded
                    if rel in self.on_disk and rel not in self.notes and rel not in self.merged
                ),
                self._as_recorded,
            ),
        )
        self._renders: dict[dt.date, dict[str, Output]] = {}
        #: what the build made of a hand-edited file before the edit was put in its place
        self._generated: dict[tuple[dt.date, str], Output] = {}
        self.edited: dict[str, Edited] = {}
        self.kept_edits: dict[str, KeptEdit] = {}
        self._decided: set[str] = set()

    # ------------------------------------------------------------------ what is on disk

    def _disk_sha(self, rel: str) -> str | None:
        if rel not in self.on_disk:
            return None
        if rel not in self._sha:
            self._sha[rel] = hashlib.sha256(read_regular(self.on_disk[rel])).hexdigest()
        return self._sha[rel]

    def _as_recorded(self, rel: str) -> bytes | None:
        """The file ``rel`` on disk, if it is still what the previous archive list records."""
        content = read_regular(self.on_disk[rel])
        self._sha[rel] = hashlib.sha256(content).hexdigest()
        return content if self._sha[rel] == self.recorded[rel].sha256 else None

    def same_file(self, rel: str, sha256: str) -> Path | None:
        """The year folder's file ``rel`` if it holds the bytes ``sha256`` (as read by this
        build): the output stage links it instead of writing them again."""
        return self.on_disk[rel] if self._sha.get(rel) == sha256 else None

    def _restamped(self, o: Output) -> bytes | None:
        """The previous build's file, unchanged since, if ``o`` is it but for its sources
        stamp (:mod:`pipeline.documents.reuse`): the same document made from sources that
        differ only where the document does not show them, or by another version of the
        tool. That file then stays as it is, and every draft attaches it."""
        rel = o.path
        prev = self.recorded.get(rel)
        if not rel.endswith(STAMPED) or prev is None or rel in self.notes:
            return None  # a hand edit kept in place is never the build's own file
        if rel not in self.on_disk or o.sha256 == prev.sha256:
            return None
        disk = self._as_recorded(rel)
        return disk if disk is not None and unstamped(o.content) == unstamped(disk) else None

    def _is_edit(self, rel: str, content: bytes | None) -> bool:
        """The file on disk is a hand edit (``content``: what the build makes; None: unknown)."""
        disk = self._disk_sha(rel)
        if disk is None or rel in self.merged:
            return False
        if content is not None and hashlib.sha256(content).hexdigest() == disk:
            return False  # what the build makes anyway
        if rel in self.notes:
            return True
        if rel in self.recorded:
            return disk != self.recorded[rel].sha256
        return content is not None  # a file of ours the archive list does not know

    # ------------------------------------------------------------------ settling

    def settle(self, outputs: Sequence[Output]) -> list[Output]:
        """The files as this build writes them: stamped, and the decisions applied."""
        when = self.inputs.build_date
        settled = [self._decide(o) for o in self._settle_at(outputs, when)]
        self._decided.update(o.path for o in settled)
        return settled

    def finish(self, outputs: Sequence[Output]) -> list[Output]:
        """All the build's files, the decisions applied to those not settled (the drafts)."""
        return [o if o.path in self._decided else self._decide(o) for o in outputs]

    def _settle_at(self, outputs: Sequence[Output], when: dt.date) -> list[Output]:
        """Stamped with ``when``; hand edits that stay in place put in (drafts attach them)."""
        created = dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC)
        settled = []
        for o in normalize_outputs(list(outputs), created):
            if not self.replace_edited and self._is_edit(o.path, None):
                self._generated[(when, o.path)] = o
                o = dataclasses.replace(o, content=read_regular(self.on_disk[o.path]))
            elif (disk := self._restamped(o)) is not None:
                o = dataclasses.replace(o, content=disk)
            settled.append(o)
        return settled

    def _render(self, when: dt.date) -> dict[str, Output]:
        """Every file as a build dated ``when`` would make it from this workbook (cached)."""
        if when not in self._renders:
            again = dataclasses.replace(self.inputs, build_date=when)
            made = make_documents(again, None, lambda outs: self._settle_at(outs, when))
            self._renders[when] = {o.path: o for o in made.outputs}
        return self._renders[when]

    def _made_at(self, o: Output, when: dt.date) -> Output | None:
        """``o`` as the build made it (before a hand edit took its place) with the date ``when``."""
        if o.date is not None or when == self.inputs.build_date:
            return self._generated.get((self.inputs.build_date, o.path), o)
        again = self._render(when).get(o.path)
        if again is None:
            return None
        return self._generated.get((when, o.path), again)

    def _decide(self, o: Output) -> Output:
        rel = o.path
        prev = self.recorded.get(rel)
        generated = self._generated.get((self.inputs.build_date, rel))
        if self._is_edit(rel, (generated or o).content):
            return self._edit(o, generated or o, prev)
        if prev is None or self._disk_sha(rel) != prev.sha256 or o.date is not None:
            return o  # new, changed (or its recorded copy is gone), or dated by what it is
        if o.sha256 == prev.sha256:
            return dataclasses.replace(o, date=prev.date)
        if prev.date == self.inputs.build_date:
            return o
        again = self._render(prev.date).get(rel)
        if again is not None and again.sha256 == prev.sha256:  # unchanged: keep the file
            # and its record as made then: a title that follows the date (the press
            # release's "who took part") must describe the file that stays
            return dataclasses.replace(
                again, content=read_regular(self.on_disk[rel]), date=prev.date
            )
        return o

    def _edit(self, o: Output, generated: Output, prev: Recorded | None) -> Output:
        """A hand-edited file: kept as it is (noted), or replaced by what the build makes."""
        rel = o.path
        note = self.notes.get(rel)
        if note is not None:
            ref_sha, ref_date = note.made_sha256, note.made_date
        elif prev is not None:
            ref_sha, ref_date = prev.sha256, prev.date
        else:
            ref_sha, ref_date = "", None
        stale = False
        if ref_sha and ref_date is not None:
            made = self._made_at(generated, ref_date)
            stale = made is None or made.sha256 != ref_sha
        self.edited[rel] = Edited(rel, self.replace_edited, stale)
        if self.replace_edited:
            return generated
        disk = self._disk_sha(rel)
        assert disk is not None
        self.kept_edits[rel] = KeptEdit(rel, disk, ref_sha, ref_date)
        date = prev.date if prev is not None else o.date
        return dataclasses.replace(o, content=read_regular(self.on_disk[rel]), date=date)

    # ------------------------------------------------------------------ what to say

    def warnings(self) -> list[Problem]:
        """One warning per hand-edited file kept in place, naming it."""
        found = []
        for e in sorted(self.edited.values(), key=lambda e: e.path):
            if e.replaced:
                continue
            message = (
                "tiedostoa on muokattu käsin edellisen ajon jälkeen, joten se säilytettiin "
                "sellaisenaan asiakirjana eikä sitä korvattu; arkistoluettelossa on sen "
                "nykyinen tarkistussumma ja koko."
            )
            if e.stale:
                message += (
                    " Työkirjassa on nyt tietoja, joita tiedostossa ei ole (esimerkiksi uusia "
                    "päätöksiä): lisää ne tiedostoon käsin, tai aja komento valitsimella "
                    f"{REPLACE_OPTION}, jolloin tiedosto tehdään uudelleen työkirjasta ja "
                    "käsin muokattu versio tallennetaan varmuuskopioksi."
                )
            else:
                message += (
                    f" Valitsin {REPLACE_OPTION} korvaa sen työkirjan mukaisella versiolla "
                    "ja tallentaa käsin muokatun version varmuuskopioksi."
                )
            found.append(Problem(str(self.target / e.path), message, WARNING))
        return found

    def note(self) -> list[KeptEdit]:
        """The hand edits kept in place, for the next build (:mod:`pipeline.output.edits`)."""
        return sorted(self.kept_edits.values(), key=lambda e: e.path)
