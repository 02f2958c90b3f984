"""One builder per document type: which blocks, in which order."""

from __future__ import annotations

import io
from collections.abc import Callable

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from template_minutes import build_poytakirja
from template_writer import Writer
from template_xml import TEXT_WIDTH_CM

# -------------------------------------------------------------------- documents


def build_kutsu(w: Writer) -> None:
    date_line = w.para("{{ county }}", "\t", "{{ doc_date }}", style="Contact")
    date_line.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    date_line.paragraph_format.space_after = Pt(12)
    w.info("addressees", '{{ negotiation.municipalities|join(", ") }}')
    w.heading("{{ title }}", 1)
    w.para(w.w("invite"))
    w.info("service_area", "{{ negotiation.service_area }}", "negotiation.service_area")
    w.meeting_info()
    w.info("theme", "{{ theme }}", "theme")
    contents = w.para(w.w("contents"))
    contents.paragraph_format.space_before = Pt(10)
    w.para(w.w("delegation"))
    w.optional("pre_deadline", w.w("pre_tasks"))
    w.optional("registration_by", w.w("registration"))
    w.people("participants", "no_participants")
    w.heading(w.w("agenda_heading"), 2)
    w.para(w.w("agenda_note"))
    w.para(w.w("welcome"))
    closing = w.para(w.w("regards"), style="Contact")
    closing.paragraph_format.space_before = Pt(12)
    closing.paragraph_format.space_after = Pt(6)
    w.para("{{ county }}", style="Contact")
    # an official letter signs with name and title (review B20)
    w.optional(
        "coordinator",
        "{{ coordinator }}{% if coordinator_title %}, {{ coordinator_title }}{% endif %}",
        style="Contact",
    )
    w.optional("coordinator_email", "{{ coordinator_email }}", style="Contact")
    w.optional("coordinator_phone", w.w("phone") + " ", "{{ coordinator_phone }}", style="Contact")
    attachment = w.para((w.w("attachment"), True), "\t", w.w("attachment_agenda"))
    attachment.style = w.doc.styles["Info Line"]
    attachment.paragraph_format.space_before = Pt(18)
    w.para(w.w("distribution"), style="Info Line")


def build_asialista(w: Writer) -> None:
    _dated_heading(w)  # dated by Kutsun päivämäärä when given (SPEC §3 "Document dates")
    w.heading("{{ title }}", 1)
    w.meeting_info()
    w.info("municipalities", '{{ negotiation.municipalities|join(", ") }}')
    w.info("chair", "{{ negotiation.chair }}", "negotiation.chair")
    w.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")
    w.agenda_items(with_decisions=False)


# ------------------------------------------------- phase 1 and 4 documents


