"""The tracker workbook: what a person sees in Excel, and reading it back for a rebuild."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from pipeline.app import build, load
from pipeline.contract import schema
from pipeline.contract.tracker import (
    HEADERS,
    IN_REGISTER,
    OVERVIEW_SHEET,
    OWN_ROW,
    REGISTER_COLUMN,
    REMOVED,
    SHEET,
)
from pipeline.documents.tracker.existing import copy_sheets, read_tracker
from pipeline.documents.tracker.layout import (
    CHART_DESCRIPTION,
    CHART_TITLE,
    tracker_file,
    write_tracker,
)
from pipeline.documents.tracker.merge import merge_rows
from pipeline.documents.tracker.rows import Formula, TrackerRow, rows_from_register
from pipeline.errors import OutputProblem
from pipeline.output.reproducible import normalize_xlsx
from tests.helpers import workbooks as wbs


@pytest.fixture
def data(tmp_path):
    year, _ = load(wbs.write(tmp_path / "hytetu.xlsx"))
    return year


def _save(wb, path):
    path.write_bytes(tracker_file(wb))
    return path


def _sheet_rows(path, sheet=SHEET):
    ws = load_workbook(path)[sheet]
    header = [c.value for c in ws[1]]
    rows = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        if any(v is not None for v in r):
            rows.append(dict(zip(header, r, strict=False)))
    return header, rows


def test_spec_columns_and_register_mark(data, tmp_path):
    path = _save(write_tracker(data, rows_from_register(data)), tmp_path / "t.xlsx")
    header, rows = _sheet_rows(path)
    for name in (*wbs.SPEC_TRACKER_COLUMNS, REGISTER_COLUMN):
        assert name in header
    assert rows[0]["Tunnus"] == "P-1"
    assert {r["Tila"] for r in rows} == {schema.DEFAULT_STATUS}
    assert {r[REGISTER_COLUMN] for r in rows} == {IN_REGISTER}


def test_overview_has_native_chart_with_title_and_alt_text(data, tmp_path):
    path = _save(write_tracker(data, rows_from_register(data)), tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = [n for n in names if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = z.read(charts[0]).decode()
        drawing = z.read(next(n for n in names if n.startswith("xl/drawings/drawing"))).decode()
    assert 'grouping val="stacked"' in chart and "barChart" in chart
    assert CHART_TITLE in chart
    # one series per status, titled by the status header, over the municipalities' rows
    for letter in "BCDEF":
        assert f"<f>'{OVERVIEW_SHEET}'!{letter}1</f>" in chart
        assert f"<f>'{OVERVIEW_SHEET}'!${letter}$2:${letter}$" in chart
    assert chart.count("<ser>") == len(schema.TRACKER_STATUSES)
    overview = load_workbook(path)[OVERVIEW_SHEET]
    assert [overview.cell(1, c).value for c in range(2, 7)] == list(schema.TRACKER_STATUSES)
    assert f'descr="{CHART_DESCRIPTION}"' in drawing
    assert f'name="{CHART_TITLE}"' in drawing


def test_removed_rows_are_greyed_and_not_counted(data, tmp_path):
    wb = write_tracker(data, rows_from_register(data))
    ws = wb[SHEET]
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    grey = next(r for r in rules if REMOVED in r.formula[0])
    assert grey.stopIfTrue and grey.dxf.fill.fgColor.rgb.endswith("D9D9D9")
    count = wb[OVERVIEW_SHEET]["B2"].value
    assert count.startswith("=COUNTIFS(") and f'"<>{REMOVED}"' in count


def test_same_content_same_bytes_after_the_builds_normalisation(data):
    when = dt.datetime(2027, 3, 1)
    first = normalize_xlsx(tracker_file(write_tracker(data, rows_from_register(data))), when)
    second = normalize_xlsx(tracker_file(write_tracker(data, rows_from_register(data))), when)
    assert first == second
    load_workbook(io.BytesIO(first))  # still a valid workbook
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        drawing = next(z.read(n) for n in z.namelist() if n.startswith("xl/drawings/drawing"))
    assert f'descr="{CHART_DESCRIPTION}"'.encode() in drawing  # the alt text survives it


def test_unchanged_rebuild_keeps_the_tracker_bytes_and_makes_no_backup(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    path = first.target / "4_seuranta/seurantataulukko_2027.xlsx"
    before = path.read_bytes()
    again = build(workbook, tmp_path / "out")
    assert path.read_bytes() == before
    assert again.written is not None and again.written.backups == []
    assert not (tmp_path / "out" / "varmuuskopiot").exists()


def test_typed_values_round_trip_through_the_file(data, tmp_path):
    rows = rows_from_register(data)
    rows[0].values.update(
        {
            "Tila": "Käynnissä",
            "Tilannekuvaus": "=SUMMA(A1) & <b>\nrivi 2 🙂",
            "Päivitetty": dt.date(2027, 9, 14),
        }
    )
    rows[1].extra["Huomiot"] = Formula("=1+1")
    rows[1].comments["Tila"] = ("Kysy kunnalta", "Kaisa")
    rows.append(TrackerRow({"Päätös": "oma asia", REGISTER_COLUMN: OWN_ROW}, {"Huomiot": 7}))
    path = _save(write_tracker(data, rows, ["Huomiot"]), tmp_path / "t.xlsx")
    old = read_tracker(path)
    assert old.extra_headers == ["Huomiot"] and old.marked
    first = old.rows[0].values
    assert first["Tila"] == "Käynnissä"
    assert first["Tilannekuvaus"] == "=SUMMA(A1) & <b>\nrivi 2 🙂"
    assert not isinstance(first["Tilannekuvaus"], Formula)
    assert first["Päivitetty"] == dt.date(2027, 9, 14)
    assert isinstance(old.rows[1].extra["Huomiot"], Formula)
    assert old.rows[1].comments["Tila"] == ("Kysy kunnalta", "Kaisa")
    assert old.rows[2].values["Päätös"] == "oma asia" and old.rows[2].extra["Huomiot"] == 7
    # and again: what was read writes back the same
    again = _save(write_tracker(data, old.rows, old.extra_headers), tmp_path / "t2.xlsx")
    assert _sheet_rows(again) == _sheet_rows(path)
    ws = load_workbook(again)[SHEET]
    assert ws.cell(2, HEADERS.index("Tilannekuvaus") + 1).data_type == "s"


def test_reading_finds_columns_by_header_whatever_their_order(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "seuranta "
    ws.append(["Muistiinpano", "tila", "TUNNUS", None, "Päivitetty", "Muistiinpano"])
    ws.append(["a", "Valmis", "P-1", "arvo ilman otsikkoa", dt.datetime(2027, 5, 1), "b"])
    ws.append([None, None, None, None, None, None])
    ws.append(["vain huomio", None, None, None, None, None])
    wb.save(tmp_path / "t.xlsx")
    old = read_tracker(tmp_path / "t.xlsx")
    assert old.extra_headers == ["Muistiinpano", "Sarake D", "Muistiinpano (2)"]
    assert not old.marked
    assert len(old.rows) == 2  # the empty row is skipped
    row = old.rows[0]
    assert row.id == "P-1" and row.values["Tila"] == "Valmis"
    assert row.values["Päivitetty"] == dt.date(2027, 5, 1)
    assert row.extra == {
        "Muistiinpano": "a",
        "Sarake D": "arvo ilman otsikkoa",
        "Muistiinpano (2)": "b",
    }


def test_tracker_without_tunnus_column_is_refused(tmp_path):
    wb = Workbook()
    wb.active.title = SHEET
    wb.active.append(["Päätös", "Tila"])
    wb.save(tmp_path / "t.xlsx")
    with pytest.raises(OutputProblem, match="Tunnus"):
        read_tracker(tmp_path / "t.xlsx")


def test_broken_tracker_is_a_clear_problem(tmp_path):
    path = tmp_path / "seurantataulukko_2027.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(OutputProblem, match=r"seurantataulukko_2027\.xlsx"):
        read_tracker(path)


def test_sheets_people_added_are_copied(data, tmp_path):
    old = Workbook()
    ws = old.active
    ws.title = "Muistio"
    ws["A1"] = "Kokous 1.9."
    ws["A1"].font = Font(bold=True)
    ws["B2"] = "=SUMMA(A1)"
    ws["B2"].data_type = "s"
    ws["C3"] = "=1+1"
    ws["D4"] = dt.datetime(2027, 9, 1)
    ws.merge_cells("E1:F1")
    ws["E1"] = "yhdistetty"
    ws.column_dimensions["A"].width = 33
    wb = write_tracker(data, rows_from_register(data))
    copy_sheets(wb, old, ["Muistio"])
    path = _save(wb, tmp_path / "t.xlsx")
    new = load_workbook(path)
    assert new.sheetnames == [SHEET, OVERVIEW_SHEET, "Muistio"]
    m = new["Muistio"]
    assert m["A1"].value == "Kokous 1.9." and m["A1"].font.bold
    assert m["B2"].value == "=SUMMA(A1)" and m["B2"].data_type == "s"
    assert m["C3"].value == "=1+1" and m["C3"].data_type == "f"
    assert m["D4"].value == dt.datetime(2027, 9, 1)
    assert "E1:F1" in {str(r) for r in m.merged_cells.ranges}
    assert m.column_dimensions["A"].width == 33


def test_merge_through_files_keeps_typing_and_marks_removed(data, tmp_path):
    rows = rows_from_register(data)
    rows[0].values["Tila"] = "Viivästynyt"
    rows[1].values["Tilannekuvaus"] = "työpaja pidetty"
    path = _save(write_tracker(data, rows), tmp_path / "t.xlsx")
    old = read_tracker(path)
    fresh = rows_from_register(data)[1:]  # P-1 left the register
    merged, report = merge_rows(fresh, old.rows, marked=old.marked)
    out = _save(write_tracker(data, merged), tmp_path / "t2.xlsx")
    _, back = _sheet_rows(out)
    assert back[0]["Tunnus"] == "P-1"
    assert back[0]["Tila"] == "Viivästynyt" and back[0][REGISTER_COLUMN] == REMOVED
    assert back[1]["Tilannekuvaus"] == "työpaja pidetty" and back[1][REGISTER_COLUMN] == IN_REGISTER
    assert report.removed == ["P-1"] and len(report.carried) == 1


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda xml: xml[: len(xml) // 2], "vioittunut"),
        (
            lambda xml: xml.replace("<worksheet", '<!DOCTYPE w [<!ENTITY e "x">]><worksheet', 1),
            "DOCTYPE/ENTITY",
        ),
    ],
    ids=["cut-in-half", "entity"],
)
def test_damaged_existing_tracker_stops_the_build_with_a_message(tmp_path, damage, expected):
    from click.testing import CliRunner

    from pipeline.cli import main
    from tests.helpers.xlsx_parts import edit_sheet_xml, snapshot

    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    out = tmp_path / "out"
    first = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert first.exit_code == 0, first.output
    tracker = out / "2027" / "4_seuranta" / "seurantataulukko_2027.xlsx"
    edit_sheet_xml(tracker, SHEET, damage)
    before = snapshot(out)

    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])

    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # handled, not a crash
    assert "Traceback" not in result.output
    assert f"{tracker}: " in result.output and expected in result.output
    assert "Aiempaa seurantataulukkoa ei voi avata" in result.output
    assert snapshot(out) == before


def test_a_renamed_tracker_sheet_stops_the_rebuild_instead_of_starting_over(tmp_path):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    path = first.target / "4_seuranta/seurantataulukko_2027.xlsx"
    wb = load_workbook(path)
    wb[SHEET]["L2"] = "Valmis"
    wb[SHEET].title = "Seuranta 2027"
    wb.save(path)
    with pytest.raises(
        OutputProblem,
        match=r"puuttuu välilehti ”Seuranta”.*välilehdet ovat nyt: ”Seuranta 2027” ja ”Yhteenveto”",
    ):
        build(workbook, tmp_path / "out")
    assert load_workbook(path)["Seuranta 2027"]["L2"].value == "Valmis"
