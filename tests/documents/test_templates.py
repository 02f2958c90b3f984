"""The Word templates of the invitation, agenda and minutes render as a person expects.

Each template under ``templates_docx/<lang>/`` is filled with docxtpl under the
same kind of Jinja environment the build uses (sandboxed, autoescaping, strict)
and read back with python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import subprocess
from pathlib import Path

import jinja2
import pytest
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from pipeline.documents.contexts.common import Common, NegotiationView, PreviousView, as_mapping
from pipeline.documents.contexts.negotiation import (
    AgendaItem,
    DecisionView,
    Delegation,
    NegotiationDoc,
    Person,
    RaisedView,
)
from tests.helpers.office import soffice_or_skip

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates_docx"
LANGS = ("fi", "sv")
DOC_TYPES = ("kutsu", "asialista", "poytakirja")

WHEN = {
    "fi": "keskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30",
    "sv": "onsdagen den 14 april 2027 kl. 9.00–11.30",
}
COUNTY = {"fi": "Pohjanmaan hyvinvointialue", "sv": "Välfärdsområdet i Österbotten"}
ELECTED = {"fi": "luottamushenkilö", "sv": "förtroendevald"}
TRICKY = "R&D <b> {{ 7*7 }}"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ------------------------------------------------------------------------ contexts


def _agenda(lang: str, full: bool) -> list[AgendaItem]:
    raised = (
        [
            RaisedView("Vaasa", "Nuorten yksinäisyys", "Kuvaus\ntoinen rivi", TRICKY, "x"),
            RaisedView("Mustasaari", "Liikuntapaikat", "Kevyt kuvaus", "Yhteinen hanke", "y"),
        ]
        if full
        else []
    )
    decisions = (
        [
            DecisionView(
                "P-1",
                "Vaasa",
                "Perustetaan nuorten työryhmä",
                "Työryhmä kokoontuu",
                "Hyte-koordinaattori",
                "Hyte-verkosto",
                "Yhdyshenkilöverkosto",
                "31.12.2027",
                "mielen hyvinvointi",
            ),
            DecisionView(
                "P-2",
                "Mustasaari",
                TRICKY,
                "Selvitys",
                "Kunta",
                "Liikuntafoorumi",
                "Kunnan hyte-ryhmä",
                "30.6.2027",
                "elintavat",
            ),
        ]
        if full
        else []
    )
    previous = [PreviousView("Vaasa", "Vanha päätös", "Vanha jatkotoimi", "Käynnissä", "Etenee")]
    keys = ["opening", "plan", "coefficient", "theme"]
    if full:
        keys.append("previous")
    keys += ["followup", "closing"]
    return [
        AgendaItem(
            number=n,
            key=k,
            title=f"Kohta-{k}",
            text=f"Teksti {k}" if full else "",
            raised=raised if k == "theme" else [],
            decisions=decisions if k == "theme" else [],
            previous=previous if k == "previous" else [],
            notes=[f"Muistiinpano {k}"] if full and k in ("plan", "theme") else [],
            record=f"Kirjaus {k}" if full and k in ("opening", "closing") else "",
            noted=full and k == "coefficient",
        )
        for n, k in enumerate(keys, start=1)
    ]


def make_context(lang: str, full: bool) -> dict[str, object]:
    """``full``: every optional value present, decisions, final minutes; else the bare minimum."""
    common = Common(
        lang=lang,
        county=COUNTY[lang],
        year=2027,
        theme="mielen hyvinvointi",
        period="2026–2029",
        title=f"Otsikko {lang} – Pohjoinen 2027",
        doc_date="2.3.2027",
        coordinator="Kaisa Koordinaattori" if full else "",
        coordinator_email="kaisa@example.fi" if full else "",
        coordinator_phone="040 123 4567" if full else "",
    )
    negotiation = NegotiationView(
        code="N1",
        service_area="Pohjoinen",
        when=WHEN[lang],
        date_long=WHEN[lang].rsplit(" ", 2)[0],
        date_short="14.4.2027",
        time="klo 9.00–11.30",
        place=("Kaupungintalo, " + TRICKY + "\nsali 2") if full else "",
        remote="https://teams.example/meet?a=1&b=2" if full else "",
        chair="Paula Puheenjohtaja" if full else "",
        secretary="Sanni Sihteeri" if full else "",
        municipalities=["Vaasa", "Mustasaari", "Laihia"],
    )
    delegations = (
        [
            Delegation(
                COUNTY[lang],
                [
                    Person("Hanna Hyvä", "hyvinvointijohtaja", "neuvottelija", False, "", ""),
                    Person("Eero Edustaja", "", "neuvottelija", True, "", ""),
                ],
            ),
            Delegation(
                "Vaasa",
                [Person("Ville Valtuutettu", "valtuuston pj", "neuvottelija", True, "", "")],
            ),
        ]
        if full
        else []
    )
    present = [
        Delegation(COUNTY[lang], [Person("Hanna Hyvä", "hyvinvointijohtaja", "", False, "", "")]),
        Delegation(
            "Vaasa", [Person("Ville Valtuutettu", "valtuuston pj", "", True, "", "", ELECTED[lang])]
        ),
    ]
    others = [Delegation("Vaasa", [Person("Anu Asiantuntija", "rehtori", "", False, "", "")])]
    absent = [
        Delegation(COUNTY[lang], [Person("Eero Edustaja", "", "", True, "", "", ELECTED[lang])])
    ]
    doc = NegotiationDoc(
        common=common,
        negotiation=negotiation,
        delegations=delegations,
        agenda=_agenda(lang, full),
        pre_deadline=("1. maaliskuuta 2027" if lang == "fi" else "1 mars 2027") if full else "",
        final=full,
        decision_count=2 if full else 0,
        decisions_text=("kaksi päätöstä" if lang == "fi" else "två beslut") if full else "",
        attendance=full,
        present=present if full else [],
        others_present=others if full else [],
        absent=absent if full else [],
        checkers=["Tiina Tarkastaja", "Tuomas Toinen", "Kolmas Kaisa"] if full else [],
        checked=("21. huhtikuuta 2027" if lang == "fi" else "21 april 2027") if full else "",
        registration_by=("7. huhtikuuta 2027" if lang == "fi" else "7 april 2027") if full else "",
    )
    return as_mapping(doc)


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


def render(lang: str, doc_type: str, full: bool) -> bytes:
    template = DocxTemplate(TEMPLATES / lang / f"{doc_type}.docx")
    template.render(make_context(lang, full), jinja_env=environment())
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------- reading


def body_texts(doc) -> list[str]:
    """Every paragraph's text, body and table cells, in document order."""
    texts: list[str] = []
    for block in doc.element.body.iter(qn("w:p")):
        texts.append("".join(_run_text(r) for r in block.iter(qn("w:r"))))
    return texts


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:tab"):
            parts.append("\t")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
    return "".join(parts)


