"""Crashes, interrupts, a second build and planted links: the previous output survives.

The builds here run in their own processes (a kill -9 or a signal must not hit
the test runner), on the small test workbook, several at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.app import build
from pipeline.cli import main
from pipeline.output import interrupt, workspace
from pipeline.output.commit import commit_build
from tests.helpers import workbooks as wbs

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and kill -9")


def tree(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (relative path -> sha256 of a file, or 'link')."""
    found = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            found[rel] = "link"
        elif p.is_file():
            found[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def python(code: str, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def built(tmp_path):
    """A workbook and its output folder after one normal build."""
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    out = tmp_path / "out"
    build(workbook, out)
    return workbook, out


# ------------------------------------------------------------------ kill -9

#: runs a build in which the n-th call of ``what`` is followed by kill -9 of the process
#: ("write": a file written or linked into the work area)
KILL_AT = r"""
import os, signal, sys
from pathlib import Path
from pipeline.app import build
from pipeline.output import commit
workbook, out, what, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
calls = 0
if what == "replace":
    real = commit.os.replace
    def patched(src, dst):
        global calls
        real(src, dst)
        calls += 1
        if calls == n:
            os.kill(os.getpid(), signal.SIGKILL)
    commit.os.replace = patched
else:
    real_write = Path.write_bytes
    def patched_write(self, data):
        global calls
        calls += 1
        if calls == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_write(self, data)
    Path.write_bytes = patched_write
    real_link = os.link
    def patched_link(*args, **kwargs):  # an unchanged file of a rebuild is linked, not written
        global calls
        calls += 1
        if calls == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_link(*args, **kwargs)
    os.link = patched_link
build(workbook, out)
"""


def test_kill_9_at_any_point_then_a_normal_build_cleans_up(built):
    workbook, out = built
    before = tree(out / "2027")
    # while staging is written; after the old folder moved aside (the swap's middle);
    # after the swap, before the clean-up
    points = [("write", "1"), ("write", "4"), ("replace", "1"), ("replace", "2")]
    kills = []
    for what, n in points:
        copy = out.parent / f"out-{what}-{n}"
        subprocess.run(["cp", "-a", str(out), str(copy)], check=True)
        kills.append((copy, python(KILL_AT, workbook, copy, what, n)))
    for copy, proc in kills:
        assert proc.wait(timeout=120) == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
        assert (copy / ".hytetu-kesken").is_dir()  # the dead build's work area, never the year
        assert not any(p.name.startswith(".2027") for p in copy.iterdir())
        if copy.name == "out-replace-1":  # killed in the instant between the two renames
            assert not (copy / "2027").exists()
            assert tree(copy / ".hytetu-kesken" / "vanha" / "2027") == before
        else:
            assert tree(copy / "2027") == before
    for copy, _ in kills:
        result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(copy), "-q"])
        assert result.exit_code == 0, result.output
        assert "poistettu keskeytyneen ajon keskeneräiset tiedostot" in result.output
        assert "lukko otettiin käyttöön" in result.output
        put_back = "aiemmat tulosteet palautettiin paikalleen" in result.output
        assert put_back == (copy.name == "out-replace-1")
        assert sorted(p.name for p in copy.iterdir()) == ["2027"]
        assert tree(copy / "2027") == before


# ------------------------------------------------------------ one at a time


def test_a_second_build_refuses_while_the_first_runs(built):
    workbook, out = built
    first = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(workbook), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    lock = out / workspace.LOCK_NAME
    # the first build holds the lock once it has written its pid there (the file itself
    # appears a moment before the lock is taken: stopping it then would prove nothing)
    while not (lock.exists() and f"pid={first.pid}" in lock.read_text(errors="replace")):
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.01)
    first.send_signal(signal.SIGSTOP)  # keep it holding the lock while the second runs
    try:
        before = tree(out.parent)
        second = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
        assert second.exit_code == 1
        assert "toinen hytetu build -ajo on käynnissä samaan tulostekansioon" in second.output
        assert f"prosessi {first.pid}" in second.output and "Mitään ei kirjoitettu" in second.output
        assert tree(out.parent) == before
    finally:
        first.send_signal(signal.SIGCONT)
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["2027"]


