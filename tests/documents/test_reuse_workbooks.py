"""Workbooks stamped like the Word documents: a rebuild takes the distribution list and
the progress forms while they show the same (#17).

The stamp goes into the zip comment of the workbook openpyxl saved and survives the
output stage's normalisation (new times, the same stamp bound to the new file list); the
list is stamped with what its cells show, so a rebuild takes it as long as they are the
same and makes it again as soon as one changes. Stamps are values only: a set's order
or a cached value on a record never changes one.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from functools import cached_property

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from pipeline.app import build
from pipeline.contract.tracker import SHEET
from pipeline.documents import reuse
from pipeline.documents.distribution import sheets
from pipeline.documents.progress_copies import FormCopies
from pipeline.output.reproducible import normalize_xlsx
from pipeline.render.stamp import stamp_in, stamped
from tests.helpers import workbooks as wbs

LIST = "4_seuranta/jakelulista_2027.xlsx"
TRACKER = "4_seuranta/seurantataulukko_2027.xlsx"
HEX = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


def _workbook(text: str) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = text
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="abcxyzåäöÅÄÖ -.,0123456789", min_size=1).map(str.strip).filter(bool), HEX)
def test_a_stamped_workbook_opens_as_ever_and_keeps_its_stamp_through_normalising(text, sources):
    content = stamped(_workbook(text), sources)
    assert stamp_in(content) == sources
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    assert ws is not None and ws["A1"].value == text
    when = dt.datetime(2027, 4, 14, 12, 30, tzinfo=dt.UTC)
    settled = normalize_xlsx(content, when)
    assert settled != content and stamp_in(settled) == sources
    assert normalize_xlsx(settled, when) == settled  # settling a settled file changes nothing
    with zipfile.ZipFile(io.BytesIO(settled)) as zf:
        assert zf.testzip() is None
    assert stamp_in(normalize_xlsx(_workbook(text), when)) is None  # no stamp is made up


def test_a_workbook_changed_after_stamping_carries_no_stamp(tmp_path):
    content = stamped(_workbook("Kuusiniemi"), "ab" * 32)
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        items = [(i, zf.read(i)) for i in zf.infolist()]
        comment = zf.comment
    edited = io.BytesIO()
    with zipfile.ZipFile(edited, "w") as zf:  # a part changed, the comment copied as it was
        for info, data in items:
            zf.writestr(info, data.replace(b"Kuusiniemi", b"Kuusiniemen kunta"))
        zf.comment = comment
    assert zipfile.ZipFile(edited).comment == comment
    assert stamp_in(edited.getvalue()) is None


@dataclass(frozen=True)
class _Record:
    names: frozenset[str]

    @cached_property
    def count(self) -> int:
        return len(self.names)


def test_a_stamp_is_of_values_only():
    record = _Record(frozenset({"Kuusiniemi", "Alajärvenkylä", "Pohjoinen"}))
    before = reuse.stamp(record)
    assert record.count == 3  # a cached value kept on the record now
    assert reuse.stamp(record) == before
    assert reuse.stamp(_Record(frozenset({"Kuusiniemi"}))) != before
    assert reuse.stamp({1, "a"}) is None  # a set with no order of its own: no stamp
    assert reuse.stamp(frozenset({"a"})) != reuse.stamp(("frozenset", "a"))  # not a tuple


def test_a_set_gives_the_same_stamp_in_every_process():
    code = (
        "from pipeline.documents.reuse import stamp; "
        "print(stamp(frozenset('kunta-%d' % i for i in range(50))))"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        seen.add(done.stdout.strip())
    assert len(seen) == 1 and len(seen.pop()) == 64


def _calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[object, ...]]:
    """The arguments of every call of ``owner.name`` from now on (it still does its work)."""
    calls: list[tuple[object, ...]] = []
    real = getattr(owner, name)

    def counting(*args: object) -> object:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(owner, name, counting)
    return calls


@pytest.fixture
def lists_made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Every distribution list workbook made (not taken) from now on."""
    return _calls(monkeypatch, sheets, "sheets_workbook")


