"""The tracker producer: this year's register as the tracker, merged on a rebuild with the
one people have been working in (SPEC §3 "The tracker")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pipeline.contract import naming
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.documents.progress_merge import ProgressMerge, merge_progress
from pipeline.documents.tracker.existing import copy_sheets
from pipeline.documents.tracker.layout import set_status_date, tracker_file, write_tracker
from pipeline.documents.tracker.merge import MergeReport, merge_rows
from pipeline.documents.tracker.rows import TrackerRow, rows_from_register
from pipeline.documents.tracker.snapshot import write_snapshot
from pipeline.documents.tracker.warnings import overwritten, unknown_statuses
from pipeline.errors import Problem
from pipeline.render.xlsx import set_properties


@dataclass(frozen=True)
class TrackerMade:
    """The tracker, and what later producers and the build's report need of it."""

    made: Made
    #: the rows as written (merged on a rebuild, rows removed from the register
    #: included); None when no tracker was made
    rows: tuple[TrackerRow, ...] | None = None
    #: what merging with the existing tracker did; None when there was none
    merge: MergeReport | None = None
    #: what the returned progress forms brought in; None when no tracker was made
    progress: ProgressMerge | None = None
    #: statuses outside the list, register columns edited in the tracker (each cell named)
    warnings: tuple[Problem, ...] = ()


def tracker(inputs: BuildInputs, status_date: dt.date) -> TrackerMade:
    """``status_date``: recorded in the tracker as the date its state is reported as of."""
    data, current = inputs.data, inputs.current_tracker
    if not data.decisions and current is None:
        return TrackerMade(
            Made.nothing(
                "seurantataulukko: päätösrekisterissä (Päätökset) ei ole päätöksiä, joten "
                "seurantataulukkoa ei tehty."
            )
        )
    rows = rows_from_register(data)
    extra_headers: list[str] = []
    merge: MergeReport | None = None
    if current is not None:
        # a rebuild: what people typed into the tracker is carried over (SPEC §3)
        rows, merged = merge_rows(
            rows, current.rows, marked=current.marked, snapshot=current.snapshot
        )
        extra_headers = list(current.extra_headers)
        merge = replace(
            merged, extra_columns=list(extra_headers), extra_sheets=list(current.extra_sheets)
        )
    # then the progress forms the municipalities returned (seurantavastaukset/)
    progress = merge_progress(rows, data.progress)
    rows = list(progress.rows)
    wb = write_tracker(data, rows, extra_headers)
    if current is not None:
        copy_sheets(wb, current.workbook, current.extra_sheets)
    write_snapshot(wb, rows)
    set_status_date(wb, status_date)
    title = f"{t('title_seurantataulukko', 'fi')} {data.settings.year}"
    set_properties(wb, inputs.properties(title, "seurantataulukko", "fi"))
    path = naming.output_path("seurantataulukko", str(data.settings.year), ext="xlsx")
    warnings = [*(overwritten(path, merge) if merge else []), *unknown_statuses(path, rows)]
    output = Output(
        path=path,
        doc_type="seurantataulukko",
        title=title,
        content=tracker_file(wb),
        personal_data=True,
    )
    return TrackerMade(Made.of([output]), tuple(rows), merge, progress, tuple(warnings))
