"""Build the Word templates of the invitation, agenda and minutes (fi and sv).

    python scripts/make_templates.py [TARGET_DIR]

writes ``templates_docx/<lang>/{kutsu,asialista,poytakirja}.docx``. The files are
docxtpl (Jinja-in-Word) templates that coordinators may later edit in Word; the
names they use are those of :class:`pipeline.context.NegotiationDoc` (``common``
flattened). One layout code path serves both languages: the words are in
:data:`TEXTS`.

The output is deterministic: fixed core-property dates, no random ids and fixed
ZIP member timestamps, so rerunning gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "templates_docx"

FONT = "Arial"  # Word on Windows has it; LibreOffice maps it to metric-equal Liberation Sans
BODY_SIZE = Pt(11)
TABLE_SIZE = Pt(9)
HEADING_COLOR = RGBColor(0x1F, 0x38, 0x64)  # dark navy, contrast > 10:1 on white
HEADER_FILL = "D9E2F3"  # light blue-grey for table header rows
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.0)
TEXT_WIDTH_CM = 17.0
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
#: extended properties without the default template's "Microsoft Macintosh Word" claims
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>hytetu</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company/>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
SHY = "\u00ad"  # soft hyphen in a table heading -> <w:softHyphen/>

# ------------------------------------------------------------------------- texts

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "lang": "fi-FI",
        "decimal": ",",
        "type_kutsu": "KUTSU",
        "type_asialista": "ASIALISTA",
        "type_poytakirja": "{% if final %}PÖYTÄKIRJA{% else %}PÖYTÄKIRJALUONNOS{% endif %}",
        "page": "Sivu",
        # info lines
        "addressees": "Vastaanottajat",
        "service_area": "Palvelualue",
        "time": "Aika",
        "place": "Paikka",
        "remote": "Etäyhteys",
        "theme": "Teema",
        "municipalities": "Kunnat",
        "chair": "Puheenjohtaja",
        "secretary": "Sihteeri",
        "attachment": "Liite",
        "attachment_agenda": "Asialista",
        # kutsu
        "invite": "{{ county }} kutsuu palvelualueen kunnat vuosittaiseen hyvinvoinnin, terveyden"
        " ja turvallisuuden edistämisen neuvotteluun (hytetu-neuvottelu). Neuvottelu on osa"
        " sosiaali- ja terveydenhuollon järjestämisestä annetun lain (612/2021) 6 ja 7 §:ssä"
        " säädettyä hyvinvoinnin ja terveyden edistämisen yhteistyötä.",
        "contents": "Neuvottelussa käsitellään alueellisen hyvinvointi- ja turvallisuussuunnitelman"
        "{% if period %} {{ period }}{% endif %} tilannetta, hyte-kerrointa sekä teemaan liittyviä"
        " kuntien ja hyvinvointialueen nostoja. Tavoitteena on sopia yhteisistä jatkotoimista,"
        " niitä eteenpäin vievistä yhteistyöfoorumeista ja seurantavastuista.",
        "delegation": "Pyydämme, että kunnan neuvotteluvaltuuskuntaan kuuluu myös luottamushenkilö"
        " ja että valtuuskunnalla on valtuudet sopia neuvottelussa käsiteltävistä asioista.",
        "pre_tasks": "Pyydämme kuntia toimittamaan ennakkotehtävät sekä nostot eli asiat, joista"
        " kunta toivoo neuvottelussa sovittavan, hyvinvointialueelle viimeistään"
        " {{ pre_deadline }}.",
        "participants": "Osallistujat",
        "no_participants": "Osallistujaluettelo täydentyy kuntien ja hyvinvointialueen"
        " ilmoitusten mukaan.",
        "agenda_heading": "Asialista",
        "agenda_note": "Neuvottelun asialista on tämän kutsun liitteenä. Ennakkomateriaali"
        " toimitetaan osallistujille ennen neuvottelua.",
        "welcome": "Tervetuloa neuvotteluun!",
        "regards": "Ystävällisin terveisin",
        "phone": "puh.",
        "elected": "luottamushenkilö",
        # asialista / poytakirja
        "raised_heading": "Kuntien nostot",
        "previous_heading": "Edellisen vuoden sopimukset",
        "decisions_heading": "Päätökset ja jatkotoimet",
        "col_municipality": "Kunta",
        "col_topic": "Aihe",
        "col_description": "Kuvaus",
        "col_wish": "Toive hyvinvointi" + SHY + "alueelle",
        "col_decision": "Päätös",
        "col_follow_up": "Jatko" + SHY + "toimi",
        "col_status": "Tila",
        "col_note": "Tilanne" + SHY + "kuvaus",
        "col_responsible": "Vastuu" + SHY + "taho",
        "col_forum": "Yhteistyö" + SHY + "foorumi",
        "col_monitoring": "Seuranta" + SHY + "vastuu",
        "col_deadline": "Määräaika",
        "present": "Läsnä",
        "no_present": "Läsnäolijat kirjataan neuvottelussa.",
        "draft": "LUONNOS – päätöksiä ei ole vielä kirjattu.",
        "final": "Pöytäkirjaan on kirjattu yhteensä {{ decision_count }}"
        " {% if decision_count == 1 %}päätös{% else %}päätöstä{% endif %} jatkotoimineen.",
        "signatures": "Allekirjoitukset",
        "checked": "Pöytäkirja on tarkastettu ja hyväksytty.",
        "place_date": "Paikka ja aika",
        "checker": "Pöytäkirjan tarkastaja",
    },
    "sv": {
        "lang": "sv-FI",
        "decimal": ",",
        "type_kutsu": "KALLELSE",
        "type_asialista": "FÖREDRAGNINGSLISTA",
        "type_poytakirja": "{% if final %}PROTOKOLL{% else %}PROTOKOLLSUTKAST{% endif %}",
        "page": "Sida",
        "addressees": "Mottagare",
        "service_area": "Serviceområde",
        "time": "Tid",
        "place": "Plats",
        "remote": "Distansdeltagande",
        "theme": "Tema",
        "municipalities": "Kommuner",
        "chair": "Ordförande",
        "secretary": "Sekreterare",
        "attachment": "Bilaga",
        "attachment_agenda": "Föredragningslista",
        "invite": "{{ county }} kallar kommunerna i serviceområdet till den årliga förhandlingen"
        " om främjande av välfärd, hälsa och säkerhet (hytetu-förhandling). Förhandlingen är en"
        " del av det samarbete för främjande av välfärd och hälsa som föreskrivs i 6 och 7 §"
        " i lagen om ordnande av social- och hälsovård (612/2021).",
        "contents": "Vid förhandlingen behandlas läget för den regionala välfärds- och"
        " säkerhetsplanen{% if period %} {{ period }}{% endif %}, hyte-koefficienten samt"
        " kommunernas och välfärdsområdets frågor inom temat. Målet är att komma överens om"
        " gemensamma fortsatta åtgärder, om de samarbetsforum som för dem vidare och om"
        " uppföljningsansvaret.",
        "delegation": "Vi ber att kommunens förhandlingsdelegation också omfattar en förtroendevald"
        " och att delegationen har befogenhet att komma överens om de frågor som behandlas.",
        "pre_tasks": "Vi ber kommunerna att till välfärdsområdet skicka in förhandsuppgifterna"
        " samt de frågor som kommunen vill att man kommer överens om vid förhandlingen senast"
        " den {{ pre_deadline }}.",
        "participants": "Deltagare",
        "no_participants": "Deltagarförteckningen kompletteras enligt kommunernas och"
        " välfärdsområdets anmälningar.",
        "agenda_heading": "Föredragningslista",
        "agenda_note": "Föredragningslistan för förhandlingen bifogas denna kallelse."
        " Förhandsmaterialet skickas till deltagarna före förhandlingen.",
        "welcome": "Välkommen till förhandlingen!",
        "regards": "Med vänlig hälsning",
        "phone": "tfn",
        "elected": "förtroendevald",
        "raised_heading": "Kommunernas frågor",
        "previous_heading": "Föregående års överenskommelser",
        "decisions_heading": "Beslut och fortsatta åtgärder",
        "col_municipality": "Kommun",
        "col_topic": "Ämne",
        "col_description": "Beskrivning",
        "col_wish": "Önskemål till välfärds" + SHY + "området",
        "col_decision": "Beslut",
        "col_follow_up": "Fortsatt åtgärd",
        "col_status": "Status",
        "col_note": "Läges" + SHY + "beskrivning",
        "col_responsible": "Ansvarig",
        "col_forum": "Samarbets" + SHY + "forum",
        "col_monitoring": "Uppfölj" + SHY + "nings" + SHY + "ansvar",
        "col_deadline": "Tidsfrist",
        "present": "Närvarande",
        "no_present": "De närvarande antecknas vid förhandlingen.",
        "draft": "UTKAST – besluten har ännu inte antecknats.",
        "final": "I protokollet har sammanlagt {{ decision_count }} beslut med fortsatta"
        " åtgärder antecknats.",
        "signatures": "Underskrifter",
        "checked": "Protokollet har justerats och godkänts.",
        "place_date": "Ort och datum",
        "checker": "Protokolljusterare",
    },
}

# ------------------------------------------------------------------ XML helpers


def _set_attrs(element, **attrs: str) -> None:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)


def _child(parent, tag: str, **attrs: str):
    """The first ``w:tag`` child of ``parent``, created (appended) when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = OxmlElement(f"w:{tag}")
        parent.append(found)
    _set_attrs(found, **attrs)
    return found


