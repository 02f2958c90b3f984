"""Accessibility check of generated documents (Act 306/2019, WCAG 2.1 AA).

:func:`check_bytes` / :func:`check_file` / :func:`check_folder` return the
:class:`Finding` s of a ``.docx``, ``.xlsx`` or ``.pdf``; no findings means
the document passes every check below. ``hytetu tarkista-saavutettavuus
KANSIO`` runs them over a build's folder.

Checked, per format:

* every document: title and language (``fi-FI`` / ``sv-FI``) in its metadata;
* ``.docx``: the document's default text language matches; a real heading
  hierarchy (heading styles, starting at Heading 1, no level skipped);
  every table's first row marked as a header row that repeats on each page
  (``w:tblHeader``); no empty paragraphs used for spacing; alternative text
  (``descr``) on every picture and chart;
* ``.xlsx``: alternative text on every chart and picture;
* ``.pdf``: tagged (``/MarkInfo /Marked true`` and a structure tree), the
  language in the catalogue, the title shown in the window title bar.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

from pipeline.contract.grammar import count
from pipeline.contract.naming import is_lock_file

LANGUAGES = ("fi-FI", "sv-FI")
SUFFIXES = (".docx", ".xlsx", ".pdf")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"

#: rule names, as shown to the user
LANGUAGE = "kieli"
TITLE = "nimeke"
HEADINGS = "otsikkorakenne"
TABLE_HEADER = "taulukon otsikkorivi"
EMPTY_PARAGRAPH = "tyhjä kappale"
ALT_TEXT = "vaihtoehtoinen teksti"
TAGGED = "tagitettu PDF"
UNREADABLE = "luettavuus"


@dataclass(frozen=True, order=True)
class Finding:
    """One accessibility problem in one file."""

    file: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.rule}: {self.message}"


def check_folder(folder: Path) -> dict[str, list[Finding]]:
    """Every .docx, .xlsx and .pdf under ``folder`` (relative path -> its findings)."""
    folder = Path(folder)
    results = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUFFIXES and not is_lock_file(path.name):
            name = path.relative_to(folder).as_posix()
            results[name] = check_bytes(name, path.read_bytes())
    return results


def check_file(path: Path) -> list[Finding]:
    return check_bytes(str(path), Path(path).read_bytes())


def check_bytes(name: str, content: bytes) -> list[Finding]:
    """The findings of one document, ``name`` deciding its format by its suffix."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".docx":
            return _check_docx(name, content)
        if suffix == ".xlsx":
            return _check_xlsx(name, content)
        if suffix == ".pdf":
            from pipeline.checks.pdf_check import check_pdf  # pypdf only when a PDF is checked

            return check_pdf(name, content)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError):
        return [
            Finding(
                name,
                UNREADABLE,
                f"tiedostoa ei voi lukea: se on vioittunut tai ei ole {suffix}-tiedosto. "
                "Tee asiakirja uudelleen tai tallenna se Wordissa tai Excelissä.",
            )
        ]
    raise ValueError(f"{name}: tuntematon tiedostotyyppi")


# ----------------------------------------------------------------- metadata


def _core(name: str, zf: zipfile.ZipFile) -> list[Finding]:
    findings = []
    try:
        core = ElementTree.fromstring(zf.read("docProps/core.xml"))
    except KeyError:
        return [
            Finding(name, TITLE, "asiakirjalta puuttuvat ominaisuudet (docProps/core.xml)."),
        ]
    title = (core.findtext(f"{DC}title") or "").strip()
    language = (core.findtext(f"{DC}language") or "").strip()
    if not title:
        findings.append(Finding(name, TITLE, "asiakirjan ominaisuuksista puuttuu nimeke."))
    if language not in LANGUAGES:
        findings.append(
            Finding(
                name,
                LANGUAGE,
                f"asiakirjan kieli on ”{language}”, pitää olla {' tai '.join(LANGUAGES)}.",
            )
        )
    return findings


# --------------------------------------------------------------------- docx


def _check_docx(name: str, content: bytes) -> list[Finding]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        findings = _core(name, zf)
        document = ElementTree.fromstring(zf.read("word/document.xml"))
        styles = ElementTree.fromstring(zf.read("word/styles.xml"))
        # headers and footers: a logo there needs its alternative text as well
        margins = [
            ElementTree.fromstring(zf.read(part))
            for part in sorted(zf.namelist())
            if re.fullmatch(r"word/(header|footer)\d*\.xml", part)
        ]
    findings += _docx_language(name, styles)
    findings += _docx_headings(name, document, styles)
    findings += _docx_tables(name, document)
    findings += _docx_empty_paragraphs(name, document)
    for part in [document, *margins]:
        findings += _docx_alt_text(name, part)
    return findings


def _docx_language(name: str, styles: Element) -> list[Finding]:
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    value = lang.get(f"{W}val") if lang is not None else None
    if value not in LANGUAGES:
        return [
            Finding(
                name,
                LANGUAGE,
                f"tekstin oletuskieli on ”{value or ''}”, pitää olla {' tai '.join(LANGUAGES)} "
                "(ruudunlukija lukee tekstin sen mukaan).",
            )
        ]
    return []


def _heading_levels(styles: Element) -> dict[str, int]:
    """Paragraph style id -> outline level 1–9 (by name ``heading N`` or ``w:outlineLvl``)."""
    own: dict[str, int | None] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        sid = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        style_name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
        level = None
        match = re.fullmatch(r"heading ([1-9])", style_name.strip().lower())
        if match:
            level = int(match.group(1))
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            value = int(outline.get(f"{W}val") or "")
            level = value + 1 if value < 9 else None
        own[sid] = level
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val") or ""

    def resolve(sid: str, depth: int = 0) -> int | None:
        if own.get(sid) is not None or depth > 20:
            return own.get(sid)
        return resolve(based[sid], depth + 1) if sid in based else None

    return {sid: lvl for sid in own if (lvl := resolve(sid)) is not None}


