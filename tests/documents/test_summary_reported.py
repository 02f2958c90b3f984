"""The annual summary's sentence on who reported on their progress form, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pipeline.contract.grammar import number_word
from pipeline.documents.contexts.phase4 import reported_view
from pipeline.workbook.returned_progress import ProgressEntry, ReturnedProgress
from tests.helpers import progress


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    return progress.year(tmp_path_factory.mktemp("reported"))


def _form(name: str, *updated: dt.date | None, saved=dt.datetime(2027, 8, 30, 12)):
    entries = tuple(
        ProgressEntry(f"P-{i}", "Käynnissä", "", day, f"Seurantalomake!A{8 + i}")
        for i, day in enumerate(updated)
    )
    return ReturnedProgress(f"seurantavastaukset/{name}.xlsx", name, saved, entries)


def test_no_form_returned_no_figures(year):
    assert reported_view(year.data, "fi") is None


def test_one_municipality_one_date_in_both_languages(year):
    data = replace(year.data, progress=(_form("Pikkula", None, dt.date(2027, 9, 14)),))
    total = len(data.municipalities)
    fi = reported_view(data, "fi")
    assert fi is not None
    assert (fi.count, fi.of, fi.dates) == (
        "yksi kunta",
        f"{number_word(total, 'fi', case='elative')} kunnasta",
        "14.9.2027",
    )
    sv = reported_view(data, "sv")
    assert sv is not None and sv.count == "En" and sv.of.endswith(" kommuner")


def test_several_the_range_of_their_dates_a_form_without_any_by_its_saving_day(year):
    forms = (
        _form("Pikkula", dt.date(2027, 9, 14)),
        _form("Bykulla", None, saved=dt.datetime(2027, 9, 2, 8)),
        _form("Cedervik", dt.date(2027, 9, 10), dt.date(2027, 9, 3)),
    )
    data = replace(year.data, progress=forms)
    fi = reported_view(data, "fi")
    assert fi is not None and fi.count == "kolme kuntaa"
    assert fi.dates == "2.9.2027\u201314.9.2027"
    sv = reported_view(data, "sv")
    assert sv is not None and sv.count == "Tre"
