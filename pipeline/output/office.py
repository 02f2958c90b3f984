"""LibreOffice, headless: the real client for PDF/A copies and for tests.

One ``soffice`` process converts a whole batch, with a throw-away user
profile (so a desktop LibreOffice that is open does not interfere) and a
timeout (so a stuck conversion cannot hang a build: the whole process group
is killed, not only the ``soffice`` launcher script).

A large build is split into equal batches (:func:`plan_batches`), one per
core and each of at most :data:`BATCH_SIZE` files: LibreOffice 7.4 was seen to
stop silently, exit status 0, after about 250 files of one batch. Equal
batches keep every core busy to the end; batches of 100 left one core idle
while the last, short batch ran (performance review §4a: 402 documents on 2
cores, 100 × 4 + 2 took 22.3 s, 2 × 201 took 20.5 s). More processes than
cores is slower, so there are never more batches at a time than workers.

Each throw-away profile is seeded with the LibreOffice version that made it
(:func:`seed_profile`): a profile without it counts as a first start after an
upgrade, and LibreOffice 7.2 and newer then runs its graphics self-test
(``GraphicsRenderTests``, about 1 s of CPU) before converting anything, in every
batch, because a headless start never records the version itself.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ToolMissing

INSTALL_HINT = (
    "Asenna LibreOffice: Debianissa ja Ubuntussa "
    "sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui, "
    "Windowsissa ja macOS:ssä osoitteesta libreoffice.org."
)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice executable; :class:`ToolMissing` with install instructions otherwise."""
    exe = find_soffice()
    if exe is None:
        raise ToolMissing(f"LibreOfficea (soffice) ei löydy. {INSTALL_HINT}")
    return exe


#: "LibreOffice 7.4.7.2 40(Build:2)" -> "7.4", the version a profile records
_VERSION = re.compile(r"\b(\d+\.\d+)\.\d+")

_SEED = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" \
oor:op="fuse"><value>{version}</value></prop></item>
</oor:items>
"""


@functools.cache
def product_version(exe: str) -> str | None:
    """``exe``'s version as its profile records it ("7.4"); None when it does not say.

    ``soffice --version`` starts no office and makes no profile (about 0.1 s); asked
    once per process.
    """
    try:
        out = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(out or "")
    return match.group(1) if match else None


def seed_profile(profile: Path, version: str | None) -> None:
    """Mark the empty profile ``profile`` as already used by LibreOffice ``version``, so
    that its first start skips the after-upgrade graphics self-test. Nothing else is
    set: conversion settings are LibreOffice's defaults, as in an unseeded profile.
    A wrong or missing version only costs the self-test.
    """
    if version is None:
        return
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_SEED.format(version=version), "utf-8")


@dataclass
class Batch:
    """What one LibreOffice batch did."""

    #: source -> result, for the files that were converted
    done: dict[Path, Path] = field(default_factory=dict)
    #: what LibreOffice printed
    log: str = ""
    #: whether the batch was stopped by the timeout
    timed_out: bool = False
    #: whether the batch was stopped on request (``stop``), not finished
    stopped: bool = False

    def failed(self, files: list[Path]) -> list[Path]:
        return [f for f in files if f not in self.done]


def run_batch(
    files: list[Path],
    target: str,
    outdir: Path,
    *,
    timeout: float = 600,
    stop: threading.Event | None = None,
) -> Batch:
    """Convert ``files`` with ``--convert-to target`` into ``outdir`` in one process.

    ``stop``: when set (by another thread), the process group is killed and the
    batch ends with what was converted so far. An exception in the calling thread
    (a Ctrl+C) kills it too: LibreOffice runs in a session of its own, so the
    terminal's signal never reaches it.
    """
    exe = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    ext = target.split(":", 1)[0]
    batch = Batch()
    if stop is not None and stop.is_set():  # stopped before its turn came
        batch.stopped = True
        return batch
    with tempfile.TemporaryDirectory(prefix="hytetu-lo-") as profile:
        seed_profile(Path(profile), product_version(exe))
        cmd = [
            exe,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *(str(f) for f in files),
        ]
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, killed as a whole on timeout
        )
        try:
            batch.log = _wait(proc, timeout, stop, batch)
        except BaseException:
            _kill_group(proc)
            proc.communicate()
            raise
    for f in files:
        result = outdir / f"{f.stem}.{ext}"
        if result.exists() and result.stat().st_size > 0:
            batch.done[f] = result
    return batch


#: seconds between looks at ``stop`` while a batch runs
_POLL = 0.25


def _wait(
    proc: subprocess.Popen[str], timeout: float, stop: threading.Event | None, batch: Batch
) -> str:
    """What ``proc`` printed, once it ended, timed out (killed) or was stopped (killed)."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            out, _ = proc.communicate(timeout=max(0.0, min(left, _POLL if stop else left)))
            return out or ""
        except subprocess.TimeoutExpired:
            if stop is not None and stop.is_set():
                _kill_group(proc)
                out, _ = proc.communicate()
                batch.stopped = True
                return out or ""
            if time.monotonic() >= deadline:
                _kill_group(proc)
                out, _ = proc.communicate()
                batch.timed_out = True
                return (out or "") + f"\nLibreOffice ei valmistunut {timeout:.0f} sekunnissa."


