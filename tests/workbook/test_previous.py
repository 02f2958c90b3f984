"""Last year's tracker (``Edellisen vuoden seurantataulukko``): read tolerantly, errors at the setting."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.app import build, check
from pipeline.cli import main
from pipeline.contract.tracker import HEADERS
from pipeline.errors import InputError
from pipeline.workbook.model import PreviousRow
from pipeline.workbook.previous_year import read_previous, rows_for
from tests.helpers import workbooks as wbs

SETTING = "Edellisen vuoden seurantataulukko"


def tracker_file(path: Path, rows: list[dict[str, object]], **options) -> Path:
    """A tracker like last year's build made it, with what people may have done to it."""
    wb = Workbook()
    ws = wb.active
    ws.title = options.get("sheet", "Seuranta")
    headers = list(options.get("headers", HEADERS))
    top = 1
    if options.get("title_row"):
        ws.cell(row=1, column=1, value="Seuranta 2026 (päivitetty)")
        top = 2
    for c, h in enumerate(headers, start=1):
        ws.cell(row=top, column=c, value=h)
    for r, row in enumerate(rows, start=top + 1):
        for c, h in enumerate(headers, start=1):
            if h in row:
                ws.cell(row=r, column=c, value=row[h])
    if options.get("extra_sheet"):
        wb.create_sheet("Omat muistiinpanot")["A1"] = "muistiinpano"
    wb.save(path)
    return path


ROWS = [
    {
        "Tunnus": "A-1",
        "Neuvottelu": "pohj-2026",
        "Kunta": "Alajärvenkylä",
        "Päätös": "Liikuntaneuvonta kuntiin",
        "Jatkotoimi": "Palvelupolku",
        "Määräaika": dt.datetime(2026, 10, 31),
        "Tila": "valmis",  # typed in lower case
        "Tilannekuvaus": "Palvelupolku julkaistu",
    },
    {
        "Tunnus": "A-2",
        "Neuvottelu": "pohj-2026",
        "Kunta": "Koko palvelualue",
        "Päätös": "Yhteinen hyte-työpaja",
        "Tila": "Viivästynyt",
        "Tilannekuvaus": "Siirtyi keväälle",
    },
    {
        "Tunnus": "A-3",
        "Neuvottelu": "ranta-2026",
        "Kunta": "Bykulla",
        "Päätös": "Seniorimotion",
        "Tila": "Käynnissä",
        "Määräaika": "15.12.2026",
    },
    {
        "Tunnus": "A-4",
        "Neuvottelu": "ranta-2026",
        "Kunta": "Bykulla",
        "Päätös": "Poistettu päätös",
        "Tila": "Ei aloitettu",
        "Rekisterissä": "poistettu rekisteristä",
    },
    {
        "Tunnus": "",
        "Neuvottelu": "",
        "Kunta": "Cedervik",
        "Päätös": "Oma rivi: kirjastoyhteistyö",
        "Tila": "",
    },
]


def workbook_with(tmp_path: Path, relative: str) -> Path:
    sheets = wbs.base()
    sheets["Asetukset"].append([SETTING, relative])
    return wbs.write(tmp_path / "hytetu.xlsx", sheets)


def test_reads_rows_tolerantly(tmp_path):
    path = tracker_file(
        tmp_path / "t.xlsx",
        ROWS,
        headers=["Oma sarake", *reversed(HEADERS)],
        title_row=True,
        extra_sheet=True,
    )
    rows, warnings = read_previous(path)
    assert warnings == []
    assert [r.decision for r in rows] == [
        "Liikuntaneuvonta kuntiin",
        "Yhteinen hyte-työpaja",
        "Seniorimotion",
        "Oma rivi: kirjastoyhteistyö",
    ]  # the row removed from the register is no agreement any more
    first = rows[0]
    assert (first.status, first.note, first.deadline) == (
        "Valmis",
        "Palvelupolku julkaistu",
        "31.10.2026",
    )
    assert rows[2].deadline == "15.12.2026"
    assert rows[3].status == "Ei aloitettu"  # empty Tila: the default


