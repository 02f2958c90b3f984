"""The build plan: every producer in phase order (SPEC §3), and what each hands the next.

Read top to bottom, :func:`make_documents` is the whole wiring: which producer
runs when, what it is given and which of its results later ones take. Nothing
is passed through shared state; a new document type is one more line here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.contract.outputs import Output
from pipeline.documents.contexts.common import LastYear
from pipeline.documents.distribution.sheets import distribution_list
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.documents.mailings import plan as mailing_plan
from pipeline.documents.outbox import calendar_invitations, drafts
from pipeline.documents.progress_copies import progress_forms
from pipeline.documents.progress_merge import ProgressMerge
from pipeline.documents.survey_forms import survey_forms
from pipeline.documents.tracker.existing import status_date
from pipeline.documents.tracker.merge import MergeReport
from pipeline.documents.tracker.produce import tracker
from pipeline.documents.word import (
    negotiation_documents,
    pre_materials,
    press_release,
    pretasks,
    summary,
)
from pipeline.errors import Problem


@dataclass(frozen=True)
class Documents:
    """Everything the producers made, in phase order."""

    outputs: tuple[Output, ...]
    #: why a document type was not made, for the build's report
    skipped: tuple[str, ...]
    #: what a rebuild carried over from the existing tracker (None: no tracker before)
    merge: MergeReport | None
    #: the tracker's cells to check; people and registries the e-mail drafts leave out for
    #: want of an address, once each
    warnings: tuple[Problem, ...] = ()
    #: what the returned progress forms brought into the tracker (None: no tracker made)
    progress: ProgressMerge | None = None


#: the output stage's rewriting of files (xlsx/pdf times), applied before any draft attaches them
Settle = Callable[[Sequence[Output]], list[Output]]
#: e-mail drafts made (and handed to ``store``) at a time: each holds its attachments
DRAFTS_AT_A_TIME = 50


def make_documents(
    inputs: BuildInputs,
    progress: Callable[[str], None] | None = None,
    settle: Settle | None = None,
    store: Settle | None = None,
) -> Documents:
    """Run every producer; ``progress`` hears each file's path as soon as it is made.

    ``settle``: what the output stage does to a file's bytes before writing it
    (the build passes :func:`pipeline.output.reproducible.normalize_outputs`);
    the drafts are made from the settled files, so their attachments are the
    year folder's files byte for byte. Every returned output but the drafts is settled.
    ``store``: what the output stage does with each producer's files once they are
    final (the drafts included): the build writes them to its work area and keeps
    their records only, so the files are not all held in memory at once.
    """
    made: list[Made] = []

    def keep(result: Made, *, settled: bool = True) -> None:
        outputs = list(result.outputs)
        if settle and settled:
            outputs = settle(outputs)
        if store:
            outputs = store(outputs)
        made.append(replace(result, outputs=tuple(outputs)))
        if progress:
            for o in result.outputs:
                progress(o.path)

    # worked out once, from the inputs: last year's rows by negotiation, and the date the
    # tracker's statuses are reported as of (the tracker records it, the summary is dated so)
    last_year = LastYear.of(inputs.data)
    as_of = status_date(inputs.build_date, inputs.current_tracker, fixed=inputs.fixed_date)

    # 1 ennakko
    keep(pretasks(inputs))
    keep(survey_forms(inputs))
    # 2 valmistelu
    keep(negotiation_documents(inputs, "kutsu", last_year))
    keep(calendar_invitations(inputs))
    keep(negotiation_documents(inputs, "asialista", last_year))
    keep(pre_materials(inputs, last_year))
    # 3 neuvottelut
    keep(negotiation_documents(inputs, "poytakirja", last_year))
    # 4 seuranta
    tracked = tracker(inputs, as_of)
    keep(tracked.made)
    keep(progress_forms(inputs, tracked.rows))
    keep(press_release(inputs))
    keep(summary(inputs, tracked.rows, as_of))
    # the files as they will be written (settled as each producer made them): what the
    # drafts attach
    settled = [o for m in made for o in m.outputs]
    mail = mailing_plan(inputs.data, settled)
    # last but the drafts: it lists every file, and each mailing's draft
    keep(distribution_list(inputs, settled, mail))
    for start in range(0, max(len(mail.mailings), 1), DRAFTS_AT_A_TIME):
        part = mail.mailings[start : start + DRAFTS_AT_A_TIME]
        keep(
            drafts(inputs, replace(mail, mailings=part, skipped=mail.skipped if not start else ())),
            settled=False,
        )
    return Documents(
        outputs=tuple(o for m in made for o in m.outputs),
        skipped=tuple(why for m in made for why in m.skipped),
        merge=tracked.merge,
        warnings=(*tracked.warnings, *mail.warnings, *(w for m in made for w in m.warnings)),
        progress=tracked.progress,
    )