@pytest.fixture
def forms_made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Every progress form made (not taken) from now on."""
    return _calls(monkeypatch, FormCopies, "form")


@pytest.fixture
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1801000000")


def test_a_rebuild_takes_the_distribution_list_until_a_cell_of_it_changes(
    tmp_path, fixed_date, lists_made
):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    listed = (first.target / LIST).read_bytes()
    assert len(lists_made) == 1 and stamp_in(listed) is not None
    build(workbook, tmp_path / "out")
    assert len(lists_made) == 1  # taken as it was
    assert (first.target / LIST).read_bytes() == listed
    # an address changed: the list is made again and shows it
    data = wbs.base()
    header = data["Osallistujat"][0]
    column = header.index("Sähköposti")
    row = list(data["Osallistujat"][1])
    row[column] = "uusi.osoite@kunta.example"
    data["Osallistujat"][1] = row
    wbs.write(workbook, data)
    again = build(workbook, tmp_path / "out")
    assert len(lists_made) == 2
    ws = openpyxl.load_workbook(again.target / LIST)[sheets.SHEET]
    letter = get_column_letter(sheets.HEADERS.index("Sähköposti") + 1)
    assert "uusi.osoite@kunta.example" in {c.value for c in ws[letter]}
    # and it is what a first build of that workbook makes, byte for byte
    fresh = build(workbook, tmp_path / "fresh")
    assert (again.target / LIST).read_bytes() == (fresh.target / LIST).read_bytes()


def test_the_list_of_a_rebuild_is_the_list_a_full_make_gives(tmp_path, fixed_date, monkeypatch):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    build(workbook, tmp_path / "out")
    again = build(workbook, tmp_path / "out")
    monkeypatch.setattr(reuse.Previous, "find", lambda self, sources: None)
    full = build(workbook, tmp_path / "full")
    assert (again.target / LIST).read_bytes() == (full.target / LIST).read_bytes()
    assert stamp_in((again.target / LIST).read_bytes()) is not None


def test_a_rebuild_takes_the_progress_forms_until_the_tracker_changes_what_one_shows(
    tmp_path, fixed_date, monkeypatch, forms_made
):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    forms = sorted(o.path for o in first.outputs if o.doc_type == "seurantalomake")
    assert len(forms_made) == len(forms) > 2
    before = {path: (first.target / path).read_bytes() for path in forms}
    build(workbook, tmp_path / "out")
    assert len(forms_made) == len(forms)  # every form taken as it was
    # the coordinator types a status and a description into the tracker
    tracker = first.target / TRACKER
    wb = openpyxl.load_workbook(tracker)
    ws = wb[SHEET]
    column = {c.value: c.column_letter for c in ws[1]}
    agreement = ws["A2"].value
    ws[f"{column['Tila']}2"] = "Käynnissä"
    ws[f"{column['Tilannekuvaus']}2"] = "Ryhmät alkoivat syyskuussa"
    wb.save(tracker)
    again = build(workbook, tmp_path / "out")
    remade = forms_made[len(forms) :]
    assert 0 < len(remade) < len(forms)  # only the forms that show that agreement
    changed = [path for path in forms if (again.target / path).read_bytes() != before[path]]
    assert len(changed) == len(remade)
    for path in changed:
        form = openpyxl.load_workbook(again.target / path).worksheets[0]
        cells = [[c.value for c in line] for line in form.iter_rows()]
        row = next(line for line in cells if line[0] == agreement)
        assert "Ryhmät alkoivat syyskuussa" in row
        assert {"Käynnissä", "Pågår"} & set(row)
    # and every form is what a full make of the same folder gives, byte for byte
    shutil.copytree(tmp_path / "out", tmp_path / "copy")
    monkeypatch.setattr(reuse.Previous, "find", lambda self, sources: None)
    full = build(workbook, tmp_path / "copy")
    for path in forms:
        assert (again.target / path).read_bytes() == (full.target / path).read_bytes()
