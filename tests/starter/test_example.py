"""The example workbook (`input/hytetu.xlsx`): consistent, realistic, reproducible."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from pipeline.contract import schema
from pipeline.errors import OutputProblem
from pipeline.output import office
from pipeline.starter.example import write_example
from tests.helpers.office import soffice_or_skip

COMMITTED = Path(__file__).resolve().parents[2] / "input" / "hytetu.xlsx"


@pytest.fixture(scope="module")
def example_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "hytetu.xlsx"
    write_example(path)
    return path


@pytest.fixture(scope="module")
def wb(example_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(example_path)


def records(wb: openpyxl.Workbook, sheet: str) -> list[dict[str, object]]:
    """The sheet's data rows as dicts keyed by header, empty rows skipped."""
    rows = list(wb[sheet].iter_rows(values_only=True))
    head = [str(h) if h is not None else None for h in rows[0]]
    out = []
    for row in rows[1:]:
        if any(v is not None for v in row):
            out.append({h: v for h, v in zip(head, row, strict=True) if h is not None})
    return out


def split_list(value: object) -> list[str]:
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


@pytest.fixture(scope="module")
def municipalities(wb: openpyxl.Workbook) -> dict[str, dict[str, object]]:
    return {str(r["Kunta"]): r for r in records(wb, schema.SHEET_MUNICIPALITIES)}


@pytest.fixture(scope="module")
def negotiations(wb: openpyxl.Workbook) -> dict[str, dict[str, object]]:
    return {str(r["Tunnus"]): r for r in records(wb, schema.SHEET_NEGOTIATIONS)}


def test_headers_follow_the_schema(wb: openpyxl.Workbook) -> None:
    assert wb.sheetnames == [schema.SHEET_INSTRUCTIONS] + [s.name for s in schema.SHEETS]
    for spec in schema.SHEETS:
        head = [c.value for c in wb[spec.name][1] if c.value is not None]
        if spec.open_columns:
            assert {c.name for c in spec.columns} <= set(head)
        else:
            assert head == [c.name for c in spec.columns]


def test_settings(wb: openpyxl.Workbook) -> None:
    settings = {r["Asetus"]: r.get("Arvo") for r in records(wb, schema.SHEET_SETTINGS)}
    assert settings["Hyvinvointialue"] == "Rannikon hyvinvointialue"
    assert settings["Hyvinvointialue ruotsiksi"] == "Kustens välfärdsområde"
    assert settings["Vuosi"] == 2027
    assert settings["Teema"] in schema.THEMES_FI
    assert settings["Ennakkotehtävien määräpäivä"] == dt.datetime(2027, 3, 12)
    assert settings["Ennakkokyselyn määräpäivä"] == dt.datetime(2027, 3, 5)
    assert settings["Säilytysaika"] == "pysyvä"
    for name, required, _help in schema.SETTINGS:
        if required:
            assert settings.get(name) not in (None, ""), name


def test_twelve_municipalities_in_three_service_areas(
    municipalities: dict[str, dict[str, object]], wb: openpyxl.Workbook
) -> None:
    rows = records(wb, schema.SHEET_MUNICIPALITIES)
    assert len(rows) == len(municipalities) == 12
    areas = defaultdict(list)
    for m in municipalities.values():
        assert m["Kieli"] in schema.LANGUAGE_CHOICES
        if m["Kieli"] != "suomi":
            assert m["Kunta ruotsiksi"], m["Kunta"]
        assert "@" in str(m["Kirjaamon sähköposti"])
        areas[m["Palvelualue"]].append(m["Kieli"])
    assert len(areas) == 3
    swedish_majority = [a for a, langs in areas.items() if set(langs) == {"ruotsi-suomi"}]
    assert swedish_majority == ["Saaristo"]
    languages = [m["Kieli"] for m in municipalities.values()]
    assert "suomi-ruotsi" in languages
    assert languages.count("suomi") > len(languages) / 2


def test_each_service_area_has_exactly_one_negotiation(
    municipalities: dict[str, dict[str, object]], negotiations: dict[str, dict[str, object]]
) -> None:
    areas = sorted({str(m["Palvelualue"]) for m in municipalities.values()})
    assert sorted(str(n["Palvelualue"]) for n in negotiations.values()) == areas
    assert set(negotiations) == {"pohjoinen", "etela", "saaristo"}
    times = []
    for n in negotiations.values():
        day = n["Päivämäärä"]
        assert isinstance(day, dt.datetime)  # a real Excel date
        assert day.year == 2027
        assert day.month in (4, 5)
        assert day.weekday() < 5
        assert str(n["Etäyhteys"]).startswith("https://")
        for field in ("Puheenjohtaja", "Sihteeri", "Paikka"):
            assert n[field], field
        times += [n["Alkaa"], n["Päättyy"]]
    assert any(isinstance(t, dt.time) for t in times)
    assert any(isinstance(t, str) and t.startswith("klo ") for t in times)


