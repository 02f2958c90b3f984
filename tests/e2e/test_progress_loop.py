"""The year's loop through the CLI: progress forms filled as municipalities would, returned
into seurantavastaukset/, merged into the tracker by a rebuild."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline import cli
from pipeline.contract import progress_form as layout
from pipeline.contract.tracker import HEADERS, SHEET
from tests.helpers import progress


def _tracker(out: Path) -> dict[str, dict[str, object]]:
    path = next(p for p in out.rglob("seurantataulukko*.xlsx") if "varmuuskopiot" not in p.parts)
    ws = load_workbook(path)[SHEET]
    rows = {}
    for values in ws.iter_rows(min_row=2, values_only=True):
        row = dict(zip(HEADERS, values, strict=False))
        if row["Tunnus"]:
            rows[str(row["Tunnus"])] = row
    return rows


def test_returned_forms_merged_and_bad_files_warned(tmp_path: Path) -> None:
    year = progress.year(tmp_path / "in")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli.main, ["build", str(year.workbook), "--out", str(out)])
    assert first.exit_code == 0, first.output
    forms = list(out.rglob("4_seuranta/seurantalomake_*.xlsx"))
    assert len(forms) == len(year.data.municipalities)
    folder = year.folder
    pikkula = next(f for f in forms if "pikkula" in f.name.casefold())
    progress.fill(
        pikkula.read_bytes(),
        folder / "pikkula.xlsx",
        {"P-2": ("Käynnissä", "Salit auki tiistaisin", dt.date(2027, 9, 14))},
    )
    (folder / "rikki.xlsx").write_bytes(b"not a zip")
    (folder / "~$pikkula.xlsx").write_bytes(b"")
    before = _tracker(out)
    result = runner.invoke(cli.main, ["build", str(year.workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    after = _tracker(out)
    assert after["P-2"]["Tila"] == "Käynnissä", result.output[-3000:]
    assert after["P-2"]["Tilannekuvaus"] == "Salit auki tiistaisin"
    for ident, row in after.items():
        if ident != "P-2":
            assert row["Tila"] == before[ident]["Tila"], ident
    assert "Pikkula" in result.output and "P-2" in result.output
    lines = result.output.splitlines()
    assert sum(f"{layout.FOLDER}/rikki.xlsx" in line for line in lines) == 1
    assert sum(f"{layout.FOLDER}/~$pikkula.xlsx" in line for line in lines) == 1


def test_overview_prints_on_one_landscape_page(tmp_path: Path) -> None:
    from pipeline.contract.tracker import OVERVIEW_SHEET
    from pipeline.documents.tracker.layout import write_tracker
    from pipeline.documents.tracker.rows import rows_from_register

    year = progress.year(tmp_path)
    ws = write_tracker(year.data, rows_from_register(year.data))[OVERVIEW_SHEET]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"


def test_two_municipalities_report_an_older_form_loses_to_a_newer_tracker_edit(
    tmp_path: Path,
) -> None:
    import io
    import os

    from pipeline.contract.grammar import number_word
    from tests.helpers.docs import docx_text

    year = progress.year(tmp_path / "in")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli.main, ["build", str(year.workbook), "--out", str(out)])
    assert first.exit_code == 0, first.output
    forms = {p.name: p for p in out.rglob("4_seuranta/seurantalomake_*.xlsx")}
    # the coordinator marked the whole-area agreement done in the tracker on 1 October
    tracker = next(p for p in out.rglob("seurantataulukko*.xlsx") if "varmuuskopiot" not in p.parts)
    wb = load_workbook(tracker)
    ws = wb[SHEET]
    whole = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "P-4")
    ws.cell(whole, HEADERS.index("Tila") + 1).value = "Valmis"
    ws.cell(whole, HEADERS.index("Päivitetty") + 1).value = dt.datetime(2027, 10, 1)
    wb.save(tracker)

    folder = year.folder
    pikkula = forms["seurantalomake_pikkula_fi.xlsx"].read_bytes()
    # an earlier answer of Pikkula's, saved before the one below (or in the same second:
    # then the file name decides, and this one sorts first)
    old = progress.fill(pikkula, folder / "aiempi_pikkula.xlsx", {"P-2": ("Viivästynyt", "", None)})
    os.utime(old, (1_700_000_000, 1_700_000_000))
    progress.fill(
        pikkula, folder / "pikkula.xlsx", {"P-2": ("Käynnissä", "Salit auki", dt.date(2027, 9, 14))}
    )
    progress.fill(
        forms["seurantalomake_bykulla_sv.xlsx"].read_bytes(),
        folder / "bykulla.xlsx",
        {
            "P-3": ("Pågår", "Grupperna har startat", dt.date(2027, 9, 2)),
            "P-4": ("Pågår", "Programmet planeras", dt.date(2027, 9, 1)),
        },
    )
    # last year's form of Cedervik
    wb = load_workbook(io.BytesIO(forms["seurantalomake_cedervik_fi.xlsx"].read_bytes()))
    wb[layout.MARKER_SHEET]["B2"] = "2026"
    wb.save(folder / "viime_vuosi.xlsx")
    before = _tracker(out)

    result = runner.invoke(cli.main, ["build", str(year.workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    after = _tracker(out)
    assert (after["P-2"]["Tila"], after["P-2"]["Tilannekuvaus"]) == ("Käynnissä", "Salit auki")
    assert after["P-2"]["Päivitetty"] == dt.datetime(2027, 9, 14)
    assert (after["P-3"]["Tila"], after["P-3"]["Tilannekuvaus"]) == (
        "Käynnissä",
        "Grupperna har startat",
    )
    # the tracker's later edit stands, and the form's older report is warned about
    assert after["P-4"]["Tila"] == "Valmis"
    assert after["P-4"]["Päivitetty"] == dt.datetime(2027, 10, 1)
    for ident, row in after.items():
        if ident not in ("P-2", "P-3", "P-4"):
            assert row == before[ident], ident
    lines = result.output.splitlines()
    kept = [x for x in lines if f"{layout.FOLDER}/bykulla.xlsx" in x and "P-4" in x]
    assert len(kept) == 1 and "Programmet planeras" in kept[0], result.output[-3000:]
    assert sum(f"{layout.FOLDER}/viime_vuosi.xlsx" in x for x in lines) == 1
    assert sum(f"{layout.FOLDER}/aiempi_pikkula.xlsx" in x for x in lines) == 1

    # the summary counts the merged statuses and says who reported and when
    text = docx_text(next(out.rglob("yhteenveto_*_fi.docx")))
    total = number_word(len(year.data.municipalities), "fi", case="elative")
    assert (
        f"Etenemisestä raportoi seurantalomakkeella kaksi kuntaa alueen {total} kunnasta "
        "(tiedot päivitetty 2.9.2027–14.9.2027)." in text
    ), text
    assert "käynnissä 2," in text  # P-2 and P-3
    sv = docx_text(next(out.rglob("yhteenveto_*_sv.docx")))
    assert "Två av områdets" in sv and "rapporterade om läget på uppföljningsblanketten" in sv
