"""The core, callable as a library: read → validate → model → render → write.

``check`` validates; ``build`` validates, renders every document the data
allows in memory, and only then writes them all into ``DIR/<Vuosi>/`` at once.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contract.outputs import Output
from pipeline.contract.source_date import source_date_epoch
from pipeline.documents.tracker.merge import MergeReport
from pipeline.errors import Problem
from pipeline.output.archive_list import FILE_NAME, archive_list
from pipeline.output.commit import WriteReport
from pipeline.workbook.load import check as check  # re-exported: the core's entry points
from pipeline.workbook.load import load as load
from pipeline.workbook.model import YearData

if TYPE_CHECKING:
    from pipeline.documents.inputs import BuildInputs
    from pipeline.render.word import Renderer

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
    #: per municipality, what its returned progress form brought into the tracker
    progress: list[str] = field(default_factory=list)
    #: files kept, replaced and backed up while writing
    written: WriteReport | None = None


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
    renderer: Renderer | None = None,
) -> BuildResult:
    """Build into ``out/<Vuosi>/``; a rebuild keeps what people typed and added there.

    ``replace_edited``: replace generated files edited by hand since the last
    build (copies go to ``out/varmuuskopiot/<Vuosi>/``) instead of stopping.
    ``pdf``: also a tagged PDF/A-2b copy of every Word document (LibreOffice).
    ``renderer``: the Word renderer to use (a benchmark's, say); the shipped templates' otherwise.
    """
    from pipeline.contract import naming
    from pipeline.documents.inputs import BuildInputs
    from pipeline.documents.plan import make_documents
    from pipeline.documents.progress_merge import report_lines
    from pipeline.documents.tracker.existing import read_tracker
    from pipeline.output.commit import check_target, commit_build
    from pipeline.output.reproducible import normalize_outputs
    from pipeline.output.workspace import hold
    from pipeline.render.word import Renderer

    data, warnings = load(workbook)
    if pdf:  # before anything is rendered: without LibreOffice, nothing is written
        from pipeline.output.pdf import check_available

        check_available()
    target = Path(out) / str(data.settings.year)
    with hold(target.parent):  # one build at a time per output folder
        check_target(target)
        tracker_path = naming.output_path("seurantataulukko", str(data.settings.year), ext="xlsx")
        current = target / tracker_path
        inputs = BuildInputs(
            data=data,
            build_date=build_date(data),
            current_tracker=read_tracker(current) if current.is_file() else None,
            renderer=renderer or Renderer(),
        )
        from pipeline.output.reproducible import normalize_outputs

        documents = make_documents(
            inputs, progress, lambda outs: normalize_outputs(list(outs), inputs.created)
        )
        outputs = _keep_unchanged(list(documents.outputs), inputs, target)
        outputs = _archive_grade(outputs, data, inputs.created, pdf, progress, target)
        files = {o.path: o.content for o in outputs}
        files[FILE_NAME] = archive_list(outputs, data.settings, inputs.build_date)
        written = commit_build(
            target,
            files,
            merged=[tracker_path] if inputs.current_tracker else [],
            replace_edited=replace_edited,
        )
    return BuildResult(
        target=target,
        outputs=outputs,
        warnings=[
            *warnings,
            *documents.warnings,
            *(documents.progress.warnings if documents.progress else ()),
        ],
        skipped=list(documents.skipped),
        merge=documents.merge,
        progress=report_lines(documents.progress) if documents.progress else [],
        written=written,
    )


def _archive_grade(
    outputs: list[Output],
    data: YearData,
    when: dt.datetime,
    pdf: bool,
    progress: Callable[[str], None] | None,
    target: Path,
) -> list[Output]:
    """Every file marked when it names people (``henkilotietoja``); PDF/A copies (same
    metadata) if asked, and the still-valid copies of the previous build in ``target``
    kept either way (:func:`~pipeline.output.pdf.previous_copies`). (The files were stamped with the build's time, not the clock,
    by :func:`make_documents`, before the e-mail drafts attached them.)

    Applies to whatever the producers made, so new document types are covered.
    """
    from pipeline.output.metadata import mark_personal_data
    from pipeline.output.pdf import add_pdf_copies, previous_copies

    outputs = mark_personal_data(outputs, data)
    # PDF reuse (#12, #17): an unchanged Word document keeps its PDF, with or without --pdf
    kept = previous_copies(outputs, target)
    if pdf:
        copies = add_pdf_copies(outputs, when, previous=kept)
        if progress:
            for o in copies:
                progress(o.path)
    else:
        copies = list(kept.values())
    return outputs + copies


def _settle(outputs: Iterable[Output], *, when: dt.datetime) -> list[Output]:
    from pipeline.output.reproducible import normalize_outputs

    return normalize_outputs(list(outputs), when)


def _keep_unchanged(outputs: list[Output], inputs: BuildInputs, target: Path) -> list[Output]:
    """A file whose content did not change keeps its bytes and date, whatever the build date.

    A document that differs from what the previous build recorded, and was dated
    then by another build date, is rendered again with that date: if that gives
    the recorded file, the content did not change and the file on disk (unedited)
    is kept as it is, with its date.
    """
    import dataclasses
    import hashlib

    from pipeline.documents.plan import make_documents
    from pipeline.output.archive_list import read_archive_list

    listing = target / FILE_NAME
    if not listing.is_file():
        return outputs
    try:
        rows = read_archive_list(listing.read_bytes())
        recorded = {
            r["tiedosto"]: (r["sha256"], dt.date.fromisoformat(r["laadittu"])) for r in rows
        }
    except (OSError, UnicodeDecodeError, KeyError, ValueError):
        return outputs
    candidates: dict[dt.date, list[int]] = {}
    for i, o in enumerate(outputs):
        prev = recorded.get(o.path)
        if prev is None or o.date is not None:
            continue
        sha, when = prev
        if o.sha256 == sha:
            outputs[i] = dataclasses.replace(o, date=when)
        elif when != inputs.build_date:
            candidates.setdefault(when, []).append(i)
    for when, indices in sorted(candidates.items()):
        again = dataclasses.replace(inputs, build_date=when)
        made = make_documents(again, None, functools.partial(_settle, when=again.created)).outputs
        by_path = {o.path: o for o in made}
        for i in indices:
            o = outputs[i]
            sha = recorded[o.path][0]
            old = by_path.get(o.path)
            disk = target / o.path
            if old is None or old.sha256 != sha or not disk.is_file():
                continue
            content = disk.read_bytes()
            if hashlib.sha256(content).hexdigest() == sha:
                outputs[i] = dataclasses.replace(o, content=content, date=when)
    return outputs