def all_text(doc) -> str:
    return "\n".join(body_texts(doc))


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


CASES = [
    (lang, doc_type, full) for lang in LANGS for doc_type in DOC_TYPES for full in (True, False)
]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str, bool], bytes]:
    return {case: render(*case) for case in CASES}


def _doc(rendered, case):
    return Document(io.BytesIO(rendered[case]))


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_template_is_clean_word(lang: str, doc_type: str) -> None:
    doc = Document(TEMPLATES / lang / f"{doc_type}.docx")
    styles_xml = doc.styles.element
    lang_el = styles_xml.find(
        f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr/{{{W_NS}}}lang"
    )
    assert lang_el.get(qn("w:val")) == f"{lang}-FI"
    core = doc.core_properties
    assert core.title == ""
    assert core.author == ""
    assert core.language == f"{lang}-FI"
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    for margin in (section.left_margin, section.right_margin, section.top_margin):
        assert 2.0 <= round(margin.cm, 2) <= 2.5
    # no empty paragraphs used for spacing (a signature line is drawn by tab leaders)
    for p in doc.paragraphs:
        assert p.text, f"empty paragraph in {lang}/{doc_type}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
@pytest.mark.parametrize("full", [True, False])
def test_renders_without_leftover_tags(rendered, lang, doc_type, full) -> None:
    doc = _doc(rendered, (lang, doc_type, full))
    text = all_text(doc)
    for part in (doc.sections[0].header, doc.sections[0].footer):
        text += "\n" + "\n".join(body_texts_of(part))
    for mark in ("{%", "%}", "{{ n", "{{ i", "{{ d", "{{ p", "{{ r", "{{ v", "{{ c", "{{ t"):
        assert mark not in text, f"leftover {mark!r} in {lang}/{doc_type}"
    assert "49" not in text
    assert doc.paragraphs[0].text or doc.tables, "document starts with something"
    hs = headings(doc)
    assert [h for h in hs if h[0] == "Heading 1"] == [
        ("Heading 1", f"Otsikko {lang} – Pohjoinen 2027")
    ]
    levels = [int(style.rsplit(" ", 1)[1]) for style, _ in hs]
    assert levels[0] == 1
    for a, b in itertools.pairwise(levels):
        assert b <= a + 1, f"skipped heading level in {lang}/{doc_type}: {hs}"
    for p in doc.paragraphs:
        assert p.text, f"empty paragraph in {lang}/{doc_type}"


