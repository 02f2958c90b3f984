"""PDF conversion alone: batches of 100 (before) against equal batches, one per core (now).

    python bench/convert.py DOCX_DIR [DOCX_DIR ...] [--rounds 2]

Each folder's ``.docx`` (found recursively, e.g. two builds' output folders: one with
the old templates, one with the lean ones) are converted with the tool's PDF filter,
both ways, interleaved round by round so that both meet the same machine load.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.output import office  # noqa: E402
from pipeline.output.pdf import PDF_FILTER  # noqa: E402


def _by_hundreds(files: list[Path], workers: int) -> list[list[Path]]:
    return [files[i : i + 100] for i in range(0, len(files), 100)]


def convert(files: list[Path], plan: str, outdir: Path) -> float:
    workers = office.default_workers()
    chunks = _by_hundreds(files, workers) if plan == "100" else office.plan_batches(files, workers)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        batches = list(pool.map(lambda c: office.run_batch(c, PDF_FILTER, outdir), chunks))
    seconds = time.perf_counter() - start
    done = sum(len(b.done) for b in batches)
    if done != len(files):
        raise SystemExit(f"{plan}: only {done} of {len(files)} converted")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hytetu-convert-") as tmp:
        sets = {}
        for n, folder in enumerate(args.folders):
            flat = Path(tmp) / f"set{n}"
            flat.mkdir()
            for i, path in enumerate(sorted(folder.rglob("*.docx"))):
                shutil.copyfile(path, flat / f"{i:04d}_{path.stem}.docx")
            sets[folder] = sorted(flat.iterdir())
        for r in range(args.rounds):
            for folder, files in sets.items():
                for plan in ("100", "equal"):
                    out = Path(tmp) / "pdf"
                    shutil.rmtree(out, ignore_errors=True)
                    s = convert(files, plan, out)
                    print(
                        f"round {r + 1}  {folder}  {plan:>5}: {s:6.2f} s, "
                        f"{s / len(files) * 1000:5.1f} ms/doc ({len(files)} files)",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
