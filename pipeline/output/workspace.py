"""The output folder while a build writes: one build at a time, nothing half-made left.

During a build ``DIR`` holds, besides the year folder and ``varmuuskopiot``:

* ``DIR/.hytetu-lukko``, the lock: the holder's process id, computer and start
  time, held with an operating-system lock (``flock``; ``msvcrt.locking`` on
  Windows). The system releases it when the process ends in any way, kill -9
  and power loss included, so a lock left by a dead build is simply taken over;
  while a live build holds it, a second build stops with :class:`BuildRunning`.
* ``DIR/.hytetu-kesken/``, the work area: ``uusi/<Vuosi>`` is the new year
  folder being written, ``vanha/<Vuosi>`` the previous one for the instant of
  the swap, ``varmuuskopiot/<Vuosi>`` the backups that move to ``DIR/varmuuskopiot``
  right after the swap, and ``LUE-MINUT.txt`` says in Finnish what the folder is.

Both are gone when the build ends. Only a dead build leaves a work area behind
(a live one holds the lock), so the next build removes it and says so; if that
build died in the middle of the swap, the previous year folder is put back first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import BuildRunning, OutputProblem, os_reason
from pipeline.output import interrupt

LOCK_NAME = ".hytetu-lukko"
WORK_NAME = ".hytetu-kesken"
NEW, OLD = "uusi", "vanha"
#: the backups folder (``DIR/varmuuskopiot``), and the staged backups' in the work area
BACKUPS = "varmuuskopiot"
README_NAME = "LUE-MINUT.txt"
README = (
    "Tämä kansio on hytetu-ohjelman työkansio: siinä on keskeneräisen ajon tiedostot.\n"
    "Älä käytä sen tiedostoja. Valmiit asiakirjat ovat vuoden kansiossa (esim. 2027).\n"
    "Ajo poistaa tämän kansion, kun se päättyy; jos ajo kaatui, seuraava ajo\n"
    "poistaa sen.\n"
)
#: staging folders of hytetu versions before the work area (``.2027-uusi-k3j_x9q2``)
LEGACY = re.compile(r"\.(?P<year>\d{4})-(?:uusi|vanha)-[a-z0-9_]{8}")
#: a legacy folder younger than this may belong to an old version's build still running
LEGACY_AGE = 3600.0
#: byte offset of the locked region on Windows: beyond the text, so it stays readable
_WINDOWS_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) the lock."""

    pid: str
    host: str
    started: str

    def __str__(self) -> str:
        return f"prosessi {self.pid} koneella {self.host}, aloitettu {self.started}"

    @staticmethod
    def parse(text: str) -> Holder | None:
        fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
        if not fields.get("pid"):
            return None
        return Holder(fields["pid"], fields.get("kone", "?"), fields.get("aloitettu", "?"))


@dataclass
class Lock:
    """A held lock on ``out``; ``previous``: the dead build whose lock was taken over."""

    out: Path
    fd: int
    previous: Holder | None
    #: whether this build created ``out`` (removed again if the build leaves it empty)
    created: bool = False


_HELD: dict[Path, Lock] = {}


def _key(out: Path) -> Path:
    return Path(os.path.abspath(out))


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        return os.read(fd, 4096).decode("utf-8", "replace")
    except OSError:
        return ""


def _acquire(out: Path) -> Lock:
    path = out / LOCK_NAME
    created = not os.path.lexists(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputProblem(
            f"{out}: tulostekansiota ei voi luoda ({os_reason(exc)}). "
            "Tarkista kansion oikeudet tai anna toinen kansio valitsimella --out."
        ) from None
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError as exc:
            raise OutputProblem(
                f"{path}: lukitustiedostoa ei voi luoda ({os_reason(exc)}). Tarkista "
                "tulostekansion oikeudet. Mitään ei kirjoitettu."
            ) from None
        if not _try_lock(fd):
            holder = Holder.parse(_read(fd))
            os.close(fd)
            raise BuildRunning(out, holder)
        try:  # the file may have been removed by the build that released it just now
            same = os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            continue
        previous = Holder.parse(_read(fd))
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        text = f"pid={os.getpid()}\nkone={socket.gethostname()}\naloitettu={started}\n"
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text.encode())
        return Lock(out, fd, previous, created)
    raise BuildRunning(out, None)