def _set_fonts(rpr, name: str) -> None:
    """Explicit font on every script slot; theme fonts would win over it in Word."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    _set_attrs(rfonts, ascii=name, hAnsi=name, eastAsia=name, cs=name)


#: child order of ``w:pPr`` (ECMA-376 CT_PPr)
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _ppr_insert(ppr, element) -> None:
    """Put ``element`` into a ``w:pPr`` at its schema position, replacing one of its kind."""
    old = ppr.find(element.tag)
    if old is not None:
        ppr.remove(old)
    tag = element.tag.split("}")[1]
    successors = PPR_ORDER[PPR_ORDER.index(f"w:{tag}") + 1 :]
    ppr.insert_element_before(element, *successors)


def _hyphenation(style, on: bool) -> None:
    """Automatic hyphenation only where columns are narrow (table text)."""
    el = OxmlElement("w:suppressAutoHyphens")
    if on:
        el.set(qn("w:val"), "0")
    _ppr_insert(style.element.get_or_add_pPr(), el)


def _preserve_spaces(paragraph: Paragraph) -> None:
    for t in paragraph._p.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _add_text(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """One run per call, so a Jinja tag in ``text`` stays in one run; soft hyphens -> XML."""
    run = paragraph.add_run()
    if bold:
        run.bold = True
    for i, piece in enumerate(text.split(SHY)):
        if i:
            run._r.append(OxmlElement("w:softHyphen"))
        if piece:
            _add_tabbed(run, piece)
    _preserve_spaces(paragraph)


def _add_tabbed(run, text: str) -> None:
    for j, part in enumerate(text.split("\t")):
        if j:
            run._r.append(OxmlElement("w:tab"))
        if part:
            run._r.add_t(part)


# --------------------------------------------------------------- document setup


def _setup_styles(doc: DocumentObject, lang: str) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, FONT)
    lang_el = _child(rpr, "lang", val=TEXTS[lang]["lang"])
    lang_el.set(qn("w:eastAsia"), TEXTS[lang]["lang"])
    lang_el.attrib.pop(qn("w:bidi"), None)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _child(ppr, "spacing", after="120", line="264", lineRule="auto")

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.widow_control = True
    _hyphenation(normal, on=False)

    sizes = {"Title": 20, "Heading 1": 16, "Heading 2": 13, "Heading 3": 11}
    before = {"Title": 0, "Heading 1": 6, "Heading 2": 16, "Heading 3": 10}
    for name, size in sizes.items():
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr, FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = HEADING_COLOR
        color = rpr.find(qn("w:color"))
        for attr in ("themeColor", "themeShade"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        pf = style.paragraph_format
        pf.space_before = Pt(before[name])
        pf.space_after = Pt(6 if name != "Heading 3" else 4)
        pf.keep_with_next = True
    title_ppr = styles["Title"].element.get_or_add_pPr()
    border = title_ppr.find(qn("w:pBdr"))
    if border is not None:
        title_ppr.remove(border)

    for name in ("Header", "Footer"):
        style = styles[name]
        ppr = style.element.get_or_add_pPr()
        tabs = ppr.find(qn("w:tabs"))
        if tabs is not None:
            ppr.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        style.font.size = Pt(9)

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.quick_style = True
    table_text.font.size = TABLE_SIZE
    table_text.paragraph_format.space_before = Pt(2)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0
    _hyphenation(table_text, on=True)

    table_heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    table_heading.base_style = table_text
    table_heading.quick_style = True
    table_heading.font.bold = True
    table_heading.paragraph_format.keep_with_next = True

    info = styles.add_style("Info Line", WD_STYLE_TYPE.PARAGRAPH)
    info.base_style = normal
    info.quick_style = True
    info.paragraph_format.space_after = Pt(2)
    info.paragraph_format.left_indent = Cm(4.3)
    info.paragraph_format.first_line_indent = Cm(-4.3)
    info.paragraph_format.tab_stops.add_tab_stop(Cm(4.3))

    org = styles.add_style("Organisation", WD_STYLE_TYPE.PARAGRAPH)
    org.base_style = normal
    org.quick_style = True
    org.font.bold = True
    org.paragraph_format.space_before = Pt(8)
    org.paragraph_format.space_after = Pt(2)
    org.paragraph_format.keep_with_next = True

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    contact.quick_style = True
    contact.paragraph_format.space_after = Pt(0)

    signature = styles.add_style("Signature Line", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = normal
    signature.quick_style = True
    signature.paragraph_format.space_before = Pt(36)
    signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_with_next = True
    tabs = signature.paragraph_format.tab_stops  # two signature lines drawn by tab leaders
    tabs.add_tab_stop(Cm(7.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
    tabs.add_tab_stop(Cm(9.0))
    tabs.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)

    signer = styles.add_style("Signer", WD_STYLE_TYPE.PARAGRAPH)
    signer.base_style = normal
    signer.quick_style = True
    signer.paragraph_format.space_after = Pt(0)
    signer.paragraph_format.keep_with_next = True
    signer.paragraph_format.tab_stops.add_tab_stop(Cm(9.0))


def _setup_settings(doc: DocumentObject, lang: str) -> None:
    settings = doc.settings.element
    for tag in ("proofState", "rsids", "attachedTemplate"):
        el = settings.find(qn(f"w:{tag}"))
        if el is not None:
            settings.remove(el)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), TEXTS[lang]["lang"])
    decimal = settings.find(qn("w:decimalSymbol"))
    if decimal is not None:
        decimal.set(qn("w:val"), TEXTS[lang]["decimal"])
    hyphenate = OxmlElement("w:autoHyphenation")  # Table Text turns it on; Normal off
    settings.find(qn("w:defaultTabStop")).addnext(hyphenate)
    separator = settings.find(qn("w:listSeparator"))
    if separator is not None:
        separator.set(qn("w:val"), ";")


def _setup_core(doc: DocumentObject, lang: str) -> None:
    core = doc.core_properties
    core.title = ""
    core.subject = ""
    core.author = ""
    core.last_modified_by = ""
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.language = TEXTS[lang]["lang"]
    core.created = FIXED_DATE
    core.modified = FIXED_DATE
    core.revision = 1


def _field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) Word and LibreOffice update on display."""

    def run_with(*children) -> None:
        run = paragraph.add_run()
        for child in children:
            run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    result = OxmlElement("w:t")
    result.text = cached
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(separate)
    run_with(result)
    run_with(end)


