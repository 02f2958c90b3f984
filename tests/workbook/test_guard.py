"""Mistakes that used to hide people or files: each one named, with the fix."""

from __future__ import annotations

from pipeline.app import check
from tests.helpers import workbooks as wbs


def _check(tmp_path, sheets=None):
    return check(wbs.write(tmp_path / "hytetu.xlsx", sheets))


def test_a_misspelt_municipality_in_organisation_is_an_error_with_did_you_mean(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Osallistujat", 2, "Organisaatio", "Alajärvenkyä")
    data, problems = _check(tmp_path, sheets)
    assert data is None
    assert [str(p) for p in problems.errors] == [
        "Osallistujat!B3: organisaatio ”Alajärvenkyä” on melkein ”Alajärvenkylä”. "
        "Tarkoititko ”Alajärvenkylä”? Kirjoitusvirheen vuoksi henkilö jäisi pois kaikista "
        "asiakirjoista. Korjaa nimi; jos henkilö edustaa muuta organisaatiota, kirjoita sen "
        "koko nimi."
    ]


def test_a_misspelt_county_is_an_error_too(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Osallistujat", 7, "Organisaatio", "hyvinvointialu")
    data, problems = _check(tmp_path, sheets)
    assert data is None and "”Hyvinvointialue”" in str(problems.errors[0])


def test_an_open_workbook_warns_that_unsaved_changes_are_not_included(tmp_path):
    (tmp_path / "~$hytetu.xlsx").write_bytes(b"x")
    data, problems = _check(tmp_path)
    assert data is not None
    (warning,) = [w for w in problems.warnings if "lukitustiedosto" in str(w)]
    assert str(warning).startswith("~$hytetu.xlsx: työkirja hytetu.xlsx on auki")
    assert "tallenna ensin" in str(warning)


def test_a_libreoffice_lock_file_warns_too(tmp_path):
    (tmp_path / ".~lock.hytetu.xlsx#").write_bytes(b"x")
    _, problems = _check(tmp_path)
    assert any("Tallentamattomat muutokset" in str(w) for w in problems.warnings)


def _previous(value):
    def apply(sheets):
        sheets["Asetukset"].append(["Edellisen vuoden seurantataulukko", value])

    return apply


def test_a_windows_path_with_backslashes_is_understood(tmp_path):
    (tmp_path / "2026").mkdir()
    (tmp_path / "2026" / "seuranta.xlsx").write_bytes(b"x")
    sheets = wbs.base()
    _previous("..\\2026\\seuranta.xlsx")(sheets)
    _, problems = check(wbs.write(tmp_path / "2027" / "hytetu.xlsx", sheets))
    assert not any("ei löydy" in str(p) for p in problems.errors), problems.errors


def test_a_folder_where_a_file_belongs_says_so(tmp_path):
    (tmp_path / "2026").mkdir()
    sheets = wbs.base()
    _previous("2026")(sheets)
    _, problems = _check(tmp_path, sheets)
    (error,) = problems.errors
    assert "”2026” on kansio, ei tiedosto" in str(error)


def test_a_sub_folder_in_the_survey_answers_is_named(tmp_path):
    (tmp_path / "kyselyvastaukset" / "pikkula.xlsx").mkdir(parents=True)
    data, problems = _check(tmp_path)
    assert data is not None
    assert any(
        str(w).startswith("kyselyvastaukset/pikkula.xlsx: tämä on kansio")
        for w in problems.warnings
    )


def test_a_renamed_sheet_is_one_message(tmp_path):
    sheets = wbs.base()
    sheets["Osallistuja"] = sheets.pop("Osallistujat")
    _, problems = _check(tmp_path, sheets)
    assert [str(p) for p in problems.items] == [
        "Osallistujat: välilehti ”Osallistujat” puuttuu työkirjasta. Tarkoititko ”Osallistuja”? "
        "Lisää välilehti tai luo mallityökirja komennolla hytetu init."
    ]


def test_a_renamed_required_column_is_one_message(tmp_path):
    sheets = wbs.base()
    sheets["Osallistujat"][0][1] = "Organisatio"
    _, problems = _check(tmp_path, sheets)
    assert len(problems.items) == 1
    assert "pakollinen sarake ”Organisaatio” puuttuu" in str(problems.items[0])
