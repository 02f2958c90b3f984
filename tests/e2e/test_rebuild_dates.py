"""A rebuild with a later build date keeps unchanged documents byte for byte (issue 12)."""

from __future__ import annotations

from pathlib import Path

from pipeline.app import build

EXAMPLE = Path(__file__).resolve().parents[2] / "input" / "hytetu.xlsx"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_later_build_date_keeps_unchanged_negotiation_documents(tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    build(EXAMPLE, out)
    before = _files(out / "2027")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1810000000")
    build(EXAMPLE, out)
    after = _files(out / "2027")
    assert set(after) == set(before)
    words = [p for p in before if p.startswith(("2_valmistelu/", "3_neuvottelut/"))]
    assert words
    changed = [p for p in words if after[p] != before[p]]
    assert changed == []