def test_unknown_status_is_kept_and_warned(tmp_path):
    path = tracker_file(tmp_path / "t.xlsx", [{**ROWS[0], "Tila": "Melkein valmis"}])
    rows, warnings = read_previous(path)
    assert rows[0].status == "Melkein valmis"
    assert len(warnings) == 1 and "Seuranta!" in warnings[0] and "Melkein valmis" in warnings[0]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_text("ei taulukko"), "ei ole Excel-työkirja"),
        (lambda p: tracker_file(p, ROWS, sheet="Taulukko1"), "ei ole välilehteä Seuranta"),
        (
            lambda p: tracker_file(
                p, ROWS, headers=[h if h != "Tila" else "Tilaa" for h in HEADERS]
            ),
            "puuttuu sarake Tila (onko se ”Tilaa”?)",
        ),
    ],
    ids=["not-xlsx", "no-sheet", "no-column"],
)
def test_unreadable_tracker_is_a_validation_error_at_the_setting(tmp_path, make, expected):
    make(tmp_path / "viime.xlsx")
    workbook = workbook_with(tmp_path, "viime.xlsx")
    data, problems = check(workbook)
    assert data is None
    errors = [str(p) for p in problems.errors]
    row = len(wbs.base()["Asetukset"]) + 1
    assert len(errors) == 1
    assert errors[0].startswith(f"Asetukset!B{row}: {SETTING}: ")
    assert expected in errors[0]
    with pytest.raises(InputError):
        build(workbook, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_validate_command_reports_it_and_exits_1(tmp_path):
    (tmp_path / "viime.xlsx").write_bytes(b"PK\x03\x04 rikki")
    workbook = workbook_with(tmp_path, "viime.xlsx")
    result = CliRunner().invoke(main, ["validate", str(workbook)])
    assert result.exit_code == 1
    assert f"Asetukset!B{len(wbs.base()['Asetukset']) + 1}: {SETTING}" in result.output
    assert "Traceback" not in result.output


def test_unknown_municipality_is_a_warning(tmp_path):
    tracker_file(tmp_path / "viime.xlsx", [{**ROWS[0], "Kunta": "Lakkautettula"}])
    data, problems = check(workbook_with(tmp_path, "viime.xlsx"))
    assert data is not None
    assert any("Lakkautettula" in p.message for p in problems.warnings)


def _row(municipality: str, negotiation: str, decision: str) -> PreviousRow:
    return PreviousRow(negotiation=negotiation, municipality=municipality, decision=decision)


def test_rows_go_to_the_negotiation_of_their_municipality(tmp_path):
    data, _ = check(wbs.write(tmp_path / "hytetu.xlsx"))
    assert data is not None
    pohjoinen, rannikko = data.negotiations
    previous = [
        _row("Bykulla", "x", "B"),
        _row("Pikkula", "vanha-pohjoinen", "P"),
        _row("Alajärvenkylä", "vanha-pohjoinen", "A"),
        # whole area, last year's code used by Pohjoinen's municipalities
        _row("Koko palvelualue", "vanha-pohjoinen", "koko P"),
        # whole area, same code as this year
        _row("Koko palvelualue", "rannikko", "koko R"),
        # whole area, service area name as code
        _row("", "Rannikko", "koko R2"),
        # whole area nobody can place: shown everywhere
        _row("Koko palvelualue", "mysteeri", "koko ?"),
        # a Swedish name matches too
        _row("Bykulla stad", "x", "B2"),
    ]
    data = replace(data, previous=previous)
    assert [r.decision for r in rows_for(data, pohjoinen)] == ["A", "P", "koko P", "koko ?"]
    assert [r.decision for r in rows_for(data, rannikko)] == [
        "B",
        "B2",
        "koko R",
        "koko R2",
        "koko ?",
    ]


def test_tracker_cut_in_half_is_a_validation_error_naming_the_file(tmp_path):
    import zipfile

    from tests.helpers.xlsx_parts import rewrite_parts

    path = tracker_file(tmp_path / "viime.xlsx", ROWS)
    with zipfile.ZipFile(path) as zf:
        part = zf.read("xl/worksheets/sheet1.xml")
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": part[: len(part) // 2]})
    data, problems = check(workbook_with(tmp_path, "viime.xlsx"))
    assert data is None
    (error,) = [str(p) for p in problems.errors]
    row = len(wbs.base()["Asetukset"]) + 1
    assert error.startswith(f"Asetukset!B{row}: {SETTING}: ")
    assert str(path) in error and "vioittunut" in error
