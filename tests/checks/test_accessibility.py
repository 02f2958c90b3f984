"""Accessibility of every generated document, and a check that can fail.

Every document of a full build of the example workbook and of the small test
workbook is checked, both with :mod:`pipeline.accessibility` and, property by
property, read back independently with python-docx / openpyxl.
"""

from __future__ import annotations

import io
import itertools
import re
import struct
import zipfile
import zlib

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline import cli
from pipeline.checks import accessibility as a11y
from pipeline.contract.outputs import Output
from tests.helpers.builds import build_of

LANG_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module", params=["example", "base"])
def built(request, tmp_path_factory):
    if request.param == "example":
        return request.getfixturevalue("example_build")
    return build_of(tmp_path_factory.mktemp(f"a11y-{request.param}"))


def _docs(built, ext: str) -> list[Output]:
    return [o for o in built.outputs if o.path.endswith(ext)]


def _langs(out: Output) -> set[str]:
    return {out.lang} if out.lang else {"fi", "sv"}


# ---------------------------------------------------------------- the check


def test_the_check_passes_every_document_of_the_build(built):
    results = a11y.check_folder(built.target)
    checked = set(results)
    made = {o.path for o in built.outputs if o.path.endswith(a11y.SUFFIXES)}
    assert made and made <= checked
    assert {path: found for path, found in results.items() if found} == {}


def test_every_document_type_and_language_is_covered(built):
    kinds = {(o.doc_type, o.lang) for o in built.outputs}
    assert {d for d, _ in kinds} >= {"kutsu", "asialista", "poytakirja"}
    assert {lang for _, lang in kinds} >= {"fi", "sv"}


# --------------------------------------------- each property, read back independently


def test_docx_language_and_title_are_set(built):
    for out in _docs(built, ".docx"):
        doc = docx.Document(io.BytesIO(out.content))
        assert doc.core_properties.title == out.title, out.path
        assert doc.core_properties.language == LANG_TAGS[out.lang], out.path
        defaults = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert defaults.get(f"{W}val") == LANG_TAGS[out.lang], out.path


def _heading_level(paragraph) -> int | None:
    style = paragraph.style
    while style is not None:
        match = re.fullmatch(r"Heading ([1-9])", style.name or "")
        if match:
            return int(match.group(1))
        style = style.base_style
    return None


def test_docx_headings_start_at_1_and_skip_no_level(built):
    for out in _docs(built, ".docx"):
        doc = docx.Document(io.BytesIO(out.content))
        levels = [lvl for p in doc.paragraphs if (lvl := _heading_level(p)) is not None]
        assert levels and levels[0] == 1, out.path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (out.path, levels)
        headings = [p.text for p in doc.paragraphs if _heading_level(p)]
        assert all(h.strip() for h in headings), out.path


def test_docx_table_header_rows_repeat(built):
    tables = 0
    for out in _docs(built, ".docx"):
        doc = docx.Document(io.BytesIO(out.content))
        for table in doc.tables:
            tables += 1
            first = table.rows[0]._tr
            assert first.find(f"{W}trPr/{W}tblHeader") is not None, out.path
    assert tables, "the build makes tables (raised items, decisions)"


def test_docx_has_no_empty_paragraphs_for_layout(built):
    for out in _docs(built, ".docx"):
        doc = docx.Document(io.BytesIO(out.content))
        for p in doc.paragraphs:
            layout = p._p.find(f".//{W}tab") is not None or p._p.find(f".//{W}drawing") is not None
            assert p.text.strip() or layout, (out.path, p.style.name)


def test_docx_pictures_have_alternative_text(built):
    for out in _docs(built, ".docx"):
        doc = docx.Document(io.BytesIO(out.content))
        for shape in doc.inline_shapes:
            assert shape._inline.docPr.get("descr"), out.path


def test_xlsx_title_language_and_chart_alternative_text(built):
    for out in _docs(built, ".xlsx"):
        wb = load_workbook(io.BytesIO(out.content))
        assert wb.properties.title == out.title, out.path
        assert wb.properties.language in {LANG_TAGS[lang] for lang in _langs(out)}, out.path
        with zipfile.ZipFile(io.BytesIO(out.content)) as zf:
            for name in zf.namelist():
                if re.fullmatch(r"xl/drawings/drawing\d+\.xml", name):
                    drawing = zf.read(name).decode()
                    frames = re.findall(r"<(?:\w+:)?cNvPr [^>]*>", drawing)
                    assert frames, name
                    for frame in frames:
                        assert re.search(r'descr="[^"]+"', frame), (out.path, frame)


# ----------------------------------------------------------- the check can fail


