"""The Word documents of phases 1, 2 and 4 around the negotiations (SPEC §3).

* ``ennakkotehtava`` — the pre-task of each audience (municipalities; social and
  health services; the NGO advisory board), in every language of the year;
* ``ennakkomateriaali`` — per negotiation: what its municipalities raised and
  answered, and how last year's agreements have progressed;
* ``tiedote`` — a press-release draft once the register has decisions;
* ``yhteenveto`` — the year's agreements by tracker status, with a chart, for
  next year's pre-materials.

Each producer takes the :class:`~pipeline.documents.Job` and returns its
:class:`~pipeline.archive.Output` files, or says in ``job.skipped`` why none.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.contract import areas, naming, schema
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.contract.source_date import source_date_epoch
from pipeline.contract.tracker import REGISTER_COLUMN, REMOVED
from pipeline.contract.values import clean_text, key, parse_date
from pipeline.documents import contexts as context
from pipeline.documents import dates
from pipeline.documents.contexts import (
    AnswerView,
    ChartView,
    MunicipalityMaterial,
    PhenomenonView,
    PreMaterialDoc,
    PressNegotiation,
    PressReleaseDoc,
    PreTaskDoc,
    ScheduleItem,
    StatusCount,
    SummaryDoc,
    SurveyView,
    TrackedView,
)
from pipeline.documents.tracker import Formula, OldTracker, TrackerRow, status_date_of
from pipeline.errors import ToolMissing
from pipeline.workbook.model import Negotiation, YearData
from pipeline.workbook.previous_year import is_whole_area

if TYPE_CHECKING:
    from pipeline.documents.job import Job

#: audience -> slug in the file name (SPEC §3: kunnat; sosiaali- ja terveyspalvelut; järjestöt)
AUDIENCES = ("kunnat", "sote", "jarjestot")
#: the picture placeholder of ``yhteenveto.docx`` the chart replaces
CHART_PART = "word/media/image1.png"
#: agreements a press release lists per negotiation before "and N others"
PRESS_AGREEMENTS_MAX = 5
#: tracker status -> bar colour (the tracker's own overview chart uses the same)
STATUS_COLOURS = {
    "Ei aloitettu": "#A6A6A6",
    "Käynnissä": "#2E75B6",
    "Valmis": "#70AD47",
    "Viivästynyt": "#ED7D31",
    "Peruttu": "#595959",
}
_STATUS = {key(s): s for s in schema.TRACKER_STATUSES}
_CLOSED = ("Valmis", "Peruttu")
EMU_PER_CM = 360_000
#: more bars than this say nothing: the chart then groups by service area, or by priority
CHART_MAX_BARS = 25


def _output(
    doc_type: str,
    path: str,
    title: str,
    content: bytes,
    lang: str,
    negotiation: str = "",
    personal_data: bool = False,
    status: str = "valmis",
) -> Output:
    return Output(
        path=path,
        doc_type=doc_type,
        title=title,
        content=content,
        negotiation=negotiation,
        lang=lang,
        status=status,
        personal_data=personal_data,
    )


# --------------------------------------------------------------- ennakkotehtava


def _long(day: dt.date | None, lang: str) -> str:
    return dates.long_date(day, lang) if day else ""


def pretask_doc(data: YearData, audience: str, lang: str, build_date: dt.date) -> PreTaskDoc:
    s = data.settings
    name = t(f"audience_{audience}", lang)
    title = f"{t('title_ennakkotehtava', lang)}: {name} – {s.theme_in(lang)} {s.year}"
    schedule = [
        ScheduleItem(
            code=n.code,
            service_area=n.service_area,
            when=dates.when(n.date, n.start, n.end, lang),
            place=n.place,
            municipalities=", ".join(m.name_in(lang) for m in data.municipalities_of(n)),
        )
        for n in sorted(data.negotiations, key=lambda n: (n.date, n.start or dt.time()))
    ]
    return PreTaskDoc(
        common=context.common(data, lang, title, build_date),
        audience=audience,
        audience_name=name,
        phenomena=[
            PhenomenonView(p.name, p.description) for p in data.phenomena if p.for_negotiation
        ],
        other_phenomena=[
            PhenomenonView(p.name, p.description) for p in data.phenomena if not p.for_negotiation
        ],
        pretask_deadline=_long(s.pretask_deadline, lang),
        survey_deadline=_long(s.survey_deadline, lang),
        survey=bool(data.questions),
        schedule=schedule,
    )


def pretasks(job: Job) -> list[Output]:
    """One pre-task per audience and language: always made."""
    outputs = []
    for audience in AUDIENCES:
        for lang in job.data.languages:
            ctx = pretask_doc(job.data, audience, lang, job.build_date)
            title = ctx.common.title
            outputs.append(
                _output(
                    "ennakkotehtava",
                    naming.output_path("ennakkotehtava", audience, lang, ext="docx"),
                    title,
                    job.render(lang, "ennakkotehtava", ctx, title, audience),
                    lang,
                )
            )
    return outputs


# ------------------------------------------------------------ ennakkomateriaali


def pre_material_doc(job: Job, n: Negotiation, lang: str) -> PreMaterialDoc | None:
    """The negotiation's pre-materials, or None when there is nothing to put in them."""
    data = job.data
    raised = context.raised_view(data, n, lang)
    previous = job.previous_views(n, lang) or []
    previous_rows = job.previous_rows(n) or []
    materials = []
    for m in data.municipalities_of(n):
        name = m.name_in(lang)
        surveys = [
            SurveyView(
                number=i,
                answers=[AnswerView(q, a) for q, a in r.answers],
            )
            for i, r in enumerate(data.responses_of(m), start=1)
        ]
        mine = [
            view
            for view, row in zip(previous, previous_rows, strict=True)
            if not is_whole_area(row) and key(row.municipality) in (key(m.name), key(m.name_sv))
        ]
        materials.append(
            MunicipalityMaterial(
                name=name,
                raised=[r for r in raised if r.municipality == name],
                surveys=surveys,
                previous=mine,
            )
        )
    shown = {id(v) for mat in materials for v in mat.previous}
    area_previous = [v for v in previous if id(v) not in shown]
    if not (raised or area_previous or any(mat.surveys or mat.previous for mat in materials)):
        return None
    s = data.settings
    view = context.negotiation_view(data, n, lang)
    title = f"{t('title_ennakkomateriaali', lang)} – {view.service_area} {s.year}"
    return PreMaterialDoc(
        common=context.common(data, lang, title, job.build_date),
        negotiation=view,
        municipalities=materials,
        area_previous=area_previous,
        has_previous=bool(previous),
        previous_year=s.year - 1,
    )