def test_participants(
    wb: openpyxl.Workbook,
    municipalities: dict[str, dict[str, object]],
    negotiations: dict[str, dict[str, object]],
) -> None:
    people = records(wb, schema.SHEET_PARTICIPANTS)
    assert 40 <= len(people) <= 50
    elected: dict[str, bool] = dict.fromkeys(municipalities, False)
    per_municipality: dict[str, int] = defaultdict(int)
    for p in people:
        org = str(p["Organisaatio"])
        assert p["Nimi"]
        assert p.get("Rooli") is None or p["Rooli"] in schema.ROLES
        assert p.get("Luottamushenkilö") in (None, "kyllä", "ei")
        tokens = split_list(p.get("Neuvottelut"))
        assert tokens == ["kaikki"] or set(tokens) <= set(negotiations), p
        if org in municipalities:
            per_municipality[org] += 1
            elected[org] |= p.get("Luottamushenkilö") == "kyllä"
    assert all(2 <= per_municipality[m] <= 4 for m in municipalities)
    assert [m for m, has in elected.items() if not has] == ["Kuusiniemi"]
    county = [p for p in people if p["Organisaatio"] == schema.ORG_COUNTY]
    assert any(p["Luottamushenkilö"] == "kyllä" and p["Neuvottelut"] == "kaikki" for p in county)
    assert any(p["Organisaatio"] == schema.ORG_NGO and p["Neuvottelut"] == "kaikki" for p in people)
    assert any(len(split_list(p.get("Neuvottelut"))) > 1 for p in people)
    assert {p["Rooli"] for p in people if p.get("Rooli")} == set(schema.ROLES)


def test_questions_and_survey_export(
    wb: openpyxl.Workbook, municipalities: dict[str, dict[str, object]]
) -> None:
    questions = records(wb, schema.SHEET_QUESTIONS)
    assert len(questions) == 5
    assert {q["Vastaustyyppi"] for q in questions} == set(schema.ANSWER_TYPES)
    head = [c.value for c in wb[schema.SHEET_RESPONSES][1] if c.value is not None]
    for meta in ("ID", "Aloitusaika", "Valmistumisaika", "Sähköposti", "Nimi", "Kunta"):
        assert meta in head
    assert [h for h in head if h not in schema.SURVEY_METADATA and h != "Kunta"] == [
        q["Kysymys"] for q in questions
    ]
    responses = records(wb, schema.SHEET_RESPONSES)
    assert len(responses) == 8
    assert len({r["Kunta"] for r in responses}) == 8
    for r in responses:
        assert r["Kunta"] in municipalities
        assert isinstance(r["Aloitusaika"], dt.datetime)
        for q in questions:
            answer = r[q["Kysymys"]]
            if q["Vastaustyyppi"] == "kyllä/ei":
                assert answer in ("kyllä", "ei")
            elif q["Vastaustyyppi"] == "valinta":
                options = [o.strip() for o in str(q["Vaihtoehdot"]).split(";")]
                assert len(options) >= 3
                assert answer in options
            else:
                assert answer


def test_phenomena(wb: openpyxl.Workbook) -> None:
    rows = records(wb, schema.SHEET_PHENOMENA)
    assert len(rows) == 5
    assert {r["Neuvotteluun"] for r in rows} == {"kyllä", "ei"}


def test_raised_items(wb: openpyxl.Workbook, municipalities: dict[str, dict[str, object]]) -> None:
    items = records(wb, schema.SHEET_RAISED)
    assert 12 <= len(items) <= 18
    assert all(i["Kunta"] in municipalities and i["Aihe"] for i in items)
    assert len({i["Kunta"] for i in items}) > len(municipalities) / 2
    texts = [str(v) for i in items for v in i.values() if v]
    assert any("\n" in t for t in texts)
    assert "Koulut & nuorisotyö" in texts