def test_a_lock_left_by_a_dead_build_is_taken_over(built):
    workbook, out = built
    (out / workspace.LOCK_NAME).write_text("pid=999999\nkone=x\naloitettu=2027-01-01T09:00\n")
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "edellinen ajo (prosessi 999999 koneella x" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["2027"]


def test_staging_of_earlier_versions_is_cleared_only_when_old(built):
    workbook, out = built
    old, young = out / ".2027-uusi-abcd1234", out / ".2027-uusi-young123"
    for folder in (old, young):
        (folder / "2_valmistelu").mkdir(parents=True)
        (folder / "2_valmistelu" / "kutsu.docx").write_bytes(b"puolikas")
    os.utime(old, (time.time() - 2 * workspace.LEGACY_AGE,) * 2)
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{old}: poistettu keskeytyneen ajon" in result.output
    assert not old.exists() and young.exists()  # may belong to an old version still running


# -------------------------------------------------------------------- links


def test_a_planted_link_is_refused_and_its_target_never_read(built, tmp_path):
    workbook, out = built
    secret = tmp_path / "salainen.txt"
    secret.write_text("henkilötunnus 010101-123K")
    fifo = tmp_path / "putki"
    os.mkfifo(fifo)  # opening it for reading would hang: proof that nothing reads it
    (out / "2027" / "liite.txt").symlink_to(secret)
    (out / "2027" / "2_valmistelu" / "putki").symlink_to(fifo)
    (out / "2027" / "kansio").symlink_to(tmp_path, target_is_directory=True)
    before = tree(out)
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", str(workbook), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    for link in ("liite.txt", "2_valmistelu/putki", "kansio"):
        assert f"{out / '2027' / link}: symbolinen linkki tai liitoskohta" in proc.stderr
    assert "Mitään ei kirjoitettu" in proc.stderr and "Traceback" not in proc.stderr
    assert "010101" not in proc.stdout + proc.stderr
    assert tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["2027"]


def test_the_year_folder_as_a_link_is_refused(tmp_path):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    elsewhere = tmp_path / "muualla"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "2027").symlink_to(elsewhere, target_is_directory=True)
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "vuoden kansio on symbolinen linkki" in result.output
    assert list(elsewhere.iterdir()) == []


# --------------------------------------------------------------- interrupts

pytest_main_thread = pytest.mark.skipif(
    __import__("threading").current_thread() is not __import__("threading").main_thread(),
    reason="signal handlers need the main thread",
)


@pytest_main_thread
def test_an_interrupt_someone_swallowed_still_stops_the_swap(built):
    _workbook, out = built
    before = tree(out)
    files = {"2_valmistelu/uusi.docx": b"uusi"}
    with interrupt.handled():
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        except KeyboardInterrupt:
            pass  # what a zip writer's clean-up can do
        with pytest.raises(KeyboardInterrupt):
            commit_build(out / "2027", files)
    assert tree(out) == before and sorted(p.name for p in out.iterdir()) == ["2027"]


@pytest_main_thread
def test_an_interrupt_during_the_swap_undoes_it(built, monkeypatch):
    _workbook, out = built
    before = tree(out)
    from pipeline.output import commit

    real = os.replace
    calls = []

    def replace(src, dst):
        if Path(src) == out / "2027":  # the previous year folder moves aside
            calls.append(src)
            os.kill(os.getpid(), signal.SIGINT)  # arrives between the two renames
        return real(src, dst)

    monkeypatch.setattr(commit.os, "replace", replace)
    files = {rel: (out / rel).read_bytes() for rel in before}  # nothing to back up
    files = {rel.removeprefix("2027/"): content for rel, content in files.items()}
    files["2_valmistelu/uusi.docx"] = b"uusi"
    with interrupt.handled(), pytest.raises(KeyboardInterrupt):
        commit_build(out / "2027", files)
    assert calls and tree(out) == before and sorted(p.name for p in out.iterdir()) == ["2027"]


