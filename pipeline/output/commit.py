"""Stage 5: put the build in place, all of it or nothing, and lose nothing people made.

Files are written into a staging folder next to the target and moved into
place at the end; a crash or an error before that leaves the previous output
exactly as it was. Before anything moves:

* a file that is open in another program (an Office ``~$`` or LibreOffice
  ``.~lock.`` lock file beside it) stops the build;
* a generated file changed by hand after the build (its SHA-256 differs from
  what the old ``arkistoluettelo.csv`` recorded) stops the build, unless the
  user asked to replace such files; then a copy is kept as a backup;
* files people added to the year folder are carried over into the new one;
* the previous tracker (merged into the new one, see :mod:`pipeline.merge`)
  is kept as a backup whenever its content changes.

Backups go to ``DIR/varmuuskopiot/<Vuosi>/``, outside the year folder, named
``<name>_<first 8 of sha256>.<ext>``: the year folder stays exactly what the
archive list describes.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.contract.naming import is_lock_file, lock_owner
from pipeline.errors import OutputProblem, os_reason
from pipeline.output.archive_list import FILE_NAME, read_archive_list

BACKUP_FOLDER = "varmuuskopiot"
#: the command-line option that replaces hand-edited files (cli.py defines it)
REPLACE_OPTION = "--korvaa-muokatut"


@dataclass
class WriteReport:
    """What writing the build did besides writing the new files."""

    #: files people added to the year folder, carried over (relative paths)
    kept: list[str] = field(default_factory=list)
    #: hand-edited files that were replaced; their copies are in ``backups``
    replaced: list[str] = field(default_factory=list)
    #: backup copies made in this build
    backups: list[Path] = field(default_factory=list)
    #: files the previous build made that this one no longer makes; their copies are in ``backups``
    dropped: list[str] = field(default_factory=list)


def backup_root(target: Path) -> Path:
    """``DIR/varmuuskopiot/<Vuosi>`` for the year folder ``DIR/<Vuosi>``."""
    return target.parent / BACKUP_FOLDER / target.name


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def locked_files(target: Path) -> list[tuple[str, str]]:
    """(file that is open, its lock file) for every lock file in the year folder."""
    if not target.is_dir():
        return []
    found = []
    for lock in sorted(target.rglob("*")):
        owner = lock_owner(lock.name)
        if owner is None or not lock.is_file():
            continue
        # Word shortens long names in its lock file: ~$ replaces the first characters
        siblings = [p for p in lock.parent.iterdir() if not is_lock_file(p.name) and p.is_file()]
        match = next((p for p in siblings if p.name == owner), None) or next(
            (p for p in siblings if p.name.endswith(owner) and len(p.name) - len(owner) <= 2),
            None,
        )
        shown = _relative(target, match) if match else _relative(target, lock)
        found.append((shown, _relative(target, lock)))
    return found


def check_locks(target: Path) -> None:
    """:class:`OutputProblem` naming every file of the year folder that is open elsewhere."""
    locks = locked_files(target)
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


@dataclass
class Existing:
    """The year folder as a previous build and people left it."""

    #: relative path -> sha256 the previous build recorded in the archive list
    recorded: dict[str, str]
    #: every file in the folder (relative path -> absolute path), the archive list excluded
    files: dict[str, Path]
    #: whether an archive list was found and read
    has_archive_list: bool

    def edited(self) -> list[str]:
        """Generated files whose content is no longer what the build wrote."""
        return sorted(
            rel
            for rel, sha in self.recorded.items()
            if rel in self.files and _sha256(self.files[rel]) != sha
        )

    def added(self) -> list[str]:
        """Files people put into the folder themselves."""
        return sorted(rel for rel in self.files if rel not in self.recorded)


def survey(target: Path) -> Existing:
    """Read what is in the year folder now (nothing when it does not exist)."""
    if not target.is_dir():
        return Existing({}, {}, False)
    recorded: dict[str, str] = {}
    listing = target / FILE_NAME
    has_list = False
    if listing.is_file():
        try:
            for row in read_archive_list(listing.read_bytes()):
                rel, sha = (row.get("tiedosto") or "").strip(), (row.get("sha256") or "").strip()
                if rel and sha:
                    recorded[rel] = sha.lower()
            has_list = bool(recorded)
        except (OSError, UnicodeDecodeError, csv.Error):
            recorded, has_list = {}, False
    files = {
        _relative(target, p): p
        for p in sorted(target.rglob("*"))
        if p.is_file() and not is_lock_file(p.name) and p != listing
    }
    return Existing(recorded, files, has_list)


def _backup(root: Path, relative: str, source: Path, sha: str) -> Path | None:
    """Copy ``source`` to ``root/<relative with _sha8 before the suffix>``; None if already there."""
    rel = Path(relative)
    path = root / rel.parent / f"{rel.stem}_{sha[:8]}{rel.suffix}"
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".varmuuskopio-", dir=path.parent)
    os.close(handle)
    try:
        shutil.copyfile(source, temp)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp's 0600 would hide it from colleagues
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _conflict_message(target: Path, existing: Existing, conflicts: list[str]) -> str:
    edited = set(existing.edited())
    lines = []
    for rel in conflicts:
        if rel in edited:
            why = "muokattu käsin edellisen buildin jälkeen (tarkistussumma ei täsmää arkistoluetteloon)"
        elif existing.has_archive_list:
            why = "ei ole arkistoluettelossa, mutta build tekisi samannimisen tiedoston"
        else:
            why = (
                "arkistoluettelo puuttuu, joten ei voi tietää, onko tiedostoa muokattu; "
                "build tekisi samannimisen tiedoston"
            )
        lines.append(f"{target / rel}: {why}.")
    lines.append(
        f"Build ei korvaa näitä tiedostoja ilman lupaa. Siirrä muutokset työkirjaan ja aja "
        f"komento uudelleen, tai aja se valitsimella {REPLACE_OPTION}: silloin tiedostot "
        f"korvataan ja käsin muokatut versiot tallennetaan kansioon {backup_root(target)}. "
        "Mitään ei kirjoitettu; aiemmat tulosteet ovat ennallaan."
    )
    return "\n".join(lines)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _safe_join(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    if root.resolve() not in target.parents:
        raise OutputProblem(f"{relative}: tiedostonimi osoittaa tulostekansion ulkopuolelle.")
    return target


def _restore(target: Path, old: Path | None, staging: Path) -> None:
    """Undo a half-done swap: the previous year folder back in place, temporary folders gone."""
    if old is not None:
        if not target.exists():
            os.replace(old / target.name, target)
        if not (old / target.name).exists():
            shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def commit_build(
    target: Path,
    files: dict[str, bytes],
    *,
    merged: Iterable[str] = (),
    replace_edited: bool = False,
) -> WriteReport:
    """Replace the folder ``target`` with ``files`` (relative path -> content), losing nothing.

    ``merged``: files whose previous content the build already carried into the
    new one (the tracker); they are not hand-edit conflicts, and their previous
    version is backed up when it changes. ``replace_edited``: replace
    hand-edited files (keeping copies) instead of stopping.
    """
    report = WriteReport()
    if target.exists() and not target.is_dir():
        raise OutputProblem(
            f"{target}: tulostekansion paikalla on tiedosto. Siirrä tai nimeä tiedosto "
            "uudelleen, tai anna toinen kansio valitsimella --out. Mitään ei kirjoitettu."
        )
    check_locks(target)
    existing = survey(target)
    merged = set(merged)
    edited = [rel for rel in existing.edited() if rel not in merged]
    clashing_added = [rel for rel in existing.added() if rel in files and rel not in merged]
    # a file the build would overwrite with something else than what is there now
    conflicts = sorted(
        rel
        for rel in {*edited, *clashing_added}
        if rel in files and files[rel] != existing.files[rel].read_bytes()
    )
    if conflicts and not replace_edited:
        raise OutputProblem(_conflict_message(target, existing, conflicts))
    # files people added, and edited files the new build no longer makes: kept
    carried = [rel for rel in existing.added() if rel not in files]
    carried += [rel for rel in edited if rel not in files]
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-uusi-", dir=parent))
        # mkdtemp makes 0700; the year folder keeps the permissions it had (or the umask's)
        mode = target.stat().st_mode & 0o7777 if target.is_dir() else 0o777 & ~_umask()
        os.chmod(staging, mode)
    except OSError as exc:
        raise OutputProblem(
            f"{parent}: tulostekansiota ei voi luoda ({os_reason(exc)}). "
            "Tarkista kansion oikeudet tai anna toinen kansio valitsimella --out."
        ) from None
    old: Path | None = None
    try:
        for rel in sorted(set(merged) & set(files) & set(existing.files)):
            previous = existing.files[rel]
            if previous.read_bytes() != files[rel]:
                made = _backup(backup_root(target), rel, previous, _sha256(previous))
                if made:
                    report.backups.append(made)
        for rel in sorted(set(existing.recorded) - set(files) - set(edited)):
            if rel in existing.files:  # made last time, not this time (e.g. a PDF copy)
                previous = existing.files[rel]
                made = _backup(backup_root(target), rel, previous, _sha256(previous))
                if made:
                    report.backups.append(made)
                report.dropped.append(rel)
        for rel in conflicts:
            previous = existing.files[rel]
            made = _backup(backup_root(target), rel, previous, _sha256(previous))
            if made:
                report.backups.append(made)
            report.replaced.append(rel)
        for relative, content in files.items():
            path = _safe_join(staging, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        for rel in sorted(set(carried)):
            path = _safe_join(staging, rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(existing.files[rel], path)
            report.kept.append(rel)
        check_locks(target)  # opened while the documents were being made?
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}-vanha-", dir=parent))
            os.replace(target, old / target.name)
        os.replace(staging, target)
    except OSError as exc:
        _restore(target, old, staging)
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        raise OutputProblem(
            f"{target}: tulosteita ei voitu kirjoittaa{where}: {os_reason(exc)}. "
            "Sulje kansion tiedostot muista ohjelmista (Excel, Word) ja aja komento "
            "uudelleen. Aiemmat tulosteet ovat ennallaan."
        ) from None
    except BaseException:
        _restore(target, old, staging)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return report
