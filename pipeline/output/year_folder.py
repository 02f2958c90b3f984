"""What the year folder holds now, read without ever following a link.

A symbolic link (or a Windows junction) in the year folder could point at any
file the coordinator can read; copying it through would put that file into the
shared output. So links are never followed: the walk lists them instead of
descending into them, and the build refuses while any is there
(:func:`check_links`), naming each link and never reading its target.
"""

from __future__ import annotations

import csv
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pipeline.contract.naming import is_lock_file, lock_owner
from pipeline.errors import OutputProblem
from pipeline.output.archive_list import FILE_NAME, read_archive_list

_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


def is_link(path: Path) -> bool:
    """A symbolic link, or a junction or other reparse point (Windows); never followed."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_file_attributes", 0) & _REPARSE_POINT)


def _entry_is_link(entry: os.DirEntry[str]) -> bool:
    """:func:`is_link` of a folder entry; on POSIX from the entry itself (no system call)."""
    if os.name != "nt":  # junctions and other reparse points are Windows'
        try:
            return entry.is_symlink()
        except OSError:
            return False
    return is_link(Path(entry.path))


def walk(root: Path) -> tuple[list[Path], list[Path]]:
    """(regular files, links) under ``root``, sorted; links are listed, not entered."""
    files: list[Path] = []
    links: list[Path] = []
    if not root.is_dir() or is_link(root):
        return files, links
    pending = [root]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                if _entry_is_link(entry):
                    links.append(path)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif entry.is_file(follow_symlinks=False):
                    files.append(path)
    return sorted(files), sorted(links)


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def check_links(target: Path) -> None:
    """:class:`OutputProblem` naming every link in (or as) the year folder."""
    if is_link(target):
        raise OutputProblem(
            f"{target}: vuoden kansio on symbolinen linkki tai liitoskohta. Ohjelma ei seuraa "
            "linkkejä: korvaa linkki tavallisella kansiolla tai anna toinen kansio "
            "valitsimella --out. Mitään ei kirjoitettu."
        )
    _refuse_links(walk(target)[1])


def _refuse_links(links: list[Path]) -> None:
    if not links:
        return
    lines = [
        f"{link}: symbolinen linkki tai liitoskohta; ohjelma ei seuraa linkkejä eikä kopioi "
        "niiden kohdetta tulosteisiin."
        for link in links
    ]
    lines.append(
        "Poista linkit tai korvaa ne tiedostojen kopioilla ja aja komento uudelleen. "
        "Mitään ei kirjoitettu; aiemmat tulosteet ovat ennallaan."
    )
    raise OutputProblem("\n".join(lines))


def locked_files(target: Path, files: list[Path] | None = None) -> list[tuple[str, str]]:
    """(file that is open, its lock file) for every lock file in the year folder
    (``files``: its regular files, if walked already)."""
    found = []
    for lock in walk(target)[0] if files is None else files:
        owner = lock_owner(lock.name)
        if owner is None:
            continue
        # Word shortens long names in its lock file: ~$ replaces the first characters
        siblings = [
            p
            for p in lock.parent.iterdir()
            if not is_lock_file(p.name) and not is_link(p) and p.is_file()
        ]
        match = next((p for p in siblings if p.name == owner), None) or next(
            (p for p in siblings if p.name.endswith(owner) and len(p.name) - len(owner) <= 2),
            None,
        )
        shown = relative(target, match) if match else relative(target, lock)
        found.append((shown, relative(target, lock)))
    return found


def check_locks(target: Path, files: list[Path] | None = None) -> None:
    """:class:`OutputProblem` naming every file of the year folder that is open elsewhere
    (``files``: its regular files, if walked already)."""
    locks = locked_files(target, files)
    if not locks:
        return
    lines = [
        f"{target / shown}: tiedosto on auki toisessa ohjelmassa (lukitustiedosto {lock})."
        for shown, lock in locks
    ]
    lines.append(
        "Sulje tiedostot (Excel, Word, LibreOffice) ja aja komento uudelleen. Jos mikään "
        "ohjelma ei pidä niitä auki, lukitustiedosto on jäänyt kaatuneesta ohjelmasta: "
        "poista se. Mitään ei kirjoitettu; aiemmat tulosteet ovat ennallaan."
    )
    raise OutputProblem("\n".join(lines))


def check_target(target: Path) -> None:
    """The year folder can be replaced: no links in it, no file in it open elsewhere
    (one walk of the folder for both)."""
    if is_link(target):
        check_links(target)  # refuses the folder itself
    files, links = walk(target)
    _refuse_links(links)
    check_locks(target, files)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading, refusing (OSError) if it has become a link meanwhile."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    return os.fdopen(fd, "rb")


def read_regular(path: Path) -> bytes:
    with open_regular(path) as f:
        return f.read()


@dataclass
class Existing:
    """The year folder as a previous build and people left it."""

    #: relative path -> sha256 the previous build recorded in the archive list
    recorded: dict[str, str]
    #: every file in the folder (relative path -> absolute path), the archive list excluded
    files: dict[str, Path]
    #: whether an archive list was found and read
    has_archive_list: bool
    #: relative path -> sha256 of the file now, each file read once (see :meth:`sha256`)
    _sha: dict[str, str] = field(default_factory=dict)

    def sha256(self, rel: str) -> str:
        """The checksum of ``self.files[rel]`` as it is now; read once per survey."""
        found = self._sha.get(rel)
        if found is None:
            found = self._sha[rel] = sha256(self.files[rel])
        return found

    def edited(self) -> list[str]:
        """Generated files whose content is no longer what the build wrote."""
        return sorted(
            rel
            for rel, sha in self.recorded.items()
            if rel in self.files and self.sha256(rel) != sha
        )

    def added(self) -> list[str]:
        """Files people put into the folder themselves."""
        return sorted(rel for rel in self.files if rel not in self.recorded)


def survey(target: Path) -> Existing:
    """Read what is in the year folder now (nothing when it does not exist)."""
    if not target.is_dir() or is_link(target):
        return Existing({}, {}, False)
    recorded: dict[str, str] = {}
    listing = target / FILE_NAME
    has_list = False
    regular = walk(target)[0]
    if listing in regular:
        try:
            for row in read_archive_list(read_regular(listing)):
                rel, sha = (row.get("tiedosto") or "").strip(), (row.get("sha256") or "").strip()
                if rel and sha:
                    recorded[rel] = sha.lower()
            has_list = bool(recorded)
        except (OSError, UnicodeDecodeError, csv.Error):
            recorded, has_list = {}, False
    files = {relative(target, p): p for p in regular if not is_lock_file(p.name) and p != listing}
    return Existing(recorded, files, has_list)
