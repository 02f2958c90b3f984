"""LibreOffice's throw-away profiles: seeded so that a start skips the graphics self-test."""

from __future__ import annotations

import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import docx
import pytest
from defusedxml import ElementTree

from pipeline.output import office
from tests.helpers.office import soffice_or_skip

OOR = "{http://openoffice.org/2001/registry}"


def _fake_soffice(tmp_path: Path, prints: str) -> str:
    exe = tmp_path / "soffice"
    exe.write_text(f"#!/bin/sh\necho '{prints}'\n", "utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


def test_the_version_is_read_as_a_profile_records_it(tmp_path):
    office.product_version.cache_clear()
    assert office.product_version(_fake_soffice(tmp_path, "LibreOffice 7.4.7.2 40(Build:2)")) == (
        "7.4"
    )
    office.product_version.cache_clear()
    assert office.product_version(_fake_soffice(tmp_path, "something else")) is None
    assert office.product_version(str(tmp_path / "missing")) is None
    office.product_version.cache_clear()


def test_a_seeded_profile_records_the_version_and_nothing_else(tmp_path):
    office.seed_profile(tmp_path, "7.4")
    root = ElementTree.parse(tmp_path / "user" / "registrymodifications.xcu").getroot()
    items = [
        (i.get(f"{OOR}path"), p.get(f"{OOR}name"), p.findtext("value")) for i in root for p in i
    ]
    assert items == [("/org.openoffice.Setup/Product", "ooSetupLastVersion", "7.4")]
    office.seed_profile(tmp_path / "none", None)
    assert not (tmp_path / "none").exists()


@pytest.mark.libreoffice
def test_a_seeded_profile_converts_without_the_graphics_self_test(tmp_path):
    exe = soffice_or_skip()
    document = docx.Document()
    document.add_paragraph("Hei.")
    document.save(tmp_path / "a.docx")
    profile = tmp_path / "profile"
    office.seed_profile(profile, office.product_version(exe))
    subprocess.run(
        [exe, "--headless", "--norestore", "--nolockcheck", "--nodefault",
         f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "a.docx")],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert (tmp_path / "out" / "a.pdf").read_bytes().startswith(b"%PDF-")
    # an unseeded profile gets this log on every start (LibreOffice 7.2 and newer)
    assert not (profile / "user" / "GraphicsRenderTests.log").exists()


def test_a_stopped_batch_kills_libreoffice_and_reports_itself_stopped(tmp_path, monkeypatch):
    exe = tmp_path / "soffice"
    exe.write_text('#!/bin/sh\n[ "$1" = --version ] && exit 0\nsleep 60\n', "utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(office, "find_soffice", lambda: str(exe))
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    start = time.monotonic()
    batch = office.run_batch([tmp_path / "a.docx"], "pdf", tmp_path / "out", timeout=60, stop=stop)
    assert time.monotonic() - start < 10  # killed, not waited for
    assert batch.stopped and not batch.timed_out and batch.done == {}
    assert office.run_batch([tmp_path / "a.docx"], "pdf", tmp_path / "out", stop=stop).stopped


def test_a_ctrl_c_during_the_batches_stops_every_libreoffice(tmp_path, monkeypatch):
    """LibreOffice runs in a session of its own (the terminal's Ctrl+C never reaches it):
    the build's interrupt stops every batch instead of waiting for them to finish."""
    stopped = []

    def converting(files, target, outdir, *, timeout, stop):
        stop.wait(30)
        stopped.append(stop.is_set())
        return office.Batch(stopped=True)

    monkeypatch.setattr(office, "run_batch", converting)
    files = [tmp_path / f"{i:03d}.docx" for i in range(60)]
    main = threading.main_thread().ident
    assert main is not None
    threading.Timer(0.3, signal.pthread_kill, (main, signal.SIGINT)).start()  # a real Ctrl+C
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        office.run_batches(files, "pdf", tmp_path, timeout=60, workers=2)
    assert stopped == [True, True]
    assert time.monotonic() - start < 10
