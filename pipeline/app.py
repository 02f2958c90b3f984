"""The core, callable as a library: read → validate → model → render → write.

``check`` validates; ``build`` validates, renders every document the data
allows in memory, and only then writes them all into ``DIR/<Vuosi>/`` at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.contract.outputs import Output
from pipeline.contract.source_date import source_date_epoch
from pipeline.documents.merge import MergeReport
from pipeline.errors import Problem, Problems
from pipeline.output.archive_list import FILE_NAME, archive_list
from pipeline.output.commit import WriteReport
from pipeline.workbook.model import YearData
from pipeline.workbook.read import read_workbook
from pipeline.workbook.validate import validate

DEFAULT_WORKBOOK = Path("input/hytetu.xlsx")
DEFAULT_OUT = Path("output")


@dataclass
class BuildResult:
    target: Path
    outputs: list[Output]
    warnings: list[Problem]
    skipped: list[str] = field(default_factory=list)
    #: what a rebuild carried over from the existing tracker (None: no tracker before)
    merge: MergeReport | None = None
    #: files kept, replaced and backed up while writing
    written: WriteReport | None = None


def check(workbook: Path) -> tuple[YearData | None, Problems]:
    """Read and validate; never raises for problems in the data (see ``Problems``).

    Survey forms returned into ``kyselyvastaukset/`` next to the workbook are read
    too (once the workbook itself has no errors); their problems are warnings.
    """
    from pipeline.workbook.returned_forms import read_returned_forms

    raw = read_workbook(Path(workbook))
    data, problems = validate(raw)
    if data is not None:
        read_returned_forms(data, problems)
    return data, problems


def load(workbook: Path) -> tuple[YearData, list[Problem]]:
    """Validated data and its warnings; :class:`InputError` listing everything otherwise."""
    data, problems = check(workbook)
    problems.raise_if_errors()
    assert data is not None
    return data, problems.warnings


def build_date(data: YearData) -> dt.date:
    """The date documents carry: ``SOURCE_DATE_EPOCH`` if set, else the workbook's own date.

    The workbook's date is when it was last saved, as recorded inside the file
    (a copy or a fresh clone keeps it), else the file's modification time.
    Never the wall clock, so building the same workbook twice gives the same files.
    """
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    if data.saved is not None:
        return data.saved.date()
    assert data.workbook is not None
    return dt.datetime.fromtimestamp(data.workbook.stat().st_mtime, tz=dt.UTC).date()


def build(
    workbook: Path = DEFAULT_WORKBOOK,
    out: Path = DEFAULT_OUT,
    *,
    progress: Callable[[str], None] | None = None,
    replace_edited: bool = False,
    pdf: bool = False,
) -> BuildResult:
    """Build into ``out/<Vuosi>/``; a rebuild keeps what people typed and added there.

    ``replace_edited``: replace generated files edited by hand since the last
    build (copies go to ``out/varmuuskopiot/<Vuosi>/``) instead of stopping.
    ``pdf``: also a tagged PDF/A-2b copy of every Word document (LibreOffice).
    """
    from pipeline.contract import naming
    from pipeline.documents.job import PRODUCERS, Job
    from pipeline.documents.tracker import read_tracker
    from pipeline.output.commit import check_target, commit_build
    from pipeline.output.workspace import hold

    data, warnings = load(workbook)
    if pdf:  # before anything is rendered: without LibreOffice, nothing is written
        from pipeline.output.pdf import check_available

        check_available()
    target = Path(out) / str(data.settings.year)
    with hold(target.parent):  # one build at a time per output folder
        check_target(target)
        tracker_path = naming.output_path("seurantataulukko", str(data.settings.year), ext="xlsx")
        current = target / tracker_path
        job = Job(data=data, build_date=build_date(data))
        if current.is_file():
            job.current_tracker = read_tracker(current)
        outputs = job.outputs  # producers see what those before them made
        for produce in PRODUCERS:
            made = produce(job)
            outputs.extend(made)
            if progress:
                for o in made:
                    progress(o.path)
        outputs = _archive_grade(outputs, data, job.created, pdf, progress)
        files = {o.path: o.content for o in outputs}
        files[FILE_NAME] = archive_list(outputs, data.settings, job.build_date)
        written = commit_build(
            target,
            files,
            merged=[tracker_path] if job.current_tracker else [],
            replace_edited=replace_edited,
        )
    return BuildResult(
        target=target,
        outputs=outputs,
        warnings=warnings,
        skipped=job.skipped,
        merge=job.merge,
        written=written,
    )


def _archive_grade(
    outputs: list[Output],
    data: YearData,
    when: dt.datetime,
    pdf: bool,
    progress: Callable[[str], None] | None,
) -> list[Output]:
    """Every file stamped with the build's time, not the clock, and marked when it names
    people (``henkilotietoja``); PDF/A copies (same metadata) if asked.

    Applies to whatever the producers made, so new document types are covered.
    """
    from pipeline.output.metadata import mark_personal_data
    from pipeline.output.pdf import add_pdf_copies
    from pipeline.output.reproducible import normalize_outputs

    outputs = mark_personal_data(normalize_outputs(outputs, when), data)
    if pdf:
        copies = add_pdf_copies(outputs, when)
        if progress:
            for o in copies:
                progress(o.path)
        outputs = outputs + copies
    return outputs