def pre_materials(job: Job) -> list[Output]:
    """Per negotiation and language, when raised items, survey answers or last year's rows exist."""
    outputs = []
    data = job.data
    for n in data.negotiations:
        made = False
        for lang in data.languages_of(n):
            ctx = pre_material_doc(job, n, lang)
            if ctx is None:
                continue
            made = True
            title = ctx.common.title
            outputs.append(
                _output(
                    "ennakkomateriaali",
                    naming.output_path("ennakkomateriaali", n.code, lang, ext="docx"),
                    title,
                    job.render(lang, "ennakkomateriaali", ctx, title, n.code),
                    lang,
                    negotiation=n.code,
                    personal_data=False,
                )
            )
        if not made:
            job.skipped.append(
                f"ennakkomateriaali ({n.code}): neuvottelun kunnilla ei ole nostoja (Nostot), "
                "ennakkokyselyn vastauksia (Ennakkokysely, kyselyvastaukset/) eikä edellisen "
                "vuoden seurantataulukossa rivejä, joten ennakkomateriaalia ei tehty."
            )
    return outputs


# ---------------------------------------------------------------------- tiedote


def press_release_doc(data: YearData, lang: str, build_date: dt.date) -> PressReleaseDoc:
    s = data.settings
    negotiations = []
    for n in sorted(data.negotiations, key=lambda n: n.date):
        decisions = data.decisions_of(n)
        # "and 1 other" says less than the one agreement itself
        shown = (
            decisions
            if len(decisions) <= PRESS_AGREEMENTS_MAX + 1
            else decisions[:PRESS_AGREEMENTS_MAX]
        )
        rest = len(decisions) - len(shown)
        negotiations.append(
            PressNegotiation(
                service_area=n.service_area,
                date=dates.date_without_weekday(n.date, lang),
                municipalities=", ".join(m.name_in(lang) for m in data.municipalities_of(n)),
                agreements=[d.decision for d in shown],
                more=t("more_agreements", lang, count=rest) if rest else "",
                held=bool(decisions) or n.date <= build_date,
            )
        )
    headline = t("press_headline", lang, theme=s.theme_in(lang).lower())
    title = f"{t('title_tiedote', lang)}: {headline}"
    return PressReleaseDoc(
        common=context.common(data, lang, title, build_date),
        headline=headline,
        negotiations=negotiations,
        municipalities=", ".join(m.name_in(lang) for m in data.municipalities),
        municipality_count=len(data.municipalities),
        negotiation_count=len(data.negotiations),
        decision_count=len(data.decisions),
    )


