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
