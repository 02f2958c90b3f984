"""Progress forms returned into seurantavastaukset/, read back: what they hold, and one warning
naming the file for every form that cannot be taken."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from openpyxl import load_workbook

from pipeline.contract import progress_form as layout
from pipeline.errors import Problems
from pipeline.workbook.returned_progress import read_returned_progress
from tests.helpers import progress


@pytest.fixture
def year(tmp_path):
    return progress.year(tmp_path)


def read(year):
    problems = Problems()
    forms = read_returned_progress(year.data, problems)
    assert not problems.errors
    return {f.municipality: f for f in forms}, problems.warnings


def by_file(warnings) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in warnings:
        assert p.where.startswith(f"{layout.FOLDER}/"), p
        name = p.where.split("/", 1)[1].split(",", 1)[0]
        found.setdefault(name, []).append(str(p))
    return found


def test_a_filled_form_comes_back_as_typed_and_statuses_in_finnish(year):
    progress.fill(
        year.form("Bykulla"),
        year.folder / "bykulla.xlsx",
        {
            "P-3": ("Klar", "Två grupper i gång\n=SUMMA(A1) {{ x }}", dt.date(2027, 9, 14)),
            "P-4": ("Pågår", None, "14.9.2027"),  # a date typed as text
        },
    )
    forms, warnings = read(year)
    assert not warnings
    form = forms["Bykulla"]
    assert form.file == "seurantavastaukset/bykulla.xlsx"
    p3, p4 = form.entries
    assert (p3.id, p3.status, p3.note, p3.updated) == (
        "P-3",
        "Valmis",
        "Två grupper i gång\n=SUMMA(A1) {{ x }}",
        dt.date(2027, 9, 14),
    )
    assert p3.cell == f"Uppföljningsblankett!A{layout.FIRST_ROW}"
    assert (p4.status, p4.note, p4.updated) == ("Käynnissä", "", dt.date(2027, 9, 14))


def test_an_untouched_form_gives_the_prefilled_values(year):
    year.folder.mkdir()
    (year.folder / "pikkula.xlsx").write_bytes(year.form("Pikkula"))
    forms, warnings = read(year)
    assert not warnings
    assert [(e.status, e.note, e.updated) for e in forms["Pikkula"].entries] == [
        ("Ei aloitettu", "", None)
    ] * 2


def test_a_formula_is_never_evaluated_and_its_value_not_taken(year):
    path = progress.fill(year.form("Pikkula"), year.folder / "pikkula.xlsx", {})
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    r = progress.row_of(ws, "P-2")
    ws[f"I{r}"] = '=CONCAT("a";"b")'  # typed as a formula
    ws[f"J{r}"] = "=TODAY()"
    ws[f"H{r}"] = "Valmis"
    wb.save(path)
    forms, warnings = read(year)
    entry = next(e for e in forms["Pikkula"].entries if e.id == "P-2")
    assert (entry.status, entry.note, entry.updated) == ("Valmis", "", None)
    where = sorted(p.where for p in warnings)
    assert where == [
        f"seurantavastaukset/pikkula.xlsx, Seurantalomake!I{r}",
        f"seurantavastaukset/pikkula.xlsx, Seurantalomake!J{r}",
    ]
    assert all("kaava" in p.message and "P-2" in p.message for p in warnings)


def test_a_status_outside_the_five_and_a_non_date_are_named_by_cell(year):
    path = progress.fill(
        year.form("Pikkula"), year.folder / "pikkula.xlsx", {"P-2": ("Tehty", "Ok", "syyskuussa")}
    )
    forms, warnings = read(year)
    entry = next(e for e in forms["Pikkula"].entries if e.id == "P-2")
    assert (entry.status, entry.note, entry.updated) == (None, "Ok", None)
    ws = load_workbook(path).worksheets[0]
    r = progress.row_of(ws, "P-2")
    messages = {p.where: p.message for p in warnings}
    assert "”Tehty”" in messages[f"seurantavastaukset/pikkula.xlsx, Seurantalomake!H{r}"]
    assert "”syyskuussa”" in messages[f"seurantavastaukset/pikkula.xlsx, Seurantalomake!J{r}"]


def test_broken_foreign_unknown_duplicate_locked_and_stray_files_each_one_warning(year):
    folder = year.folder
    progress.fill(
        year.form("Alajärvenkylä"), folder / "alajarvenkyla.xlsx", {"P-1": ("Valmis", "", None)}
    )
    old = progress.fill(
        year.form("Pikkula"), folder / "pikkula_1.xlsx", {"P-2": ("Käynnissä", "", None)}
    )
    progress.fill(year.form("Pikkula"), folder / "pikkula_2.xlsx", {"P-2": ("Valmis", "", None)})
    os.utime(old, (1_700_000_000, 1_700_000_000))  # saved earlier (no Excel record inside)
    (folder / "rikki.xlsx").write_bytes(b"this is no zip")
    # last year's form (another year in its marker)
    wb = load_workbook(io.BytesIO(year.form("Cedervik")))
    wb[layout.MARKER_SHEET]["B2"] = "2026"
    wb.save(folder / "viime_vuosi.xlsx")
    # another county's form
    wb = load_workbook(io.BytesIO(year.form("Cedervik")))
    wb[layout.MARKER_SHEET]["B3"] = "Muun alueen hyvinvointialue"
    wb.save(folder / "muu_alue.xlsx")
    # a municipality that is not in Kunnat
    wb = load_workbook(io.BytesIO(year.form("Cedervik")))
    wb[layout.MARKER_SHEET]["B4"] = "Muualla"
    wb.save(folder / "muualla.xlsx")
    # the answers copied into a new workbook: no marker
    wb = load_workbook(io.BytesIO(year.form("Bykulla")))
    del wb[layout.MARKER_SHEET]
    wb.save(folder / "kopio.xlsx")
    (folder / "~$pikkula_2.xlsx").write_bytes(b"\x00lock")
    (folder / "vastaus.pdf").write_bytes(b"%PDF-1.4")
    (folder / "vanhat").mkdir()

    forms, warnings = read(year)
    assert set(forms) == {"Alajärvenkylä", "Pikkula"}
    assert forms["Pikkula"].file == "seurantavastaukset/pikkula_2.xlsx"
    assert next(e for e in forms["Pikkula"].entries if e.id == "P-2").status == "Valmis"
    warned = by_file(warnings)
    assert {name: len(w) for name, w in warned.items()} == {
        "pikkula_1.xlsx": 1,
        "rikki.xlsx": 1,
        "viime_vuosi.xlsx": 1,
        "muu_alue.xlsx": 1,
        "muualla.xlsx": 1,
        "kopio.xlsx": 1,
        "~$pikkula_2.xlsx": 1,
        "vastaus.pdf": 1,
        "vanhat": 1,
    }
    assert "uudempi (seurantavastaukset/pikkula_2.xlsx" in warned["pikkula_1.xlsx"][0]
    assert "Lomaketta ei luettu" in warned["rikki.xlsx"][0]
    assert (
        "kuuluu seurantaan ”Testilän hyvinvointialue 2026”, ei tämän vuoden seurantaan"
        in warned["viime_vuosi.xlsx"][0]
    )
    assert (
        "”Muun alueen hyvinvointialue 2027”, ei tämän vuoden seurantaan (”Testilän"
        in warned["muu_alue.xlsx"][0]
    )
    assert "”Muualla”" in warned["muualla.xlsx"][0]
    assert "hytetu-seurantalomake" in warned["kopio.xlsx"][0]
    assert "lukitustiedosto" in warned["~$pikkula_2.xlsx"][0]
    assert "ei ole Excel-työkirja" in warned["vastaus.pdf"][0]
    assert "on kansio" in warned["vanhat"][0]


def test_a_survey_form_in_the_progress_folder_is_not_taken(year, tmp_path):
    from pipeline.contract import survey_form

    wb = load_workbook(io.BytesIO(year.form("Pikkula")))
    wb[layout.MARKER_SHEET]["A1"] = survey_form.MARKER_KIND
    year.folder.mkdir()
    wb.save(year.folder / "kysely.xlsx")
    forms, warnings = read(year)
    assert not forms
    assert [p.where for p in warnings] == ["seurantavastaukset/kysely.xlsx"]


def test_a_row_deleted_from_the_form_is_named_the_others_read(year):
    path = progress.fill(
        year.form("Cedervik"), year.folder / "cedervik.xlsx", {"P-4": ("Valmis", "Tehty", None)}
    )
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    r = progress.row_of(ws, "P-5")
    ws[f"A{r}"] = "P-99"
    wb.save(path)
    forms, warnings = read(year)
    assert [e.id for e in forms["Cedervik"].entries] == ["P-4"]
    assert len(warnings) == 1 and "P-5" in warnings[0].message
    assert warnings[0].where == f"seurantavastaukset/cedervik.xlsx, Seurantalomake!A{r}"


def test_no_folder_no_forms_no_warnings(year):
    assert read(year) == ({}, [])