def test_decisions_for_exactly_two_negotiations(
    wb: openpyxl.Workbook,
    municipalities: dict[str, dict[str, object]],
    negotiations: dict[str, dict[str, object]],
) -> None:
    decisions = records(wb, schema.SHEET_DECISIONS)
    assert 8 <= len(decisions) <= 12
    assert {d["Neuvottelu"] for d in decisions} == {"pohjoinen", "etela"}
    ids = [d["Tunnus"] for d in decisions if d.get("Tunnus")]
    assert ids
    assert len(ids) < len(decisions)
    assert len(set(ids)) == len(ids)
    assert any(d.get("Kunta") is None for d in decisions)
    for d in decisions:
        area = negotiations[str(d["Neuvottelu"])]["Palvelualue"]
        if d.get("Kunta") is not None:
            assert municipalities[str(d["Kunta"])]["Palvelualue"] == area
        assert d["Asiakohta"] in schema.AGENDA_ITEMS_FI
        for field in ("Päätös", "Jatkotoimi", "Vastuutaho", "Yhteistyöfoorumi", "Seurantavastuu"):
            assert d[field], (d["Päätös"], field)
        assert isinstance(d["Määräaika"], dt.datetime)


#: texts of a twin column that have no twin: municipality names and the fixed organisations
def _untwinned(municipalities: dict[str, dict[str, object]]) -> set[str]:
    return {schema.ORG_COUNTY, schema.ORG_NGO} | set(municipalities)


def test_every_twin_column_is_filled_in_swedish(
    wb: openpyxl.Workbook, municipalities: dict[str, dict[str, object]]
) -> None:
    untwinned = _untwinned(municipalities)
    filled = 0
    for sheet, columns in schema.SWEDISH_TWINS.items():
        for row in records(wb, sheet):
            for column in columns:
                text, twin = row[column], row[schema.sv_column(column)]
                if not isinstance(text, str) or text in untwinned:
                    assert twin is None, (sheet, column, text)
                    continue
                assert isinstance(twin, str) and twin.strip(), (sheet, column, text)
                assert twin != text, (sheet, column, text)
                assert text.count("\n") == twin.count("\n"), (sheet, column, text)
                filled += 1
    assert filled == 175  # every twin-column text of the example, Pohjoinen's included


def test_swedish_texts_are_consistent(wb: openpyxl.Workbook) -> None:
    """The same Finnish text always gets the same Swedish text; choices map by position."""
    seen: dict[str, str] = {}
    for sheet, columns in schema.SWEDISH_TWINS.items():
        for row in records(wb, sheet):
            for column in columns:
                text, twin = row[column], row[schema.sv_column(column)]
                if isinstance(text, str) and isinstance(twin, str):
                    assert seen.setdefault(text, twin) == twin, text
    for row in records(wb, schema.SHEET_QUESTIONS):
        fi, sv = row["Vaihtoehdot"], row["Vaihtoehdot ruotsiksi"]
        assert (fi is None) == (sv is None)
        if isinstance(fi, str) and isinstance(sv, str):
            assert len(sv.split(";")) == len(fi.split(";"))
    assert seen["Saaristo"] == "Skärgården"
    assert seen["hytetu-koordinaattori"] == "hytetu-koordinator"
    assert seen["Ehkäisevän päihdetyön työryhmä"] == (
        "Arbetsgruppen för förebyggande rusmedelsarbete"
    )


def test_text_that_looks_like_a_formula_is_stored_as_text(wb: openpyxl.Workbook) -> None:
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    assert cell.data_type == "s", f"{ws.title}!{cell.coordinate}"


def test_core_properties_are_fixed(wb: openpyxl.Workbook) -> None:
    assert wb.properties.created == dt.datetime(2027, 1, 15, 9, 0)
    assert wb.properties.modified == dt.datetime(2027, 1, 15, 9, 0)
    assert wb.properties.creator == "Hanna Lehtinen"


def test_regenerating_gives_the_same_bytes(example_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    write_example(again)
    assert again.read_bytes() == example_path.read_bytes()


def test_committed_example_matches_the_code(wb: openpyxl.Workbook) -> None:
    assert COMMITTED.is_file(), "input/hytetu.xlsx is missing: regenerate it with write_example"
    committed = openpyxl.load_workbook(COMMITTED)
    assert committed.sheetnames == wb.sheetnames
    for ws in wb:
        fresh = [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]
        stored = [[(c.value, c.data_type) for c in row] for row in committed[ws.title].iter_rows()]
        assert stored == fresh, f"input/hytetu.xlsx sheet {ws.title} differs: regenerate it"


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "hytetu.xlsx"
    path.write_bytes(b"vanha")
    with pytest.raises(OutputProblem, match="on jo olemassa"):
        write_example(path)
    assert path.read_bytes() == b"vanha"


@pytest.mark.libreoffice
def test_libreoffice_opens_the_example(example_path: Path, tmp_path: Path) -> None:
    soffice_or_skip()
    done, log = office.convert([example_path], "csv", tmp_path / "csv", timeout=120)
    assert example_path in done, log
    # the first sheet, the instructions, names every sheet of the workbook
    assert "Asetukset" in done[example_path].read_text(encoding="utf-8", errors="replace")
