"""Phase 1 and 4 Word documents: pre-tasks, pre-materials, press release, annual summary."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from pipeline.app import build
from pipeline.documents.chart import CHART_PART
from pipeline.output.archive_list import read_archive_list
from pipeline.output.reproducible import normalize_xlsx
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of
from tests.helpers.docs import docx_text, header_footer_text, table_rows
from tests.helpers.office import soffice_or_skip
from tests.helpers.tools import tool_or_skip

#: 1.9.2027: after the pre-task deadlines, before the register's deadlines (31.10., 15.11.)
SEPT_2027 = str(int(dt.datetime(2027, 9, 1, tzinfo=dt.UTC).timestamp()))
#: 1.12.2027: after every deadline of the register
DEC_2027 = str(int(dt.datetime(2027, 12, 1, tzinfo=dt.UTC).timestamp()))

PHENOMENA = [
    ["Ilmiö", "Kuvaus", "Neuvotteluun"],
    ["Nuorten liikkumattomuus", "Liikunta vähenee yläkoulussa", "kyllä"],
    ["Ikääntyneiden ravitsemus", "Kotona asuvien aliravitsemus", "k"],
    ["Näyttöpäätteet", "Ruutuaika kasvaa", "ei"],
]
QUESTIONS = [
    ["Nro", "Kysymys", "Vastaustyyppi", "Vaihtoehdot"],
    [1, "Onko kunnassa liikuntaneuvontaa?", "kyllä/ei", ""],
    [2, "Mitä toivotte hyvinvointialueelta?", "teksti", ""],
]
RESPONSES = [
    ["Kunta", "Onko kunnassa liikuntaneuvontaa?", "Mitä toivotte hyvinvointialueelta?"],
    ["Pikkula", "ei", "Yhteistä neuvontaa & <tukea>"],
]


def full_sheets() -> dict:
    sheets = wbs.base()
    sheets["Ilmiöt"] = [list(r) for r in PHENOMENA]
    sheets["Kyselyn kysymykset"] = [list(r) for r in QUESTIONS]
    sheets["Ennakkokysely"] = [list(r) for r in RESPONSES]
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("phase")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", DEC_2027)
    try:
        result = build_of(tmp, full_sheets())
    finally:
        mp.undo()
    return {o.path: o for o in result.outputs}, result


def doc(built, path: str) -> bytes:
    return built[0][path].content


# ------------------------------------------------------------------ ennakkotehtava

AUDIENCE_TEXT = {
    ("kunnat", "fi"): "Kunta valmistelee neuvotteluun tiiviin, teeman mukaisen esityksen",
    ("sote", "fi"): "Sosiaali- ja terveyspalvelut valmistelevat",
    ("jarjestot", "fi"): "Järjestöneuvottelukunta valmistelee",
    ("kunnat", "sv"): "Kommunen förbereder inför förhandlingen en kort presentation",
    ("sote", "sv"): "Social- och hälsovårdstjänsterna förbereder",
    ("jarjestot", "sv"): "Organisationsdelegationen förbereder",
}


@pytest.mark.parametrize(("audience", "lang"), list(AUDIENCE_TEXT))
def test_pretask_per_audience_and_language(built, audience, lang):
    path = f"1_ennakko/ennakkotehtava_{audience}_{lang}.docx"
    content = doc(built, path)
    text = docx_text(content)
    assert AUDIENCE_TEXT[audience, lang] in text
    others = [v for (a, lg), v in AUDIENCE_TEXT.items() if lg == lang and a != audience]
    assert not any(o in text for o in others)
    assert ("hyte-kerroin" if lang == "fi" else "hyte-koefficienten") in text
    # phenomena marked for the negotiation in the table, the others as background
    rows = table_rows(content)
    assert ["Nuorten liikkumattomuus", "Liikunta vähenee yläkoulussa"] in rows
    assert ["Ikääntyneiden ravitsemus", "Kotona asuvien aliravitsemus"] in rows
    assert not any("Näyttöpäätteet" in cell for row in rows for cell in row)
    assert "Näyttöpäätteet: Ruutuaika kasvaa" in text
    # deadlines in official form; the survey deadline only for municipalities
    pretask = {"fi": "perjantaina 12. maaliskuuta 2027", "sv": "fredagen den 12 mars 2027"}[lang]
    survey = {"fi": "perjantaina 5. maaliskuuta 2027", "sv": "fredagen den 5 mars 2027"}[lang]
    assert pretask in text
    assert (survey in text) == (audience == "kunnat")
    # the schedule and the coordinator
    when = {
        "fi": "keskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30",
        "sv": "onsdagen den 14 april 2027 kl. 9.00–11.30",
    }[lang]
    assert any(row[:2] == ["Pohjoinen", when] for row in rows)
    assert "kaisa.koordinaattori@testila.fi" in text and "040 123 4567" in text
    county = {"fi": "Testilän hyvinvointialue", "sv": "Testby välfärdsområde"}[lang]
    assert county in header_footer_text(content)


def test_pretask_without_phenomena_or_deadlines(tmp_path):
    sheets = wbs.base()
    sheets["Asetukset"] = [r for r in sheets["Asetukset"] if "määräpäivä" not in str(r[0])]
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    text = docx_text(
        next(o for o in result.outputs if o.path.endswith("ennakkotehtava_kunnat_fi.docx")).content
    )
    assert "Määräajat ilmoitetaan erikseen." in text
    assert "Neuvotteluihin nostettavat ilmiöt" not in text
    assert "Vastatkaa ennakkokyselyyn" not in text  # no survey questions this year


# --------------------------------------------------------------- ennakkomateriaali


def test_pre_material_has_raised_items_and_answers(built):
    content = doc(built, "2_valmistelu/ennakkomateriaali_pohjoinen_fi.docx")
    text = docx_text(content)
    rows = table_rows(content)
    assert ["Liikuntaneuvonta", "Neuvonnan saatavuus", "Yhteinen palvelupolku", "Elintavat"] in rows
    assert ["Mitä toivotte hyvinvointialueelta?", "Yhteistä neuvontaa & <tukea>"] in rows
    assert ["Onko kunnassa liikuntaneuvontaa?", "ei"] in rows
    # per municipality: Alajärvenkylä's raised item comes before Pikkula's answers
    body = text[text.index("Tutustukaa materiaaliin") :]
    assert body.index("Alajärvenkylä") < body.index("Liikuntaneuvonta") < body.index("Pikkula")
    assert "Edellisen vuoden neuvotteluissa sovitut asiat" not in text  # no previous tracker given


def test_pre_material_swedish_uses_swedish_names(built):
    text = docx_text(doc(built, "2_valmistelu/ennakkomateriaali_rannikko_sv.docx"))
    assert "Bykulla stad" in text and "Motion för seniorer" in text
    assert "Frågor som kommunerna tar upp" in text
    assert "2_valmistelu/ennakkomateriaali_rannikko_fi.docx" in built[0]


def test_pre_material_skipped_when_nothing_to_show(tmp_path):
    sheets = wbs.base()
    del sheets["Nostot"]
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    assert not any("ennakkomateriaali" in o.path for o in result.outputs)
    reasons = [s for s in result.skipped if s.startswith("ennakkomateriaali")]
    assert len(reasons) == 2 and "(pohjoinen)" in reasons[0] and "nostoja" in reasons[0]


# ------------------------------------------------------------------------ tiedote


def test_press_release(built):
    for lang, theme, held in (
        ("fi", "elintavat", "Neuvottelu pidettiin 14. huhtikuuta 2027"),
        ("sv", "levnadsvanor", "Förhandlingen hölls den 14 april 2027"),
    ):
        content = doc(built, f"4_seuranta/tiedote_{lang}.docx")
        text = docx_text(content)
        assert theme in text
        assert held in text
        assert "Liikuntaneuvonnan palvelupolku sovitaan" in text
        assert "Kerroinindikaattorit käydään läpi yhdessä" in text
        assert ("Bykulla stad" if lang == "sv" else "Bykulla") in text
        assert "kaisa.koordinaattori@testila.fi" in text
        # a public document: no participant is named
        for name in ("Aino Aaltonen", "Antti Virta", "Heikki Hva", "Jaana Järjestö"):
            assert name not in text


def test_press_release_is_a_draft_in_the_archive_list_and_on_the_page(built):
    result = built[1]
    rows = read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    press = {r["tiedosto"]: r for r in rows if r["asiakirjatyyppi"] == "tiedote"}
    assert set(press) == {"4_seuranta/tiedote_fi.docx", "4_seuranta/tiedote_sv.docx"}
    assert {r["tila"] for r in press.values()} == {"luonnos"}
    assert press["4_seuranta/tiedote_fi.docx"]["nimeke"].startswith("Tiedoteluonnos: ")
    for lang, word in (("fi", "TIEDOTELUONNOS"), ("sv", "UTKAST TILL PRESSMEDDELANDE")):
        assert word in header_footer_text(doc(built, f"4_seuranta/tiedote_{lang}.docx"))


def test_press_release_repeats_decisions_exactly_as_typed(tmp_path):
    sheets = wbs.base()
    long = "Sovitaan yhteisestä liikuntaneuvonnasta & <nuorista> " * 6 + "\ntoinen rivi"
    wbs.set_cell(sheets, "Päätökset", 1, "Päätös", long)
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    text = docx_text(result.target / "4_seuranta/tiedote_fi.docx")
    assert long.strip() in text


def test_no_press_release_or_summary_without_decisions(tmp_path):
    sheets = wbs.base()
    del sheets["Päätökset"]
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    assert not any("tiedote" in o.path or "yhteenveto" in o.path for o in result.outputs)
    assert any(s.startswith("tiedote:") for s in result.skipped)
    assert any(s.startswith("yhteenveto:") for s in result.skipped)


# --------------------------------------------------------------------- yhteenveto


def test_summary_on_a_fresh_build(built):
    content = doc(built, "4_seuranta/yhteenveto_2027_fi.docx")
    text = docx_text(content)
    assert "kaikkien sovittujen asioiden tila on ”Ei aloitettu”" in text
    assert "Sovittuja asioita yhteensä 2, joista valmiina 0 (0\u00a0%)." in text
    rows = table_rows(content)
    # per municipality: Alajärvenkylä's decision, and Pohjoinen's whole-area one; both overdue
    assert ["Alajärvenkylä", "1", "0", "0", "0", "0", "1", "1"] in rows
    assert ["Koko palvelualue: Pohjoinen", "1", "0", "0", "0", "0", "1", "1"] in rows
    assert ["Elintavat", "1", "0", "0", "0", "0", "1", "1"] in rows
    assert ["Painopiste puuttuu", "1", "0", "0", "0", "0", "1", "1"] in rows
    assert "Määräaika on ylittynyt" in text
    assert "Perutut" not in text


def test_summary_of_many_municipalities_charts_service_areas_and_tables_every_one(
    tmp_path, monkeypatch
):
    """300 bars say nothing: past CHART_MAX_BARS municipalities, a bar per service area."""
    from pipeline.documents.chart import CHART_MAX_BARS

    monkeypatch.setenv("SOURCE_DATE_EPOCH", DEC_2027)
    sheets = wbs.base()
    extra = [f"Kylä {i:02d}" for i in range(CHART_MAX_BARS)]
    for i, name in enumerate(extra):
        sheets["Kunnat"].append([name, "", "suomi", "Pohjoinen", ""])
        decision = list(sheets["Päätökset"][1])
        decision[0], decision[3] = f"P-{i + 10}", name
        sheets["Päätökset"].append(decision)
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    rows_total = len(sheets["Päätökset"]) - 1
    for lang, words in (
        ("fi", f"palvelualueittain ja tiloittain. Yhteensä {rows_total}. Pohjoinen: Ei aloitettu"),
        ("sv", f"per status och serviceområde. Totalt {rows_total}. Pohjoinen: Ej påbörjad"),
    ):
        content = (result.target / f"4_seuranta/yhteenveto_2027_{lang}.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            xml = zf.read("word/document.xml").decode()
            assert zf.read(CHART_PART).startswith(b"\x89PNG")
        descr = re.search(r'<wp:docPr [^>]*descr="([^"]*)"', xml).group(1)
        assert words in descr and "Kylä" not in descr
        tabled = {row[0] for row in table_rows(content)}
        assert set(extra) | {"Alajärvenkylä"} <= tabled


def test_summary_chart_is_a_real_picture_with_alt_text(built):
    for lang, words in (
        ("fi", "Alajärvenkylä: Ei aloitettu 1"),
        ("sv", "Alajärvenkylä: Ej påbörjad 1"),
    ):
        content = doc(built, f"4_seuranta/yhteenveto_2027_{lang}.docx")
        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            png = zf.read(CHART_PART)
            xml = zf.read("word/document.xml").decode()
        assert png.startswith(b"\x89PNG") and len(png) > 5000  # the chart, not the placeholder
        descr = re.search(r'<wp:docPr [^>]*descr="([^"]*)"', xml).group(1)
        assert words in descr and ("Yhteensä 2" in descr or "Totalt 2" in descr)
        cx, cy = re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml).groups()
        assert int(cx) == 16 * 360_000 and int(cy) > 0


def test_summary_counts_what_people_typed_into_the_tracker(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SEPT_2027)
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    first = build(workbook, tmp_path / "out")
    tracker = first.target / "4_seuranta/seurantataulukko_2027.xlsx"
    wb = load_workbook(tracker)
    ws = wb["Seuranta"]
    headers = [c.value for c in ws[1]]
    tila, note = headers.index("Tila") + 1, headers.index("Tilannekuvaus") + 1
    ws.cell(row=2, column=tila, value="Valmis")
    ws.cell(row=3, column=tila, value="Peruttu")
    ws.cell(row=3, column=note, value="Ei rahoitusta")
    wb.save(tracker)
    again = build(workbook, tmp_path / "out")
    text = docx_text(
        next(o for o in again.outputs if o.path == "4_seuranta/yhteenveto_2027_fi.docx").content
    )
    assert "Sovittuja asioita yhteensä 2, joista valmiina 1 (50\u00a0%)." in text
    assert "kaikkien sovittujen asioiden tila on" not in text
    assert "Perutut" in text and "Ei rahoitusta" in text
    assert "Määräaika on ylittynyt" not in text  # September: no deadline has passed


def _set_saved(path, when: dt.datetime) -> None:
    """Give ``path`` the saved time Excel would record (openpyxl stamps the clock instead)."""
    path.write_bytes(normalize_xlsx(path.read_bytes(), when))


def _summary_text(result) -> str:
    return docx_text(
        next(o for o in result.outputs if o.path == "4_seuranta/yhteenveto_2027_fi.docx").content
    )


def test_summary_is_dated_by_the_trackers_state_not_the_workbooks_save(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    _set_saved(workbook, dt.datetime(2027, 1, 15, 9))  # the workbook is not touched again
    first = build(workbook, tmp_path / "out")
    text = _summary_text(first)
    assert "seurantataulukon 15.1.2027 tilanteen mukaan" in text
    assert "Määräaika on ylittynyt" not in text

    # in the autumn people update the tracker and save it in Excel
    tracker = first.target / "4_seuranta/seurantataulukko_2027.xlsx"
    wb = load_workbook(tracker)
    ws = wb["Seuranta"]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "P-1")
    ws.cell(row, headers.index("Tila") + 1, "Käynnissä")
    wb.save(tracker)
    _set_saved(tracker, dt.datetime(2027, 11, 3, 14, 30))
    text = _summary_text(build(workbook, tmp_path / "out"))
    assert "seurantataulukon 3.11.2027 tilanteen mukaan" in text
    # P-1 (31.10.2027) is overdue by then; the other decision (15.11.2027) is not yet
    assert "Määräaika on ylittynyt" in text
    assert "Liikuntaneuvonnan palvelupolku sovitaan" in text.rsplit("\nMääräaika ylittynyt\n", 1)[1]
    assert (
        "Kerroinindikaattorit" not in text.rsplit("\nMääräaika ylittynyt\n", 1)[1].split("\n\n")[0]
    )
    # the build stamps the tracker it writes with its own date; rebuilding again changes nothing
    written = tracker.read_bytes()
    again = build(workbook, tmp_path / "out")
    assert "seurantataulukon 3.11.2027 tilanteen mukaan" in _summary_text(again)
    assert tracker.read_bytes() == written and again.written.backups == []

    # a Päivitetty typed later than the file's saved time counts too
    wb = load_workbook(tracker)
    ws = wb["Seuranta"]
    ws.cell(row, headers.index("Päivitetty") + 1, dt.date(2027, 11, 20))
    wb.save(tracker)
    _set_saved(tracker, dt.datetime(2027, 11, 10))
    text = _summary_text(build(workbook, tmp_path / "out"))
    assert "seurantataulukon 20.11.2027 tilanteen mukaan" in text
    assert (
        "Kerroinindikaattorit käydään läpi yhdessä" in text.rsplit("\nMääräaika ylittynyt\n", 1)[1]
    )

    # SOURCE_DATE_EPOCH fixes the date whatever the tracker says
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SEPT_2027)
    text = _summary_text(build(workbook, tmp_path / "out"))
    assert "seurantataulukon 1.9.2027 tilanteen mukaan" in text
    assert "Määräaika on ylittynyt" not in text


# ------------------------------------------------------------------- LibreOffice


@pytest.mark.libreoffice
def test_libreoffice_converts_every_new_document(built, tmp_path):
    soffice_or_skip()
    pdftotext = tool_or_skip("pdftotext")
    from pipeline.output.office import convert

    docs = [
        p
        for p in built[0]
        if p.endswith(".docx")
        and p.split("/")[1].split("_")[0]
        in ("ennakkotehtava", "ennakkomateriaali", "tiedote", "yhteenveto")
    ]
    sources = []
    for rel in docs:
        target = tmp_path / "in" / rel.replace("/", "__")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(built[0][rel].content)
        sources.append(target)
    converted, log = convert(sources, "pdf", tmp_path / "pdf")
    # 3 audiences × fi, sv; pohjoinen fi, rannikko fi and sv; tiedote and yhteenveto fi, sv
    assert len(sources) == 6 + 3 + 2 + 2
    assert set(converted) == set(sources), log
    for pdf in converted.values():
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=False
        ).stdout
        assert "Testilän hyvinvointialue" in text or "Testby välfärdsområde" in text