#: runs the command again and again, each time with SIGINT after a growing delay
SIGINT_ROUNDS = r"""
import contextlib, hashlib, io, json, os, signal, sys, threading, time
from pathlib import Path
from pipeline.cli import main
signal.signal(signal.SIGINT, signal.SIG_IGN)  # between rounds; the command sets its own
workbook, out, rounds, phase = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def tree():
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}
def run(delay):
    timer = threading.Timer(delay, os.kill, (os.getpid(), signal.SIGINT)) if delay else None
    err, code, escaped = io.StringIO(), None, None
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        if timer:
            timer.start()
        try:
            main(["build", workbook, "--out", str(out), "-q"], prog_name="hytetu")
        except SystemExit as exc:
            code = exc.code
        except BaseException as exc:
            escaped = repr(exc)
        if timer:
            timer.cancel()
            timer.join()
    return code, escaped, err.getvalue()
run(0)  # the first build, and imports: slower than every rebuild that follows
start = time.monotonic()
run(0)
took = time.monotonic() - start  # a warm rebuild: what each round interrupts
before = tree()
results = []
for i in range(rounds):
    delay = max(0.001, 0.9 * took * (i + phase) / rounds)
    code, escaped, err = run(delay)
    results.append({"delay": delay, "code": code, "escaped": escaped, "err": err,
                    "same": tree() == before, "left": sorted(p.name for p in out.iterdir())})
print(json.dumps(results))
"""


def test_ctrl_c_at_any_point_stops_cleanly(tmp_path):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    drivers = [python(SIGINT_ROUNDS, workbook, tmp_path / f"out{j}", 10, j / 3) for j in range(3)]
    results = []
    for proc in drivers:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        results += json.loads(out)
    assert len(results) == 30
    interrupted = 0
    for r in results:
        assert r["escaped"] is None and "Traceback" not in r["err"], r
        assert r["code"] in (0, 130), r
        if r["code"] == 130:
            interrupted += 1
            assert r["err"].endswith("Keskeytetty.\n"), r
        assert r["same"] and r["left"] == ["2027"], r
    assert interrupted >= 10  # most signals came while the build ran


def test_an_interrupt_a_library_turned_into_another_error_still_reads_keskeytetty(capsys):
    # openpyxl's descriptors catch everything, the KeyboardInterrupt too, and raise
    # TypeError("expected ..."): the remembered Ctrl+C decides the outcome, not that error
    from pipeline.cli.commands import _friendly

    def swallowing_library() -> None:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        except BaseException:
            raise TypeError("expected <class 'CellRange'>") from None

    with pytest.raises(SystemExit) as exc:
        _friendly(swallowing_library)()
    assert exc.value.code == 130
    assert capsys.readouterr().err == "Keskeytetty.\n"


def test_an_error_without_an_interrupt_is_not_taken_for_one():
    from pipeline.cli.commands import _friendly

    def failing() -> None:
        raise TypeError("a bug, not a Ctrl+C")

    with pytest.raises(TypeError, match="a bug"):
        _friendly(failing)()


def test_ctrl_c_just_as_the_work_area_is_made_leaves_nothing(built, monkeypatch):
    # the signal lands in the instant after the work area exists and before the build's
    # clean-up is in force: the work area must still go, and the year folder stay as it was
    from pipeline.output import staging

    workbook, out = built
    before = tree(out)
    made = staging.Staging.__init__

    def made_then_interrupted(self, target):
        made(self, target)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(staging.Staging, "__init__", made_then_interrupted)
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out), "-q"])
    assert result.exit_code == 130, result.output
    assert sorted(p.name for p in out.iterdir()) == ["2027"]
    assert tree(out) == before