def press_release(job: Job) -> list[Output]:
    data = job.data
    if not data.decisions:
        job.skipped.append(
            "tiedote: päätösrekisterissä (Päätökset) ei ole päätöksiä, joten tiedotetta ei tehty."
        )
        return []
    outputs = []
    for lang in data.languages:
        ctx = press_release_doc(data, lang, job.build_date)
        title = ctx.common.title
        outputs.append(
            _output(
                "tiedote",
                naming.output_path("tiedote", lang, ext="docx"),
                title,
                job.render(lang, "tiedote", ctx, title),
                lang,
                # a draft for the communications team to finish (SPEC §3)
                status="luonnos",
            )
        )
    return outputs


# --------------------------------------------------------------------- yhteenveto


def tracker_rows(job: Job) -> list[TrackerRow] | None:
    """The decisions of this year's tracker as the tracker producer wrote them (merged on a
    rebuild), without those removed from the register; None when no tracker was made."""
    if job.tracker_rows is None:
        return None
    return [
        r
        for r in job.tracker_rows
        if key(clean_text(r.values.get(REGISTER_COLUMN))) != key(REMOVED)
    ]


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>\s*(\d{4}-\d\d-\d\d)")


def _saved_date(tracker: OldTracker) -> dt.date | None:
    """When the tracker file was last saved, as Excel or LibreOffice recorded it inside."""
    try:
        with zipfile.ZipFile(tracker.path) as zf:
            core = zf.read("docProps/core.xml")
        found = _MODIFIED.search(core)
        return dt.date.fromisoformat(found.group(1).decode()) if found else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def status_date(job: Job) -> dt.date:
    """The date the summary's statuses are from: deterministic from the inputs, never the clock.

    ``SOURCE_DATE_EPOCH`` if set; else the latest of the build date, the existing
    tracker's own saved time (Excel and LibreOffice update it when a person saves),
    the newest ``Päivitetty`` typed into it and the date the previous build recorded
    in it (:func:`~pipeline.tracker.set_status_date`: the build stamps the tracker it
    writes with the build date, so without it a second rebuild would go back). A
    summary made in the autumn from a tracker people keep up to date is so dated in
    the autumn, and what is overdue by then is listed, even if the workbook itself
    was last saved in January.
    """
    fixed = source_date_epoch()
    if fixed is not None:
        return fixed
    current = job.current_tracker
    if current is None:
        return job.build_date
    candidates = [job.build_date, _saved_date(current), status_date_of(current.workbook)]
    candidates += [_date_in(r, "Päivitetty") for r in current.rows]
    return max(d for d in candidates if d is not None)


def _status(row: TrackerRow) -> str:
    typed = clean_text(row.values.get("Tila"))
    return _STATUS.get(key(typed), typed) if typed else schema.DEFAULT_STATUS


def _date_in(row: TrackerRow, column: str) -> dt.date | None:
    value = row.values.get(column)
    if isinstance(value, Formula):
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def _deadline(row: TrackerRow) -> dt.date | None:
    return _date_in(row, "Määräaika")


def _overdue(row: TrackerRow, today: dt.date) -> bool:
    deadline = _deadline(row)
    return deadline is not None and deadline < today and _status(row) not in _CLOSED


def _count(label: str, rows: list[TrackerRow], today: dt.date) -> StatusCount:
    statuses = [_status(r) for r in rows]
    return StatusCount(
        label=label,
        not_started=statuses.count("Ei aloitettu"),
        in_progress=statuses.count("Käynnissä"),
        done=statuses.count("Valmis"),
        delayed=statuses.count("Viivästynyt"),
        cancelled=statuses.count("Peruttu"),
        other=sum(1 for s in statuses if s not in schema.TRACKER_STATUSES),
        total=len(rows),
        overdue=sum(1 for r in rows if _overdue(r, today)),
    )


def _group_label(data: YearData, row: TrackerRow, lang: str) -> tuple[tuple[int, int, str], str]:
    """(sort key, label) of the row's municipality; whole-area rows by service area."""
    name = clean_text(row.values.get("Kunta"))
    if areas.is_whole_area(name):
        n = data.negotiation(clean_text(row.values.get("Neuvottelu")))
        if n is None:
            return (2, 0, ""), t("whole_area", lang)
        return (1, data.negotiations.index(n), ""), t("whole_area_of", lang, area=n.service_area)
    m = data.municipality(name)
    if m is None:
        return (3, 0, key(name)), name
    return (0, data.municipalities.index(m), ""), m.name_in(lang)


