"""The minutes (``poytakirja``): attendance, §-numbered items and the signature block."""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from template_writer import Writer


def _attendee_groups(w: Writer, groups: str) -> None:
    """Delegations of the minutes: organisation in bold, its people as bullets with marks."""
    w.tag(f"for d in {groups}")
    w.para("{{ d.organisation }}", style="Organisation")
    w.tag("for p in d.people")
    w.para(
        "{{ p.name }}{% if p.title %}, {{ p.title }}{% endif %}"
        "{% if p.marks %} ({{ p.marks }}){% endif %}",
        style="List Bullet",
    )
    w.tag("endfor")
    w.tag("endfor")


def _attendance(w: Writer) -> None:
    """*Läsnä*, *Muut läsnä olleet* and *Poissa* as recorded; else the delegations invited."""
    w.tag("if attendance")
    w.heading(w.w("present"), 2)
    w.optional("not present", w.w("nobody_present"))
    _attendee_groups(w, "present")
    w.tag("if others_present")
    w.heading(w.w("others_present"), 2)
    _attendee_groups(w, "others_present")
    w.tag("endif")
    w.tag("if absent")
    w.heading(w.w("absent"), 2)
    _attendee_groups(w, "absent")
    w.tag("endif")
    w.tag("else")
    w.heading(w.w("invited"), 2)
    w.optional("not delegations", w.w("no_present"))
    _attendee_groups(w, "delegations")
    w.tag("endif")
    w.tag("if negotiation.chair")
    chair = w.para((w.w("chair"), True), "\t", "{{ negotiation.chair }}", style="Info Line")
    chair.paragraph_format.space_before = Pt(8)
    w.tag("endif")
    w.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")


def _together(*paragraphs: Paragraph) -> None:
    """The signature block stays on one page: each line keeps with the next, none splits."""
    for p in paragraphs:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True


def _signatures(w: Writer, left: str, right: str | None, label: str) -> list[Paragraph]:
    """Signature line(s), the names under them and the role labels (one or two signers)."""
    line = w.para("\t\t\t" if right is not None else "\t", style="Signature Line")
    names = [left] if right is None else [left, "\t", right]
    labels = [w.w(label)] if right is None else [w.w(label), "\t", w.w(label)]
    return [line, w.para(*names, style="Signer"), w.para(*labels, style="Signer")]


def build_poytakirja(w: Writer) -> None:
    w.tag("if not final")
    _together(w.para((w.w("draft"), True)))  # the first line says: a draft
    w.tag("endif")
    w.heading("{{ title }}", 1)
    w.meeting_info()
    _attendance(w)
    w.optional("final", w.w("final"))
    w.agenda_items(with_decisions=True)
    block: list[Paragraph] = []
    heading = w.para(w.w("signatures"), style="Heading 2")
    block.append(heading)
    block.append(w.para("\t\t\t", style="Signature Line"))
    w.tag("if negotiation.chair or negotiation.secretary")
    block.append(
        w.para("{{ negotiation.chair }}", "\t", "{{ negotiation.secretary }}", style="Signer")
    )
    w.tag("endif")
    block.append(w.para(w.w("chair"), "\t", w.w("secretary"), style="Signer"))
    checking = w.para(w.w("checking_heading"), style="Heading 3")
    checking.paragraph_format.space_before = Pt(24)
    block.append(checking)
    w.tag("if final")  # a draft never says it was checked
    block.append(w.para(w.w("checked")))
    w.tag("endif")
    w.tag("if final and checked")
    block.append(w.para(w.w("checked_on")))
    w.tag("else")
    place = w.para(w.w("place_date") + " ", "\t", style="Signer")
    place.paragraph_format.space_before = Pt(18)
    place.paragraph_format.tab_stops.add_tab_stop(
        Cm(9.0), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES
    )
    block.append(place)
    w.tag("endif")
    w.tag("if checkers")
    w.tag("for pair in checkers|batch(2)")
    w.tag("if pair|length > 1")
    block += _signatures(w, "{{ pair[0] }}", "{{ pair[1] }}", "checker")
    w.tag("else")
    block += _signatures(w, "{{ pair[0] }}", None, "checker")
    w.tag("endif")
    w.tag("endfor")
    w.tag("else")  # nobody named yet: two lines to sign
    line = w.para("\t\t\t", style="Signature Line")
    label = w.para(w.w("checker"), "\t", w.w("checker"), style="Signer")
    block += [line, label]
    w.tag("endif")
    _together(*block)
    distribution = w.para(w.w("distribution"))
    distribution.paragraph_format.space_before = Pt(18)
