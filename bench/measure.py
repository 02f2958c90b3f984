"""One build in a fresh process, with honest time and memory figures.

Memory is the build process's own high-water mark, ``VmHWM`` from
``/proc/self/status``, read by the child at its end. ``ru_maxrss`` is not used:
on Linux it survives fork+exec, so a child started by a large parent reports the
parent's size (performance review §5: a trivial child of a 400 MB parent showed
413 MB in ``ru_maxrss`` and 13 MB in ``VmHWM``).

LibreOffice is reported apart: a sampler thread walks ``/proc`` every
:data:`SAMPLE_S` seconds for the child's descendants and keeps each one's
``VmHWM`` (exact, as the kernel keeps it) and the largest sum of their
``VmRSS`` at one moment (sampled, so a lower bound).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_S = 0.1

# Runs hytetu in this fresh process; prints its own time and VmHWM as JSON.
_CHILD = """
import json, sys, time
start = time.perf_counter()
from click.testing import CliRunner
from pipeline.cli import main
imported = time.perf_counter()
result = CliRunner().invoke(main, sys.argv[1:], catch_exceptions=False)
done = time.perf_counter()
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"seconds": done - imported, "with_imports": done - start,
                  "exit": result.exit_code, "hwm_kib": hwm, "output": result.output[-2000:]}))
"""


@dataclass
class Run:
    """What one child run measured."""

    #: the command itself, after the child's imports (what the review's "now" column used)
    seconds: float
    #: the child process from start to exit, seen from outside
    wall: float
    #: the build process's peak resident memory (VmHWM), MiB
    peak_mib: float
    #: peak of each LibreOffice (or other descendant) process, MiB
    child_peaks_mib: list[float] = field(default_factory=list)
    #: largest sum of the descendants' resident memory at one sample, MiB
    children_together_mib: float = 0.0
    output: str = ""


def _status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            return dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
    except OSError:
        return {}


def _kib(value: str) -> int:
    return int(value.split()[0]) if value else 0


def descendants(root: int) -> list[int]:
    """Every live process below ``root`` (from each process's parent id in ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            ppid = _status(int(entry)).get("PPid", "")
            if ppid.strip().isdigit():
                children.setdefault(int(ppid), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.together = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_S):
            total = 0
            for pid in descendants(self.pid):
                status = _status(pid)
                if "VmHWM" not in status:
                    continue
                self.peaks[pid] = max(self.peaks.get(pid, 0), _kib(status["VmHWM"]))
                total += _kib(status.get("VmRSS", ""))
            self.together = max(self.together, total)


def run_hytetu(args: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """``hytetu ARGS`` in a fresh Python process; :class:`SystemExit` if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
    )
    sampler = _Sampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"hytetu {' '.join(args)} failed:\n{out}\n{err}")
    result = json.loads(out.strip().splitlines()[-1])
    if result["exit"] != 0:
        raise SystemExit(f"hytetu {' '.join(args)} exited {result['exit']}:\n{result['output']}")
    return Run(
        seconds=result["seconds"],
        wall=wall,
        peak_mib=result["hwm_kib"] / 1024,
        child_peaks_mib=sorted((kib / 1024 for kib in sampler.peaks.values()), reverse=True),
        children_together_mib=sampler.together / 1024,
        output=result["output"],
    )
