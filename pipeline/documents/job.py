"""Which documents a build makes, and how each is made (SPEC §3).

Every producer takes the :class:`Job` (the validated data plus what the build
shares) and returns the :class:`Output` files it makes, or explains in
``job.skipped`` why it makes none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pipeline.contract import naming
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.documents import contexts as context
from pipeline.documents.distribution import distribution_list
from pipeline.documents.merge import MergeReport, merge_rows
from pipeline.documents.phase_docs import pre_materials, press_release, pretasks, summary
from pipeline.documents.phase_docs import status_date as tracker_status_date
from pipeline.documents.survey_forms import survey_forms
from pipeline.documents.tracker import (
    OldTracker,
    TrackerRow,
    copy_sheets,
    rows_from_register,
    set_status_date,
    tracker_file,
    write_tracker,
)
from pipeline.render.word import DocProperties, Renderer
from pipeline.render.xlsx import set_properties
from pipeline.workbook.model import Negotiation, PreviousRow, YearData
from pipeline.workbook.previous_year import rows_for

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}


@dataclass
class Job:
    data: YearData
    build_date: dt.date
    renderer: Renderer = field(default_factory=Renderer)
    #: "why a document type was not made", for the build's report
    skipped: list[str] = field(default_factory=list)
    #: this year's tracker as a previous build left it (and people edited it), if any
    current_tracker: OldTracker | None = None
    #: what merging with ``current_tracker`` did, for the build's report
    merge: MergeReport | None = None
    #: this year's tracker rows as the tracker producer wrote them (merged with
    #: ``current_tracker`` on a rebuild, rows removed from the register included);
    #: None when no tracker was made. Later producers (the summary) read them from here.
    tracker_rows: list[TrackerRow] | None = None
    #: every file the producers before this one made, in phase order (build.build fills it)
    outputs: list[Output] = field(default_factory=list)

    #: negotiation code -> last year's rows it shows, computed once (see previous_rows)
    _previous: dict[str, list[PreviousRow]] = field(default_factory=dict, init=False, repr=False)

    def previous_rows(self, n: Negotiation) -> list[PreviousRow] | None:
        """Last year's rows ``n`` shows (its municipalities', then whole-area ones).

        None when the workbook names no previous year's tracker.
        """
        if self.data.previous is None:
            return None
        if n.code not in self._previous:
            self._previous[n.code] = rows_for(self.data, n)
        return self._previous[n.code]

    def previous_views(self, n: Negotiation, lang: str) -> list[context.PreviousView] | None:
        """Last year's rows of ``n``'s municipalities (and area) as its documents show them."""
        rows = self.previous_rows(n)
        if rows is None:
            return None
        return [context.previous_view(self.data, r, lang) for r in rows]

    @cached_property
    def status_date(self) -> dt.date:
        """The date this year's tracker states are reported as of (the summary's date)."""
        return tracker_status_date(self)

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.combine(self.build_date, dt.time(), tzinfo=dt.UTC)

    def properties(self, title: str, doc_type: str, lang: str, keywords: str = "") -> DocProperties:
        s = self.data.settings
        return DocProperties(
            title=title,
            subject=f"{t('subject', lang)} {s.year}: {s.theme_in(lang)}",
            author=s.county_in(lang),
            keywords="; ".join(k for k in ("hytetu", doc_type, keywords) if k),
            language=LANGUAGE_TAGS.get(lang, ""),
            created=self.created,
            category=doc_type,
        )

    def render(
        self,
        lang: str,
        doc_type: str,
        ctx: object,
        title: str,
        keywords: str = "",
        media: dict[str, bytes] | None = None,
    ) -> bytes:
        return self.renderer.render(
            lang,
            doc_type,
            context.as_mapping(ctx),
            self.properties(title, doc_type, lang, keywords),
            media,
        )


Producer = Callable[[Job], list[Output]]


def negotiation_documents(doc_type: str) -> Producer:
    """kutsu, asialista, poytakirja: one per negotiation and language."""

    def produce(job: Job) -> list[Output]:
        outputs = []
        data = job.data
        for n in data.negotiations:
            for lang in data.languages_of(n):
                ctx = context.negotiation_doc(
                    data, n, lang, doc_type, job.build_date, job.previous_views(n, lang)
                )
                status = "luonnos" if doc_type == "poytakirja" and not ctx.final else "valmis"
                outputs.append(
                    Output(
                        path=naming.output_path(doc_type, n.code, lang, ext="docx"),
                        doc_type=doc_type,
                        title=ctx.common.title,
                        content=job.render(lang, doc_type, ctx, ctx.common.title, n.code),
                        negotiation=n.code,
                        lang=lang,
                        status=status,
                        # the agenda names the chair and the secretary when they are given
                        personal_data=doc_type in ("kutsu", "poytakirja")
                        or bool(n.chair or n.secretary),
                    )
                )
        return outputs

    return produce


def tracker(job: Job) -> list[Output]:
    data = job.data
    current = job.current_tracker
    if not data.decisions and current is None:
        job.skipped.append(
            "seurantataulukko: päätösrekisterissä (Päätökset) ei ole päätöksiä, joten "
            "seurantataulukkoa ei tehty."
        )
        return []
    rows, extra_headers = rows_from_register(data), []
    if current is not None:
        # a rebuild: what people typed into the tracker is carried over (SPEC §3)
        rows, job.merge = merge_rows(rows, current.rows, marked=current.marked)
        extra_headers = current.extra_headers
        job.merge.extra_columns = list(extra_headers)
        job.merge.extra_sheets = list(current.extra_sheets)
    job.tracker_rows = rows
    wb = write_tracker(data, rows, extra_headers)
    if current is not None:
        copy_sheets(wb, current.workbook, current.extra_sheets)
    set_status_date(wb, job.status_date)
    title = f"{t('title_seurantataulukko', 'fi')} {data.settings.year}"
    set_properties(wb, job.properties(title, "seurantataulukko", "fi"))
    return [
        Output(
            path=naming.output_path("seurantataulukko", str(data.settings.year), ext="xlsx"),
            doc_type="seurantataulukko",
            title=title,
            content=tracker_file(wb),
            personal_data=True,
        )
    ]


#: every producer, in phase order
PRODUCERS: tuple[Producer, ...] = (
    pretasks,
    survey_forms,
    negotiation_documents("kutsu"),
    negotiation_documents("asialista"),
    pre_materials,
    negotiation_documents("poytakirja"),
    tracker,
    press_release,
    summary,
    # last: it lists what the others made
    distribution_list,
)
