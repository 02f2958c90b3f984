"""Benchmark: hytetu at national scale, against the naive docxtpl way and the physical floor.

    python bench/run.py [--repeat 3] [--no-pdf]

Synthesizes a national-scale workbook (see ``bench/national.py``) and measures,
each as the median of ``--repeat`` runs:

- ``hytetu build`` without and with ``--pdf``: seconds, files per second, ms per
  document and peak memory (the Python process; LibreOffice's own shown apart);
- the naive baseline: the same Word documents rendered with a fresh
  ``DocxTemplate(path)``, ``render`` and ``save`` per document, same templates
  and contexts, same Jinja environment;
- the physical floor: copying a template file once per document;
- ``hytetu --help`` start-up time.

It prints a table of medians, ratios and the targets of issue #7.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.national import write_national  # noqa: E402

# Runs one build in a fresh process and reports its own time and peak memory.
_CHILD = """
import json, resource, sys, time
from click.testing import CliRunner
from pipeline.cli import main
start = time.perf_counter()
result = CliRunner().invoke(main, sys.argv[1:], catch_exceptions=False)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "exit": result.exit_code, "rss_kb": own, "child_rss_kb": kids}))
"""


def _run_build(workbook: Path, out: Path, pdf: bool) -> dict:
    args = ["build", str(workbook), "--out", str(out), "--quiet"] + (["--pdf"] if pdf else [])
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stdout}\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["exit"] != 0:
        raise SystemExit(f"hytetu build exited {result['exit']}")
    archive = (out / "2027" / "arkistoluettelo.csv").read_text(encoding="utf-8-sig").splitlines()
    paths = [line.split(";", 1)[0] for line in archive[1:]]
    result["documents"] = sum(not p.endswith(".pdf") for p in paths)
    result["files"] = len(paths)
    result["docx"] = sum(p.endswith(".docx") for p in paths)
    return result


def _render_calls(workbook: Path) -> list[tuple[Path, dict]]:
    """The (template, context) of every Word document a build of ``workbook`` renders."""
    from pipeline.app import build
    from pipeline.render import word as render

    calls: list[tuple[Path, dict]] = []
    original = render.Renderer.render

    def record(self, lang, name, context, props, media=None):
        calls.append((self.template_path(lang, name), context))
        return original(self, lang, name, context, props, media)

    render.Renderer.render = record
    try:
        with tempfile.TemporaryDirectory() as tmp:
            build(workbook, Path(tmp))
    finally:
        render.Renderer.render = original
    return calls


def _naive(calls: list[tuple[Path, dict]]) -> float:
    from docxtpl import DocxTemplate

    from pipeline.render.word import make_environment

    env = make_environment()
    start = time.perf_counter()
    for path, context in calls:
        doc = DocxTemplate(path)
        doc.render(context, jinja_env=env)
        doc.save(io.BytesIO())
    return time.perf_counter() - start


def _prepared(calls: list[tuple[Path, dict]]) -> float:
    """Our renderer over the same calls (templates prepared once, as in a build)."""
    import datetime as dt

    from pipeline.render.word import DocProperties, Renderer

    renderer = Renderer()
    props = DocProperties("t", "s", "a", "k", "fi-FI", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    start = time.perf_counter()
    for path, context in calls:
        renderer.render(path.parent.name, path.stem, context, props)
    return time.perf_counter() - start


def _floor(n: int) -> float:
    source = ROOT / "templates_docx" / "fi" / "poytakirja.docx"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for i in range(n):
            shutil.copyfile(source, Path(tmp) / f"{i}.docx")
        return time.perf_counter() - start


def _startup(repeat: int = 15) -> float:
    exe = shutil.which("hytetu")
    cmd = [exe, "--help"] if exe else [sys.executable, "-m", "pipeline", "--help"]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice runs")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1800000000")

    with tempfile.TemporaryDirectory(prefix="hytetu-bench-") as tmp:
        tmp_path = Path(tmp)
        workbook = write_national(tmp_path / "kansallinen.xlsx")
        example = ROOT / "input" / "hytetu.xlsx"

        runs = [_run_build(workbook, tmp_path / "out", pdf=False) for _ in range(args.repeat)]
        build_s = statistics.median(r["seconds"] for r in runs)
        docs = runs[0]["documents"]
        rss_mb = max(r["rss_kb"] for r in runs) / 1024
        example_s = statistics.median(
            _run_build(example, tmp_path / "ex", pdf=False)["seconds"] for _ in range(args.repeat)
        )
        calls = _render_calls(workbook)
        naive_s = statistics.median(_naive(calls) for _ in range(args.repeat))
        prepared_s = statistics.median(_prepared(calls) for _ in range(args.repeat))
        floor_s = statistics.median(_floor(docs) for _ in range(args.repeat))
        startup_s = _startup()
        pdf = None
        if not args.no_pdf and shutil.which("soffice"):
            pdf_runs = [
                _run_build(workbook, tmp_path / "pdf", pdf=True) for _ in range(args.repeat)
            ]
            pdf = {
                "seconds": statistics.median(r["seconds"] for r in pdf_runs),
                "docx": pdf_runs[0]["docx"],
                "rss_mb": max(r["rss_kb"] for r in pdf_runs) / 1024,
                "lo_rss_mb": max(r["child_rss_kb"] for r in pdf_runs) / 1024,
            }

    n = len(calls)
    per_doc_build = build_s / docs * 1000
    per_doc_naive = naive_s / n * 1000
    rows = [
        ("national workbook", f"{docs} documents ({n} Word) from 300 municipalities", "", ""),
        (
            "hytetu build",
            f"{build_s:.2f} s, {docs / build_s:.0f} files/s",
            "< 10 s",
            _ok(build_s < 10),
        ),
        ("  per document", f"{per_doc_build:.1f} ms", "", ""),
        ("naive docxtpl (Word only)", f"{naive_s:.2f} s, {per_doc_naive:.1f} ms/doc", "", ""),
        (
            "prepared templates (Word only)",
            f"{prepared_s:.2f} s, {prepared_s / n * 1000:.1f} ms/doc",
            f"{naive_s / prepared_s:.1f}x faster than naive",
            "",
        ),
        (
            "build vs naive, per document",
            f"{per_doc_naive / per_doc_build:.1f}x",
            ">= 3x",
            _ok(per_doc_naive / per_doc_build >= 3),
        ),
        (
            "copy floor",
            f"{floor_s * 1000:.0f} ms, {floor_s / docs * 1000:.2f} ms/doc",
            f"build is {build_s / floor_s:.0f}x the floor",
            "",
        ),
        ("peak memory (build)", f"{rss_mb:.0f} MB", "< 300 MB", _ok(rss_mb < 300)),
        ("example county build", f"{example_s:.2f} s", "< 2 s", _ok(example_s < 2)),
        ("hytetu --help", f"{startup_s * 1000:.0f} ms", "< 150 ms", _ok(startup_s < 0.150)),
    ]
    if pdf:
        per_pdf = pdf["seconds"] / pdf["docx"] * 1000
        rows += [
            ("hytetu build --pdf", f"{pdf['seconds']:.2f} s for {pdf['docx']} PDFs", "", ""),
            ("  per document with PDF", f"{per_pdf:.0f} ms", "< 40 ms", _ok(per_pdf < 40)),
            (
                "  peak memory",
                f"{pdf['rss_mb']:.0f} MB (LibreOffice {pdf['lo_rss_mb']:.0f} MB)",
                "< 300 MB",
                _ok(pdf["rss_mb"] < 300),
            ),
        ]
    else:
        rows.append(
            ("hytetu build --pdf", "not measured (no soffice or --no-pdf)", "< 40 ms/doc", "-")
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    print(f"median of {args.repeat} runs, {os.cpu_count()} cores")
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


def _ok(passed: bool) -> str:
    return "ok" if passed else "MISSED"


if __name__ == "__main__":
    main()
