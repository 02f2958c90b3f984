"""The hand-off from the workbook stages: one frozen YearData, returned forms included."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.contract import survey_form as layout
from pipeline.documents import survey_forms
from pipeline.errors import Problems
from pipeline.render.xlsx import set_text
from pipeline.workbook.load import check, load
from pipeline.workbook.model import Municipality, MunicipalityIndex
from pipeline.workbook.returned_forms import read_returned_forms
from tests.helpers import workbooks as wbs

QUESTION = "Miten liikuntaneuvonta toimii?"


def _workbook(tmp_path: Path) -> Path:
    sheets = wbs.base()
    sheets["Kyselyn kysymykset"] = [["Nro", "Kysymys"], ["1", QUESTION]]
    sheets["Ennakkokysely"] = [["Kunta", QUESTION], ["Pikkula", "Hyvin, taulukosta"]]
    return wbs.write(tmp_path / "hytetu.xlsx", sheets)


def _return_form(workbook: Path, municipality: str, answer: str) -> None:
    data, _ = load(workbook)
    m = data.municipality(municipality)
    assert m is not None
    wb = survey_forms.form_workbook(data, m)
    set_text(wb.worksheets[0][f"C{layout.FIRST_QUESTION_ROW}"], answer)
    folder = workbook.parent / layout.FOLDER
    folder.mkdir(exist_ok=True)
    wb.save(folder / f"{municipality.casefold()}.xlsx")


def test_the_data_handed_over_cannot_be_changed(tmp_path):
    data, _ = load(_workbook(tmp_path))
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.responses = ()  # type: ignore[misc]
    assert isinstance(data.municipalities, tuple) and isinstance(data.responses, tuple)
    assert not hasattr(data.responses, "append")
    # a changed copy is a new record; lists given are kept as tuples
    copy = dataclasses.replace(data, raised=[])
    assert copy.raised == () and copy is not data


def test_returned_forms_follow_the_sheets_responses_in_the_data(tmp_path):
    workbook = _workbook(tmp_path)
    _return_form(workbook, "Bykulla", "Hyvin, lomakkeelta")
    data, problems = check(workbook)
    assert data is not None and not problems.errors, problems.items
    assert [(r.municipality, r.answers) for r in data.responses] == [
        ("Pikkula", ((QUESTION, "Hyvin, taulukosta"),)),
        ("Bykulla", ((QUESTION, "Hyvin, lomakkeelta"),)),
    ]
    assert data.responses[1].source == "bykulla.xlsx"
    (bykulla,) = [m for m in data.municipalities if m.name == "Bykulla"]
    assert [r.answers[0][1] for r in data.responses_of(bykulla)] == ["Hyvin, lomakkeelta"]


def test_reading_returned_forms_returns_them_and_leaves_the_data_alone(tmp_path):
    workbook = _workbook(tmp_path)
    _return_form(workbook, "Bykulla", "Lomakkeelta")
    data, _ = check(workbook)
    assert data is not None
    sheet_only = dataclasses.replace(data, responses=data.responses[:1])
    problems = Problems()
    taken = read_returned_forms(sheet_only, problems)
    assert [f.response.municipality for f in taken] == ["Bykulla"]
    assert [r.municipality for r in sheet_only.responses] == ["Pikkula"]
    assert not problems.items


def test_lookups_of_a_changed_copy_see_the_copy(tmp_path):
    """Indexes belong to one record: a copy with other municipalities finds its own."""
    data, _ = load(_workbook(tmp_path))
    assert data.municipality("Uusikylä") is None
    extra = Municipality("Uusikylä", "Nybyn", "fi", "Pohjoinen", row=99)
    copy = dataclasses.replace(data, municipalities=(*data.municipalities, extra))
    assert copy.municipality("nybyn") == extra
    assert data.municipality("Nybyn") is None
    (north, _) = copy.negotiations
    assert extra in copy.municipalities_of(north) and extra not in data.municipalities_of(north)


def test_one_municipality_lookup_by_either_name():
    kylä = Municipality("Kylä", "By", "fi-sv", "A")
    by = Municipality("By", "", "fi", "B")  # Finnish name equal to Kylä's Swedish one
    index = MunicipalityIndex([kylä, by])
    assert index.get("  kylä ") == kylä
    assert index.get("BY") == by  # a Finnish name wins over another's Swedish name
    assert index.get("") is None and index.get("Muu") is None
    assert MunicipalityIndex([kylä]).get("by") == kylä