def _text(element: Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _docx_headings(name: str, document: Element, styles: Element) -> list[Finding]:
    levels = _heading_levels(styles)
    found: list[tuple[int, str]] = []
    for p in document.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        level = None
        if ppr is not None:
            style = ppr.find(f"{W}pStyle")
            if style is not None:
                level = levels.get(style.get(f"{W}val") or "")
            outline = ppr.find(f"{W}outlineLvl")
            if outline is not None and (outline.get(f"{W}val") or "").isdigit():
                value = int(outline.get(f"{W}val") or "")
                level = value + 1 if value < 9 else None
        if level is not None:
            found.append((level, _text(p).strip()))
    if not found:
        return [
            Finding(
                name,
                HEADINGS,
                "asiakirjassa ei ole yhtään otsikkotyylillä (Otsikko 1, 2, …) merkittyä otsikkoa.",
            )
        ]
    findings = []
    if found[0][0] != 1:
        findings.append(
            Finding(
                name,
                HEADINGS,
                f"ensimmäinen otsikko ”{found[0][1]}” on tasoa {found[0][0]}; "
                "pitää alkaa tasolta 1 (Otsikko 1).",
            )
        )
    previous = found[0][0]
    for level, text in found[1:]:
        if level > previous + 1:
            findings.append(
                Finding(
                    name,
                    HEADINGS,
                    f"otsikko ”{text}” on tasoa {level} heti tason {previous} jälkeen; "
                    "otsikkotasoja ei saa ohittaa.",
                )
            )
        if not text:
            findings.append(Finding(name, HEADINGS, f"tason {level} otsikko on tyhjä."))
        previous = level
    if not found[0][1]:
        findings.append(Finding(name, HEADINGS, "ensimmäinen otsikko on tyhjä."))
    return findings


def _docx_tables(name: str, document: Element) -> list[Finding]:
    findings = []
    for number, table in enumerate(document.iter(f"{W}tbl"), start=1):
        first = table.find(f"{W}tr")
        if first is None:
            continue
        header = first.find(f"{W}trPr/{W}tblHeader")
        value = (header.get(f"{W}val") or "true").lower() if header is not None else "false"
        if value in ("false", "0", "off"):
            caption = table.find(f"{W}tblPr/{W}tblCaption")
            label = (caption.get(f"{W}val") if caption is not None else _text(first).strip()) or ""
            findings.append(
                Finding(
                    name,
                    TABLE_HEADER,
                    f"taulukon {number} (”{label[:60]}”) ensimmäistä riviä ei ole merkitty "
                    "otsikkoriviksi, joka toistuu jokaisella sivulla.",
                )
            )
    return findings


#: what makes a paragraph more than an empty line: text, tabs (signature lines drawn with
#: tab leaders), pictures, fields (page numbers), breaks
_CONTENT = {
    f"{W}tab",
    f"{W}drawing",
    f"{W}pict",
    f"{W}object",
    f"{W}fldChar",
    f"{W}fldSimple",
    f"{W}br",
    f"{W}sym",
}


def _docx_empty_paragraphs(name: str, document: Element) -> list[Finding]:
    """Paragraphs of the body with nothing in them (a table cell's only paragraph is fine)."""
    body = document.find(f"{W}body")
    if body is None:
        return []
    empty = 0
    for p in body.findall(f"{W}p"):
        if _text(p).strip():
            continue
        if any(el.tag in _CONTENT for el in p.iter()):
            continue
        ppr = p.find(f"{W}pPr")
        if ppr is not None and ppr.find(f"{W}sectPr") is not None:
            continue  # carries a section break, not a blank line
        empty += 1
    if empty:
        return [
            Finding(
                name,
                EMPTY_PARAGRAPH,
                f"asiakirjassa on {count(empty, 'tyhjä kappale', 'tyhjää kappaletta')}; väli tehdään kappaleen "
                "välistyksellä, ei tyhjillä riveillä (ruudunlukija lukee ne ”tyhjä”).",
            )
        ]
    return []


def _docx_alt_text(name: str, document: Element) -> list[Finding]:
    findings = []
    for pr in document.iter(f"{WP}docPr"):
        if not (pr.get("descr") or "").strip() and pr.get("title") is None:
            findings.append(
                Finding(
                    name,
                    ALT_TEXT,
                    f"kuvalta tai kaaviolta ”{pr.get('name', '')}” puuttuu vaihtoehtoinen teksti.",
                )
            )
    return findings


# --------------------------------------------------------------------- xlsx


def _check_xlsx(name: str, content: bytes) -> list[Finding]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        findings = _core(name, zf)
        for part in sorted(n for n in zf.namelist() if n.startswith("xl/drawings/drawing")):
            if not part.endswith(".xml"):
                continue
            drawing = ElementTree.fromstring(zf.read(part))
            for pr in drawing.iter(f"{XDR}cNvPr"):
                if not (pr.get("descr") or "").strip():
                    findings.append(
                        Finding(
                            name,
                            ALT_TEXT,
                            f"kaaviolta tai kuvalta ”{pr.get('name', '')}” ({part}) puuttuu "
                            "vaihtoehtoinen teksti.",
                        )
                    )
    return findings
