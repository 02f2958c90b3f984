"""A progress form written as a copy of a prototype is the form openpyxl writes, part for part."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from pipeline.contract import progress_form as layout
from pipeline.documents.inputs import BuildInputs
from pipeline.documents.progress_copies import FormCopies, parts
from pipeline.documents.progress_forms import register_texts, rows_for
from pipeline.documents.tracker.rows import TrackerRow
from tests.helpers import progress

#: what a tracker row can hold that a copy must write as openpyxl does
ODD_VALUES = [
    {"Tilannekuvaus": "  alussa välilyönti & <b>merkit</b> \"x\" 'y'", "Tila": "Käynnissä"},
    {"Tilannekuvaus": "rivi 1\nrivi 2\r\nrivi 3 \u20ac \U0001f600", "Päivitetty": "eilen"},
    {"Määräaika": "kevät 2028", "Päivitetty": dt.date(2027, 10, 1), "Tila": "Valmis"},
    {"Määräaika": dt.datetime(2028, 1, 2, 0, 0), "Tilannekuvaus": "=SUMMA(A1)"},
    {"Tilannekuvaus": "pitkä " * 400},
]


def tracker_rows(year: progress.Year) -> list[TrackerRow]:
    rows = []
    for i, row in enumerate(year.rows):
        values = {**row.values, **ODD_VALUES[i % len(ODD_VALUES)]}
        rows.append(dataclasses.replace(row, values=values))
    return rows


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    return progress.year(tmp_path_factory.mktemp("copies"))


@pytest.mark.parametrize("odd", [False, True])
def test_every_copy_is_what_openpyxl_writes(year, odd):
    data = year.data
    rows = tracker_rows(year) if odd else year.rows
    inputs = BuildInputs(data=data, build_date=dt.date(2027, 3, 1))
    texts = register_texts(data)
    forms = FormCopies(data, rows, texts, inputs.properties)
    slow_ones: list[str] = []
    slow = forms.slow

    def counted(m, chosen):
        slow_ones.append(m.name)
        return slow(m, chosen)

    forms.slow = counted  # type: ignore[method-assign]
    # twice over: the first form of each kind is the prototype's, the rest are copies
    twice = [*data.municipalities, *data.municipalities]
    for m in twice:
        chosen = rows_for(data, m, rows)
        made = forms.form(m, chosen)
        assert parts(made) == parts(slow(m, chosen)), m.name
    # each kind of form is made by openpyxl twice (with the names and with placeholders),
    # the rest are copies
    assert len(slow_ones) <= 2 * len(forms._prototypes) + 1
    assert len(slow_ones) < len(twice)
    assert all(p is not None for p in forms._prototypes.values())
    pikkula = year.municipality("Pikkula")
    wb = load_workbook(io.BytesIO(forms.form(pikkula, rows_for(data, pikkula, rows))))
    assert wb.worksheets[0][f"B{layout.ROW_MUNICIPALITY}"].value == "Pikkula"


def test_a_one_row_form_after_a_longer_one_of_its_kind_is_what_openpyxl_writes(year):
    # openpyxl writes a one-cell range as "H8", not "H8:H8": a copy of a longer prototype
    # would differ, so a form made in a rebuild (earlier ones taken) would not be the one a
    # full build makes
    data = year.data
    inputs = BuildInputs(data=data, build_date=dt.date(2027, 3, 1))
    forms = FormCopies(data, year.rows, register_texts(data), inputs.properties)
    longer = [m for m in data.municipalities if len(rows_for(data, m, year.rows)) > 1]
    assert longer
    for m in longer:
        chosen = rows_for(data, m, year.rows)
        for shown in (chosen, chosen[:1], chosen, chosen[:1]):
            made = forms.form(m, shown)
            assert parts(made) == parts(forms.slow(m, shown)), (m.name, len(shown))
