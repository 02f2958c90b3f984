"""The build end to end: every document exists and carries the data it should."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.app import build
from pipeline.errors import InputError
from pipeline.output.archive_list import COLUMNS, read_archive_list
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of
from tests.helpers.docs import docx_text, header_footer_text, table_rows

NEGOTIATION_DOCS = ("kutsu", "asialista", "poytakirja")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    sheets = wbs.base()
    # hostile text, typed into cells that reach documents and the tracker
    sheets["Nostot"].append(
        ["Pikkula", "{{ 7*7 }} ja R&D <b>", "rivi yksi\nrivi kaksi", "=SUMMA(A1)", ""]
    )
    sheets["Päätökset"].append(
        [
            "P-3",
            "pohjoinen",
            "Teema",
            "Pikkula",
            "=SUMMA(A1)",
            "R&D <b>\ntoinen rivi",
            "{{ 7*7 }}",
            "{% if x %}",
            "",
            "1.12.2027",
            "",
        ]
    )
    return build_of(tmp, sheets)


def test_every_document_for_each_negotiation_and_language(built):
    paths = {o.path for o in built.outputs}
    expected = {
        f"{folder}/{doc}_{code}_{lang}.docx"
        for doc, folder in (
            ("kutsu", "2_valmistelu"),
            ("asialista", "2_valmistelu"),
            ("poytakirja", "3_neuvottelut"),
        )
        for code, langs in (("pohjoinen", ["fi"]), ("rannikko", ["fi", "sv"]))
        for lang in langs
    }
    assert expected <= paths
    assert "4_seuranta/seurantataulukko_2027.xlsx" in paths
    for path in paths:
        assert (built.target / path).is_file()
        assert path == path.lower() and " " not in path and path.isascii()
    assert built.target.name == "2027"


def test_invitation_dates_in_official_finnish_and_swedish(built):
    fi = docx_text(built.target / "2_valmistelu/kutsu_pohjoinen_fi.docx")
    assert "keskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30" in fi
    assert "Kaupungintalo" in fi and "https://meet.example.fi/pohjoinen" in fi
    assert "Alajärvenkylä" in fi and "Pikkula" in fi
    assert "Testilän hyvinvointialue" in fi + header_footer_text(
        built.target / "2_valmistelu/kutsu_pohjoinen_fi.docx"
    )
    for person in (
        "Aino Aaltonen",
        "Antti Virta",
        "Paula Pikkarainen",
        "Heikki Hva",
        "Jaana Järjestö",
    ):
        assert person in fi
    assert "Björn Berg" not in fi  # Bykulla negotiates on the coast
    assert "12. maaliskuuta 2027" in fi  # the pre-task deadline
    sv = docx_text(built.target / "2_valmistelu/kutsu_rannikko_sv.docx")
    assert "onsdagen den 5 maj 2027 kl. 13.00–15.30" in sv
    assert "Bykulla stad" in sv  # Swedish municipality names in Swedish documents
    assert "Testby välfärdsområde" in sv + header_footer_text(
        built.target / "2_valmistelu/kutsu_rannikko_sv.docx"
    )
    assert "Björn Berg" in sv and "Bodil Ek" in sv


def test_agenda_has_fixed_items_and_raised_items(built):
    text = docx_text(built.target / "2_valmistelu/asialista_pohjoinen_fi.docx")
    order = [
        "1 Neuvottelun avaus ja osallistujat",
        "2 Alueellinen hyvinvointi- ja turvallisuussuunnitelma",
        "3 Hyte-kerroin",
        "4 Teema: Elintavat",
        "5 Jatkotoimet ja seuranta",
        "6 Neuvottelun päättäminen",
    ]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)
    rows = table_rows(built.target / "2_valmistelu/asialista_pohjoinen_fi.docx")
    assert any("Alajärvenkylä" in r and "Liikuntaneuvonta" in r for r in rows)
    assert "Motion för seniorer" not in text  # Bykulla's item belongs to the coast
    sv = docx_text(built.target / "2_valmistelu/asialista_rannikko_sv.docx")
    assert "4 Tema: Levnadsvanor" in sv and "Motion för seniorer" in sv


def test_minutes_final_with_decisions_draft_without(built):
    final = docx_text(built.target / "3_neuvottelut/poytakirja_pohjoinen_fi.docx")
    rows = table_rows(built.target / "3_neuvottelut/poytakirja_pohjoinen_fi.docx")
    decision = next(r for r in rows if "Liikuntaneuvonnan palvelupolku sovitaan" in r)
    # follow-up with its responsible, forum with its monitor: one cell each (issue 15)
    assert decision == [
        "Alajärvenkylä",
        "Liikuntaneuvonnan palvelupolku sovitaan",
        "Kuvataan palvelupolku\nHyvinvointialue",
        "Elintapaverkosto\nHyte-koordinaattori",
        "31.10.2027",
    ]
    coefficient = next(r for r in rows if "Kerroinindikaattorit käydään läpi yhdessä" in r)
    assert "Koko palvelualue" in coefficient and "15.11.2027" in coefficient
    # the coefficient decision sits under item 3, the theme decision under item 4 (§-numbered)
    assert (
        final.index("3 § Hyte-kerroin")
        < final.index("Kerroinindikaattorit")
        < final.index("4 § Teema")
    )
    assert final.index("4 § Teema") < final.index("Liikuntaneuvonnan palvelupolku")
    assert "Pia Puheenjohtaja" in final and "Sami Sihteeri" in final
    by_path = {o.path: o for o in built.outputs}
    assert by_path["3_neuvottelut/poytakirja_pohjoinen_fi.docx"].status == "valmis"
    assert by_path["3_neuvottelut/poytakirja_rannikko_fi.docx"].status == "luonnos"
    assert by_path["3_neuvottelut/poytakirja_rannikko_sv.docx"].status == "luonnos"
    draft = docx_text(built.target / "3_neuvottelut/poytakirja_rannikko_fi.docx")
    assert "luonnos" in draft.lower()


def test_hostile_text_reaches_documents_verbatim(built):
    agenda = docx_text(built.target / "2_valmistelu/asialista_pohjoinen_fi.docx")
    assert "{{ 7*7 }} ja R&D <b>" in agenda
    assert "rivi yksi\nrivi kaksi" in agenda
    assert "=SUMMA(A1)" in agenda
    minutes = docx_text(built.target / "3_neuvottelut/poytakirja_pohjoinen_fi.docx")
    assert "R&D <b>\ntoinen rivi" in minutes
    assert "{{ 7*7 }}" in minutes and "{% if x %}" in minutes
    assert "49" not in minutes


def test_tracker_rows_dropdown_and_formatting(built):
    wb = load_workbook(built.target / "4_seuranta/seurantataulukko_2027.xlsx")
    ws = wb["Seuranta"]
    header = [c.value for c in ws[1]]
    for name in wbs.SPEC_TRACKER_COLUMNS:
        assert name in header
    rows = [
        dict(zip(header, (c.value for c in row), strict=False))
        for row in ws.iter_rows(min_row=2)
        if row[0].value
    ]
    assert rows[0]["Tunnus"] == "P-1" and len(rows) == 3
    assert all(r["Tila"] == "Ei aloitettu" for r in rows)
    hostile = next(r for r in rows if r["Tunnus"] == "P-3")
    assert hostile["Päätös"] == "=SUMMA(A1)"
    cell = ws.cell(row=4, column=header.index("Päätös") + 1)
    assert cell.data_type == "s"  # text, never a formula
    assert hostile["Jatkotoimi"] == "R&D <b>\ntoinen rivi"
    assert hostile["Vastuutaho"] == "{{ 7*7 }}"
    assert hostile["Määräaika"].date().isoformat() == "2027-12-01"
    validations = ws.data_validations.dataValidation
    tila = next(v for v in validations if v.type == "list")
    assert "Ei aloitettu,Käynnissä,Valmis,Viivästynyt,Peruttu" in tila.formula1
    assert "L2" in str(tila.sqref)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in r.formula[0] for r in rules)
    assert "Yhteenveto" in wb.sheetnames


def test_archive_list_matches_files(built):
    raw = (built.target / "arkistoluettelo.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header == ";".join(COLUMNS)
    rows = read_archive_list(raw)
    on_disk = sorted(
        str(p.relative_to(built.target))
        for p in built.target.rglob("*")
        if p.is_file() and p.name != "arkistoluettelo.csv"
    )
    assert sorted(r["tiedosto"] for r in rows) == on_disk
    for r in rows:
        content = (built.target / r["tiedosto"]).read_bytes()
        assert r["sha256"] == hashlib.sha256(content).hexdigest()
        assert int(r["koko"]) == len(content)
        assert r["julkisuusluokka"] == "Julkinen"
        assert r["tehtavaluokka"] == "00.01.02" and r["sailytysaika"] == "pysyvä"
        assert r["laatija"] == "Kaisa Koordinaattori"
        assert r["tila"] in ("luonnos", "valmis")
    kutsu = next(r for r in rows if r["tiedosto"] == "2_valmistelu/kutsu_rannikko_sv.docx")
    assert (
        kutsu["asiakirjatyyppi"],
        kutsu["neuvottelu"],
        kutsu["kieli"],
        kutsu["henkilotietoja"],
    ) == ("kutsu", "rannikko", "sv", "kyllä")


def test_errors_write_nothing(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 1, "Kieli", "englanti")
    workbook = wbs.write(tmp_path / "bad.xlsx", sheets)
    with pytest.raises(InputError):
        build(workbook, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_rebuild_replaces_the_year_folder_atomically(tmp_path):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    second = build(workbook, tmp_path / "out")
    assert first.target == second.target
    leftovers = [p.name for p in (tmp_path / "out").iterdir()]
    assert leftovers == ["2027"]
    assert isinstance(second.target, Path)
