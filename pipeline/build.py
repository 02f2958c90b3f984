"""The core, callable as a library: read → validate → model → render → write.

``check`` validates; ``build`` validates, renders every document the data
allows in memory, and only then writes them all into ``DIR/<Vuosi>/`` at once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .archive import FILE_NAME, Output, archive_list
from .errors import InputError, Problem, Problems
from .model import YearData
from .read import read_workbook
from .validate import validate

DEFAULT_WORKBOOK = Path("input/hytetu.xlsx")
DEFAULT_OUT = Path("output")


@dataclass
class BuildResult:
    target: Path
    outputs: list[Output]
    warnings: list[Problem]
    skipped: list[str] = field(default_factory=list)


def check(workbook: Path) -> tuple[YearData | None, Problems]:
    """Read and validate; never raises for problems in the data (see ``Problems``)."""
    raw = read_workbook(Path(workbook))
    return validate(raw)


def load(workbook: Path) -> tuple[YearData, list[Problem]]:
    """Validated data and its warnings; :class:`InputError` listing everything otherwise."""
    data, problems = check(workbook)
    problems.raise_if_errors()
    assert data is not None
    return data, problems.warnings


def build_date(workbook: Path) -> dt.date:
    """The date documents carry: ``SOURCE_DATE_EPOCH`` if set, else the workbook's own date.

    Never the wall clock, so building the same workbook twice gives the same files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise InputError(
                [
                    Problem(
                        "SOURCE_DATE_EPOCH",
                        f"arvo ”{epoch}” ei ole sekuntimäärä. Poista muuttuja tai anna kokonaisluku.",
                    )
                ]
            ) from None
    return dt.datetime.fromtimestamp(Path(workbook).stat().st_mtime, tz=dt.UTC).date()


def build(
    workbook: Path = DEFAULT_WORKBOOK,
    out: Path = DEFAULT_OUT,
    *,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    from .documents import PRODUCERS, Job
    from .write import commit_build

    data, warnings = load(workbook)
    job = Job(data=data, build_date=build_date(workbook))
    outputs: list[Output] = []
    for produce in PRODUCERS:
        made = produce(job)
        outputs.extend(made)
        if progress:
            for o in made:
                progress(o.path)
    files = {o.path: o.content for o in outputs}
    files[FILE_NAME] = archive_list(outputs, data.settings, job.build_date)
    target = Path(out) / str(data.settings.year)
    commit_build(target, files)
    return BuildResult(target=target, outputs=outputs, warnings=warnings, skipped=job.skipped)
