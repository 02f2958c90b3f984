"""The Writer: paragraphs, tables and Jinja tags in one layout code path for both languages."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from template_texts import TEXTS
from template_xml import HEADER_FILL, TEXT_WIDTH_CM, _add_text, _child, _set_attrs

# ---------------------------------------------------------------- content helpers


class Writer:
    """Appends paragraphs and tables in one language to a document."""

    def __init__(self, doc: DocumentObject, lang: str) -> None:
        self.doc = doc
        self.words = TEXTS[lang]

    def w(self, name: str) -> str:
        return self.words[name]

    def para(self, *parts: str | tuple[str, bool], style: str = "Normal") -> Paragraph:
        """A paragraph of ``parts``: plain strings or ``(text, bold)`` pairs, one run each."""
        p = self.doc.add_paragraph(style=style)
        for part in parts:
            text, bold = (part, False) if isinstance(part, str) else part
            _add_text(p, text, bold=bold)
        return p

    def tag(self, statement: str) -> None:
        """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes it on render."""
        self.para("{%p " + statement + " %}")

    def heading(self, text: str, level: int) -> None:
        self.para(text, style=f"Heading {level}")

    def info(self, label: str, value: str, condition: str | None = None) -> None:
        """``Label<TAB>value`` in the hanging-indent ``Info Line`` style."""
        if condition:
            self.tag(f"if {condition}")
        self.para((self.w(label), True), "\t", value, style="Info Line")
        if condition:
            self.tag("endif")

    def optional(self, condition: str, *parts: str | tuple[str, bool], style: str = "Normal"):
        self.tag(f"if {condition}")
        self.para(*parts, style=style)
        self.tag("endif")

    def loop_table(
        self,
        caption: str,
        columns: list[tuple[str, float, str | tuple[str, ...]]],
        loop: str,
    ) -> Table:
        """A grid table: a repeating header row, then one row per item of ``loop``.

        ``columns`` are ``(heading word, width in cm, Jinja expression)``; ``loop`` is
        ``"r in item.raised"``. The ``{%tr %}`` rows span the table and are removed
        when rendered. An expression may be a tuple: the first is the cell's first
        line, each further one a line of its own when it has a value (two facts in
        one column, so that the other columns stay wide enough for their words).

        Widths are chosen for the words they hold at the 9 pt table font (cell
        margins 0.15 cm a side), measured with Liberation Sans (Arial's metrics):
        free text ≥ 3.9 cm (a word of 3.5 cm: "harrastusmahdollisuudet",
        "Hyvinvointialueyhteistyö"); a municipality ≥ 2.5 cm ("serviceområdet");
        a status or a date 2.0 cm ("Viivästynyt", "31.12.2027").
        """
        table = self.doc.add_table(rows=4, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        _child(tbl_pr, "tblW", w=str(round(TEXT_WIDTH_CM * 567)), type="dxa")
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            _set_attrs(el, w="85", type="dxa")
            margins.append(el)
        tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
        look = _child(tbl_pr, "tblLook")
        _set_attrs(look, val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0")
        _set_attrs(look, noHBand="1", noVBand="1")
        _child(tbl_pr, "tblCaption", val=caption)
        for col, (_, width, _) in zip(
            table._tbl.tblGrid.iterchildren(qn("w:gridCol")), columns, strict=True
        ):
            col.set(qn("w:w"), str(round(width * 567)))

        header, start, data, end = table.rows
        trpr = header._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        trpr.append(OxmlElement("w:tblHeader"))
        data._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for i, (word, width, expr) in enumerate(columns):
            for row in (header, start, data, end):
                row.cells[i].width = Cm(width)
            hcell = header.cells[i]
            shd = OxmlElement("w:shd")
            _set_attrs(shd, val="clear", color="auto", fill=HEADER_FILL)
            hcell._tc.get_or_add_tcPr().append(shd)
            hp = hcell.paragraphs[0]
            hp.style = self.doc.styles["Table Heading"]
            _add_text(hp, self.w(word))
            cell = data.cells[i]
            first, *more = (expr,) if isinstance(expr, str) else expr
            dp = cell.paragraphs[0]
            dp.style = self.doc.styles["Table Text"]
            _add_text(dp, "{{ " + first + " }}")
            for line in more:
                for text in ("{%p if " + line + " %}", "{{ " + line + " }}", "{%p endif %}"):
                    _add_text(cell.add_paragraph(style="Table Text"), text)
        for row, text in ((start, "{%tr for " + loop + " %}"), (end, "{%tr endfor %}")):
            cell = row.cells[0].merge(row.cells[-1])
            p = cell.paragraphs[0]
            p.style = self.doc.styles["Table Text"]
            _add_text(p, text)
        return table

    # ------------------------------------------------------------ shared blocks

    def people(self, heading: str, empty: str) -> None:
        """Delegations: organisation in bold, its people as bullets, elected marked."""
        self.heading(self.w(heading), 2)
        self.optional("not delegations", self.w(empty))
        self.tag("for d in delegations")
        self.para("{{ d.organisation }}", style="Organisation")
        self.tag("for p in d.people")
        self.para(
            "{{ p.name }}{% if p.title %}, {{ p.title }}{% endif %}"
            "{% if p.role %} ({{ p.role }}){% endif %}"
            "{% if p.elected %} – " + self.w("elected") + "{% endif %}",
            style="List Bullet",
        )
        self.tag("endfor")
        self.tag("endfor")
        self.tag("if negotiation.chair")
        chair = self.para(
            (self.w("chair"), True), "\t", "{{ negotiation.chair }}", style="Info Line"
        )
        chair.paragraph_format.space_before = Pt(8)
        self.tag("endif")
        self.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")

    def meeting_info(self) -> None:
        self.info("time", "{{ negotiation.when }}")
        self.info("place", "{{ negotiation.place }}", "negotiation.place")
        self.info("remote", "{{ negotiation.remote }}", "negotiation.remote")

    def agenda_items(self, with_decisions: bool) -> None:
        """The agenda's items; ``with_decisions``: as the minutes record them (§, notes)."""
        self.tag("for item in agenda")
        if with_decisions:
            # final minutes: the past-tense record; a draft keeps the agenda's text
            self.heading("{{ item.number }} § {{ item.title }}", 2)
            self.optional("final and item.record", "{{ item.record }}")
            self.optional("not final and item.text", "{{ item.text }}")
            self.tag("for note in item.notes")
            self.para("{{ note }}")
            self.tag("endfor")
        else:
            # no full stop after an agenda heading number (review C6)
            self.heading("{{ item.number }} {{ item.title }}", 2)
            self.optional("item.text", "{{ item.text }}")
        self.tag("if item.raised")
        self.heading(self.w("raised_heading"), 3)
        self.loop_table(
            self.w("raised_heading"),
            [
                ("col_municipality", 2.9, "r.municipality"),
                ("col_topic", 3.9, "r.topic"),
                ("col_description", 5.1, "r.description"),
                ("col_wish", 5.1, "r.wish"),
            ],
            "r in item.raised",
        )
        self.tag("endif")
        self.tag("if item.previous")
        self.heading(self.w("previous_heading"), 3)
        self.loop_table(
            self.w("previous_heading"),
            [
                ("col_municipality", 2.9, "v.municipality"),
                ("col_decision", 4.0, "v.decision"),
                ("col_follow_up", 4.0, "v.follow_up"),
                ("col_status", 2.0, "v.status"),
                ("col_note", 4.1, "v.note"),
            ],
            "v in item.previous",
        )
        self.tag("endif")
        if with_decisions:
            self.tag("if item.decisions")
            self.heading(self.w("decisions_heading"), 3)
            self.loop_table(
                self.w("decisions_heading"),
                # seven facts in five columns: what to do with who does it, the forum
                # with who monitors it, so that each column holds its longest word
                # ("Järjestöneuvottelukunta", "harrastusmahdollisuudet" need 3.5 cm)
                [
                    ("col_municipality", 2.6, "d.municipality"),
                    ("col_decision", 4.4, "d.decision"),
                    ("col_follow_up_responsible", 4.0, ("d.follow_up", "d.responsible")),
                    ("col_forum_monitoring", 4.0, ("d.forum", "d.monitoring")),
                    ("col_deadline", 2.0, "d.deadline"),
                ],
                "d in item.decisions",
            )
            self.tag("endif")
            self.optional("final and item.noted", (self.w("minutes_noted"), False))
        self.tag("endfor")
