"""A rebuild takes the Word documents it would make again from the year folder (#12, #17).

Each Word document carries its sources stamp in its zip archive's comment
(:mod:`pipeline.render.stamp`); a rebuild of an unchanged workbook renders no Word
document at all, and whatever it takes or renders, the files are what a full render
would leave (every byte), a hand edit is never taken for the build's own file, and a
new version of the tool rewrites nothing whose content it did not change.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.app import build
from pipeline.documents import reuse
from pipeline.render import word, zipwrite
from pipeline.render.stamp import PREFIX, comment_of, stamp_of, unstamped
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text

MINUTES = "3_neuvottelut/poytakirja_pohjoinen_fi.docx"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The (lang, template) of every Word document actually rendered from now on."""
    seen: list[str] = []
    real = word.Renderer.render

    def counting(self, lang, name, context, props, media=None, sources=None):  # type: ignore[no-untyped-def]
        seen.append(f"{lang}/{name}")
        return real(self, lang, name, context, props, media, sources)

    monkeypatch.setattr(word.Renderer, "render", counting)
    return seen


@pytest.fixture
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1801000000")


def _new_decision() -> dict[str, list[wbs.Row]]:
    sheets = wbs.base()
    row = list(sheets["Päätökset"][1])
    row[0] = "P-2"
    row[4] = "Seniorien liikuntaryhmät laajennetaan kaikkiin kuntiin"
    sheets["Päätökset"].append(row)
    return sheets


# ------------------------------------------------------------------ the stamp itself


@given(st.binary(max_size=300), st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
def test_a_stamped_archive_reads_as_any_zip_and_gives_its_stamp_back(data, sources):
    blob = zipwrite.write_zip(
        [zipwrite.deflate("word/document.xml", data)],
        zipwrite.dt.datetime(2027, 4, 14),
        comment_of(sources),
    )
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert zf.testzip() is None
        assert zf.read("word/document.xml") == data
        assert zf.comment.startswith(PREFIX + sources.encode())
    with tempfile.TemporaryDirectory() as tmp:  # and the same read from the file's end
        path = Path(tmp) / "a.docx"
        path.write_bytes(blob)
        found = zipwrite.read_tail(str(path))
        assert found is not None and found[0].startswith(PREFIX)
        assert stamp_of(path) == sources
    plain = zipwrite.write_zip(
        [zipwrite.deflate("word/document.xml", data)], zipwrite.dt.datetime(2027, 4, 14)
    )
    assert unstamped(blob) == plain  # the same package, but for the comment


def test_a_generated_document_carries_its_stamp_and_loses_it_when_edited(tmp_path, build_of):
    result = build_of()
    path = result.target / MINUTES
    found = stamp_of(path)
    assert found is not None and len(found) == 64
    assert docx.Document(str(path)).paragraphs  # python-docx opens it as ever
    # a part changed with the comment kept (as some zip tools do): the stamp no longer holds
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist()]
        comment = zf.comment
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w") as zf:
        for info, data in items:
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b"<w:p/></w:body>")
            zf.writestr(info, data)
        zf.comment = comment
    assert zipfile.ZipFile(edited).comment == comment
    assert stamp_of(edited) is None
    # Word and LibreOffice rewrite the whole package: no comment, no stamp
    document = docx.Document(str(path))
    document.add_paragraph("Lisäys")
    document.save(str(edited))
    assert stamp_of(edited) is None


def test_sources_that_cannot_be_written_down_the_same_way_give_no_stamp():
    assert reuse.stamp("fi", "kutsu", {"a": (1, "b")}) == reuse.stamp(
        "fi", "kutsu", {"a": (1, "b")}
    )
    assert reuse.stamp("fi", "kutsu", {"a": 1}) != reuse.stamp("fi", "kutsu", {"a": 2})
    assert reuse.stamp("fi", "kutsu", {"f": lambda: 1}) is None


# ------------------------------------------------------------------ rebuilds


def test_an_unchanged_rebuild_renders_no_word_document_and_changes_no_byte(
    tmp_path, fixed_date, renders
):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    made = len(renders)
    assert made == sum(o.path.endswith(".docx") for o in first.outputs) > 10
    before = _tree(tmp_path / "out")
    again = build(workbook, tmp_path / "out")
    assert len(renders) == made  # not one render more
    assert _tree(tmp_path / "out") == before
    assert again.written is not None and not again.written.changed
    # and the files are what a full render makes: a fresh build elsewhere, byte for byte
    fresh = build(workbook, tmp_path / "fresh")
    assert _tree(fresh.target) == _tree(first.target)


def test_a_new_decision_renders_only_what_may_show_it_and_the_minutes_show_it(
    tmp_path, fixed_date, renders
):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    build(workbook, tmp_path / "out")
    made = len(renders)
    wbs.write(workbook, _new_decision())
    result = build(workbook, tmp_path / "out")
    again = renders[made:]
    assert 0 < len(again) < made
    assert "fi/poytakirja" in again
    assert "Seniorien liikuntaryhmät" in docx_text(result.target / MINUTES)
    # the same as a first build of the new workbook, but for what the rebuild keeps
    fresh = build(workbook, tmp_path / "fresh")
    assert (result.target / MINUTES).read_bytes() == (fresh.target / MINUTES).read_bytes()


def test_a_hand_edit_is_never_taken_for_the_build_s_own_file(tmp_path, fixed_date, renders):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    minutes = first.target / MINUTES
    document = docx.Document(str(minutes))
    document.add_paragraph("Korjaus kokouksen jälkeen.")
    document.save(str(minutes))
    edited = minutes.read_bytes()
    made = len(renders)
    result = build(workbook, tmp_path / "out")
    assert "fi/poytakirja" in renders[made:]  # rendered to compare, not taken
    assert minutes.read_bytes() == edited
    assert any(w.where == str(minutes) for w in result.warnings)


def test_a_new_version_of_the_tool_rewrites_nothing_it_did_not_change(
    tmp_path, fixed_date, renders, monkeypatch
):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    before = _tree(tmp_path / "out")
    made = len(renders)
    monkeypatch.setattr(reuse, "tool_identity", lambda: b"another version")
    again = build(workbook, tmp_path / "out")
    assert len(renders) == 2 * made  # every stamp is new: all rendered to compare
    assert _tree(tmp_path / "out") == before  # the same documents: every file kept
    assert again.written is not None and not again.written.changed
    assert stamp_of(first.target / MINUTES) is not None  # the stamp of the first build kept
    assert not (tmp_path / "out" / "varmuuskopiot").exists()


def test_a_copy_of_the_year_folder_elsewhere_is_rebuilt_the_same(tmp_path, fixed_date, renders):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    build(workbook, tmp_path / "out")
    shutil.copytree(tmp_path / "out", tmp_path / "copy")
    made = len(renders)
    build(workbook, tmp_path / "copy")
    assert len(renders) == made
    assert _tree(tmp_path / "copy") == _tree(tmp_path / "out")


def test_bytes_after_the_stamp_are_an_edit_not_a_stamp(build_of):
    result = build_of()
    content = (result.target / MINUTES).read_bytes()
    assert unstamped(content) != content
    assert unstamped(content + b"\0") == content + b"\0"
