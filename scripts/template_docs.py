"""One builder per document type: which blocks, in which order."""

from __future__ import annotations

import io
from collections.abc import Callable

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
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
    w.people("participants", "no_participants")
    w.heading(w.w("agenda_heading"), 2)
    w.para(w.w("agenda_note"))
    w.para(w.w("welcome"))
    closing = w.para(w.w("regards"), style="Contact")
    closing.paragraph_format.space_before = Pt(12)
    closing.paragraph_format.space_after = Pt(6)
    w.para("{{ county }}", style="Contact")
    w.optional("coordinator", "{{ coordinator }}", style="Contact")
    w.optional("coordinator_email", "{{ coordinator_email }}", style="Contact")
    w.optional("coordinator_phone", w.w("phone") + " ", "{{ coordinator_phone }}", style="Contact")
    attachment = w.para((w.w("attachment"), True), "\t", w.w("attachment_agenda"))
    attachment.style = w.doc.styles["Info Line"]
    attachment.paragraph_format.space_before = Pt(18)


def build_asialista(w: Writer) -> None:
    _dated_heading(w)  # dated by Kutsun päivämäärä when given (SPEC §3 "Document dates")
    w.heading("{{ title }}", 1)
    w.meeting_info()
    w.info("municipalities", '{{ negotiation.municipalities|join(", ") }}')
    w.info("chair", "{{ negotiation.chair }}", "negotiation.chair")
    w.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")
    w.agenda_items(with_decisions=False)


def build_poytakirja(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.tag("if final")
    w.para(w.w("final"))
    w.tag("else")
    w.para((w.w("draft"), True))
    w.tag("endif")
    w.meeting_info()
    w.people("present", "no_present")
    w.agenda_items(with_decisions=True)
    w.heading(w.w("signatures"), 2)
    w.para("\t\t\t", style="Signature Line")
    w.optional(
        "negotiation.chair or negotiation.secretary",
        "{{ negotiation.chair }}",
        "\t",
        "{{ negotiation.secretary }}",
        style="Signer",
    )
    w.para(w.w("chair"), "\t", w.w("secretary"), style="Signer")
    checked = w.para(w.w("checked"))
    checked.paragraph_format.space_before = Pt(24)
    place = w.para(w.w("place_date") + " ", "\t", style="Signer")
    place.paragraph_format.space_before = Pt(18)
    place.paragraph_format.tab_stops.add_tab_stop(
        Cm(9.0), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES
    )
    w.para("\t\t\t", style="Signature Line")
    w.para(w.w("checker"), "\t", w.w("checker"), style="Signer")


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
    w.para(w.w("phenomena_intro"))
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
        "{{ p.name }}{% if p.description %} – {{ p.description }}{% endif %}", style="List Bullet"
    )
    w.tag("endfor")
    w.tag("endif")
    w.heading(w.w("deadlines_heading"), 2)
    w.optional("pretask_deadline", w.w("deadline_pretask"))
    w.optional('survey and survey_deadline and audience == "kunnat"', w.w("deadline_survey"))
    w.optional(
        'not pretask_deadline and not (survey and survey_deadline and audience == "kunnat")',
        w.w("deadline_none"),
    )
    w.heading(w.w("schedule_heading"), 2)
    w.loop_table(
        w.w("schedule_heading"),
        [
            ("col_service_area", 3.0, "n.service_area"),
            ("col_time", 5.5, "n.when"),
            ("col_place", 3.5, "n.place"),
            ("col_municipalities", 5.0, "n.municipalities"),
        ],
        "n in schedule",
    )
    w.heading(w.w("contact_heading"), 2)
    w.para(w.w("contact_intro"))
    _contact_block(w)


def _previous_table(w: Writer, loop: str, with_municipality: bool) -> None:
    columns = [
        ("col_decision", 4.2, "v.decision"),
        ("col_follow_up", 3.8, "v.follow_up"),
        ("col_deadline", 2.0, "v.deadline"),
        ("col_status", 2.2, "v.status"),
        ("col_note", 4.8, "v.note"),
    ]
    if with_municipality:
        # 2.6 cm for the municipality, taken from the widest columns
        narrower = {"col_decision": 0.9, "col_follow_up": 0.8, "col_note": 0.9}
        columns = [("col_municipality", 2.6, "v.municipality")] + [
            (word, width - narrower.get(word, 0.0), expr) for word, width, expr in columns
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
            ("col_topic", 3.6, "r.topic"),
            ("col_description", 5.6, "r.description"),
            ("col_wish", 5.2, "r.wish"),
            ("col_priority", 2.6, "r.priority"),
        ],
        "r in m.raised",
    )
    w.tag("endif")
    w.tag("if m.surveys")
    w.heading(w.w("survey_heading"), 3)
    w.tag("for s in m.surveys")
    w.optional("m.surveys|length > 1", (w.w("survey_number"), True))
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
    w.para(w.w("press_law"))
    w.tag("for n in negotiations")
    w.heading("{{ n.service_area }}", 2)
    w.para(w.w("press_held"))
    w.tag("if n.agreements")
    w.para(w.w("press_agreements"))
    w.tag("for a in n.agreements")
    w.para("{{ a }}", style="List Bullet")
    w.tag("endfor")
    w.optional("n.more", "{{ n.more }}", style="List Bullet")
    w.tag("endif")
    w.tag("endfor")
    follow = w.para(w.w("press_followup"))
    follow.paragraph_format.space_before = Pt(10)
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
            ("col_municipality", 2.4, "d.municipality"),
            ("col_decision", 3.6, "d.decision"),
            ("col_follow_up", 3.0, "d.follow_up"),
            ("col_responsible", 2.2, "d.responsible"),
            ("col_deadline", 1.9, "d.deadline"),
            ("col_status", 1.7, "d.status"),
            ("col_note", 2.2, "d.note"),
        ],
        loop,
    )


def build_yhteenveto(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.para(w.w("summary_intro"))
    w.optional("not tracked", (w.w("summary_untracked"), True))
    w.heading(w.w("key_figures"), 2)
    _bullets(w, "figure_total", "figure_states")
    w.optional("totals.overdue", w.w("figure_overdue"), style="List Bullet")
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
            w.para(w.w("unknown_intro"))
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
