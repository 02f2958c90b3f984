"""PDF copies reused on a rebuild (SPEC "Document dates and rebuilds"; issues #12, #17).

LibreOffice is replaced by a stand-in at the conversion seam
(``pipeline.output.pdf.run_batches``): it counts what it is asked to convert and
writes, for each Word document, a small file named after its checksum. What is
tested is which documents go to conversion and what stays in the year folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.app import build
from pipeline.output import pdf as pdf_module
from pipeline.output.archive_list import read_archive_list
from pipeline.output.office import Batch
from tests.helpers import workbooks as wbs


class Converter:
    """Stands in for LibreOffice; ``asked`` holds the name of every file it converted."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, files: list[Path], target: str, outdir: Path, **_: object) -> Batch:
        outdir.mkdir(parents=True, exist_ok=True)
        batch = Batch()
        for f in files:
            self.asked.append(f.name)
            result = outdir / (f.stem + ".pdf")
            result.write_bytes(b"%PDF-1.7 copy of " + hashlib.sha256(f.read_bytes()).digest())
            batch.done[f] = result
        return batch


@pytest.fixture
def converter(monkeypatch: pytest.MonkeyPatch) -> Converter:
    fake = Converter()
    monkeypatch.setattr(pdf_module, "run_batches", fake)
    monkeypatch.setattr(pdf_module, "check_available", lambda: None)
    return fake


def _listed(target: Path) -> dict[str, str]:
    rows = read_archive_list((target / "arkistoluettelo.csv").read_bytes())
    return {r["tiedosto"]: r["sha256"] for r in rows}


def _pdfs(target: Path) -> dict[str, bytes]:
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*.pdf")}


def _docx(target: Path) -> dict[str, bytes]:
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*.docx")}


def test_a_second_pdf_build_of_an_unchanged_workbook_converts_nothing(tmp_path, converter):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out", pdf=True)
    made = len(converter.asked)
    assert made == len(_docx(first.target)) > 0
    before = _pdfs(first.target)
    again = build(workbook, tmp_path / "out", pdf=True)
    assert len(converter.asked) == made, "nothing converted again"
    assert _pdfs(again.target) == before  # byte for byte
    listed = _listed(again.target)
    for path, content in before.items():
        assert listed[path] == hashlib.sha256(content).hexdigest()
    assert not again.written or not again.written.backups


def test_a_changed_word_document_gets_a_new_pdf_and_only_it(tmp_path, converter):
    sheets = wbs.base()
    first = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out", pdf=True)
    old_docx, old_pdfs = _docx(first.target), _pdfs(first.target)
    converter.asked.clear()
    wbs.set_cell(sheets, "Neuvottelut", 1, "Paikka", "Uusi kokoushuone 3")
    again = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out", pdf=True)
    new_docx, new_pdfs = _docx(again.target), _pdfs(again.target)
    changed = {p for p in new_docx if new_docx[p] != old_docx.get(p)}
    assert changed, "the new place shows in some documents"
    assert len(converter.asked) == len(changed)
    assert sorted(Path(n).stem.split("_", 1)[1] for n in converter.asked) == sorted(
        Path(p).stem for p in changed
    )
    for path in new_docx:
        copy = path[: -len(".docx")] + ".pdf"
        expected = b"%PDF-1.7 copy of " + hashlib.sha256(new_docx[path]).digest()
        assert new_pdfs[copy] == expected, copy  # the copy of the document as it is now
        if path not in changed:
            assert new_pdfs[copy] == old_pdfs[copy]


def test_a_build_without_pdf_keeps_the_still_valid_copies(tmp_path, converter):
    sheets = wbs.base()
    first = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out", pdf=True)
    old_docx, old_pdfs = _docx(first.target), _pdfs(first.target)
    converter.asked.clear()
    wbs.set_cell(sheets, "Neuvottelut", 1, "Paikka", "Uusi kokoushuone 3")
    again = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    assert converter.asked == []
    new_docx, listed = _docx(again.target), _listed(again.target)
    changed = {p for p in new_docx if new_docx[p] != old_docx.get(p)}
    assert changed and len(changed) < len(new_docx)
    for path in new_docx:
        copy = path[: -len(".docx")] + ".pdf"
        if path in changed:  # out of date: not in the folder, not in the archive list
            assert not (again.target / copy).exists()
            assert copy not in listed
        else:
            assert (again.target / copy).read_bytes() == old_pdfs[copy]
            assert listed[copy] == hashlib.sha256(old_pdfs[copy]).hexdigest()
    assert again.written is not None
    dropped = set(again.written.dropped)
    assert dropped == {p[: -len(".docx")] + ".pdf" for p in changed}


def test_an_edited_pdf_is_not_taken_for_the_copy(tmp_path, converter):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out", pdf=True)
    some = sorted(_pdfs(first.target))[0]
    (first.target / some).write_bytes(b"%PDF-1.7 edited by hand")
    copies = pdf_module.previous_copies(first.outputs, first.target)
    assert some[: -len(".pdf")] + ".docx" not in copies
    assert len(copies) == len(_docx(first.target)) - 1
