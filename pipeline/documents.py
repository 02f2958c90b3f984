"""Which documents a build makes, and how each is made (SPEC §3).

Every producer takes the :class:`Job` (the validated data plus what the build
shares) and returns the :class:`Output` files it makes, or explains in
``job.skipped`` why it makes none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import context, naming
from .archive import Output
from .distribution import distribution_list
from .i18n import t
from .merge import MergeReport, merge_rows
from .model import Negotiation, PreviousRow, YearData
from .phase_docs import pre_materials, press_release, pretasks, summary
from .previous import rows_for
from .render import DocProperties, Renderer
from .survey import survey_forms
from .tracker import (
    OldTracker,
    copy_sheets,
    rows_from_register,
    tracker_bytes,
    write_tracker,
)

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}


@dataclass
class Job:
    data: YearData
    build_date: dt.date
    renderer: Renderer = field(default_factory=Renderer)
    #: "why a document type was not made", for the build's report
    skipped: list[str] = field(default_factory=list)
    #: last year's tracker rows (``Edellisen vuoden seurantataulukko``), or None when not given;
    #: taken from the data when not set
    previous: list[PreviousRow] | None = None
    #: this year's tracker as a previous build left it (and people edited it), if any
    current_tracker: OldTracker | None = None
    #: what merging with ``current_tracker`` did, for the build's report
    merge: MergeReport | None = None
    #: every file the producers before this one made, in phase order (build.build fills it)
    outputs: list[Output] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.previous is None:
            self.previous = self.data.previous

    def previous_views(self, n: Negotiation, lang: str) -> list[context.PreviousView] | None:
        """Last year's rows of ``n``'s municipalities (and area) as its agenda shows them."""
        if self.previous is None:
            return None
        data = replace(self.data, previous=self.previous)
        return [context.previous_view(data, r, lang) for r in rows_for(data, n)]

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
    wb = write_tracker(data, rows, extra_headers)
    if current is not None:
        copy_sheets(wb, current.workbook, current.extra_sheets)
    title = f"{t('title_seurantataulukko', 'fi')} {data.settings.year}"
    _xlsx_properties(wb, job, title, "seurantataulukko")
    return [
        Output(
            path=naming.output_path("seurantataulukko", str(data.settings.year), ext="xlsx"),
            doc_type="seurantataulukko",
            title=title,
            content=tracker_bytes(wb),
            personal_data=True,
        )
    ]


def _xlsx_properties(wb, job: Job, title: str, doc_type: str, lang: str = "fi") -> None:
    props = job.properties(title, doc_type, lang)
    wb.properties.title = props.title
    wb.properties.subject = props.subject
    wb.properties.creator = props.author
    wb.properties.lastModifiedBy = props.author
    wb.properties.keywords = props.keywords
    wb.properties.language = props.language
    wb.properties.category = props.category
    wb.properties.created = props.created.replace(tzinfo=None)
    wb.properties.modified = props.created.replace(tzinfo=None)


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
