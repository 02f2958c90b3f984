"""The year-to-year loop: 2027's tracker, kept up to date by people, feeds 2028's documents."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from pipeline.app import build
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text, table_rows

EPOCH_2027 = str(int(dt.datetime(2027, 9, 1, tzinfo=dt.UTC).timestamp()))
EPOCH_2028 = str(int(dt.datetime(2028, 2, 1, tzinfo=dt.UTC).timestamp()))
TRACKER = "out/2027/4_seuranta/seurantataulukko_2027.xlsx"


def workbook_2027() -> dict:
    sheets = wbs.base()
    sheets["Päätökset"].append(
        ["P-3", "rannikko", "Teema", "Bykulla", "Seniorimotion i byn", "Gruppverksamhet"]
    )
    return sheets


def workbook_2028() -> dict:
    """Next year: new negotiation codes, no decisions or raised items yet."""
    sheets = wbs.base()
    for row in sheets["Asetukset"]:
        if row[0] == "Vuosi":
            row[1] = 2028
        if row[0] == "Teema":
            row[1] = "Arjen turvallisuus"
        if "määräpäivä" in str(row[0]):
            row[1] = dt.date(2028, 3, 10)
    sheets["Asetukset"].append(["Edellisen vuoden seurantataulukko", f"../{TRACKER}"])
    sheets["Neuvottelut"][1][:3] = ["pohj28", "Pohjoinen", dt.date(2028, 4, 12)]
    sheets["Neuvottelut"][2][:3] = ["ranta28", "Rannikko", dt.date(2028, 5, 3)]
    for row in sheets["Osallistujat"][1:]:
        if row[-1] == "pohjoinen, rannikko":
            row[-1] = "pohj28, ranta28"
    del sheets["Päätökset"], sheets["Nostot"]
    return sheets


def edit_like_a_person(path) -> None:
    wb = load_workbook(path)
    ws = wb["Seuranta"]
    headers = [c.value for c in ws[1]]
    column = {h: headers.index(h) + 1 for h in ("Päätös", "Tila", "Tilannekuvaus", "Päivitetty")}
    edits = {
        "Liikuntaneuvonnan palvelupolku sovitaan": ("Valmis", "Palvelupolku julkaistu"),
        "Kerroinindikaattorit käydään läpi yhdessä": ("Viivästynyt", "Työpaja siirtyi keväälle"),
        "Seniorimotion i byn": ("Peruttu", "Ei rahoitusta"),
    }
    for r in range(2, ws.max_row + 1):
        decision = ws.cell(row=r, column=column["Päätös"]).value
        if decision in edits:
            status, note = edits[decision]
            ws.cell(row=r, column=column["Tila"], value=status)
            ws.cell(row=r, column=column["Tilannekuvaus"], value=note)
            ws.cell(row=r, column=column["Päivitetty"], value=dt.datetime(2027, 11, 20))
    # people also add their own column and sheet
    ws.cell(row=1, column=ws.max_column + 1, value="Kommentit")
    wb.create_sheet("Muistio")["A1"] = "kokous 20.11."
    wb.save(path)


@pytest.fixture(scope="module")
def year_2028(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("loop")
    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_2027)
        build(wbs.write(tmp / "2027" / "hytetu.xlsx", workbook_2027()), tmp / "out")
        edit_like_a_person(tmp / TRACKER)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_2028)
        result = build(wbs.write(tmp / "2028" / "hytetu.xlsx", workbook_2028()), tmp / "out")
    finally:
        mp.undo()
    return {o.path: o.content for o in result.outputs}


def test_agenda_shows_last_years_statuses_per_negotiation(year_2028):
    pohjoinen = year_2028["2_valmistelu/asialista_pohj28_fi.docx"]
    text = docx_text(pohjoinen)
    assert "5 Edellisen vuoden neuvotteluissa sovittujen asioiden toteutuminen" in text
    rows = table_rows(pohjoinen)
    assert [
        "Alajärvenkylä",
        "Liikuntaneuvonnan palvelupolku sovitaan",
        "Kuvataan palvelupolku",
        "Valmis",
        "Palvelupolku julkaistu",
    ] in rows
    # last year's whole-area row of "pohjoinen" goes to this year's "pohj28"
    assert [
        "Koko palvelualue",
        "Kerroinindikaattorit käydään läpi yhdessä",
        "Työpaja syksyllä",
        "Viivästynyt",
        "Työpaja siirtyi keväälle",
    ] in rows
    assert "Seniorimotion i byn" not in text  # Bykulla belongs to the other negotiation


def test_swedish_agenda_translates_the_status(year_2028):
    rows = table_rows(year_2028["2_valmistelu/asialista_ranta28_sv.docx"])
    assert [
        "Bykulla stad",
        "Seniorimotion i byn",
        "Gruppverksamhet",
        "Avbruten",
        "Ei rahoitusta",
    ] in rows
    fi_rows = table_rows(year_2028["2_valmistelu/asialista_ranta28_fi.docx"])
    assert [
        "Bykulla",
        "Seniorimotion i byn",
        "Gruppverksamhet",
        "Peruttu",
        "Ei rahoitusta",
    ] in fi_rows


def test_pre_materials_show_last_years_agreements(year_2028):
    # no raised items or survey answers in 2028: last year's rows alone make the pre-materials
    content = year_2028["2_valmistelu/ennakkomateriaali_pohj28_fi.docx"]
    text = docx_text(content)
    assert "Edellisen vuoden neuvotteluissa sovitut asiat (2027)" in text
    rows = table_rows(content)
    assert [
        "Liikuntaneuvonnan palvelupolku sovitaan",
        "Kuvataan palvelupolku",
        "31.10.2027",
        "Valmis",
        "Palvelupolku julkaistu",
    ] in rows
    assert "Koko palvelualue" in text and "Työpaja siirtyi keväälle" in text
    sv = table_rows(year_2028["2_valmistelu/ennakkomateriaali_ranta28_sv.docx"])
    assert ["Seniorimotion i byn", "Gruppverksamhet", "", "Avbruten", "Ei rahoitusta"] in sv


def test_no_previous_item_without_last_years_tracker(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2027)
    result = build(wbs.write(tmp_path / "hytetu.xlsx"), tmp_path / "out")
    agenda = next(o for o in result.outputs if o.path == "2_valmistelu/asialista_pohjoinen_fi.docx")
    assert "Edellisen vuoden neuvotteluissa sovittujen asioiden toteutuminen" not in docx_text(
        agenda.content
    )
