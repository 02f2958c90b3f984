"""``hytetu build --pdf``: tagged PDF/A-2b copies, read back with pypdf.

LibreOffice is slow here: the example is built with ``--pdf`` once per module.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree
from pypdf import PdfReader

from pipeline import cli
from pipeline.app import build, load
from pipeline.checks.accessibility import check_bytes
from pipeline.contract.outputs import Output
from pipeline.errors import ConversionProblem
from pipeline.output import office
from pipeline.output.archive_list import read_archive_list
from pipeline.output.pdf import add_pdf_copies
from tests.helpers.builds import EXAMPLE
from tests.helpers.docs import docx_text
from tests.helpers.office import soffice_or_skip

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    soffice_or_skip()
    out = tmp_path_factory.mktemp("pdf") / "out"
    return build(EXAMPLE, out, pdf=True)


def _pdfs(built) -> list[Output]:
    return [o for o in built.outputs if o.path.endswith(".pdf")]


def _plain(text: str) -> str:
    """Text as a reader sees it: hyphenation at line ends undone, whitespace collapsed."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return _plain("\n".join(page.extract_text() or "" for page in reader.pages))


def _pdfa_part(content: bytes) -> tuple[str, str]:
    reader = PdfReader(io.BytesIO(content))
    xml = reader.trailer["/Root"]["/Metadata"].get_data()
    root = ElementTree.fromstring(xml)
    for desc in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        part = desc.findtext(f"{PDFAID}part") or desc.get(f"{PDFAID}part")
        conformance = desc.findtext(f"{PDFAID}conformance") or desc.get(f"{PDFAID}conformance")
        if part:
            return part, conformance or ""
    return "", ""


@pytest.mark.libreoffice
def test_every_docx_has_a_pdf_beside_it_with_its_own_archive_row(built):
    docx = {o.path for o in built.outputs if o.path.endswith(".docx")}
    pdfs = {o.path for o in _pdfs(built)}
    assert docx, "the example makes Word documents"
    assert pdfs == {p[: -len(".docx")] + ".pdf" for p in docx}
    rows = {
        r["tiedosto"]: r
        for r in read_archive_list((built.target / "arkistoluettelo.csv").read_bytes())
    }
    for path in pdfs:
        content = (built.target / path).read_bytes()
        assert content.startswith(b"%PDF-")
        pdf_row, docx_row = rows[path], rows[path[: -len(".pdf")] + ".docx"]
        assert pdf_row["sha256"] == Output(path, "", "", content).sha256
        assert int(pdf_row["koko"]) == len(content)
        same = {k: v for k, v in docx_row.items() if k not in ("tiedosto", "sha256", "koko")}
        assert {k: pdf_row[k] for k in same} == same


@pytest.mark.libreoffice
def test_pdfs_are_pdfa_2_and_tagged(built):
    for out in _pdfs(built):
        assert _pdfa_part(out.content) == ("2", "B"), out.path
        root = PdfReader(io.BytesIO(out.content)).trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] == True, out.path  # noqa: E712 (BooleanObject)
        assert "/StructTreeRoot" in root, out.path
        assert root["/Lang"] == {"fi": "fi-FI", "sv": "sv-FI"}[out.lang]
        assert check_bytes(out.path, out.content) == [], out.path


@pytest.mark.libreoffice
def test_pdf_text_and_metadata_match_the_word_document(built):
    data, _ = load(EXAMPLE)
    names = {p.name for p in data.participants} | {
        name for n in data.negotiations for name in (n.chair, n.secretary) if name
    }
    date = re.compile(r"\w+ \d{1,2}\. \w+ \d{4}|\w+ den \d{1,2} \w+ \d{4}|\d{1,2}\.\d{1,2}\.\d{4}")
    for out in _pdfs(built):
        word = built.target / (out.path[: -len(".pdf")] + ".docx")
        word_text = _plain(docx_text(word))
        pdf_text = _pdf_text(out.content)
        info = PdfReader(io.BytesIO(out.content)).metadata
        assert info.title == out.title
        assert info.author
        headings = [
            _plain(para.text)
            for para in docx.Document(str(word)).paragraphs
            if para.style.name.startswith("Heading") and para.text.strip()
        ]
        assert headings, word
        for heading in headings:  # the visible title and every heading
            assert heading in pdf_text, (out.path, heading)
        dates = date.findall(word_text)
        assert dates, f"{word} shows no date"
        for shown in dates:
            assert shown in pdf_text, (out.path, shown)
        named = [n for n in names if n in word_text]
        for name in named:
            assert name in pdf_text, (out.path, name)
    assert any(n in _pdf_text(o.content) for o in _pdfs(built) for n in names)


@pytest.mark.libreoffice
def test_pdf_dates_are_the_build_date_not_the_clock(built):
    laadittu = read_archive_list((built.target / "arkistoluettelo.csv").read_bytes())[0]["laadittu"]
    stamp = laadittu.replace("-", "")
    for out in _pdfs(built):
        info = PdfReader(io.BytesIO(out.content)).metadata
        assert info["/CreationDate"].startswith(f"D:{stamp}000000"), out.path
        assert f"<xmp:CreateDate>{laadittu}T00:00:00Z".encode() in out.content