def _rewrite(content: bytes, part: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = change(data.decode()).encode()
            dst.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def minutes(built) -> bytes:
    return next(
        o.content for o in built.outputs if o.path.endswith(".docx") and o.doc_type == "poytakirja"
    )


def _rules(name: str, content: bytes) -> set[str]:
    return {f.rule for f in a11y.check_bytes(name, content)}


def test_check_finds_a_skipped_heading_level(minutes):
    broken = _rewrite(
        minutes, "word/document.xml", lambda x: x.replace('w:val="Heading1"', 'w:val="Heading3"', 1)
    )
    assert _rules("x.docx", broken) == {a11y.HEADINGS}


def test_check_finds_an_empty_paragraph(minutes):
    broken = _rewrite(
        minutes, "word/document.xml", lambda x: x.replace("<w:body>", "<w:body><w:p/>", 1)
    )
    assert _rules("x.docx", broken) == {a11y.EMPTY_PARAGRAPH}


def test_check_finds_a_table_header_that_does_not_repeat(built):
    with_table = next(
        o.content for o in _docs(built, ".docx") if docx.Document(io.BytesIO(o.content)).tables
    )
    broken = _rewrite(with_table, "word/document.xml", lambda x: x.replace("<w:tblHeader/>", ""))
    assert _rules("x.docx", broken) == {a11y.TABLE_HEADER}


def test_check_finds_a_missing_title_and_a_wrong_language(minutes):
    broken = _rewrite(
        minutes,
        "docProps/core.xml",
        lambda x: (
            re.sub(r"<dc:title>[^<]*</dc:title>", "", x)
            .replace(">fi-FI<", ">en-US<")
            .replace(">sv-FI<", ">en-US<")
        ),
    )
    assert _rules("x.docx", broken) == {a11y.TITLE, a11y.LANGUAGE}


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def test_check_finds_a_picture_without_alternative_text():
    doc = docx.Document()
    doc.core_properties.title = "Kuva"
    doc.core_properties.language = "fi-FI"
    rpr = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    lang = rpr.find(f"{W}lang")
    if lang is None:
        lang = rpr.makeelement(f"{W}lang", {})
        rpr.append(lang)
    lang.set(f"{W}val", "fi-FI")
    doc.add_heading("Otsikko", 1)
    doc.add_picture(io.BytesIO(_png()))
    out = io.BytesIO()
    doc.save(out)
    assert _rules("kuva.docx", out.getvalue()) == {a11y.ALT_TEXT}


def test_check_finds_a_chart_without_alternative_text(built):
    tracker = next((o for o in _docs(built, ".xlsx") if o.doc_type == "seurantataulukko"), None)
    if tracker is None:
        pytest.skip("this build makes no tracker")
    broken = _rewrite(
        tracker.content, "xl/drawings/drawing1.xml", lambda x: re.sub(r' descr="[^"]*"', "", x)
    )
    assert _rules("x.xlsx", broken) == {a11y.ALT_TEXT}


def test_an_unreadable_file_is_a_finding_not_a_crash():
    assert _rules("rikki.docx", b"not a zip") == {a11y.UNREADABLE}
    assert _rules("rikki.pdf", b"not a pdf") == {a11y.UNREADABLE}


# --------------------------------------------------------------------- the command


def test_command_reports_ok_and_names_a_failing_document(built, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli.main, ["check-accessibility", str(built.target)])
    assert ok.exit_code == 0, ok.output
    assert "0 puutteellista" in ok.output

    folder = tmp_path / "kansio"
    folder.mkdir()
    source = next(o for o in built.outputs if o.path.endswith(".docx"))
    (folder / "hyva.docx").write_bytes(source.content)
    (folder / "huono.docx").write_bytes(
        _rewrite(
            source.content,
            "word/document.xml",
            lambda x: x.replace("<w:body>", "<w:body><w:p/>", 1),
        )
    )
    bad = runner.invoke(cli.main, ["tarkista-saavutettavuus", str(folder)])
    assert bad.exit_code == 1
    assert "huono.docx: tyhjä kappale" in bad.output
    assert "hyva.docx" not in bad.output
    assert "Tarkistettu 2 asiakirjaa: 1 kunnossa, 1 puutteellinen" in bad.output


def test_english_command_names_and_hidden_finnish_aliases():
    """SPEC's words are English (check-accessibility, --replace-edited); the old ones stay hidden."""
    runner = CliRunner()
    top = runner.invoke(cli.main, ["--help"]).output
    assert "check-accessibility" in top and "tarkista-saavutettavuus" not in top
    build_help = runner.invoke(cli.main, ["build", "--help"]).output
    assert "--replace-edited" in build_help and "--korvaa-muokatut" not in build_help
    old = runner.invoke(cli.main, ["tarkista-saavutettavuus", "--help"])
    assert old.exit_code == 0 and "saavutettavuus" in old.output


def test_command_on_a_missing_folder_says_so_in_finnish(tmp_path):
    result = CliRunner().invoke(cli.main, ["check-accessibility", str(tmp_path / "ei-ole")])
    assert result.exit_code == 1
    assert "ei löydy" in result.output and "Traceback" not in result.output