def body_texts_of(part) -> list[str]:
    return ["".join(_run_text(r) for r in p.iter(qn("w:r"))) for p in part._element.iter(qn("w:p"))]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_header_and_footer(rendered, lang, doc_type) -> None:
    doc = _doc(rendered, (lang, doc_type, True))
    section = doc.sections[0]
    header = "\n".join(body_texts_of(section.header))
    assert COUNTY[lang] in header
    expected = {
        "fi": {"kutsu": "KUTSU", "asialista": "ASIALISTA", "poytakirja": "PÖYTÄKIRJA"},
        "sv": {"kutsu": "KALLELSE", "asialista": "FÖREDRAGNINGSLISTA", "poytakirja": "PROTOKOLL"},
    }[lang][doc_type]
    assert expected in header
    if doc_type == "poytakirja":
        draft = _doc(rendered, (lang, doc_type, False)).sections[0].header
        assert ("LUONNOS" if lang == "fi" else "UTKAST") in "\n".join(body_texts_of(draft))
        assert ("LUONNOS" if lang == "fi" else "UTKAST") not in header
    # the page number as Finnish and Finland-Swedish letters write it, top right: 1 (2)
    header_xml = section.header._element.xml
    instructions = [
        el.text.strip() for el in section.header._element.iter(qn("w:instrText")) if el.text
    ]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert 'w:fldCharType="begin"' in header_xml
    first_line = body_texts_of(section.header)[0]
    assert re.fullmatch(rf"{re.escape(COUNTY[lang])}\t.+\t1 \(1\)", first_line), first_line
    assert "Sivu" not in header and "Sida" not in header and "/" not in first_line
    # the footer names the document, so that a loose page says what it belongs to
    footer = "".join(body_texts_of(section.footer))
    assert footer and footer in all_text(doc)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_meeting_facts_and_tricky_values(rendered, lang, doc_type) -> None:
    doc = _doc(rendered, (lang, doc_type, True))
    text = all_text(doc)
    assert WHEN[lang] in text
    if doc_type != "poytakirja":
        assert "Vaasa, Mustasaari, Laihia" in text
    # the place holds R&D <b> {{ 7*7 }} and a line break: all verbatim
    assert "Kaupungintalo, " + TRICKY + "\nsali 2" in text
    assert "https://teams.example/meet?a=1&b=2" in text


