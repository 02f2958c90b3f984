"""The progress forms (seurantalomake.xlsx), as a municipality opens, prints and fills them."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from openpyxl import load_workbook

from pipeline.contract import progress_form as layout
from pipeline.documents import progress_forms
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.output.office import convert
from tests.helpers import progress
from tests.helpers.office import soffice_or_skip


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    return progress.year(tmp_path_factory.mktemp("progress"))


def sheet(content: bytes):
    wb = load_workbook(io.BytesIO(content))
    return wb, wb.worksheets[0]


def listed(ws) -> list[str]:
    return [
        str(ws[f"A{r}"].value)
        for r in range(layout.FIRST_ROW, ws.max_row + 1)
        if ws[f"A{r}"].value is not None
    ]


def test_each_form_lists_its_own_and_its_areas_whole_area_agreements(year):
    north_whole = year.row(progress.NORTH_WHOLE).id
    assert listed(sheet(year.form("Alajärvenkylä"))[1]) == ["P-1", north_whole]
    # in the tracker's order: the register's
    assert listed(sheet(year.form("Pikkula"))[1]) == [north_whole, "P-2"]
    assert listed(sheet(year.form("Bykulla"))[1]) == ["P-3", "P-4"]
    assert listed(sheet(year.form("Cedervik"))[1]) == ["P-4", "P-5"]


def test_finnish_form_shows_the_agreement_read_only_and_where_it_stands(year):
    _, ws = sheet(year.form("Pikkula"))
    assert ws.title == "Seurantalomake"
    assert ws["A1"].value == "Seurantalomake 2027"
    assert ws[f"B{layout.ROW_MUNICIPALITY}"].value == "Pikkula"
    assert "Päivitetty-sarakkeeseen" in ws[f"A{layout.ROW_INSTRUCTIONS}"].value
    header = [c.value for c in ws[layout.ROW_HEADER]]
    assert header == [
        "Tunnus",
        "Kunta",
        "Päätös",
        "Jatkotoimi",
        "Yhteistyöfoorumi",
        "Vastuutaho",
        "Määräaika",
        "Tila",
        "Tilannekuvaus",
        "Päivitetty",
    ]
    first = [c.value for c in ws[progress.row_of(ws, "P-2")]]
    assert first[:3] == ["P-2", "Pikkula", "Koulujen liikuntatilat iltakäyttöön"]
    assert first[6] == dt.datetime(2027, 12, 31)
    assert first[7] == "Ei aloitettu"
    whole = [c.value for c in ws[progress.row_of(ws, progress.NORTH_WHOLE)]]
    assert whole[1] == "Koko palvelualue"
    assert whole[5] == "Kunnat ja HVA"


def test_swedish_form_for_a_swedish_majority_municipality(year):
    _, ws = sheet(year.form("Bykulla"))
    assert ws.title == "Uppföljningsblankett"
    assert ws[f"B{layout.ROW_MUNICIPALITY}"].value == "Bykulla stad"
    assert [c.value for c in ws[layout.ROW_HEADER]][7:] == [
        "Status",
        "Lägesbeskrivning",
        "Uppdaterad",
    ]
    assert ws[f"B{layout.FIRST_ROW + 1}"].value == "Hela serviceområdet"
    assert ws[f"H{layout.FIRST_ROW}"].value == "Ej påbörjad"
    assert "Uppdaterad" in ws[f"A{layout.ROW_INSTRUCTIONS}"].value


def test_swedish_twins_plug_in_through_texts(year):
    def twins(row: TrackerRow, column: str, lang: str) -> str:
        text = progress_forms.tracker_text(row, column, lang)
        return f"[sv] {text}" if lang == "sv" and column == "Päätös" else text

    content = progress_forms.progress_form(
        year.data, year.municipality("Bykulla"), year.rows, texts=twins
    )
    _, ws = sheet(content)
    assert ws[f"C{layout.FIRST_ROW}"].value == "[sv] Seniorernas motionsgrupper utvidgas"
    assert ws[f"D{layout.FIRST_ROW}"].value == "Jatkotoimi P-3"


def test_a_swedish_form_shows_the_registers_swedish_twins_a_finnish_form_does_not(year):
    from dataclasses import replace

    twins = {"P-3": ("Motionsgrupperna för seniorer utvidgas", "Fortsatt åtgärd P-3", "")}
    decisions = tuple(
        replace(d, decision_sv=twins[d.id][0], follow_up_sv=twins[d.id][1], forum_sv="Nätverket")
        if d.id in twins
        else replace(d, decision_sv=f"sv {d.decision}")
        for d in year.data.decisions
    )
    data = replace(year.data, decisions=decisions)
    rows = [TrackerRow(dict(r.values)) for r in year.rows]
    next(r for r in rows if r.id == "P-3").values["Vastuutaho"] = "Liikuntatoimi"
    _, ws = sheet(progress_forms.progress_form(data, year.municipality("Bykulla"), rows))
    r = progress.row_of(ws, "P-3")
    assert ws[f"C{r}"].value == "Motionsgrupperna för seniorer utvidgas"
    assert ws[f"D{r}"].value == "Fortsatt åtgärd P-3"
    assert ws[f"E{r}"].value == "Nätverket"
    # an empty twin: the Finnish text (validation has warned about the empty column)
    assert ws[f"F{r}"].value == "Liikuntatoimi"
    _, fi = sheet(progress_forms.progress_form(data, year.municipality("Pikkula"), year.rows))
    assert fi[f"C{progress.row_of(fi, 'P-2')}"].value == "Koulujen liikuntatilat iltakäyttöön"


def test_prefilled_with_the_trackers_current_values_in_the_forms_language(year):
    rows = [TrackerRow(dict(r.values)) for r in year.rows]
    p3 = next(r for r in rows if r.id == "P-3")
    p3.values.update(
        {
            "Tila": "Käynnissä",
            "Tilannekuvaus": "Två grupper i gång",
            "Päivitetty": dt.date(2027, 9, 1),
        }
    )
    p4 = next(r for r in rows if r.id == "P-4")
    p4.values["Tila"] = "Tehty"  # not a status: not offered as one
    _, ws = sheet(year.form("Bykulla", rows))
    r = layout.FIRST_ROW
    assert [ws[f"{c}{r}"].value for c in "HIJ"] == [
        "Pågår",
        "Två grupper i gång",
        dt.datetime(2027, 9, 1),
    ]
    assert ws[f"J{r}"].number_format == "d.m.yyyy"
    assert ws[f"H{r + 1}"].value is None


def test_only_status_description_and_date_are_unlocked_and_no_password(year):
    wb, ws = sheet(year.form("Cedervik"))
    assert ws.protection.sheet and not ws.protection.password
    assert wb.security.lockStructure
    rows = range(layout.FIRST_ROW, layout.FIRST_ROW + 2)
    unlocked = {
        c.coordinate
        for line in ws.iter_rows(min_row=1, max_row=ws.max_row + 5, max_col=12)
        for c in line
        if not c.protection.locked
    }
    assert unlocked == {f"{c}{r}" for c in "HIJ" for r in rows}
    marker = wb[layout.MARKER_SHEET]
    assert marker.sheet_state == "veryHidden" and marker.protection.sheet
    assert list(marker.iter_rows(values_only=True))[:7] == [
        (layout.MARKER_KIND, layout.FORM_VERSION),
        ("vuosi", "2027"),
        ("hyvinvointialue", "Testilän hyvinvointialue"),
        ("kunta", "Cedervik"),
        ("kieli", "fi"),
        ("lomake", "Seurantalomake"),
        ("tunnus", "rivi"),
    ]


def test_dropdown_of_the_five_statuses_and_a_date_check(year):
    for name, statuses in (
        ("Cedervik", layout.STATUS_LABELS["fi"]),
        ("Bykulla", layout.STATUS_LABELS["sv"]),
    ):
        _, ws = sheet(year.form(name))
        found = {dv.type: dv for dv in ws.data_validations.dataValidation}
        assert set(found) == {"list", "date"}
        last = layout.FIRST_ROW + 1
        assert str(found["list"].sqref) == f"H{layout.FIRST_ROW}:H{last}"
        assert found["list"].formula1 == '"' + ",".join(statuses) + '"'
        assert str(found["date"].sqref) == f"J{layout.FIRST_ROW}:J{last}"
        assert found["list"].showErrorMessage and found["date"].showErrorMessage


def test_text_that_looks_like_a_formula_or_a_tag_stays_text(year):
    _, ws = sheet(year.form("Cedervik"))
    cell = ws[f"C{layout.FIRST_ROW + 1}"]
    assert cell.value == "=SUMMA(A1) & {{ x }} <b>"
    assert cell.data_type == "s"


def test_prints_landscape_one_page_wide_header_repeated_rows_tall_enough(year):
    rows = [TrackerRow(dict(r.values)) for r in year.rows]
    long = next(r for r in rows if r.id == "P-2")
    long.values["Päätös"] = "Liikuntatilat " * 30  # about 420 characters in a 40-wide column
    _, ws = sheet(year.form("Pikkula", rows))
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${layout.ROW_HEADER}:${layout.ROW_HEADER}"
    assert ws.row_dimensions[progress.row_of(ws, "P-2")].height >= 11 * 15
    assert ws.row_dimensions[progress.row_of(ws, progress.NORTH_WHOLE)].height >= 30
    assert ws.row_dimensions[layout.ROW_INSTRUCTIONS].height >= 45


def test_a_municipality_without_agreements_gets_a_form_that_says_so(year):
    rows = [r for r in year.rows if r.id not in ("P-4", "P-5")]
    _, ws = sheet(year.form("Cedervik", rows))
    assert ws[f"A{layout.FIRST_ROW}"].value.startswith("Kuntaa koskevia päätöksiä ei ole")
    assert not ws.data_validations.dataValidation


def test_form_path_is_in_the_follow_up_folder_with_the_language(year):
    assert progress_forms.form_path(year.municipality("Bykulla")) == (
        "4_seuranta/seurantalomake_bykulla_sv.xlsx"
    )
    assert progress_forms.form_title(year.data, year.municipality("Bykulla")) == (
        "Uppföljningsblankett 2027: Bykulla stad"
    )


@pytest.mark.libreoffice
def test_libreoffice_prints_a_progress_form_to_pdf(year, tmp_path):
    soffice_or_skip()
    rows = [TrackerRow(dict(r.values)) for r in year.rows]
    next(r for r in rows if r.id == "P-2").values["Tilannekuvaus"] = "Iltavuorot alkoivat"
    source = tmp_path / "seurantalomake_pikkula_fi.xlsx"
    source.write_bytes(year.form("Pikkula", rows))
    done, log = convert([source], "pdf", tmp_path)
    assert source in done, log
    text = subprocess.run(
        ["pdftotext", "-layout", str(done[source]), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("Seurantalomake 2027", "P-2", "Koulujen liikuntatilat", "Iltavuorot alkoivat"):
        assert expected in text
    # one page wide: the last column's header is on the first page with the first one
    first_page = text.split("\f")[0]
    assert "Tunnus" in first_page and "Päivitetty" in first_page