def _priority_label(row: TrackerRow, lang: str) -> tuple[tuple[int, str], str]:
    typed = clean_text(row.values.get("Painopiste"))
    canonical = next((p for p in schema.THEMES_FI if key(p) == key(typed)), None)
    if canonical is None:
        canonical = next((fi for fi, sv in schema.THEME_SV.items() if key(sv) == key(typed)), None)
    if canonical is not None:
        label = schema.THEME_SV[canonical] if lang == "sv" else canonical
        return (schema.THEMES_FI.index(canonical), ""), label
    if not typed:
        return (99, ""), t("no_priority", lang)
    return (50, key(typed)), typed


def _grouped(
    rows: list[TrackerRow], label_of: Callable[[TrackerRow], tuple[object, str]], today: dt.date
) -> list[StatusCount]:
    groups: dict[str, tuple[object, list[TrackerRow]]] = {}
    for r in rows:
        order, label = label_of(r)
        groups.setdefault(label, (order, []))[1].append(r)
    ordered = sorted(groups.items(), key=lambda item: item[1][0])  # type: ignore[arg-type, return-value]
    return [_count(label, members, today) for label, (_, members) in ordered]


def _tracked(data: YearData, row: TrackerRow, lang: str) -> TrackedView:
    deadline = _deadline(row)
    return TrackedView(
        municipality=_group_label(data, row, lang)[1],
        decision=clean_text(row.values.get("Päätös")),
        follow_up=clean_text(row.values.get("Jatkotoimi")),
        responsible=clean_text(row.values.get("Vastuutaho")),
        deadline=dates.short_date(deadline)
        if deadline
        else clean_text(row.values.get("Määräaika")),
        status=context.status_label(_status(row), lang),
        note=clean_text(row.values.get("Tilannekuvaus")),
    )


