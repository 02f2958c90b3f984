"""The new year folder while the build makes it: each file written as soon as it is final.

:class:`Staging` is ``DIR/.hytetu-kesken/uusi/<Vuosi>`` (:mod:`.workspace`). A file
goes there the moment the build has settled it, and the build keeps only its record
(:meth:`pipeline.contract.outputs.Output.stored`: path, checksum, size, archive
metadata), so memory does not grow with the number of files. Nothing outside the
work area is touched until :func:`pipeline.output.commit.commit_staged` swaps the
folder in; an error or an interrupt before that removes the work area, and a build
killed outright leaves it for the next build to clear (:func:`.workspace.clear_leftovers`).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.contract.outputs import Folder, Output
from pipeline.errors import OutputProblem, os_reason
from pipeline.output import interrupt, workspace
from pipeline.output.year_folder import open_regular

_BLOCK = 1 << 20


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@functools.lru_cache(maxsize=8)
def _real(root: Path) -> str:
    return os.path.realpath(root)


def safe_join(root: Path, relative: str) -> Path:
    """``root / relative``, refused when the name leads outside ``root`` (``..``, absolute).

    ``root`` is a folder this build made (its work area), so nothing in it is a link: the
    name is checked as text, and ``root`` is resolved once, not for each of its files.
    """
    base = _real(root)
    target = os.path.normpath(os.path.join(base, relative))
    if not target.startswith(base + os.sep):
        raise OutputProblem(f"{relative}: tiedostonimi osoittaa tulostekansion ulkopuolelle.")
    return Path(target)


def _link(source: Path, path: Path) -> bytes | None:
    """``path`` made a hard link to ``source``, and the bytes linked; None (and nothing left
    at ``path``) where links cannot be made (another disk, a FAT stick) or ``source`` is a
    symbolic link.

    An unchanged file of a rebuild is linked from the previous year folder instead of
    written again: writing a file costs far more than linking one (1,654 files of 20 kB:
    about 1 s written, 0.05 s linked), and the previous folder goes once the new one is
    in place. Nothing ever writes into a linked file (a file stored twice is unlinked
    first), so the previous folder stays as it was until then.
    """
    try:
        os.link(source, path, follow_symlinks=False)
        with open_regular(path) as linked:  # a symbolic link is refused here
            return linked.read()
    except OSError:
        path.unlink(missing_ok=True)
        return None


class Staging:
    """The year folder ``target`` being written in the work area of ``target.parent``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        parent = target.parent
        self.work = workspace.work_area(parent)
        try:
            self.root = workspace.new_folder(parent, target.name)
            # the year folder keeps the permissions it had (or the umask's)
            mode = target.stat().st_mode & 0o7777 if target.is_dir() else 0o777 & ~_umask()
            os.chmod(self.root, mode)
        except OSError as exc:
            workspace.remove(self.work)
            raise OutputProblem(
                f"{parent}: tulostekansiota ei voi luoda ({os_reason(exc)}). "
                "Tarkista kansion oikeudet tai anna toinen kansio valitsimella --out."
            ) from None
        #: where the stored files are: moves to ``target`` with the swap
        self.folder = Folder(self.root)
        #: relative path -> (sha256, size) of every file written
        self.files: dict[str, tuple[str, int]] = {}
        #: folders made in the work area so far (each made once, not for each file)
        self._made: set[Path] = set()

    def _path(self, relative: str) -> Path:
        interrupt.check()
        path = safe_join(self.root, relative)
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        return path

    def put(
        self, relative: str, content: bytes, same: Callable[[str, str], Path | None] | None = None
    ) -> tuple[str, int]:
        """Write ``content`` as ``relative``; its (sha256, size).

        ``same(relative, sha256)``: the file of the previous year folder that holds these
        bytes already (an unchanged file), if any; it is linked instead (:func:`_link`)
        when it can be and still holds them.
        """
        path = self._path(relative)
        if relative in self.files:  # stored before: never write through a link made then
            path.unlink(missing_ok=True)
        sha = hashlib.sha256(content).hexdigest()
        source = same(relative, sha) if same else None
        if source is None or _link(source, path) != content:
            path.unlink(missing_ok=True)
            path.write_bytes(content)
        self.files[relative] = (sha, len(content))
        return self.files[relative]

    def put_file(self, relative: str, source: Path, *, keep_stat: bool = False) -> tuple[str, int]:
        """Copy ``source`` (never through a link) as ``relative``, checksummed as it is copied
        (linked instead when it can be, :func:`_link`: the checksum is of what is linked)."""
        path = self._path(relative)
        if relative in self.files:
            path.unlink(missing_ok=True)
        content = _link(source, path)
        if content is not None:
            self.files[relative] = (hashlib.sha256(content).hexdigest(), len(content))
            return self.files[relative]
        digest, size = hashlib.sha256(), 0
        with open_regular(source) as src, open(path, "wb") as dst:
            for block in iter(lambda: src.read(_BLOCK), b""):
                digest.update(block)
                size += len(block)
                dst.write(block)
        if keep_stat:
            shutil.copystat(source, path, follow_symlinks=False)
        self.files[relative] = (digest.hexdigest(), size)
        return self.files[relative]

    def store(
        self, outputs: Iterable[Output], same: Callable[[str, str], Path | None] | None = None
    ) -> list[Output]:
        """Write each output; their records, the bytes left on disk.

        ``same``: the file of the previous year folder that holds an output's bytes
        already, if any (:meth:`put`).
        """
        stored = []
        for o in outputs:
            if o.folder is self.folder:
                stored.append(o)  # written already
                continue
            sha, size = self.put(o.path, o.content, same)
            stored.append(o.stored(self.folder, sha, size))
        return stored

    def record(self, o: Output) -> Output:
        """``o``, whose file was written with :meth:`put_file`, as a stored record."""
        sha, size = self.files[o.path]
        return o.stored(self.folder, sha, size)

    def sha256(self, relative: str) -> str:
        return self.files[relative][0]

    def remove(self) -> None:
        """The work area gone (an error or an interrupt before the swap); kept if the
        previous year folder is still aside in it (the next build puts it back)."""
        with interrupt.deferred():
            if not os.path.lexists(self.work / workspace.OLD / self.target.name):
                workspace.remove(self.work)