@pytest.mark.parametrize("lang", LANGS)
def test_participants_with_elected_marked(rendered, lang) -> None:
    doc = _doc(rendered, (lang, "kutsu", True))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    elected = ELECTED[lang]
    assert ("Organisation", COUNTY[lang]) in paragraphs
    assert ("Organisation", "Vaasa") in paragraphs
    assert ("List Bullet", "Hanna Hyvä, hyvinvointijohtaja (neuvottelija)") in paragraphs
    assert ("List Bullet", f"Eero Edustaja (neuvottelija) – {elected}") in paragraphs
    assert (
        "List Bullet",
        f"Ville Valtuutettu, valtuuston pj (neuvottelija) – {elected}",
    ) in paragraphs
    organisation = next(p for p in doc.paragraphs if p.style.name == "Organisation")
    assert organisation.runs[0].bold or organisation.style.font.bold
    text = all_text(doc)
    assert "Paula Puheenjohtaja" in text
    assert "Sanni Sihteeri" in text


@pytest.mark.parametrize("lang", LANGS)
def test_kutsu_letter(rendered, lang) -> None:
    doc = _doc(rendered, (lang, "kutsu", True))
    text = all_text(doc)
    assert "2.3.2027" in text
    assert "mielen hyvinvointi" in text
    assert "2026–2029" in text
    assert ("1. maaliskuuta 2027" if lang == "fi" else "1 mars 2027") in text
    assert "Kaisa Koordinaattori" in text
    assert "kaisa@example.fi" in text
    assert "040 123 4567" in text
    bare = all_text(_doc(rendered, (lang, "kutsu", False)))
    assert "maaliskuuta" not in bare and "mars" not in bare
    assert "Kaisa" not in bare
    assert ("puh." if lang == "fi" else "tfn") not in bare
    assert "Paikka\t" not in bare and "Plats\t" not in bare


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", ["asialista", "poytakirja"])
def test_agenda_items_in_order(rendered, lang, doc_type) -> None:
    for full, count in ((True, 7), (False, 6)):
        doc = _doc(rendered, (lang, doc_type, full))
        items = [
            text for style, text in headings(doc) if style == "Heading 2" and text[:1].isdigit()
        ]
        assert len(items) == count
        # the minutes number their items "1 §"; the agenda without a full stop (review C6)
        mark = " §" if doc_type == "poytakirja" else ""
        assert [int(t.split(" ", 1)[0]) for t in items] == list(range(1, count + 1))
        assert items[0] == f"1{mark} Kohta-opening"
        assert items[3] == f"4{mark} Kohta-theme"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", ["asialista", "poytakirja"])
