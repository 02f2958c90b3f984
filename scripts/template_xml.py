"""Page, styles, settings and XML helpers shared by every template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from template_texts import SHY, TEXTS

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
    """Automatic hyphenation on or off for a style (soft hyphens in fixed headings still work)."""
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
    # no automatic hyphenation anywhere: widths fit the words (Writer.loop_table), and a
    # Finnish compound broken by a dictionary-less hyphenator reads worse than a wrap
    _hyphenation(table_text, on=False)

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

    _header(doc, section, lang, doc_type)
    _footer(doc, section)


#: where the document type stands in the header (SFS 2487: right half of the page)
HEADER_TYPE_CM = 9.5
#: documents of one negotiation: the header's second line gives its date and time
NEGOTIATION_HEADERS = ("asialista", "poytakirja", "ennakkomateriaali")


def _rule_below(paragraph: Paragraph) -> None:
    """A thin rule under the header; consecutive header lines share one rule."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    _set_attrs(bottom, val="single", sz="4", space="4", color="808080")
    bdr.append(bottom)
    _ppr_insert(ppr, bdr)


def _header_paragraph(doc: DocumentObject, paragraph: Paragraph) -> Paragraph:
    paragraph.style = doc.styles["Header"]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(HEADER_TYPE_CM))
    _rule_below(paragraph)
    return paragraph


def _header(doc: DocumentObject, section, lang: str, doc_type: str) -> None:
    """``County | DOCUMENT TYPE | 1 (2)``, under the type the meeting's date and time and
    the record number (``Dnro x``) when there are.

    Finnish and Finland-Swedish letters number pages ``1 (2)`` at the top right
    (SFS 2487); the record number (``Diaarinumero``) goes under it. The logo, when
    a county gives one, is put in front of the county's name when rendered.
    """
    words = TEXTS[lang]
    first = _header_paragraph(doc, section.header.paragraphs[0])
    _add_text(first, "{{ county }}")
    _add_text(first, "\t")
    _add_text(first, words[f"type_{doc_type}"], bold=True)
    _add_text(first, "\t")
    _field(first, "PAGE", "1")
    _add_text(first, " (")
    _field(first, "NUMPAGES", "1")
    _add_text(first, ")")
    lines = [("if record_number", "\t" + words["record_number"] + " {{ record_number }}")]
    if doc_type in NEGOTIATION_HEADERS:
        when = "{{ negotiation.date_short }}{% if negotiation.time %} {{ negotiation.time }}{% endif %}"
        lines.insert(0, ("", "\t" + when))
    for condition, text in lines:
        if condition:
            _add_text(section.header.add_paragraph(), "{%p " + condition + " %}")
        _add_text(_header_paragraph(doc, section.header.add_paragraph()), text)
        if condition:
            _add_text(section.header.add_paragraph(), "{%p endif %}")


def _footer(doc: DocumentObject, section) -> None:
    """The document's title on every page, so that a loose page says what it belongs to."""
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    _add_text(footer, "{{ title }}")


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