#: most files per LibreOffice process: 2 × 201 converted in full; one batch stopped at 244
BATCH_SIZE = 210
#: fewest files worth a LibreOffice process of their own (start-up costs about 1 s)
MIN_BATCH = 20
#: most LibreOffice processes at a time, whatever the core count (each takes 150-500 MB)
MAX_WORKERS = 4


def default_workers() -> int:
    """One LibreOffice per core this process may use, at most :data:`MAX_WORKERS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def plan_batches(files: list[Path], workers: int) -> list[list[Path]]:
    """``files`` in equal batches: a multiple of ``workers`` of them, each at most
    :data:`BATCH_SIZE` long; fewer batches when a batch would be under :data:`MIN_BATCH`.

    Files are dealt out in turn (round-robin), so every batch gets its share of
    each document type and of the heavy ones (the summaries with a chart).
    """
    if not files:
        return []
    rounds = -(-len(files) // (workers * BATCH_SIZE))  # ceil
    count = rounds * workers
    count = min(count, max(1, len(files) // MIN_BATCH))
    count = max(count, -(-len(files) // BATCH_SIZE))
    return [files[i::count] for i in range(count)]


def run_batches(
    files: list[Path],
    target: str,
    outdir: Path,
    *,
    timeout: float = 600,
    workers: int | None = None,
    stop: threading.Event | None = None,
) -> Batch:
    """Convert ``files`` in the batches of :func:`plan_batches`, ``workers`` at a time
    (default: :func:`default_workers`).

    One batch (one process) when the files fit in one; ``timeout`` applies to
    each batch.
    """
    from concurrent.futures import ThreadPoolExecutor

    workers = workers or default_workers()
    chunks = plan_batches(files, workers)
    if len(chunks) <= 1:
        return run_batch(files, target, outdir, timeout=timeout, stop=stop)
    stop = stop or threading.Event()  # an error or Ctrl+C here stops every batch
    with ThreadPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        try:
            results = list(
                pool.map(lambda c: run_batch(c, target, outdir, timeout=timeout, stop=stop), chunks)
            )
        except BaseException:
            stop.set()
            raise
    merged = Batch()
    for r in results:
        merged.done.update(r.done)
        merged.log += r.log
        merged.timed_out |= r.timed_out
        merged.stopped |= r.stopped
    return merged


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def convert(
    files: list[Path], target: str, outdir: Path, *, timeout: float = 600
) -> tuple[dict[Path, Path], str]:
    """Convert ``files`` with ``--convert-to target`` into ``outdir`` in one process.

    Returns the source -> result map of the files that were converted, and what
    LibreOffice printed. Raises :class:`ToolMissing` without LibreOffice.
    """
    batch = run_batch(files, target, outdir, timeout=timeout)
    return batch.done, batch.log