def _release(lock: Lock) -> None:
    path = lock.out / LOCK_NAME
    if sys.platform == "win32":  # an open file cannot be removed there
        os.close(lock.fd)
        try:
            path.unlink()
            if lock.created:
                lock.out.rmdir()
        except OSError:
            pass  # another build opened it meanwhile, or the folder is not empty
        return
    try:
        path.unlink()
    finally:
        os.close(lock.fd)
        if lock.created:
            with contextlib.suppress(OSError):  # a build that wrote nothing leaves no folder
                lock.out.rmdir()


@contextmanager
def hold(out: Path) -> Iterator[Lock]:
    """Hold the lock of the output folder ``out`` (re-entrant within one process)."""
    key = _key(out)
    if key in _HELD:
        yield _HELD[key]
        return
    with interrupt.deferred():  # never a lock taken without being let go
        lock = _acquire(out)
        _HELD[key] = lock
    try:
        interrupt.check()
        yield lock
    finally:
        with interrupt.deferred():
            del _HELD[key]
            _release(lock)


def work_area(out: Path) -> Path:
    return out / WORK_NAME


def _put_back(previous: Path, target: Path, notes: list[str]) -> None:
    """A year folder found aside in a dead build's work area goes back where it was."""
    if previous.is_dir() and not previous.is_symlink() and not os.path.lexists(target):
        os.replace(previous, target)
        notes.append(
            f"{target}: edellinen ajo keskeytyi kesken kansioiden vaihdon; "
            "aiemmat tulosteet palautettiin paikalleen."
        )


def clear_leftovers(lock: Lock) -> list[str]:
    """Remove what dead builds left in ``lock.out``; one line per thing done, in Finnish."""
    out = lock.out
    notes: list[str] = []
    if lock.previous is not None:
        notes.append(
            f"{out / LOCK_NAME}: edellinen ajo ({lock.previous}) ei päättynyt siististi; "
            "sen lukko otettiin käyttöön."
        )
    work = work_area(out)
    stale: list[Path] = []
    if os.path.lexists(work):
        old = work / OLD
        if old.is_dir() and not old.is_symlink():
            for previous in sorted(old.iterdir()):
                _put_back(previous, out / previous.name, notes)
        staged = work / BACKUPS
        if staged.is_dir() and not staged.is_symlink():
            for year in sorted(p.name for p in staged.iterdir()):
                # the swap was done (no new folder waits) but not the backups' move: finish it
                if not os.path.lexists(work / NEW / year) and (out / year).is_dir():
                    for path in publish_backups(out, year):
                        notes.append(
                            f"{path}: keskeytyneen ajon varmuuskopio siirrettiin paikalleen."
                        )
        stale.append(work)
    now = time.time()
    for entry in sorted(out.iterdir()):
        match = LEGACY.fullmatch(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        if now - entry.stat().st_mtime < LEGACY_AGE:
            continue
        if "-vanha-" in entry.name:
            _put_back(entry / match["year"], out / match["year"], notes)
        stale.append(entry)
    for path in stale:
        remove(path)
        notes.append(f"{path}: poistettu keskeytyneen ajon keskeneräiset tiedostot.")
    return notes


def remove(path: Path) -> None:
    """Remove a folder (links inside removed as links, never followed) or a file."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def new_folder(out: Path, year: str) -> Path:
    """``DIR/.hytetu-kesken/uusi/<Vuosi>``, empty, with the work area's note beside it."""
    work = work_area(out)
    work.mkdir(exist_ok=True)
    (work / README_NAME).write_text(README, encoding="utf-8")
    folder = work / NEW / year
    folder.mkdir(parents=True)
    return folder


def staged_backups(out: Path, year: str) -> Path:
    """Where a build's backups wait until the swap: ``DIR/.hytetu-kesken/varmuuskopiot/<Vuosi>``."""
    return work_area(out) / BACKUPS / year


def publish_backups(out: Path, year: str) -> list[Path]:
    """Move the staged backups of ``year`` to ``DIR/varmuuskopiot/<Vuosi>/`` (after the swap)."""
    staged = staged_backups(out, year)
    moved: list[Path] = []
    if not staged.is_dir() or staged.is_symlink():
        return moved
    for root, _dirs, names in os.walk(staged):
        for name in sorted(names):
            source = Path(root) / name
            final = out / BACKUPS / year / source.relative_to(staged)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, final)
            moved.append(final)
    remove(staged)
    return moved


def old_slot(out: Path, year: str) -> Path:
    """Where the previous year folder waits during the swap: ``DIR/.hytetu-kesken/vanha/<Vuosi>``."""
    (work_area(out) / OLD).mkdir(exist_ok=True)
    return work_area(out) / OLD / year
