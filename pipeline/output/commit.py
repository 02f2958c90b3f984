"""Stage 5: put the build in place, all of it or nothing, and lose nothing people made.

Files are written into the work area ``DIR/.hytetu-kesken/`` (see
:mod:`.workspace`, which also holds the one-build-at-a-time lock) and moved into
place at the end; a crash, an error or an interrupt before that leaves the
previous output exactly as it was. Before anything moves:

* a symbolic link in the year folder stops the build (see :mod:`.year_folder`);

* a file that is open in another program (an Office ``~$`` or LibreOffice
  ``.~lock.`` lock file beside it) stops the build;
* a generated file changed by hand after the build (its SHA-256 differs from
  what the old ``arkistoluettelo.csv`` recorded) stops the build, unless the
  user asked to replace such files; then a copy is kept as a backup;
* files people added to the year folder are carried over into the new one;
* every generated file whose content changes (the tracker, merged into the
  new one, included) is kept as a backup.

Backups go to ``DIR/varmuuskopiot/<Vuosi>/``, outside the year folder, named
``<name>_<first 8 of sha256>.<ext>``: the year folder stays exactly what the
archive list describes. They are staged in the work area and moved there right
after the swap, so there is never a backup without the new year folder (a build
that died between the two has its backups moved by the next build).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import OutputProblem, os_reason
from pipeline.output import interrupt, workspace
from pipeline.output.edits import NOTE_NAME, KeptEdit, note
from pipeline.output.staging import Staging, safe_join
from pipeline.output.year_folder import (
    Existing,
    check_links,
    check_locks,
    check_target,
    is_link,
    locked_files,
    open_regular,
    survey,
)

__all__ = [
    "BACKUP_FOLDER",
    "Existing",
    "WriteReport",
    "backup_root",
    "begin",
    "check_links",
    "check_locks",
    "check_target",
    "commit_build",
    "commit_staged",
    "locked_files",
    "survey",
]

BACKUP_FOLDER = "varmuuskopiot"
#: the command-line option that replaces hand-edited files (cli.py defines it)
REPLACE_OPTION = "--replace-edited"


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
    #: what was cleared away after earlier builds that died (one Finnish line each)
    leftovers: list[str] = field(default_factory=list)
    #: generated files whose content changed: written anew, the previous version in ``backups``
    changed: list[str] = field(default_factory=list)
    #: whether the year folder had an archive list before (a rebuild, not a first build)
    rebuild: bool = False


def backup_root(target: Path) -> Path:
    """``DIR/varmuuskopiot/<Vuosi>`` for the year folder ``DIR/<Vuosi>``."""
    return target.parent / BACKUP_FOLDER / target.name


def _backup(target: Path, relative: str, source: Path, sha: str) -> Path | None:
    """Stage a copy of ``source`` as ``<relative with _sha8 before the suffix>``.

    The copy is written into the work area and moves to ``DIR/varmuuskopiot/<Vuosi>/``
    only after the swap (:func:`.workspace.publish_backups`): no backup without the
    new year folder, none lost with it. Returns where it will be; None if a copy of
    the same content is there already (the name holds the content's checksum, so
    repeated backups never clash).
    """
    rel = Path(relative)
    name = rel.parent / f"{rel.stem}_{sha[:8]}{rel.suffix}"
    final = backup_root(target) / name
    if final.exists():
        return None
    staged = workspace.staged_backups(target.parent, target.name) / name
    if staged.exists():
        return None
    staged.parent.mkdir(parents=True, exist_ok=True)
    with open_regular(source) as src, open(staged, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.chmod(staged, 0o666 & ~_umask())
    return final


def _stage_note(target: Path, content: bytes) -> None:
    """The note of kept hand edits (:mod:`.edits`), staged like a backup."""
    staged = workspace.staged_backups(target.parent, target.name) / NOTE_NAME
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.write_bytes(content)
    os.chmod(staged, 0o666 & ~_umask())


def _conflict_message(target: Path, existing: Existing, conflicts: list[str]) -> str:
    edited = set(existing.edited())
    lines = []
    for rel in conflicts:
        if rel in edited:
            why = "muokattu käsin edellisen ajon jälkeen (tarkistussumma ei täsmää arkistoluettelon kanssa)"
        elif existing.has_archive_list:
            why = "ei ole arkistoluettelossa, mutta hytetu build tekisi samannimisen tiedoston"
        else:
            why = (
                "arkistoluettelo puuttuu, joten ei voi tietää, onko tiedostoa muokattu; "
                "hytetu build tekisi samannimisen tiedoston"
            )
        lines.append(f"{target / rel}: {why}.")
    lines.append(
        f"Ohjelma ei korvaa näitä tiedostoja ilman lupaa. Siirrä muutokset työkirjaan ja aja "
        f"komento uudelleen, tai aja se valitsimella {REPLACE_OPTION}: silloin tiedostot "
        f"korvataan ja käsin muokatut versiot tallennetaan kansioon {backup_root(target)}. "
        "Mitään ei kirjoitettu; aiemmat tulosteet ovat ennallaan."
    )
    return "\n".join(lines)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _copy_regular(source: Path, path: Path) -> None:
    """``shutil.copy2`` for a file that must not have become a link meanwhile."""
    with open_regular(source) as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    shutil.copystat(source, path, follow_symlinks=False)


def _restore(target: Path, old: Path | None, work: Path) -> None:
    """Undo a half-done swap: the previous year folder back in place, the work area gone.

    The work area stays if the previous year folder could not be put back: the
    next build puts it back (see :func:`.workspace.clear_leftovers`).
    """
    with interrupt.deferred():
        if old is not None and os.path.lexists(old) and not os.path.lexists(target):
            try:
                os.replace(old, target)
            except OSError:
                return
        workspace.remove(work)


def commit_build(
    target: Path,
    files: dict[str, bytes],
    *,
    merged: Iterable[str] = (),
    replace_edited: bool = False,
    kept_edits: list[KeptEdit] | None = None,
) -> WriteReport:
    """Replace the folder ``target`` with ``files`` (relative path -> content), losing nothing.

    ``merged``: files whose previous content the build already carried into the
    new one (the tracker); they are not hand-edit conflicts, and their previous
    version is backed up when it changes. ``replace_edited``: replace
    hand-edited files (keeping copies) instead of stopping; a caller that keeps
    them passes their present content in ``files``. ``kept_edits``: the note of
    hand-edited files kept in place (:mod:`.edits`), written with the backups
    (None: left as it is).

    Holds the output folder's lock (re-entered if the caller holds it already).
    The swap happens only if no interrupt came, even one a library swallowed
    (:mod:`.interrupt`); an interrupt during the swap undoes it. (The build
    itself writes its files as it makes them: :func:`begin`, :func:`commit_staged`.)
    """
    with workspace.hold(target.parent) as lock:
        staging, leftovers = begin(target, lock)
        try:
            for relative, content in files.items():
                staging.put(relative, content)
        except BaseException:
            staging.remove()
            raise
        return commit_staged(
            target,
            staging,
            merged=merged,
            replace_edited=replace_edited,
            kept_edits=kept_edits,
            leftovers=leftovers,
        )


def begin(target: Path, lock: workspace.Lock) -> tuple[Staging, list[str]]:
    """The work area cleared of what dead builds left (what was done, one line each) and
    the new year folder started in it; the caller holds ``lock``."""
    if target.exists() and not target.is_dir() and not is_link(target):
        raise OutputProblem(
            f"{target}: tulostekansion paikalla on tiedosto. Siirrä tai nimeä tiedosto "
            "uudelleen, tai anna toinen kansio valitsimella --out. Mitään ei kirjoitettu."
        )
    leftovers = workspace.clear_leftovers(lock)
    check_target(target)
    return Staging(target), leftovers


def commit_staged(
    target: Path,
    staging: Staging,
    *,
    merged: Iterable[str] = (),
    replace_edited: bool = False,
    kept_edits: list[KeptEdit] | None = None,
    leftovers: list[str] | None = None,
) -> WriteReport:
    """Swap ``staging`` (every file of the build written) in as ``target``, as
    :func:`commit_build` does; the work area is removed if anything stops it."""
    report = WriteReport(leftovers=list(leftovers or ()))
    try:
        _commit(target, staging, set(merged), replace_edited, kept_edits, report)
    except BaseException:
        staging.remove()
        raise
    return report


def _commit(
    target: Path,
    staging: Staging,
    merged: set[str],
    replace_edited: bool,
    kept_edits: list[KeptEdit] | None,
    report: WriteReport,
) -> None:
    check_target(target)
    existing = survey(target)
    report.rebuild = existing.has_archive_list
    files = staging.files
    edited = [rel for rel in existing.edited() if rel not in merged]
    clashing_added = [rel for rel in existing.added() if rel in files and rel not in merged]
    # a file the build would overwrite with something else than what is there now
    conflicts = sorted(
        rel
        for rel in {*edited, *clashing_added}
        if rel in files and staging.sha256(rel) != existing.sha256(rel)
    )
    if conflicts and not replace_edited:
        raise OutputProblem(_conflict_message(target, existing, conflicts))
    # files people added, and edited files the new build no longer makes: kept
    carried = [rel for rel in existing.added() if rel not in files]
    carried += [rel for rel in edited if rel not in files]
    parent = target.parent
    work = staging.work
    old: Path | None = None
    try:
        _backups(target, staging, merged, edited, conflicts, existing, report)
        if kept_edits is not None and (kept_edits or (backup_root(target) / NOTE_NAME).exists()):
            _stage_note(target, note(kept_edits))
        for rel in sorted(set(carried)):
            interrupt.check()
            path = safe_join(staging.root, rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            _copy_regular(existing.files[rel], path)
            report.kept.append(rel)
        check_target(target)  # a file opened, or a link planted, while the documents were made?
        interrupt.check()  # an interrupt someone swallowed still stops the swap
        with interrupt.deferred():
            if target.exists():
                old = workspace.old_slot(parent, target.name)
                os.replace(target, old)
            os.replace(staging.root, target)
            if interrupt.requested():  # came during the swap: undo it
                os.replace(target, staging.root)
                if old is not None:
                    os.replace(old, target)
                    old = None
                raise KeyboardInterrupt
            staging.folder.root = target
    except OSError as exc:
        _restore(target, old, work)
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        raise OutputProblem(
            f"{target}: tulosteita ei voitu kirjoittaa{where}: {os_reason(exc)}. "
            "Sulje kansion tiedostot muista ohjelmista (Excel, Word) ja aja komento "
            "uudelleen. Aiemmat tulosteet ovat ennallaan."
        ) from None
    except BaseException:
        _restore(target, old, work)
        raise
    with interrupt.deferred():  # the build has finished: the clean-up is not cut short
        try:
            workspace.publish_backups(parent, target.name)
        except OSError as exc:  # the work area stays: the next build moves them
            report.leftovers.append(
                f"{backup_root(target)}: varmuuskopioita ei voitu siirtää paikalleen "
                f"({os_reason(exc)}); ne ovat kansiossa {work} ja seuraava ajo siirtää ne."
            )
            return
        workspace.remove(work)


def _backups(
    target: Path,
    staging: Staging,
    merged: set[str],
    edited: list[str],
    conflicts: list[str],
    existing: Existing,
    report: WriteReport,
) -> None:
    """Copies of every generated file whose content changes (the tracker included), of
    dropped files and of replaced hand-edited files."""
    files = staging.files
    generated = (set(existing.recorded) | merged) - set(conflicts)
    for rel in sorted(generated & set(files) & set(existing.files)):
        previous = existing.files[rel]
        sha = existing.sha256(rel)
        if sha != staging.sha256(rel):
            made = _backup(target, rel, previous, sha)
            if made:
                report.backups.append(made)
            report.changed.append(rel)
    for rel in sorted(set(existing.recorded) - set(files) - set(edited)):
        if rel in existing.files:  # made last time, not this time (e.g. a PDF copy)
            previous = existing.files[rel]
            made = _backup(target, rel, previous, existing.sha256(rel))
            if made:
                report.backups.append(made)
            report.dropped.append(rel)
    for rel in conflicts:
        previous = existing.files[rel]
        made = _backup(target, rel, previous, existing.sha256(rel))
        if made:
            report.backups.append(made)
        report.replaced.append(rel)