def _placeholder_png() -> bytes:
    """A 1×1 grey PNG: the picture part a build replaces with the real chart."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xd9"))
        + chunk(b"IEND", b"")
    )


def _contact_block(w: Writer) -> None:
    w.para("{{ county }}", style="Contact")
    w.optional("coordinator", "{{ coordinator }}", style="Contact")
    w.optional("coordinator_email", "{{ coordinator_email }}", style="Contact")
    w.optional("coordinator_phone", w.w("phone") + " ", "{{ coordinator_phone }}", style="Contact")


def _dated_heading(w: Writer, addressee: str | None = None) -> None:
    date_line = w.para("{{ county }}", "\t", "{{ doc_date }}", style="Contact")
    date_line.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    date_line.paragraph_format.space_after = Pt(12)
    if addressee:
        w.info("addressees", addressee)


def _bullets(w: Writer, *names: str) -> None:
    for name in names:
        w.para(w.w(name), style="List Bullet")


def build_ennakkotehtava(w: Writer) -> None:
    _dated_heading(w, "{{ audience_name }}")
    w.heading("{{ title }}", 1)
    w.para(w.w("pretask_intro"))
    w.heading(w.w("task_heading"), 2)
    for i, audience in enumerate(("kunnat", "sote", "jarjestot")):
        w.tag(("if" if i == 0 else "elif") + f' audience == "{audience}"')
        w.para(w.w(f"task_{audience}"))
        _bullets(w, f"task_{audience}_1", f"task_{audience}_2")
        if audience == "kunnat":
            w.optional("survey", w.w("task_kunnat_3"), style="List Bullet")
        else:
            _bullets(w, f"task_{audience}_3")
    w.tag("endif")
    w.heading(w.w("content_heading"), 2)
    _bullets(w, "content_1", "content_2", "content_3", "content_4", "content_5")
    w.tag("if phenomena")
    w.heading(w.w("phenomena_heading"), 2)
    w.para(w.w("phenomena_intro")).paragraph_format.keep_with_next = True
    w.loop_table(
        w.w("phenomena_heading"),
        [("col_phenomenon", 5.0, "p.name"), ("col_description", 12.0, "p.description")],
        "p in phenomena",
    )
    w.tag("endif")
    w.tag("if other_phenomena")
    w.heading(w.w("other_phenomena_heading"), 3)
    w.para(w.w("other_phenomena_intro"))
    w.tag("for p in other_phenomena")
    w.para(
        "{{ p.name }}{% if p.description %}: {{ p.description }}{% endif %}", style="List Bullet"
    )
    w.tag("endfor")
    w.tag("endif")
    w.heading(w.w("deadlines_heading"), 2)
    # in date order: the survey's paragraph before or after the pre-task's
    survey_due = 'survey and survey_deadline and audience == "kunnat"'
    w.optional(f"{survey_due} and survey_first", w.w("deadline_survey"))
    w.optional("pretask_deadline", w.w("deadline_pretask"))
    w.optional(f"{survey_due} and not survey_first", w.w("deadline_survey"))
    w.optional(
        'not pretask_deadline and not (survey and survey_deadline and audience == "kunnat")',
        w.w("deadline_none"),
    )
    w.heading(w.w("schedule_heading"), 2)
    w.loop_table(
        w.w("schedule_heading"),
        [
            ("col_service_area", 3.0, "n.service_area"),
            ("col_time", 4.6, "n.when"),
            ("col_place", 4.0, "n.place"),
            ("col_municipalities", 5.4, "n.municipalities"),
        ],
        "n in schedule",
    )
    w.heading(w.w("contact_heading"), 2)
    w.para(w.w("contact_intro"))
    _contact_block(w)


def _previous_table(w: Writer, loop: str, with_municipality: bool) -> None:
    if with_municipality:
        # the municipality takes the room of a column: status and deadline share one
        columns: list[tuple[str, float, str | tuple[str, ...]]] = [
            ("col_municipality", 2.6, "v.municipality"),
            ("col_decision", 3.9, "v.decision"),
            ("col_follow_up", 3.9, "v.follow_up"),
            ("col_status_deadline", 2.2, ("v.status", "v.deadline")),
            ("col_note", 4.4, "v.note"),
        ]
    else:
        columns = [
            ("col_decision", 4.0, "v.decision"),
            ("col_follow_up", 3.9, "v.follow_up"),
            ("col_deadline", 2.0, "v.deadline"),
            ("col_status", 2.0, "v.status"),
            ("col_note", 5.1, "v.note"),
        ]
    w.loop_table(w.w("previous_heading"), columns, loop)


def build_ennakkomateriaali(w: Writer) -> None:
    _dated_heading(w)  # dated by Kutsun päivämäärä when given (SPEC §3 "Document dates")
    w.heading("{{ title }}", 1)
    w.meeting_info()
    w.info("municipalities", '{{ negotiation.municipalities|join(", ") }}')
    intro = w.para(w.w("material_intro"))
    intro.paragraph_format.space_before = Pt(10)
    w.tag("for m in municipalities")
    w.heading("{{ m.name }}", 2)
    w.tag("if m.raised")
    w.heading(w.w("material_raised"), 3)
    w.loop_table(
        w.w("material_raised"),
        [
            ("col_topic", 3.9, "r.topic"),
            ("col_description", 5.0, "r.description"),
            ("col_wish", 5.0, "r.wish"),
            ("col_priority", 3.1, "r.priority"),
        ],
        "r in m.raised",
    )
    w.tag("endif")
    w.tag("if m.surveys")
    w.heading(w.w("survey_heading"), 3)
    w.tag("for s in m.surveys")
    w.tag("if m.surveys|length > 1")
    w.para((w.w("survey_number"), True)).paragraph_format.keep_with_next = True
    w.tag("endif")
    w.loop_table(
        w.w("survey_heading"),
        [
            ("col_question", 7.0, "a.question"),
            ("col_answer", 10.0, "a.answer or '" + w.w("no_answer") + "'"),
        ],
        "a in s.answers",
    )
    w.tag("endfor")
    w.tag("endif")
    w.tag("if m.previous")
    w.heading(w.w("previous_year_heading"), 3)
    _previous_table(w, "v in m.previous", with_municipality=False)
    w.tag("endif")
    w.optional("not (m.raised or m.surveys or m.previous)", w.w("nothing_from"))
    w.tag("endfor")
    w.tag("if area_previous")
    w.heading(w.w("area_heading"), 2)
    w.heading(w.w("previous_year_heading"), 3)
    _previous_table(w, "v in area_previous", with_municipality=True)
    w.tag("endif")


def build_tiedote(w: Writer) -> None:
    _dated_heading(w)
    w.para((w.w("press_date"), True))
    w.heading("{{ headline }}", 1)
    w.para((w.w("press_lead"), True))
    w.optional("quote", "{{ quote }}")
    w.tag("for n in negotiations")
    w.heading(w.w("press_area"), 2)
    w.para(w.w("press_held"))
    w.tag("if n.agreements")
    w.para("{{ n.agreements_intro }}").paragraph_format.keep_with_next = True
    w.tag("for a in n.agreements")
    w.para("{{ a }}", style="List Bullet")
    w.tag("endfor")
    w.tag("endif")
    w.tag("endfor")
    w.para(w.w("press_law"))
    w.heading(w.w("press_followup_heading"), 2)
    w.para(w.w("press_followup"))
    w.heading(w.w("press_contact"), 2)
    _contact_block(w)


def _picture(w: Writer, width: Cm) -> None:
    """A picture whose bytes, size and alternative text the build fills in (``chart``)."""
    p = w.doc.add_paragraph(style="Normal")
    p.paragraph_format.keep_with_next = True
    run = p.add_run()
    run.add_picture(io.BytesIO(_placeholder_png()), width=width)
    inline = run._r.find(".//" + qn("wp:inline"))
    inline.find(qn("wp:extent")).set("cx", "{{ chart.cx }}")
    inline.find(qn("wp:extent")).set("cy", "{{ chart.cy }}")
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("name", "Kaavio")
    doc_pr.set("title", "{{ chart.title }}")
    doc_pr.set("descr", "{{ chart.description }}")
    ext = inline.find(".//" + qn("a:ext"))
    ext.set("cx", "{{ chart.cx }}")
    ext.set("cy", "{{ chart.cy }}")


def _status_table(w: Writer, caption: str, first: str, loop: str) -> None:
    w.loop_table(
        caption,
        [
            (first, 3.6, "c.label"),
            ("col_not_started", 1.9, "c.not_started"),
            ("col_in_progress", 1.9, "c.in_progress"),
            ("col_done", 1.9, "c.done"),
            ("col_delayed", 1.9, "c.delayed"),
            ("col_cancelled", 1.9, "c.cancelled"),
            ("col_total", 1.9, "c.total"),
            ("col_overdue", 2.0, "c.overdue"),
        ],
        loop,
    )


def _tracked_table(w: Writer, caption: str, loop: str) -> None:
    w.loop_table(
        caption,
        [
            ("col_municipality", 2.6, "d.municipality"),
            ("col_decision_follow_up", 4.4, ("d.decision", "d.follow_up")),
            ("col_responsible", 3.9, "d.responsible"),
            ("col_status_deadline", 2.2, ("d.status", "d.deadline")),
            ("col_note", 3.9, "d.note"),
        ],
        loop,
    )


def build_yhteenveto(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.para(w.w("summary_intro"))
    w.optional("not tracked", w.w("summary_untracked"))
    w.heading(w.w("key_figures"), 2)
    _bullets(w, "figure_total", "figure_states")
    w.optional("totals.overdue", w.w("figure_overdue"), style="List Bullet")
    w.optional("totals.other", w.w("figure_other"), style="List Bullet")
    w.optional("reported", w.w("figure_reported"), style="List Bullet")
    w.optional("not reported", w.w("figure_not_reported"), style="List Bullet")
    w.heading(w.w("by_municipality"), 2)
    w.tag("if chart")
    _picture(w, Cm(16))
    w.tag("endif")
    _status_table(w, w.w("by_municipality"), "col_municipality", "c in by_municipality")
    w.heading(w.w("by_priority"), 2)
    _status_table(w, w.w("by_priority"), "col_priority", "c in by_priority")
    for name, loop in (("overdue", "overdue"), ("cancelled", "cancelled"), ("unknown", "unknown")):
        w.tag(f"if {loop}")
        w.heading(w.w(f"{name}_heading"), 2)
        if name == "unknown":
            w.para(w.w("unknown_intro")).paragraph_format.keep_with_next = True
        _tracked_table(w, w.w(f"{name}_heading"), f"d in {loop}")
        w.tag("endif")
    w.heading(w.w("press_contact"), 2)
    _contact_block(w)


BUILDERS: dict[str, Callable[[Writer], None]] = {
    "kutsu": build_kutsu,
    "asialista": build_asialista,
    "poytakirja": build_poytakirja,
    "ennakkotehtava": build_ennakkotehtava,
    "ennakkomateriaali": build_ennakkomateriaali,
    "tiedote": build_tiedote,
    "yhteenveto": build_yhteenveto,
}