@pytest.mark.libreoffice
def test_a_conversion_that_does_not_finish_names_the_documents(built):
    docx = [o for o in built.outputs if o.path.endswith(".docx")][:2]
    with pytest.raises(ConversionProblem) as caught:
        add_pdf_copies(docx, dt_midnight(), timeout=0.05)
    message = str(caught.value)
    for out in docx:
        assert out.path in message
    assert "Mitään ei kirjoitettu" in message


def dt_midnight():
    import datetime as dt

    return dt.datetime(2027, 1, 15, tzinfo=dt.UTC)


def test_without_libreoffice_nothing_is_written_and_the_message_says_how_to_install(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["build", str(EXAMPLE), "--out", str(out), "--pdf"])
    assert result.exit_code == 1
    assert "LibreOffice" in result.output and "apt-get install" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_failed_conversion_stops_the_build_and_keeps_the_previous_output(tmp_path, monkeypatch):
    """LibreOffice converting only some documents: the others are named, nothing changes."""
    out = tmp_path / "out"
    first = build(EXAMPLE, out)
    before = {p: p.read_bytes() for p in first.target.rglob("*") if p.is_file()}

    def half(files, target, outdir, *, timeout, stop=None):
        batch = office.Batch(log="Error: source file could not be loaded")
        outdir.mkdir(parents=True, exist_ok=True)
        for f in files[1:]:
            made = outdir / f"{f.stem}.pdf"
            made.write_bytes(b"%PDF-1.6\n%%EOF\n")
            batch.done[f] = made
        return batch

    monkeypatch.setattr(office, "find_soffice", lambda: "/usr/bin/true")
    monkeypatch.setattr(office, "run_batch", half)
    result = CliRunner().invoke(cli.main, ["build", str(EXAMPLE), "--out", str(out), "--pdf"])
    assert result.exit_code == 1
    first_docx = next(o.path for o in first.outputs if o.path.endswith(".docx"))
    assert first_docx in result.output
    assert "source file could not be loaded" in result.output
    assert "Traceback" not in result.output
    after = {p: p.read_bytes() for p in first.target.rglob("*") if p.is_file()}
    assert after == before


def test_large_builds_are_converted_in_equal_batches_one_per_core(tmp_path, monkeypatch):
    """LibreOffice stops silently after ~250 files of one batch: no batch may be that long;
    equal batches, a multiple of the workers, keep every core busy to the end."""
    calls = []

    def fake(files, target, outdir, *, timeout, stop=None):
        calls.append(list(files))
        batch = office.Batch(log=f"{len(files)} tiedostoa\n")
        for f in files:
            batch.done[f] = outdir / f"{f.stem}.pdf"
        return batch

    monkeypatch.setattr(office, "run_batch", fake)
    files = [tmp_path / f"{i:04d}.docx" for i in range(402)]  # the national workbook
    merged = office.run_batches(files, "pdf", tmp_path, timeout=5, workers=2)
    assert sorted(len(c) for c in calls) == [201, 201]
    assert sorted(merged.done) == sorted(files)
    assert merged.failed(files) == []
    # each batch gets its share of every kind: dealt out in turn, not cut in runs
    assert calls[0][:3] == [files[0], files[2], files[4]]

    calls.clear()
    files = [tmp_path / f"{i:04d}.docx" for i in range(4054)]  # 10× national
    office.run_batches(files, "pdf", tmp_path, timeout=5, workers=2)
    sizes = [len(c) for c in calls]
    assert max(sizes) <= office.BATCH_SIZE < 250
    assert len(sizes) % 2 == 0 and max(sizes) - min(sizes) <= 1
    assert sorted(f for c in calls for f in c) == files

    calls.clear()
    office.run_batches(files[:30], "pdf", tmp_path, timeout=5, workers=2)
    assert len(calls) == 1  # a county's build stays one LibreOffice process


def test_workers_follow_the_cores_and_are_capped(monkeypatch):
    monkeypatch.setattr(office.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert office.default_workers() == office.MAX_WORKERS
    monkeypatch.setattr(office.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert office.default_workers() == 1


@pytest.mark.libreoffice
def test_a_pdf_rebuild_of_the_unchanged_example_converts_nothing(built, monkeypatch):
    """Real LibreOffice copies from the first build are kept as they are (SPEC: a PDF copy
    whose Word document is unchanged is not converted again)."""
    from pipeline.output import pdf

    asked: list[object] = []
    real = pdf.run_batches
    monkeypatch.setattr(
        pdf, "run_batches", lambda files, *a, **k: asked.extend(files) or real(files, *a, **k)
    )
    before = {o.path: (built.target / o.path).read_bytes() for o in _pdfs(built)}
    again = build(EXAMPLE, built.target.parent, pdf=True)
    assert asked == []
    assert {o.path: o.content for o in _pdfs(again)} == before
    assert {p: (again.target / p).read_bytes() for p in before} == before
    for out in _pdfs(again):
        assert check_bytes(out.path, out.content) == [], out.path
