"""Builds for tests: the committed example workbook, or a workbook written from sheets."""

from __future__ import annotations

from pathlib import Path

from pipeline.app import BuildResult, build
from tests.helpers import workbooks as wbs

#: the committed example county (`hytetu init --example` writes the same workbook)
EXAMPLE = Path(__file__).resolve().parents[2] / "input" / "hytetu.xlsx"


def build_of(
    folder: Path, sheets: dict[str, list[wbs.Row]] | None = None, *, pdf: bool = False
) -> BuildResult:
    """Write ``sheets`` (the valid base when None) to ``folder/hytetu.xlsx`` and build it
    into ``folder/out``."""
    return build(wbs.write(folder / "hytetu.xlsx", sheets), folder / "out", pdf=pdf)
