"""The benchmark's own code at toy scale (the benchmark itself is not part of the suite)."""

from __future__ import annotations

import subprocess
import sys

import openpyxl

from bench import measure, national, run
from pipeline.app import load


def test_a_scaled_workbook_grows_and_stays_within_the_row_limit(tmp_path, monkeypatch):
    toy = national.write_national(tmp_path / "toy.xlsx", scale=0.05)
    data, _ = load(toy)
    assert len(data.municipalities) == 15
    assert len(data.negotiations) == 3
    assert len(data.participants) == 60
    monkeypatch.setattr(national, "MAX_PARTICIPANTS", 40)  # as 10× meets the 10,000-row limit
    capped = national.write_national(tmp_path / "capped.xlsx", scale=0.05)
    assert openpyxl.load_workbook(capped, read_only=True)["Osallistujat"].max_row == 41


def test_the_child_reports_its_own_peak_not_its_parents():
    ballast = bytearray(300 * 1024 * 1024)  # a large parent: ru_maxrss would inherit this
    ballast[::4096] = b"x" * len(ballast[::4096])
    result = measure.run_hytetu(["--help"])
    assert "build" in result.output
    assert 5 < result.peak_mib < 200
    assert result.wall >= result.seconds > 0
    del ballast


def test_descendants_are_found_through_their_parents():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        import os

        assert child.pid in measure.descendants(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_the_report_prints_every_target_row_of_issue_17():
    one = measure.Run(seconds=3.0, wall=3.4, peak_mib=140)
    ten = measure.Run(seconds=33.0, wall=34, peak_mib=320)
    pdf = measure.Run(seconds=16.0, wall=17, peak_mib=150, child_peaks_mib=[210, 20])
    again = measure.Run(seconds=15.0, wall=16, peak_mib=150)
    count = {"files": 704, "documents": 704, "docx": 402, "pdf": 0}
    m = {
        "cores": 2,
        "repeat": 1,
        "help_s": 0.05,
        "build_1x": one,
        "count_1x": count,
        "build_10x": ten,
        "count_10x": count,
        "word_calls": 402,
        "naive_s": 10.0,
        "prepared_s": 0.5,
        "pdf_first": pdf,
        "pdf_again": again,
        "pdf_count": {**count, "pdf": 402},
        "lo_alone": (22.5, 9.0, 402),
    }
    text = run.report(m, [1, 10])
    assert (
        "LibreOffice alone, the tool's batches, this run: these 402 Word documents 56 ms each, "
        "402 one-paragraph documents (the review's floor, about 32 ms on its machine) 22 ms each"
    ) in text
    rows = {line.split("  ")[0]: line for line in text.splitlines()}
    assert "40 ms   " in rows["first --pdf build, per Word document"]
    assert rows["first --pdf build, per Word document"].endswith(" met")
    assert rows["--pdf rebuild vs first"].endswith("NOT MET")  # 0.94
    assert "11.0x" in rows["10x national build vs 1x (time)"]
    assert rows["10x national build vs 1x (time)"].endswith("NOT MET")
    assert "320 / 150 MiB" in rows["peak memory, 10x build / 1x --pdf build (Python)"]
    assert rows["national build vs naive docxtpl per document"].endswith("NOT MET")  # 5.8x
    assert rows["hytetu --help"].endswith(" met")