def test_raised_and_previous_tables(rendered, lang, doc_type) -> None:
    doc = _doc(rendered, (lang, doc_type, True))
    raised = doc.tables[0]
    rows = table_rows(raised)
    assert rows[0][0] == ("Kunta" if lang == "fi" else "Kommun")
    assert rows[1] == ["Vaasa", "Nuorten yksinäisyys", "Kuvaus\ntoinen rivi", TRICKY]
    assert rows[2] == ["Mustasaari", "Liikuntapaikat", "Kevyt kuvaus", "Yhteinen hanke"]
    assert len(rows) == 3
    previous = doc.tables[-1]
    assert table_rows(previous)[1] == [
        "Vaasa",
        "Vanha päätös",
        "Vanha jatkotoimi",
        "Käynnissä",
        "Etenee",
    ]
    for table in doc.tables:
        header = table.rows[0]
        assert header._tr.trPr is not None
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        for cell in header.cells:
            p = cell.paragraphs[0]
            assert p.style.font.bold or all(r.bold for r in p.runs)
        for row in table.rows[1:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    bare = _doc(rendered, (lang, doc_type, False))
    assert bare.tables == []


@pytest.mark.parametrize("lang", LANGS)
def test_minutes_decisions(rendered, lang) -> None:
    doc = _doc(rendered, (lang, "poytakirja", True))
    decisions = doc.tables[1]
    rows = table_rows(decisions)
    heads = [h.replace("\u00ad", "") for h in rows[0]]
    expected = {
        # seven facts in five columns, each wide enough for its words (issue 15)
        "fi": [
            "Kunta",
            "Päätös",
            "Jatkotoimi ja vastuutaho",
            "Yhteistyöfoorumi ja seurantavastuu",
            "Määräaika",
        ],
        "sv": [
            "Kommun",
            "Beslut",
            "Fortsatt åtgärd och ansvarig",
            "Samarbetsforum och uppföljningsansvar",
            "Tidsfrist",
        ],
    }[lang]
    assert heads == expected
    assert rows[1] == [
        "Vaasa",
        "Perustetaan nuorten työryhmä",
        "Työryhmä kokoontuu\nHyte-koordinaattori",
        "Hyte-verkosto\nYhdyshenkilöverkosto",
        "31.12.2027",
    ]
    assert rows[2][1] == TRICKY
    assert rows[2][4] == "30.6.2027"
    assert decisions.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    text = all_text(doc)
    assert "LUONNOS" not in text and "UTKAST" not in text
    assert "2" in text
    draft = all_text(_doc(rendered, (lang, "poytakirja", False)))
    assert ("LUONNOS" if lang == "fi" else "UTKAST") in draft
    # signature block: three named checkers, two on one line and one alone, with the date
    checker = "Pöytäkirjan tarkastaja" if lang == "fi" else "Protokolljusterare"
    assert f"Tiina Tarkastaja\tTuomas Toinen\n{checker}\t{checker}\n" in text
    assert f"\nKolmas Kaisa\n{checker}\n" in text
    assert text.count(checker) == 3
    chair, secretary = (
        ("Puheenjohtaja", "Sihteeri") if lang == "fi" else ("Ordförande", "Sekreterare")
    )
    assert f"{chair}\t{secretary}" in text
    assert "Paula Puheenjohtaja\tSanni Sihteeri" in text
    checked = (
        "Pöytäkirja on tarkastettu 21. huhtikuuta 2027."
        if lang == "fi"
        else "Protokollet har justerats den 21 april 2027."
    )
    assert checked in text
    assert ("Paikka ja päivämäärä" if lang == "fi" else "Ort och datum") not in text
    # a draft names nobody and claims nothing: two lines to sign, no checking
    assert f"\n{checker}\t{checker}" in draft
    assert ("tarkastettu" if lang == "fi" else "justerat") not in draft.lower()
    assert ("tarkastaneet" if lang == "fi" else "justerats") not in draft.lower()
    assert ("Paikka ja päivämäärä" if lang == "fi" else "Ort och datum") in draft


# ---------------------------------------------------------------------- LibreOffice


@pytest.mark.libreoffice
def test_libreoffice_converts_every_template(rendered, tmp_path: Path) -> None:
    soffice = soffice_or_skip()
    files = []
    for lang in LANGS:
        for doc_type in DOC_TYPES:
            path = tmp_path / f"{doc_type}_{lang}.docx"
            path.write_bytes(rendered[(lang, doc_type, True)])
            files.append(path)
    out = tmp_path / "pdf"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    for path in files:
        pdf = out / (path.stem + ".pdf")
        assert pdf.exists(), pdf
        assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_build_renderer_fills_the_templates(lang, doc_type) -> None:
    """The build's own renderer (finalize, compiled-template cache) gives the same text."""
    from pipeline.render.word import DocProperties, Renderer

    renderer = Renderer(root=TEMPLATES)
    props = DocProperties(
        title="T",
        subject="S",
        author="A",
        keywords="K",
        language=f"{lang}-FI",
        created=dt.datetime(2027, 3, 2, tzinfo=dt.UTC),
    )
    for full in (True, False, True):  # the second full render reuses compiled parts
        blob = renderer.render(lang, doc_type, make_context(lang, full), props)
        doc = Document(io.BytesIO(blob))
        text = all_text(doc)
        assert "{%" not in text and "49" not in text
        assert WHEN[lang] in text
        if full:
            assert "Kaupungintalo, " + TRICKY + "\nsali 2" in text