def chart_png(
    groups: list[StatusCount], lang: str, title: str | None = None
) -> tuple[bytes, int, int]:
    """A stacked horizontal bar chart of ``groups`` by status: (PNG, width, height in EMU).

    ``title``: drawn above the bars (when they are not the municipalities the
    heading above the chart names).

    Deterministic: the same counts give the same bytes (no timestamp, no software tag).
    """
    try:
        import matplotlib
    except ImportError:
        raise ToolMissing(
            "Vuosiyhteenvedon kaavioon tarvitaan matplotlib-kirjasto, jota ei ole asennettu. "
            "Asenna hytetu riippuvuuksineen: pip install -e ."
        ) from None
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    width_cm = 16.0
    height_cm = 3.2 + 0.75 * len(groups)
    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=200, layout="constrained")
    ax = fig.add_subplot()
    labels = [g.label for g in groups][::-1]
    left = [0] * len(groups)
    fields = ("not_started", "in_progress", "done", "delayed", "cancelled")
    for status, field in zip(schema.TRACKER_STATUSES, fields, strict=True):
        values = [getattr(g, field) for g in groups][::-1]
        if not any(values):
            continue
        bars = ax.barh(
            labels,
            values,
            left=left,
            color=STATUS_COLOURS[status],
            label=context.status_label(status, lang),
            height=0.6,
        )
        text_colour = "black" if status in ("Ei aloitettu", "Valmis") else "white"
        ax.bar_label(
            bars,
            labels=[str(v) if v else "" for v in values],
            label_type="center",
            color=text_colour,
            fontsize=8,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    others = [g.other for g in groups][::-1]
    if any(others):
        ax.barh(labels, others, left=left, color="#FFFFFF", edgecolor="#404040", height=0.6)
    ax.set_xlabel(t("chart_axis", lang), fontsize=8)
    ax.tick_params(labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        fig.suptitle(title, fontsize=9)
    fig.legend(loc="outside lower center", ncol=5, fontsize=7, frameon=False)
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue(), round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)


def _chart_description(groups: list[StatusCount], total: int, lang: str, by: str) -> str:
    fields = ("not_started", "in_progress", "done", "delayed", "cancelled")
    parts = []
    for g in groups:
        counts = [
            f"{context.status_label(s, lang)} {getattr(g, f)}"
            for s, f in zip(schema.TRACKER_STATUSES, fields, strict=True)
            if getattr(g, f)
        ]
        if g.other:
            counts.append(f"{'muu tila' if lang == 'fi' else 'annan status'} {g.other}")
        parts.append(f"{g.label}: {', '.join(counts)}")
    by_label = t(f"chart_by_{by}", lang)
    return t("chart_description", lang, by=by_label, total=total, groups="; ".join(parts))


def _chart_groups(
    data: YearData,
    rows: list[TrackerRow],
    lang: str,
    today: dt.date,
    by_municipality: list[StatusCount],
    by_priority: list[StatusCount],
) -> tuple[str, list[StatusCount]]:
    """What the chart shows: ``("municipality" | "area" | "priority", groups)``.

    A bar per municipality while they fit (:data:`CHART_MAX_BARS`); else a bar
    per service area, else per priority. The tables list every municipality anyway.
    """
    if len(by_municipality) <= CHART_MAX_BARS:
        return "municipality", by_municipality
    order: dict[str, int] = {}
    for area in [n.service_area for n in data.negotiations] + [
        m.service_area for m in data.municipalities
    ]:
        order.setdefault(key(area), len(order))

    def area_label(row: TrackerRow) -> tuple[tuple[int, int, str], str]:
        name = clean_text(row.values.get("Kunta"))
        if areas.is_whole_area(name):
            n = data.negotiation(clean_text(row.values.get("Neuvottelu")))
            area = n.service_area if n else ""
        else:
            m = data.municipality(name)
            area = m.service_area if m else ""
        if key(area) not in order:
            return (1, 0, ""), t("chart_other_area", lang)
        return (0, order[key(area)], ""), area

    by_area = _grouped(rows, area_label, today)
    if len(by_area) <= CHART_MAX_BARS:
        return "area", by_area
    return "priority", by_priority


def summary_doc(job: Job, rows: list[TrackerRow], lang: str) -> tuple[SummaryDoc, bytes | None]:
    """The summary's context and its chart picture (None when there is nothing to draw)."""
    data, today = job.data, job.status_date
    s = data.settings
    by_municipality = _grouped(rows, lambda r: _group_label(data, r, lang), today)
    by_priority = _grouped(rows, lambda r: _priority_label(r, lang), today)
    totals = _count(t("total", lang), rows, today)
    chart, png = None, None
    if rows:
        by, groups = _chart_groups(data, rows, lang, today, by_municipality, by_priority)
        title = t("chart_title", lang, by=t(f"chart_by_{by}", lang))
        png, cx, cy = chart_png(groups, lang, None if by == "municipality" else title)
        chart = ChartView(
            title=title,
            description=_chart_description(groups, len(rows), lang, by),
            cx=cx,
            cy=cy,
        )
    title = f"{t('title_yhteenveto', lang)} {s.year}"
    done = round(100 * totals.done / len(rows)) if rows else 0
    return (
        SummaryDoc(
            # dated by the tracker's state it reports, not by the workbook's last save
            common=context.common(data, lang, title, today),
            as_of=dates.date_without_weekday(today, lang),
            total=len(rows),
            done_percent=f"{done}\u00a0%",
            totals=totals,
            by_municipality=by_municipality,
            by_priority=by_priority,
            overdue=[_tracked(data, r, lang) for r in rows if _overdue(r, today)],
            cancelled=[_tracked(data, r, lang) for r in rows if _status(r) == "Peruttu"],
            unknown=[
                _tracked(data, r, lang) for r in rows if _status(r) not in schema.TRACKER_STATUSES
            ],
            chart=chart,
            tracked=any(_status(r) != schema.DEFAULT_STATUS for r in rows),
            next_year=s.year + 1,
        ),
        png,
    )


def summary(job: Job) -> list[Output]:
    rows = tracker_rows(job)
    if rows is None:
        job.skipped.append(
            "yhteenveto: seurantataulukkoa ei ole (päätösrekisterissä ei ole päätöksiä), "
            "joten vuosiyhteenvetoa ei tehty."
        )
        return []
    outputs = []
    for lang in job.data.languages:
        ctx, png = summary_doc(job, rows, lang)
        title = ctx.common.title
        outputs.append(
            _output(
                "yhteenveto",
                naming.output_path("yhteenveto", str(job.data.settings.year), lang, ext="docx"),
                title,
                job.render(
                    lang,
                    "yhteenveto",
                    ctx,
                    title,
                    media={CHART_PART: png} if png else None,
                ),
                lang,
            )
        )
    return outputs
