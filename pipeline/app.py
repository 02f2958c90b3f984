"""The core, callable as a library: read → validate → model → render → write.

``check`` validates; ``build`` validates, renders every document the data
allows, writes each into the work area as soon as it is final (keeping only its
record in memory), and only then puts them all into ``DIR/<Vuosi>/`` at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.contract.outputs import Output
from pipeline.contract.source_date import source_date_epoch
from pipeline.documents.tracker.merge import MergeReport
from pipeline.errors import Problem, Problems
from pipeline.output.archive_list import FILE_NAME, archive_list
from pipeline.output.commit import WriteReport
from pipeline.workbook import load as workbook_load
from pipeline.workbook.model import YearData

if TYPE_CHECKING:
    from pipeline.output.staging import Staging
    from pipeline.render.word import Renderer

DEFAULT_WORKBOOK = Path("input/hytetu.xlsx")
DEFAULT_OUT = Path("output")


def check(workbook_path: Path) -> tuple[YearData | None, Problems]:
    """Read and validate the workbook, then the county's own templates (``Pohjakansio``).

    Never raises for problems in the data; the data is None when there are errors.
    """
    data, problems = workbook_load.check(workbook_path)
    if data is None or data.settings.templates is None:
        return data, problems
    from pipeline.documents.template_check import check_templates

    assert data.workbook is not None
    problems.extend(check_templates(data.settings.templates, data.workbook.resolve().parent))
    return (None if problems.errors else data), problems


def load(workbook_path: Path) -> tuple[YearData, list[Problem]]:
    """Validated data and its warnings; :class:`InputError` listing everything otherwise."""
    data, problems = check(workbook_path)
    problems.raise_if_errors()
    assert data is not None
    return data, problems.warnings


def renderer_for(data: YearData) -> Renderer:
    """The Word renderer of ``data``'s build: its own templates and logo, if it names them."""
    from pipeline.render.logo import Logo
    from pipeline.render.word import Renderer

    s = data.settings
    logos = {}
    if s.logo is not None:
        try:
            logo = Logo.read(s.logo, s.county)
        except (OSError, ValueError) as exc:  # validated, then changed before the build read it
            from pipeline.errors import TemplateProblem

            raise TemplateProblem(f"{s.logo}: logoa ei voi lukea ({exc}).") from None
        logos = {lang: logo.with_alt(s.county_in(lang)) for lang in ("fi", "sv")}
    return Renderer(overrides=s.templates, logos=logos)


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
    from pipeline.output import interrupt
    from pipeline.output.commit import begin, commit_staged
    from pipeline.output.metadata import personal_data_marker
    from pipeline.output.workspace import hold
    from pipeline.rebuild import Rebuild

    data, warnings = load(workbook)
    if pdf:  # before anything is rendered: without LibreOffice, nothing is written
        from pipeline.output.pdf import check_available

        check_available()
    target = Path(out) / str(data.settings.year)
    with hold(target.parent) as lock:  # one build at a time per output folder
        # each file goes to the work area as soon as it is final; only its record stays
        with interrupt.deferred():  # no work area made without the clean-up that removes it
            staging, leftovers = begin(target, lock)
        try:
            interrupt.check()  # a Ctrl+C that came meanwhile
            tracker_path = naming.output_path(
                "seurantataulukko", str(data.settings.year), ext="xlsx"
            )
            current = target / tracker_path
            inputs = BuildInputs(
                data=data,
                build_date=build_date(data),
                current_tracker=read_tracker(current) if current.is_file() else None,
                renderer=renderer or renderer_for(data),
                fixed_date=source_date_epoch() is not None,
            )
            merged = [tracker_path] if inputs.current_tracker else []
            rebuild = Rebuild(inputs, target, merged=merged, replace_edited=replace_edited)
            inputs = rebuild.inputs  # with what the previous build left to take as it is
            mark = personal_data_marker(data)

            def store(made: Sequence[Output]) -> list[Output]:
                return staging.store((mark(o) for o in rebuild.finish(made)), rebuild.same_file)

            documents = make_documents(inputs, progress, rebuild.settle, store)
            recorded = {path: r.sha256 for path, r in rebuild.recorded.items()}
            outputs = list(documents.outputs)
            outputs += _pdf_copies(
                outputs, inputs.created, pdf, progress, target, recorded, staging
            )
            staging.put(FILE_NAME, archive_list(outputs, data.settings, inputs.build_date))
            written = commit_staged(
                target,
                staging,
                merged=merged,
                replace_edited=replace_edited,
                kept_edits=rebuild.note(),
                leftovers=leftovers,
            )
        except BaseException:
            staging.remove()  # kept while the previous year folder is aside in it
            raise
        replaced = sorted(
            {*written.replaced, *(e.path for e in rebuild.edited.values() if e.replaced)}
        )
        written.replaced = replaced
        written.changed = [rel for rel in written.changed if rel not in replaced]
    return BuildResult(
        target=target,
        outputs=outputs,
        warnings=[
            *warnings,
            *documents.warnings,
            *rebuild.warnings(),
            *(documents.progress.warnings if documents.progress else ()),
        ],
        skipped=list(documents.skipped),
        merge=documents.merge,
        progress=report_lines(documents.progress) if documents.progress else [],
        written=written,
    )


def _pdf_copies(
    outputs: list[Output],
    when: dt.datetime,
    pdf: bool,
    progress: Callable[[str], None] | None,
    target: Path,
    recorded: Mapping[str, str],
    staging: Staging,
) -> list[Output]:
    """PDF/A copies (the Word documents' metadata) if asked, and the still-valid copies
    of the previous build in ``target`` kept either way
    (:func:`~pipeline.output.pdf.previous_copies`; ``recorded``: the previous archive
    list's checksums, as the rebuild read them), each written to ``staging``. (Every
    file was marked when it names people, ``henkilotietoja``, and stamped with the
    build's time, not the clock, as it was stored.)
    """
    from pipeline.output.pdf import add_pdf_copies, previous_copies

    # PDF reuse (#12, #17): an unchanged Word document keeps its PDF, with or without --pdf
    kept = previous_copies(outputs, target, recorded, staging)
    if not pdf:
        return list(kept.values())
    copies = add_pdf_copies(outputs, when, previous=kept, staging=staging)
    if progress:
        for o in copies:
            progress(o.path)
    return copies
