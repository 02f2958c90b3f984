"""SPEC §1 "Minutes data": checkers, dates, Läsnä and the Muistiinpanot sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.workbook.load import check
from tests.helpers.workbooks import base, set_cell, write


def _with_minutes(sheets: dict[str, list[list[object]]]) -> None:
    header = sheets["Neuvottelut"][0]
    header += ["Pöytäkirjan tarkastajat", "Tarkastettu", "Kutsun päivämäärä", "Ilmoittautuminen"]
    sheets["Osallistujat"][0].append("Läsnä")
    set_cell(sheets, "Neuvottelut", 1, "Pöytäkirjan tarkastajat", "Aino Aaltonen, Outo Nimi")
    set_cell(sheets, "Neuvottelut", 1, "Tarkastettu", "21.4.2027")
    set_cell(sheets, "Neuvottelut", 1, "Kutsun päivämäärä", dt.date(2027, 3, 1))
    set_cell(sheets, "Neuvottelut", 1, "Ilmoittautuminen", "7.4.2027")
    set_cell(sheets, "Osallistujat", 1, "Läsnä", "kyllä")


def test_minutes_columns_reach_the_model(tmp_path: Path) -> None:
    sheets = base()
    _with_minutes(sheets)
    sheets["Muistiinpanot"] = [
        ["Neuvottelu", "Asiakohta", "Teksti", "Teksti ruotsiksi"],
        ["pohjoinen", "2", "Keskusteltiin seurannasta.", "Man diskuterade uppföljningen."],
    ]
    data, problems = check(write(tmp_path / "w.xlsx", sheets))
    assert data is not None, problems.errors
    n = data.negotiations[0]
    assert n.checkers == ("Aino Aaltonen", "Outo Nimi")
    assert n.checked == dt.date(2027, 4, 21)
    assert n.invitation_date == dt.date(2027, 3, 1)
    assert n.registration_by == dt.date(2027, 4, 7)
    aino = data.participants[0]
    assert aino.attended == aino.negotiations and aino.attended
    assert data.attendance_recorded(n)
    assert [x.text_in("sv") for x in data.notes_of(n)] == ["Man diskuterade uppföljningen."]
    warnings = [str(w) for w in problems.warnings]
    assert any("Outo Nimi" in w and "Neuvottelut!" in w for w in warnings), warnings
    assert not any("Aino Aaltonen ei ole" in w for w in warnings)


def test_unknown_agenda_item_in_notes_is_an_error_with_a_hint(tmp_path: Path) -> None:
    sheets = base()
    sheets["Muistiinpanot"] = [
        ["Neuvottelu", "Asiakohta", "Teksti"],
        ["pohjoinen", "Hyte-keroin", "Teksti"],
        ["pohjoinen", "", "Teksti"],
    ]
    data, problems = check(write(tmp_path / "w.xlsx", sheets))
    assert data is None
    errors = [str(e) for e in problems.errors]
    assert any("Muistiinpanot!B2" in e and "Tarkoititko ”Hyte-kerroin”?" in e for e in errors)
    assert any("Muistiinpanot!B3" in e and "pakollinen" in e for e in errors), errors


def test_lasna_with_unknown_code_is_an_error(tmp_path: Path) -> None:
    sheets = base()
    _with_minutes(sheets)
    set_cell(sheets, "Osallistujat", 1, "Läsnä", "pohjoinenn")
    data, problems = check(write(tmp_path / "w.xlsx", sheets))
    assert data is None
    assert any("Tarkoititko ”pohjoinen”?" in str(e) for e in problems.errors)
