"""Every validation rule, asserted by the location and the Finnish message it reports."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.app import check
from tests.helpers import workbooks as wbs


def problems_of(tmp_path, sheets):
    data, problems = check(wbs.write(tmp_path / "t.xlsx", sheets))
    return data, problems


def test_base_workbook_is_valid(tmp_path):
    data, problems = problems_of(tmp_path, wbs.base())
    assert problems.errors == []
    assert data is not None
    assert [m.name for m in data.municipalities] == [
        "Alajärvenkylä",
        "Pikkula",
        "Bykulla",
        "Cedervik",
    ]
    north, coast = data.negotiations
    assert (
        north.date == dt.date(2027, 4, 14)
        and north.start == dt.time(9)
        and north.end == dt.time(11, 30)
    )
    assert (
        coast.date == dt.date(2027, 5, 5)
        and coast.start == dt.time(13)
        and coast.end == dt.time(15, 30)
    )
    assert data.languages_of(north) == ("fi",)
    assert data.languages_of(coast) == ("fi", "sv")
    assert data.settings.survey_deadline == dt.date(2027, 3, 5)
    by_name = {p.name: p for p in data.participants}
    assert by_name["Aino Aaltonen"].negotiations == ("pohjoinen",)
    assert by_name["Heikki Hva"].negotiations == ("pohjoinen", "rannikko")
    assert by_name["Bodil Ek"].elected and by_name["Cecilia Lund"].elected
    assert not by_name["Björn Berg"].elected
    assert by_name["Jaana Järjestö"].role == "asiantuntija"
    first, second = data.decisions
    assert first.id == "P-1"
    assert second.id.startswith("auto-") and second.deadline == dt.date(2027, 11, 15)


def _mutate(sheet, row, column, value):
    def apply(s):
        wbs.set_cell(s, sheet, row, column, value)

    return apply


def _drop_sheet(name):
    return lambda s: s.pop(name)


def _rename_header(sheet, old, new):
    def apply(s):
        header = s[sheet][0]
        header[header.index(old)] = new

    return apply


def _setting(name, value):
    def apply(s):
        for row in s["Asetukset"][1:]:
            if row[0] == name:
                row[1] = value
                return
        s["Asetukset"].append([name, value])

    return apply


def _append(sheet, row):
    return lambda s: s[sheet].append(row)


ERRORS = [
    ("missing sheet", _drop_sheet("Kunnat"), "Kunnat", "välilehti ”Kunnat” puuttuu"),
    (
        "missing column",
        _rename_header("Kunnat", "Palvelualue", "Palvelu alue x"),
        "Kunnat!F1",
        "pakollinen sarake ”Palvelualue” puuttuu",
    ),
    (
        "misspelt column gets a suggestion",
        _rename_header("Neuvottelut", "Päivämäärä", "Päivämärä"),
        "Neuvottelut!K1",
        "Tarkoititko ”Päivämärä”?",
    ),
    (
        "missing county",
        _setting("Hyvinvointialue", ""),
        "Asetukset!B2",
        "asetus ”Hyvinvointialue” puuttuu",
    ),
    ("bad year", _setting("Vuosi", "ensi vuosi"), "Asetukset!B4", "ei ole vuosiluku"),
    ("bad theme", _setting("Teema", "Liikunta"), "Asetukset!B5", "ei ole suunnitelman painopiste"),
    (
        "bad deadline",
        _setting("Ennakkotehtävien määräpäivä", "31.2.2027"),
        "Asetukset!B6",
        "ei ole olemassa",
    ),
    (
        "bad coordinator email",
        _setting("Koordinaattorin sähköposti", "kaisa(at)testila.fi"),
        "Asetukset!B9",
        "ei ole sähköpostiosoite",
    ),
    (
        "missing previous tracker",
        _setting("Edellisen vuoden seurantataulukko", "vanha/seuranta.xlsx"),
        "Asetukset!B13",
        "Edellisen vuoden seurantataulukko",
    ),
    (
        "duplicate municipality",
        _append("Kunnat", ["pikkula", "", "suomi", "Pohjoinen"]),
        "Kunnat!A6",
        "kunta ”pikkula” on jo solussa Kunnat!A3. Kunta saa esiintyä vain kerran.",  # review E1
    ),
    (
        "bad language",
        _mutate("Kunnat", 1, "Kieli", "englanti"),
        "Kunnat!C2",
        "ei ole sallittu kieli",
    ),
    (
        "missing language",
        _mutate("Kunnat", 1, "Kieli", ""),
        "Kunnat!C2",
        "sarake ”Kieli” on pakollinen",
    ),
    (
        "bad registry email",
        _mutate("Kunnat", 2, "Kirjaamon sähköposti", "kirjaamo@pikkula"),
        "Kunnat!E3",
        "ei ole sähköpostiosoite",
    ),
    (
        "service area without negotiation",
        _mutate("Kunnat", 2, "Palvelualue", "Itä"),
        "Kunnat!D3",
        "palvelualueelle ”Itä” ei ole neuvottelua",
    ),
    (
        "negotiation area with no municipalities",
        _mutate("Neuvottelut", 2, "Palvelualue", "Ranikko"),
        "Neuvottelut!B3",
        "Tarkoititko ”Rannikko”?",
    ),
    (
        "duplicate negotiation code",
        _mutate("Neuvottelut", 2, "Tunnus", "Pohjoinen"),
        "Neuvottelut!A3",
        "tunnus ”Pohjoinen” on jo käytössä",
    ),
    (
        "bad negotiation date",
        _mutate("Neuvottelut", 1, "Päivämäärä", "ensi keskiviikkona"),
        "Neuvottelut!C2",
        "ei ole päivämäärä",
    ),
    (
        "missing negotiation date",
        _mutate("Neuvottelut", 1, "Päivämäärä", ""),
        "Neuvottelut!C2",
        "sarake ”Päivämäärä” on pakollinen",
    ),
    (
        "bad time",
        _mutate("Neuvottelut", 1, "Alkaa", "aamulla"),
        "Neuvottelut!D2",
        "ei ole kellonaika",
    ),
    (
        "end as start",
        _mutate("Neuvottelut", 1, "Päättyy", "9.00"),
        "Neuvottelut!E2",
        "päättymisaika (klo 9.00) on sama kuin alkamisaika (klo 9.00). Korjaa kellonajat.",
    ),
    (
        "end before start",
        _mutate("Neuvottelut", 1, "Päättyy", "8.00"),
        "Neuvottelut!E2",
        "päättymisaika (klo 8.00) on aikaisempi kuin alkamisaika (klo 9.00)",
    ),
    (
        "bad negotiation language",
        _mutate("Neuvottelut", 1, "Kieli", "saame"),
        "Neuvottelut!J2",
        "ei ole sallittu kieli",
    ),
    (
        "participant without name",
        _mutate("Osallistujat", 1, "Nimi", ""),
        "Osallistujat!A2",
        "sarake ”Nimi” on pakollinen",
    ),
    (
        "participant unknown negotiation",
        _mutate("Osallistujat", 9, "Neuvottelut", "pohjoinen, ranikko"),
        "Osallistujat!H10",
        "neuvottelua ”ranikko” ei ole",
    ),
    (
        "bad role",
        _mutate("Osallistujat", 1, "Rooli", "pomo"),
        "Osallistujat!F2",
        "ei ole sallittu rooli",
    ),
    (
        "bad yes/no",
        _mutate("Osallistujat", 2, "Luottamushenkilö", "ehkä"),
        "Osallistujat!G3",
        "ei ole kyllä tai ei",
    ),
    (
        "bad participant email",
        _mutate("Osallistujat", 1, "Sähköposti", "aino@"),
        "Osallistujat!D2",
        "ei ole sähköpostiosoite",
    ),
    (
        "raised item unknown municipality",
        _mutate("Nostot", 1, "Kunta", "Alajärvi"),
        "Nostot!A2",
        "Tarkoititko ”Alajärvenkylä”?",
    ),
    (
        "raised item without topic",
        _mutate("Nostot", 1, "Aihe", ""),
        "Nostot!B2",
        "sarake ”Aihe” on pakollinen",
    ),
    (
        "decision unknown negotiation",
        _mutate("Päätökset", 1, "Neuvottelu", "pohjonen"),
        "Päätökset!B2",
        "Tarkoititko ”pohjoinen”?",
    ),
    (
        "decision municipality outside area",
        _mutate("Päätökset", 1, "Kunta", "Bykulla"),
        "Päätökset!D2",
        "Bykulla kuuluu palvelualueeseen ”Rannikko”",
    ),
    (
        "decision without text",
        _mutate("Päätökset", 1, "Päätös", ""),
        "Päätökset!E2",
        "sarake ”Päätös” on pakollinen",
    ),
    (
        "decision bad deadline",
        _mutate("Päätökset", 1, "Määräaika", "syksyllä"),
        "Päätökset!J2",
        "ei ole päivämäärä",
    ),
    (
        "duplicate decision id",
        _mutate("Päätökset", 2, "Tunnus", "p-1"),
        "Päätökset!A3",
        "tunnus ”p-1” on jo solussa Päätökset!A2. Jokaisella päätöksellä on oltava oma tunnus.",
    ),
    (
        "swedish county name missing",
        _setting("Hyvinvointialue ruotsiksi", ""),
        "Asetukset!B3",
        "osa asiakirjoista tehdään ruotsiksi",
    ),
    (
        "choice question without choices",
        lambda s: s.update(
            {
                "Kyselyn kysymykset": [
                    ["Nro", "Kysymys", "Vastaustyyppi", "Vaihtoehdot"],
                    [1, "Onko suunnitelma?", "valinta", ""],
                ]
            }
        ),
        "Kyselyn kysymykset!D2",
        "vähintään kaksi vaihtoehtoa",
    ),
    (
        "survey response unknown municipality",
        lambda s: s.update({"Ennakkokysely": [["ID", "Kunta", "Mitä?"], [1, "Tuntematon", "x"]]}),
        "Ennakkokysely!B2",
        "kuntaa ”Tuntematon” ei ole",
    ),
]


@pytest.mark.parametrize(
    "mutate,where,message", [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_each_rule_reports_sheet_cell_and_fix(tmp_path, mutate, where, message):
    sheets = wbs.base()
    mutate(sheets)
    data, problems = problems_of(tmp_path, sheets)
    assert data is None
    found = [str(p) for p in problems.errors if p.where == where]
    assert found, f"no error at {where}; got {[str(p) for p in problems.errors]}"
    assert any(message in f for f in found), found


WARNINGS = [
    (
        "no elected official in a municipality",
        _mutate("Osallistujat", 3, "Luottamushenkilö", "ei"),
        "Kunnat!A3",
        # review D1: the typed name is a label, never inflected
        "Pikkula: kunnan neuvottelukokoonpanossa ei ole luottamushenkilöä. Merkitse "
        "luottamushenkilö Osallistujat-välilehdelle (Luottamushenkilö = kyllä).",
    ),
    (
        "municipality without participants",
        _mutate("Osallistujat", 6, "Organisaatio", "Muu yhdistys"),
        "Kunnat!A5",
        "Cedervik: kunnalle ei ole merkitty yhtään osallistujaa.",  # review D2
    ),
    (
        "county without elected official",
        _mutate("Osallistujat", 8, "Luottamushenkilö", "ei"),
        "Neuvottelut!A2",
        "neuvottelu ”pohjoinen”: hyvinvointialueen neuvottelukokoonpanossa ei ole "
        "luottamushenkilöä.",  # review D9
    ),
    (
        "no chair",
        _mutate("Neuvottelut", 1, "Puheenjohtaja", ""),
        "Neuvottelut!H2",
        "ei ole nimetty puheenjohtajaa",
    ),
    (
        "no secretary",
        _mutate("Neuvottelut", 2, "Sihteeri", ""),
        "Neuvottelut!I3",
        "ei ole nimetty sihteeriä",
    ),
    (
        "negotiation outside april-may",
        _mutate("Neuvottelut", 1, "Päivämäärä", "2.9.2027"),
        "Neuvottelut!C2",
        "ei huhti–toukokuussa 2027",
    ),
    (
        "deadline before negotiation",
        _mutate("Päätökset", 1, "Määräaika", "1.4.2027"),
        "Päätökset!J2",
        "on ennen neuvottelua",
    ),
    (
        "unknown column",
        lambda s: s["Kunnat"][0].append("Asukasluku"),
        "Kunnat!F1",
        "tuntematon sarake ”Asukasluku”",
    ),
    (
        "organisation somewhat like a municipality",
        _mutate("Osallistujat", 4, "Organisaatio", "Bykulla kommun"),
        "Osallistujat!B5",
        "Tarkoititko ”Bykulla”?",
    ),
]


@pytest.mark.parametrize(
    "mutate,where,message", [w[1:] for w in WARNINGS], ids=[w[0] for w in WARNINGS]
)
def test_warnings_do_not_stop_the_build(tmp_path, mutate, where, message):
    sheets = wbs.base()
    mutate(sheets)
    data, problems = problems_of(tmp_path, sheets)
    assert problems.errors == [], [str(p) for p in problems.errors]
    assert data is not None
    found = [str(p) for p in problems.warnings if p.where == where]
    assert any(message in f for f in found), [str(p) for p in problems.warnings]


def test_all_problems_are_reported_at_once(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 1, "Kieli", "englanti")
    wbs.set_cell(sheets, "Neuvottelut", 1, "Alkaa", "aamulla")
    wbs.set_cell(sheets, "Päätökset", 1, "Neuvottelu", "xyz")
    _, problems = problems_of(tmp_path, sheets)
    assert {p.where for p in problems.errors} >= {"Kunnat!C2", "Neuvottelut!D2", "Päätökset!B2"}


def test_tolerant_headers_and_empty_rows(tmp_path):
    sheets = wbs.base()
    sheets["Kunnat"][0] = [
        "  KUNTA ",
        "kunta ruotsiksi",
        "kieli",
        " Palvelualue",
        "kirjaamon SÄHKÖPOSTI",
    ]
    # column order is free
    sheets["Nostot"] = [[r[1], r[0], *r[2:]] for r in sheets["Nostot"]]
    sheets["Osallistujat"].insert(3, [])
    sheets["Osallistujat"].insert(3, ["", "", ""])
    data, problems = problems_of(tmp_path, sheets)
    assert problems.errors == []
    assert len(data.municipalities) == 4
    assert [r.topic for r in data.raised] == ["Liikuntaneuvonta", "Motion för seniorer"]
    assert len(data.participants) == 9


def test_thousands_of_formatted_empty_trailing_rows(tmp_path):
    from openpyxl import load_workbook
    from openpyxl.styles import PatternFill

    path = wbs.write(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["Osallistujat"]
    for r in range(20, 5000):
        ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(path)
    data, problems = check(path)
    assert problems.errors == []
    assert len(data.participants) == 9


def test_excel_error_value_is_reported(tmp_path):
    from openpyxl import load_workbook

    path = wbs.write(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    wb["Kunnat"]["D3"].value = "#N/A"
    wb["Kunnat"]["D3"].data_type = "e"
    wb.save(path)
    _, problems = check(path)
    assert any(p.where == "Kunnat!D3" and "#N/A" in p.message for p in problems.errors)


def test_one_bad_date_gives_one_error_not_a_cascade(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Neuvottelut", 2, "Päivämäärä", "31.2.2027")
    _, problems = problems_of(tmp_path, sheets)
    assert [p.where for p in problems.errors] == ["Neuvottelut!C3"]
    assert not any("ei ole neuvottelua" in p.message for p in problems.items)
    assert not any("ei ole yhtään osallistujaa" in p.message for p in problems.items)


def test_unknown_agenda_item_is_a_warning(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Päätökset", 1, "Asiakohta", "Hyte-kertoin")
    wbs.set_cell(sheets, "Päätökset", 2, "Asiakohta", "Tema: Levnadsvanor")
    data, problems = problems_of(tmp_path, sheets)
    assert data is not None
    warned = [p for p in problems.warnings if p.where.startswith("Päätökset!C")]
    assert [p.where for p in warned] == ["Päätökset!C2"]
    assert "”Hyte-kertoin” ei tunnisteta" in warned[0].message


def test_a_date_typed_into_a_time_cell_is_an_error(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Neuvottelut", 1, "Alkaa", dt.datetime(2027, 4, 14, 9, 0))
    _, problems = problems_of(tmp_path, sheets)
    assert any(
        p.where == "Neuvottelut!D2" and "on päivämäärä, ei kellonaika" in p.message
        for p in problems.errors
    )


def test_municipality_name_without_letters_is_an_error(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 2, "Kunta", "???")
    _, problems = problems_of(tmp_path, sheets)
    assert any(
        p.where == "Kunnat!A3" and "ei saa tiedostonimeä" in p.message for p in problems.errors
    )


def test_county_by_its_swedish_name_and_ngo_in_any_case(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Osallistujat", 7, "Organisaatio", "testby välfärdsområde")
    wbs.set_cell(sheets, "Osallistujat", 9, "Organisaatio", "JÄRJESTÖNEUVOTTELUKUNTA")
    data, problems = problems_of(tmp_path, sheets)
    assert problems.errors == []
    by_name = {p.name: p for p in data.participants}
    assert by_name["Heikki Hva"].is_county
    assert by_name["Jaana Järjestö"].organisation == "Järjestöneuvottelukunta"


def test_decision_municipality_may_be_given_in_swedish(tmp_path):
    sheets = wbs.base()
    sheets["Päätökset"].append(
        ["P-9", "rannikko", "Teema", "Bykulla stad", "Sovitaan seniorien liikunnasta"]
    )
    data, problems = problems_of(tmp_path, sheets)
    assert problems.errors == [], [str(p) for p in problems.errors]
    assert data.decisions[-1].municipality == "Bykulla"


def test_a_question_named_like_a_survey_tool_column_is_an_error(tmp_path):
    sheets = wbs.base()
    sheets["Kyselyn kysymykset"] = [["Nro", "Kysymys"], [1, "Nimi"]]
    _, problems = problems_of(tmp_path, sheets)
    assert any(
        p.where == "Kyselyn kysymykset!B2" and "tietosarake" in p.message for p in problems.errors
    )


def test_an_optional_sheet_emptied_of_everything_counts_as_missing(tmp_path):
    sheets = wbs.base()
    sheets["Ilmiöt"] = []
    data, problems = problems_of(tmp_path, sheets)
    assert problems.errors == []
    assert "Ilmiöt" not in data.sheets_present and data.phenomena == ()
