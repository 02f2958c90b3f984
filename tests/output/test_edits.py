"""The note of hand-edited files kept in place (pipeline.output.edits)."""

from __future__ import annotations

import datetime as dt

from pipeline.output.edits import KeptEdit, note, read_note


def test_the_note_reads_back_what_was_written(tmp_path):
    edits = [
        KeptEdit("3_neuvottelut/poytakirja_b_fi.docx", "ab" * 32, "cd" * 32, dt.date(2027, 4, 14)),
        KeptEdit("2_valmistelu/kutsu_a_fi.docx", "ef" * 32),
    ]
    path = tmp_path / "kasin-muokatut.csv"
    path.write_bytes(note(edits))
    assert path.read_bytes().startswith("\ufefftiedosto;sha256;".encode())
    assert read_note(path) == {e.path: e for e in edits}


def test_a_missing_or_broken_note_is_no_note(tmp_path):
    assert read_note(tmp_path / "puuttuu.csv") == {}
    broken = tmp_path / "rikki.csv"
    broken.write_bytes(b"\xff\xfe tiedosto;sha256\r\nx;y;z;ei-paiva\r\n")
    assert read_note(broken) == {}
