"""The rebuild reads the tracker people work in without a full openpyxl load, to the same result."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment

from pipeline.app import build
from pipeline.contract.tracker import HEADERS, SHEET
from pipeline.documents.tracker import existing
from tests.helpers import workbooks as wbs

TRACKER = "4_seuranta/seurantataulukko_2027.xlsx"


def _letter(column: str) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[HEADERS.index(column)]


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seuranta")
    result = build(wbs.write(tmp / "hytetu.xlsx", wbs.base()), tmp / "out")
    return result.target / TRACKER


def _worked_on(src, dst, *, merge: bool = False):
    """The tracker as a person leaves it: statuses, a formula, a comment, a column of their own."""
    wb = load_workbook(src)
    ws = wb[SHEET]
    ws[f"{_letter('Tila')}2"] = "Käynnissä"
    ws[f"{_letter('Tilannekuvaus')}2"] = "=1+1"
    ws[f"{_letter('Tilannekuvaus')}3"].comment = Comment("Soitettu kunnalle", "Maija")
    ws[f"{_letter('Päivitetty')}3"] = dt.datetime(2027, 9, 14)
    ws["T1"] = "Oma huomio"
    ws["T2"] = "tarkista syksyllä"
    ws["U2"] = "ilman otsikkoa"
    ws["Z40"].comment = Comment("kaukana", "Pekka")  # a cell beyond the data
    if merge:
        ws.merge_cells("V5:W6")
    wb.save(dst)
    return dst


def _seen(old):
    return (
        [(r.values, r.extra, r.comments, r.source_row) for r in old.rows],
        old.extra_headers,
        old.marked,
        old.extra_sheets,
        old.as_of,
        old.snapshot,
    )


@pytest.mark.parametrize("merge", [False, True])
def test_the_light_read_keeps_what_a_full_load_does(tracker, tmp_path, monkeypatch, merge):
    path = _worked_on(tracker, tmp_path / "seuranta.xlsx", merge=merge)
    read, real = [], existing.read_cells
    monkeypatch.setattr(
        existing, "read_cells", lambda wb, ws: read.append(real(wb, ws)) or read[-1]
    )
    light = existing.read_tracker(path)
    assert (read[0] is None) == merge  # merged cells: the full load, as before
    row2, row3 = light.rows[0], light.rows[1]
    assert row2.values["Tila"] == "Käynnissä"
    assert row2.values["Tilannekuvaus"] == "=1+1"  # a formula stays a formula
    assert row3.comments == {"Tilannekuvaus": ("Soitettu kunnalle", "Maija")}
    assert row3.values["Päivitetty"] == dt.date(2027, 9, 14)
    assert light.extra_headers == ["Oma huomio", "Sarake U"]
    assert row2.extra == {"Oma huomio": "tarkista syksyllä", "Sarake U": "ilman otsikkoa"}
    monkeypatch.setattr(existing, "read_cells", lambda wb, ws: None)  # force the full load
    assert _seen(existing.read_tracker(path)) == _seen(light)
