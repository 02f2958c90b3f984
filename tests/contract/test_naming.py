"""File names: slugs, and the lock files office programs leave beside an open file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.accessibility import check_folder
from pipeline.contract import naming
from pipeline.output.commit import locked_files


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("~$kutsu_pohjoinen_fi.docx", "kutsu_pohjoinen_fi.docx"),  # Word, Excel
        (".~lock.seurantataulukko_2027.xlsx#", "seurantataulukko_2027.xlsx"),  # LibreOffice
        ("kutsu_pohjoinen_fi.docx", None),
        (".~lock.ilman_risuaitaa.xlsx", None),  # not what LibreOffice writes
        ("$~kaannetty.xlsx", None),
    ],
)
def test_lock_owner(name, owner):
    assert naming.lock_owner(name) == owner
    assert naming.is_lock_file(name) == (owner is not None)


@settings(max_examples=50)
@given(st.text(min_size=1, max_size=30).filter(lambda s: "/" not in s))
def test_every_office_lock_name_is_recognised(name):
    assert naming.lock_owner(f"~${name}") == name
    assert naming.lock_owner(f".~lock.{name}#") == name


def test_write_and_accessibility_agree_on_lock_files(tmp_path):
    folder = tmp_path / "2027" / "4_seuranta"
    folder.mkdir(parents=True)
    (folder / "tiedote_fi.docx").write_bytes(b"PK")
    (folder / "~$tiedote_fi.docx").write_bytes(b"\x00")
    (folder / ".~lock.tiedote_fi.docx#").write_text("Kerttu;")
    locks = locked_files(tmp_path / "2027")
    assert {shown for shown, _ in locks} == {"4_seuranta/tiedote_fi.docx"}
    assert {lock for _, lock in locks} == {
        "4_seuranta/~$tiedote_fi.docx",
        "4_seuranta/.~lock.tiedote_fi.docx#",
    }
    # the accessibility check reads the document, never its lock files
    assert set(check_folder(tmp_path / "2027")) == {"4_seuranta/tiedote_fi.docx"}


def test_slug_folds_finnish_letters():
    assert naming.slug("Ähtäri") == naming.slug("Ahtari") == "ahtari"
    assert naming.output_path("ennakkokysely", "Ähtäri", "fi", ext="xlsx") == (
        "1_ennakko/ennakkokysely_ahtari_fi.xlsx"
    )
