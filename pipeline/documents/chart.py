"""The summary's chart: the year's agreements by status, as a stacked bar picture.

What the bars are (municipalities, else service areas, else priorities, so that
they stay readable), the PNG itself (drawn with Pillow in :mod:`.bar_chart`, deterministic bytes) and its
alternative text for screen readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pipeline.contract import areas
from pipeline.contract.i18n import t
from pipeline.contract.values import clean_text, key
from pipeline.documents.summary_stats import Order, StatusCount, grouped
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.documents.vocab import STATUS_COLOURS, status_label
from pipeline.workbook.model import YearData

#: the picture placeholder of ``yhteenveto.docx`` the chart replaces
CHART_PART = "word/media/image1.png"
EMU_PER_CM = 360_000
#: more bars than this say nothing: the chart then groups by service area, or by priority
CHART_MAX_BARS = 25
#: statuses whose bars are light enough for black numbers (the others get white)
_DARK_TEXT = ("Ei aloitettu", "Valmis")


def chart_png(
    groups: list[StatusCount], lang: str, title: str | None = None
) -> tuple[bytes, int, int]:
    """A stacked horizontal bar chart of ``groups`` by status: (PNG, width, height in EMU).

    ``title``: drawn above the bars (when they are not the municipalities the
    heading above the chart names).

    Deterministic: the same counts give the same bytes (no timestamp, no software tag).
    """
    from pipeline.documents.bar_chart import Segment, draw

    width_cm = 16.0
    height_cm = 3.2 + 0.75 * len(groups)
    columns = [g.by_status() for g in groups]
    segments = [
        Segment(
            label=status_label(status, lang),
            colour=colour,
            dark_text=status in _DARK_TEXT,
            values=tuple(counts[index][1] for counts in columns),
        )
        for index, (status, colour) in enumerate(STATUS_COLOURS.items())
    ]
    png = draw(
        [g.label for g in groups],
        segments,
        [g.other for g in groups],
        t("chart_axis", lang),
        width_cm,
        height_cm,
        title,
    )
    return png, round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)


def chart_description(groups: list[StatusCount], total: int, lang: str, by: str) -> str:
    """The chart's alternative text: every bar's counts in words."""
    parts = []
    for g in groups:
        counts = [f"{status_label(s, lang)} {n}" for s, n in g.by_status() if n]
        if g.other:
            counts.append(f"{'muu tila' if lang == 'fi' else 'annan status'} {g.other}")
        parts.append(f"{g.label}: {', '.join(counts)}")
    by_label = t(f"chart_by_{by}", lang)
    return t("chart_description", lang, by=by_label, total=total, groups="; ".join(parts))


def chart_groups(
    data: YearData,
    rows: Sequence[TrackerRow],
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

    def area_label(row: TrackerRow) -> tuple[Order, str]:
        name = clean_text(row.values.get("Kunta"))
        if areas.is_whole_area(name):
            n = data.negotiation(clean_text(row.values.get("Neuvottelu")))
            area = n.service_area if n else ""
        else:
            m = data.municipality(name)
            area = m.service_area if m else ""
        if key(area) not in order:
            return (1, 0, ""), t("chart_other_area", lang)
        return (0, order[key(area)], ""), data.service_area_in(area, lang)

    by_area = grouped(rows, area_label, today)
    if len(by_area) <= CHART_MAX_BARS:
        return "area", by_area
    return "priority", by_priority
