"""Reproducible builds: the same workbook built twice gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from pipeline.app import build
from pipeline.output.archive_list import read_archive_list
from pipeline.output.reproducible import normalize_pdf, normalize_xlsx
from tests.helpers import workbooks as wbs
from tests.helpers.builds import EXAMPLE
from tests.helpers.office import soffice_or_skip

CORE = "docProps/core.xml"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _core(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        return zf.read(CORE).decode()


def _build_twice(
    tmp_path: Path, which: str, *, pdf: bool = False
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    workbook = EXAMPLE if which == "example" else wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "a", pdf=pdf)
    time.sleep(1.1)  # a different wall-clock second for everything stamped with the clock
    second = build(workbook, tmp_path / "b", pdf=pdf)
    return _files(first.target), _files(second.target)


@pytest.mark.parametrize("which", ["example", "base"])
def test_two_builds_are_byte_identical(tmp_path, which):
    a, b = _build_twice(tmp_path, which)
    assert any(name.endswith(".xlsx") for name in a)
    assert any(name.endswith(".docx") for name in a)
    assert "arkistoluettelo.csv" in a
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name


@pytest.mark.libreoffice
def test_two_builds_with_pdf_copies_are_byte_identical(tmp_path):
    soffice_or_skip()
    a, b = _build_twice(tmp_path, "example", pdf=True)
    pdfs = [name for name in a if name.endswith(".pdf")]
    assert len(pdfs) == len([name for name in a if name.endswith(".docx")]) > 0
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name


def test_source_date_epoch_sets_every_date(tmp_path, monkeypatch):
    when = dt.datetime(2027, 2, 3, 12, 30, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(when.timestamp())))
    result = build(wbs.write(tmp_path / "hytetu.xlsx"), tmp_path / "out")
    rows = read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    # every file not dated by what it is (minutes: the negotiation's date) has the build date
    own = {o.path for o in result.outputs if o.date is not None}
    assert own and all(o.doc_type == "poytakirja" for o in result.outputs if o.path in own)
    assert rows and {r["laadittu"] for r in rows if r["tiedosto"] not in own} == {"2027-02-03"}
    for out in result.outputs:
        if not out.path.endswith((".docx", ".xlsx")) or out.path in own:
            continue
        core = _core(out.content)
        assert ">2027-02-03T00:00:00Z</dcterms:created>" in core, out.path
        assert ">2027-02-03T00:00:00Z</dcterms:modified>" in core, out.path
        with zipfile.ZipFile(io.BytesIO(out.content)) as zf:
            assert {i.date_time for i in zf.infolist()} == {(2027, 2, 3, 0, 0, 0)}, out.path


def _saved_workbook() -> bytes:
    wb = Workbook()
    wb.active["A1"] = "Päätös"
    wb.active["A2"] = "=SUMMA(A1)"
    wb.properties.title = "Seuranta"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_normalize_xlsx_removes_the_clock_and_keeps_the_content():
    first = _saved_workbook()
    time.sleep(1.1)
    second = _saved_workbook()
    assert first != second  # openpyxl stamps the clock
    when = dt.datetime(2027, 1, 15, tzinfo=dt.UTC)
    assert normalize_xlsx(first, when) == normalize_xlsx(second, when)
    wb = load_workbook(io.BytesIO(normalize_xlsx(first, when)))
    assert wb.active["A1"].value == "Päätös"
    assert wb.active["A2"].value == "=SUMMA(A1)"
    assert wb.properties.title == "Seuranta"
    assert wb.properties.created == dt.datetime(2027, 1, 15)
    assert wb.properties.modified == dt.datetime(2027, 1, 15)


@settings(max_examples=15, deadline=None)
@given(when=st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_normalize_xlsx_is_idempotent_and_carries_the_time(when):
    content = normalize_xlsx(_SAVED, when)
    assert normalize_xlsx(content, when) == content
    stamp = when.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f">{stamp}</dcterms:modified>" in _core(content)
    assert load_workbook(io.BytesIO(content)).active["A1"].value == "Päätös"
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        zip_years = {i.date_time[0] for i in zf.infolist()}
    assert zip_years == {max(when.year, 1980)}


_SAVED = _saved_workbook()


def test_normalize_xlsx_keeps_every_part_however_it_was_compressed():
    """Deflated parts are copied as they are; stored ones are compressed: the parts stay."""
    stored = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_SAVED)) as source,
        zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    when = dt.datetime(2027, 1, 15, tzinfo=dt.UTC)
    parts = {}
    for content in (_SAVED, stored.getvalue()):
        normalized = normalize_xlsx(content, when)
        with zipfile.ZipFile(io.BytesIO(normalized)) as zf:
            assert zf.testzip() is None
            assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
            parts[content] = {i.filename: zf.read(i) for i in zf.infolist()}
    assert parts[_SAVED] == parts[stored.getvalue()]
    with zipfile.ZipFile(io.BytesIO(_SAVED)) as zf:
        original = {i.filename: zf.read(i) for i in zf.infolist()}
    assert list(parts[_SAVED]) == list(original)
    assert {k: v for k, v in parts[_SAVED].items() if k != CORE} == {
        k: v for k, v in original.items() if k != CORE
    }


def test_normalize_pdf_leaves_what_it_does_not_understand_alone():
    when = dt.datetime(2027, 1, 15)
    for content in (b"", b"not a pdf", b"%PDF-1.4\nbroken\nstartxref\n99999\n%%EOF\n"):
        assert normalize_pdf(content, when) == content


def _pdf_with_icc(stream: bytes) -> bytes:
    """A minimal classic-xref PDF whose object 2 is an ICC profile stream."""
    objects = [
        b"1 0 obj\n<</Type/Catalog>>\nendobj\n",
        b"2 0 obj\n<</N 3/Length %d/Filter/FlateDecode>>\nstream\n" % len(stream)
        + stream
        + b"\nendstream\nendobj\n",
    ]
    body = bytearray(b"%PDF-1.6\n")
    offsets = []
    for obj in objects:
        offsets.append(len(body))
        body += obj
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n"
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    body += b"trailer\n<</Size 3/Root 1 0 R/ID [ <00> <00> ]>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)


def test_icc_profile_date_is_fixed_even_when_its_compressed_data_ends_in_a_newline():
    """LibreOffice's profile carries the clock, so its compressed bytes sometimes end in LF."""
    import zlib

    when = dt.datetime(2027, 1, 15, tzinfo=dt.UTC)
    for salt in range(5000):
        profile = bytearray(b"\x00" * 24 + b"\x07\xea\x00\x0b" + bytes(8) + b"acsp" + bytes(88))
        profile[100:104] = salt.to_bytes(4, "big")
        stream = zlib.compress(bytes(profile), 6)
        if stream.endswith(b"\n"):
            break
    else:  # pragma: no cover - the search always finds one
        raise AssertionError("no stream ending in LF found")
    out = normalize_pdf(_pdf_with_icc(stream), when)
    start = out.index(b"stream\n") + len(b"stream\n")
    fixed = zlib.decompressobj().decompress(out[start:])
    assert fixed[24:36] == bytes.fromhex("07eb0001000f000000000000")  # 2027-01-15 00:00:00
    assert fixed[36:40] == b"acsp"
