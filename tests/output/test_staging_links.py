"""An unchanged file of a rebuild is linked into the work area, never written through.

Writing a file costs far more than linking one; the previous year folder must still stay
exactly as it was until the new one is swapped in (and after, if the build fails).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.output.staging import Staging


@pytest.fixture
def staging(tmp_path: Path) -> Iterator[Staging]:
    (tmp_path / "out").mkdir()
    made = Staging(tmp_path / "out" / "2027")
    yield made
    made.remove()


def test_the_same_bytes_are_linked(tmp_path, staging):
    old = tmp_path / "old.docx"
    old.write_bytes(b"sama sisalto")
    sha, size = staging.put(
        "2_valmistelu/kutsu_a_fi.docx", b"sama sisalto", same=lambda rel, sha: old
    )
    staged = staging.root / "2_valmistelu" / "kutsu_a_fi.docx"
    assert staged.read_bytes() == b"sama sisalto" and size == 12
    assert sha == hashlib.sha256(b"sama sisalto").hexdigest()
    assert os.stat(staged).st_ino == os.stat(old).st_ino  # a link, no second copy


def test_other_bytes_are_written_and_the_old_file_stays(tmp_path, staging):
    old = tmp_path / "old.docx"
    old.write_bytes(b"vanha sisalto")
    staging.put("a.docx", b"uusi sisalto", same=lambda rel, sha: old)
    staged = staging.root / "a.docx"
    assert staged.read_bytes() == b"uusi sisalto"
    assert os.stat(staged).st_ino != os.stat(old).st_ino
    assert old.read_bytes() == b"vanha sisalto"


def test_a_file_stored_twice_never_writes_into_the_linked_old_file(tmp_path, staging):
    old = tmp_path / "old.docx"
    old.write_bytes(b"vanha sisalto")
    staging.put("a.docx", b"vanha sisalto", same=lambda rel, sha: old)
    staging.put("a.docx", b"toinen sisalto")
    assert (staging.root / "a.docx").read_bytes() == b"toinen sisalto"
    assert old.read_bytes() == b"vanha sisalto"


def test_a_symbolic_link_is_never_linked_in(tmp_path, staging):
    real = tmp_path / "real.docx"
    real.write_bytes(b"sisalto")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    staging.put("a.docx", b"sisalto", same=lambda rel, sha: link)
    staged = staging.root / "a.docx"
    assert not staged.is_symlink() and staged.read_bytes() == b"sisalto"
    assert os.stat(staged).st_ino != os.stat(real).st_ino


def test_where_links_cannot_be_made_the_file_is_written(tmp_path, staging, monkeypatch):
    old = tmp_path / "old.docx"
    old.write_bytes(b"sisalto")

    def refuse(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    staging.put("a.docx", b"sisalto", same=lambda rel, sha: old)
    staging.put_file("b.pdf", old)
    assert (staging.root / "a.docx").read_bytes() == b"sisalto"
    assert (staging.root / "b.pdf").read_bytes() == b"sisalto"
    assert staging.files["b.pdf"][1] == 7
