"""Rebuilds keep what was sent and what people edited (SPEC §3 "Document dates and rebuilds").

* every document carries the date of what it is, in the document and in ``laadittu``;
* a rebuild of the unchanged workbook with a later build date changes no file at all;
* a new decision changes only the documents that show it, the old versions are backed up,
  and the build report names them;
* a hand-edited file never blocks the build and is never overwritten unless asked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.output.archive_list import read_archive_list
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text

FEB = str(int(dt.datetime(2027, 2, 3, tzinfo=dt.UTC).timestamp()))
JUNE = str(int(dt.datetime(2027, 6, 10, tzinfo=dt.UTC).timestamp()))
AUGUST = str(int(dt.datetime(2027, 8, 20, tzinfo=dt.UTC).timestamp()))
MINUTES = "3_neuvottelut/poytakirja_pohjoinen_fi.docx"
BACKUPS = ("out", "varmuuskopiot", "2027")


def _sheets(*, new_decision: bool = False) -> dict[str, list[wbs.Row]]:
    sheets = wbs.base()
    sheets["Neuvottelut"][0].append("Kutsun päivämäärä")
    wbs.set_cell(sheets, "Neuvottelut", 1, "Kutsun päivämäärä", dt.date(2027, 3, 1))
    if new_decision:
        row = list(sheets["Päätökset"][1])
        row[0] = "P-2"
        row[4] = "Seniorien liikuntaryhmät laajennetaan kaikkiin kuntiin"
        sheets["Päätökset"].append(row)
    return sheets


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, *args: str) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    workbook = tmp_path / "hytetu.xlsx"
    result = CliRunner().invoke(
        main, ["build", str(workbook), "--out", str(tmp_path / "out"), *args]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _listed(tmp_path: Path) -> dict[str, dict[str, str]]:
    data = (tmp_path / "out" / "2027" / "arkistoluettelo.csv").read_bytes()
    return {r["tiedosto"]: r for r in read_archive_list(data)}


def test_dates_and_a_rebuild_that_keeps_every_unchanged_file(tmp_path, monkeypatch):
    wbs.write(tmp_path / "hytetu.xlsx", _sheets())
    _build(tmp_path, monkeypatch, FEB)
    year = tmp_path / "out" / "2027"
    listed = _listed(tmp_path)
    # each document carries the date of what it is, in the text and in the archive list
    dated = {
        "2_valmistelu/kutsu_pohjoinen_fi.docx": "1.3.2027",  # Kutsun päivämäärä
        "2_valmistelu/asialista_pohjoinen_fi.docx": "1.3.2027",
        "2_valmistelu/ennakkomateriaali_pohjoinen_fi.docx": "1.3.2027",
        "2_valmistelu/kutsu_rannikko_fi.docx": "3.2.2027",  # no Kutsun päivämäärä: build date
        "1_ennakko/ennakkotehtava_kunnat_fi.docx": "3.2.2027",
    }
    for rel, shown in dated.items():
        assert shown in docx_text(year / rel).splitlines()[0], rel
        day, month, y = (int(x) for x in shown.split("."))
        assert listed[rel]["laadittu"] == dt.date(y, month, day).isoformat(), rel
    assert listed["4_seuranta/seurantataulukko_2027.xlsx"]["laadittu"] == "2027-02-03"
    # the minutes: the negotiation's date, in the archive list and the document's properties
    assert listed[MINUTES]["laadittu"] == "2027-04-14"
    assert "14. huhtikuuta 2027" in docx_text(year / MINUTES)
    created = docx.Document(str(year / MINUTES)).core_properties.created
    assert created is not None and created.date() == dt.date(2027, 4, 14)

    before = _tree(tmp_path / "out")
    # every kind of file the build makes is in the comparison
    assert {Path(p).suffix for p in before} >= {".docx", ".xlsx", ".ics", ".eml", ".csv"}
    output = _build(tmp_path, monkeypatch, JUNE)
    assert _tree(tmp_path / "out") == before  # every file, the archive list included
    assert "Ei muuttuneita tiedostoja: edellisen ajon tiedostot säilyivät ennallaan." in output

    # a new decision for pohjoinen: only what shows decisions changes, old versions backed up
    wbs.write(tmp_path / "hytetu.xlsx", _sheets(new_decision=True))
    output = _build(tmp_path, monkeypatch, AUGUST)
    after = _tree(year)
    old = {k.removeprefix("2027/"): v for k, v in before.items() if k.startswith("2027/")}
    changed = sorted(rel for rel in after if after[rel] != old.get(rel))
    assert changed == [
        MINUTES,
        "4_seuranta/seurantalomake_alajarvenkyla_fi.xlsx",
        "4_seuranta/seurantataulukko_2027.xlsx",
        "4_seuranta/tiedote_fi.docx",
        "4_seuranta/tiedote_sv.docx",
        "4_seuranta/yhteenveto_2027_fi.docx",
        "4_seuranta/yhteenveto_2027_sv.docx",
        "arkistoluettelo.csv",
        "viestit/poytakirja_pohjoinen_fi.eml",
    ]
    assert "Seniorien liikuntaryhmät" in docx_text(year / MINUTES)
    backups = tmp_path.joinpath(*BACKUPS)
    documents = [rel for rel in changed if rel != "arkistoluettelo.csv"]
    for rel in documents:
        stem, suffix = rel.rsplit(".", 1)
        sha = hashlib.sha256(old[rel]).hexdigest()
        assert (backups / f"{stem}_{sha[:8]}.{suffix}").read_bytes() == old[rel], rel
    lines = output.splitlines()
    start = lines.index(f"Muuttui 8 tiedostoa (edelliset versiot kansiossa {backups}):")
    assert lines[start + 1 : start + 9] == [f"  {rel}" for rel in documents]
    # the minutes' date did not move with the build date; the unchanged invitation kept its own
    listed = _listed(tmp_path)
    assert listed[MINUTES]["laadittu"] == "2027-04-14"
    assert listed["2_valmistelu/kutsu_rannikko_fi.docx"]["laadittu"] == "2027-02-03"
    assert listed["4_seuranta/yhteenveto_2027_fi.docx"]["laadittu"] == "2027-08-20"
    assert not (tmp_path / "out" / ".hytetu-kesken").exists()


def test_hand_edited_minutes_stay_the_record_until_replaced(tmp_path, monkeypatch):
    wbs.write(tmp_path / "hytetu.xlsx", _sheets())
    _build(tmp_path, monkeypatch, FEB)
    minutes = tmp_path / "out" / "2027" / MINUTES
    edited = docx.Document(str(minutes))
    edited.add_paragraph("Pöytäkirjaan lisätty korjaus kokouksen jälkeen.")
    edited.save(str(minutes))
    edited_bytes = minutes.read_bytes()

    wbs.write(tmp_path / "hytetu.xlsx", _sheets(new_decision=True))
    output = _build(tmp_path, monkeypatch, JUNE)
    assert minutes.read_bytes() == edited_bytes  # untouched
    row = _listed(tmp_path)[MINUTES]
    assert row["sha256"] == hashlib.sha256(edited_bytes).hexdigest()
    assert row["koko"] == str(len(edited_bytes))
    warnings = [line for line in output.splitlines() if "muokattu käsin" in line]
    assert warnings == [
        f"Varoitus – {minutes}: tiedostoa on muokattu käsin edellisen ajon jälkeen, joten se "
        "säilytettiin sellaisenaan asiakirjana eikä sitä korvattu; arkistoluettelossa on sen "
        "nykyinen tarkistussumma ja koko. Työkirjassa on nyt tietoja, joita tiedostossa ei ole "
        "(esimerkiksi uusia päätöksiä): lisää ne tiedostoon käsin, tai aja komento valitsimella "
        "--replace-edited, jolloin tiedosto tehdään uudelleen työkirjasta ja käsin muokattu "
        "versio tallennetaan varmuuskopioksi."
    ]
    # the next build still knows it is a hand edit: kept, warned, nothing changed
    before = _tree(tmp_path / "out")
    output = _build(tmp_path, monkeypatch, AUGUST)
    assert _tree(tmp_path / "out") == before
    assert sum("muokattu käsin" in line for line in output.splitlines()) == 1

    output = _build(tmp_path, monkeypatch, AUGUST, "--replace-edited")
    assert f"Korvattu käsin muokattu tiedosto: {MINUTES}" in output
    assert "Seniorien liikuntaryhmät" in docx_text(minutes)
    sha = hashlib.sha256(edited_bytes).hexdigest()
    copy = tmp_path.joinpath(*BACKUPS, "3_neuvottelut", f"poytakirja_pohjoinen_fi_{sha[:8]}.docx")
    assert copy.read_bytes() == edited_bytes
    assert _listed(tmp_path)[MINUTES]["sha256"] == hashlib.sha256(minutes.read_bytes()).hexdigest()
    output = _build(tmp_path, monkeypatch, AUGUST)
    assert "muokattu käsin" not in output