def _setup_page(doc: DocumentObject, lang: str, doc_type: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.0)
    for attr in ("rsidR", "rsidRPr", "rsidSect"):
        section._sectPr.attrib.pop(qn(f"w:{attr}"), None)

    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    _add_text(header, "{{ county }}")
    _add_text(header, "\t")
    _add_text(header, TEXTS[lang][f"type_{doc_type}"], bold=True)
    ppr = header._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    _set_attrs(bottom, val="single", sz="4", space="4", color="808080")
    bdr.append(bottom)
    _ppr_insert(ppr, bdr)

    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _add_text(footer, TEXTS[lang]["page"] + " ")
    _field(footer, "PAGE", "1")
    _add_text(footer, " / ")
    _field(footer, "NUMPAGES", "1")


def new_document(lang: str, doc_type: str) -> DocumentObject:
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default template's empty paragraph
        body.remove(p)
    _setup_styles(doc, lang)
    _setup_settings(doc, lang)
    _setup_core(doc, lang)
    _setup_page(doc, lang, doc_type)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):  # the default template's preview picture
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    return doc


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
        columns: list[tuple[str, float, str]],
        loop: str,
    ) -> Table:
        """A grid table: a repeating header row, then one row per item of ``loop``.

        ``columns`` are ``(heading word, width in cm, Jinja expression)``; ``loop`` is
        ``"r in item.raised"``. The ``{%tr %}`` rows span the table and are removed
        when rendered.
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
            dp = data.cells[i].paragraphs[0]
            dp.style = self.doc.styles["Table Text"]
            _add_text(dp, "{{ " + expr + " }}")
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
        self.tag("for item in agenda")
        self.heading("{{ item.number }}. {{ item.title }}", 2)
        self.optional("item.text", "{{ item.text }}")
        self.tag("if item.raised")
        self.heading(self.w("raised_heading"), 3)
        self.loop_table(
            self.w("raised_heading"),
            [
                ("col_municipality", 3.0, "r.municipality"),
                ("col_topic", 3.6, "r.topic"),
                ("col_description", 5.4, "r.description"),
                ("col_wish", 5.0, "r.wish"),
            ],
            "r in item.raised",
        )
        self.tag("endif")
        self.tag("if item.previous")
        self.heading(self.w("previous_heading"), 3)
        self.loop_table(
            self.w("previous_heading"),
            [
                ("col_municipality", 2.8, "v.municipality"),
                ("col_decision", 4.0, "v.decision"),
                ("col_follow_up", 4.0, "v.follow_up"),
                ("col_status", 2.2, "v.status"),
                ("col_note", 4.0, "v.note"),
            ],
            "v in item.previous",
        )
        self.tag("endif")
        if with_decisions:
            self.tag("if item.decisions")
            self.heading(self.w("decisions_heading"), 3)
            self.loop_table(
                self.w("decisions_heading"),
                [
                    ("col_municipality", 2.0, "d.municipality"),
                    ("col_decision", 3.3, "d.decision"),
                    ("col_follow_up", 3.0, "d.follow_up"),
                    ("col_responsible", 2.3, "d.responsible"),
                    ("col_forum", 2.3, "d.forum"),
                    ("col_monitoring", 2.2, "d.monitoring"),
                    ("col_deadline", 1.9, "d.deadline"),
                ],
                "d in item.decisions",
            )
            self.tag("endif")
        self.tag("endfor")


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


BUILDERS: dict[str, Callable[[Writer], None]] = {
    "kutsu": build_kutsu,
    "asialista": build_asialista,
    "poytakirja": build_poytakirja,
}


def _deterministic_zip(blob: bytes) -> bytes:
    """The same package with fixed member timestamps, so reruns are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = APP_XML if info.filename == "docProps/app.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


def build(lang: str, doc_type: str) -> bytes:
    doc = new_document(lang, doc_type)
    BUILDERS[doc_type](Writer(doc, lang))
    raw = io.BytesIO()
    doc.save(raw)
    return _deterministic_zip(raw.getvalue())


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    for lang in TEXTS:
        folder = target / lang
        folder.mkdir(parents=True, exist_ok=True)
        for doc_type in BUILDERS:
            path = folder / f"{doc_type}.docx"
            path.write_bytes(build(lang, doc_type))
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
