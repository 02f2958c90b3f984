"""Letters as a Finnish public body writes them (issue 15 items 3 and 4).

Headers (``1 (2)``, ``Dnro``, the meeting's date), titles and the archive list's
``nimeke`` that name the negotiation, no advice to the coordinator in a recipient's
document, and a press release a journalist can use. The LibreOffice test renders
every document type and reads the PDF's text: no workbook word broken inside a
table cell, page numbers ``n (N)`` and the title in every footer.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
from pathlib import Path

import docx
import pytest

from pipeline.app import check
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of
from tests.helpers.docs import docx_text, header_footer_text
from tests.helpers.office import soffice_or_skip
from tests.helpers.tools import tool_or_skip

#: words longer than the old columns were wide ("Hyvinvointialu|een", "Viivästyn|yt")
LONG_WORDS = (
    "Hyvinvointialueyhteistyö",
    "harrastusmahdollisuudet",
    "Järjestöneuvottelukunta",
    "Viivästynyt",
    "Hyvinvointialueen",
    # the minutes' decision table broke these too ("Alajärvenky|lä", "Elintapaverko|sto")
    "Alajärvenkylä",
    "Elintapaverkosto",
    "Hyte-koordinaattori",
    "yhdyshenkilöverkosto",
)
RECORD = "HVA/77/00.01.02/2027"
#: the documents' date: after the first negotiation, before the second
EPOCH = str(int(dt.datetime(2027, 4, 20, tzinfo=dt.UTC).timestamp()))


def _long_word_sheets(*, record: bool = True, quote: bool = True) -> dict[str, list[wbs.Row]]:
    sheets = wbs.base()
    if record:
        sheets["Asetukset"].append(["Diaarinumero", RECORD])
    if quote:
        sheets["Asetukset"].append(["Tiedotteen lainaus", "Yhdessä sovittu kantaa pitkälle."])
        sheets["Asetukset"].append(["Lainauksen antaja", "Maija Meikäläinen, aluejohtaja"])
    wbs.set_cell(sheets, "Nostot", 1, "Aihe", "Hyvinvointialueyhteistyö nuorille")
    wbs.set_cell(sheets, "Nostot", 1, "Kuvaus", "Viivästynyt harrastusmahdollisuudet")
    wbs.set_cell(sheets, "Nostot", 1, "Toive hyvinvointialueelle", "Järjestöneuvottelukunta")
    wbs.set_cell(sheets, "Nostot", 2, "Aihe", "Hyvinvointialueyhteistyö")
    for row in (1, 2):
        wbs.set_cell(sheets, "Päätökset", row, "Jatkotoimi", "Hyvinvointialueyhteistyö jatkuu")
        wbs.set_cell(sheets, "Päätökset", row, "Vastuutaho", "Järjestöneuvottelukunta")
        wbs.set_cell(sheets, "Päätökset", row, "Määräaika", dt.date(2027, 4, 16))  # overdue
    wbs.set_cell(sheets, "Päätökset", 1, "Päätös", "Hyvinvointialueen harrastusmahdollisuudet")
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The long-word workbook built on 20.4.2027: pohjoinen held, rannikko (5.5.) ahead.

    Pohjoinen in both languages: final minutes with decisions in Finnish and Swedish.
    """
    folder = tmp_path_factory.mktemp("layout")
    sheets = _long_word_sheets()
    sheets["Neuvottelut"][1][9] = "suomi-ruotsi"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = build_of(folder, sheets)
    assert result.outputs
    return folder / "out" / "2027"


def _docs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.docx"))


# ------------------------------------------------------------------ headers


def test_every_header_numbers_pages_and_gives_the_record_number(built: Path) -> None:
    docs = _docs(built)
    types = {p.name.split("_")[0] for p in docs}
    assert types == {
        "kutsu",
        "asialista",
        "poytakirja",
        "ennakkotehtava",
        "ennakkomateriaali",
        "tiedote",
        "yhteenveto",
    }
    for path in docs:
        doc = docx.Document(str(path))
        header = doc.sections[0].header
        lines = [p.text for p in header.paragraphs if p.text.strip()]
        assert re.fullmatch(r".+\t.+\t1 \(\d+\)", lines[0]), (path.name, lines)
        assert "Sivu" not in lines[0] and "Sida" not in lines[0]
        label = "Dnr" if path.stem.endswith("_sv") else "Dnro"
        assert f"\t{label} {RECORD}" in lines, (path.name, lines)
        instructions = [
            el.text.strip() for el in header._element.iter(docx.oxml.ns.qn("w:instrText"))
        ]
        assert instructions == ["PAGE", "NUMPAGES"]


def test_no_record_number_no_dnro_line(tmp_path: Path) -> None:
    build_of(tmp_path, _long_word_sheets(record=False))
    for path in _docs(tmp_path / "out" / "2027"):
        text = header_footer_text(path)
        assert "Dnr" not in text, path.name
        assert not [p for p in docx.Document(str(path)).sections[0].header.paragraphs if not p.text]


def test_agenda_header_gives_the_meeting_date_and_time_and_first_block_the_place(
    built: Path,
) -> None:
    fi = built / "2_valmistelu" / "asialista_pohjoinen_fi.docx"
    sv = built / "2_valmistelu" / "asialista_rannikko_sv.docx"
    assert "\t14.4.2027 klo 9.00–11.30" in header_footer_text(fi).splitlines()
    assert "\t5.5.2027 kl. 13.00–15.30" in header_footer_text(sv).splitlines()
    # the dated line (county, document date) first, then the title, then time and place
    first = docx_text(fi).splitlines()[:4]
    assert first[1].startswith("Hytetu-neuvottelun asialista")
    assert first[2].startswith("Aika\tkeskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30")
    assert first[3] == "Paikka\tKaupungintalo"


# ------------------------------------------------------------------ titles


def test_titles_and_nimeke_name_the_negotiation(built: Path) -> None:
    expected = {
        "2_valmistelu/kutsu_pohjoinen_fi.docx": "Kutsu hytetu-neuvotteluun – palvelualue Pohjoinen 2027",
        "2_valmistelu/asialista_pohjoinen_fi.docx": "Hytetu-neuvottelun asialista – palvelualue Pohjoinen 2027",
        "2_valmistelu/asialista_rannikko_sv.docx": "Föredragningslista för hytetu-förhandlingen – serviceområde Rannikko 2027",
        "3_neuvottelut/poytakirja_pohjoinen_fi.docx": "Hytetu-neuvottelun pöytäkirja – palvelualue Pohjoinen 2027",
        "3_neuvottelut/poytakirja_rannikko_sv.docx": "Protokollsutkast från hytetu-förhandlingen – serviceområde Rannikko 2027",
        "2_valmistelu/ennakkomateriaali_pohjoinen_fi.docx": "Hytetu-neuvottelun ennakkomateriaali – palvelualue Pohjoinen 2027",
    }
    with (built / "arkistoluettelo.csv").open(encoding="utf-8-sig", newline="") as f:
        nimeke = {row["tiedosto"]: row["nimeke"] for row in csv.DictReader(f, delimiter=";")}
    for rel, title in expected.items():
        doc = docx.Document(str(built / rel))
        assert doc.core_properties.title == title
        assert title in docx_text(built / rel).splitlines()
        assert nimeke[rel] == title
        # the footer names the document on every page
        assert doc.sections[0].footer.paragraphs[0].text == title


def test_a_typed_name_that_says_palvelualue_gets_no_second_label(tmp_path: Path) -> None:
    sheets = wbs.base()
    for row in sheets["Kunnat"][1:]:
        if row[3] == "Pohjoinen":
            row[3] = "Pohjoinen palvelualue"
    sheets["Neuvottelut"][1][1] = "Pohjoinen palvelualue"
    build_of(tmp_path, sheets)
    doc = docx.Document(str(tmp_path / "out/2027/2_valmistelu/asialista_pohjoinen_fi.docx"))
    assert doc.core_properties.title == "Hytetu-neuvottelun asialista – Pohjoinen palvelualue 2027"


# ------------------------------------------------- nothing for the coordinator


def test_summary_says_nothing_to_the_coordinator_and_the_build_warns(tmp_path: Path) -> None:
    result = build_of(tmp_path, _long_word_sheets())
    for lang in ("fi", "sv"):
        text = docx_text(tmp_path / f"out/2027/4_seuranta/yhteenveto_2027_{lang}.docx")
        for advice in (
            "Päivittäkää",
            "Korjatkaa",
            "tehkää",
            "Uppdatera",
            "Rätta",
            "gör sammanfattningen",
        ):
            assert advice not in text
        assert "Ei aloitettu" in text or "Ej påbörjad" in text
    advice = [w for w in result.warnings if w.message.startswith("yhteenveto:")]
    assert len(advice) == 1
    assert advice[0].where == "4_seuranta/seurantataulukko_2027.xlsx"
    assert "Päivitä tilat seurantataulukkoon" in advice[0].message


# ------------------------------------------------------------ press release


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text]


def test_press_release_a_journalist_can_use(built: Path) -> None:
    fi = _paragraphs(built / "4_seuranta" / "tiedote_fi.docx")
    headline = next(text for style, text in fi if style == "Heading 1")
    # who agreed what; the typed names stand as subjects, uninflected
    assert headline == (
        "Testilän hyvinvointialue ja 2 kuntaa sopivat yhteisistä toimista – teemana elintavat"
    )
    text = "\n".join(t for _, t in fi)
    # the lead's figures: one negotiation held, two agreements, two municipalities
    assert (
        "Yhdessä neuvottelussa sovittiin yhteensä kahdesta asiasta, ja siihen osallistui kaksi kuntaa."
        in text
    )
    assert "Lisäksi yksi neuvottelu pidetään myöhemmin." in text
    assert "”Yhdessä sovittu kantaa pitkälle”, sanoo Maija Meikäläinen, aluejohtaja." in text
    assert "Palvelualue Pohjoinen" in text and "Neuvottelu pidettiin 14. huhtikuuta 2027." in text
    # the negotiation still ahead: held in the future tense, and nobody "took part" in it
    assert "Neuvottelu pidetään 5. toukokuuta 2027. Kunnat: Bykulla ja Cedervik." in text
    assert "Bykulla" not in text.split("Palvelualue Rannikko")[0].split("Palvelualue Pohjoinen")[0]
    assert "Neuvottelussa sovittiin kahdesta asiasta:" in text
    bullets = [t for s, t in fi if s == "List Bullet"]
    assert bullets == [
        "Hyvinvointialueen harrastusmahdollisuudet",
        "Kerroinindikaattorit käydään läpi yhdessä",
    ]
    assert "sopimu" not in text.casefold()
    # contact details close it
    assert [t for _, t in fi][-4:] == [
        "Testilän hyvinvointialue",
        "Kaisa Koordinaattori",
        "kaisa.koordinaattori@testila.fi",
        "puh. 040 123 4567",
    ]
    sv = "\n".join(t for _, t in _paragraphs(built / "4_seuranta" / "tiedote_sv.docx"))
    assert (
        "Testby välfärdsområde och 2 kommuner enades om gemensamma åtgärder – temat var levnadsvanor"
        in sv
    )
    assert (
        "Vid en förhandling ingicks sammanlagt två överenskommelser, och i den deltog två kommuner."
        in sv
    )
    assert "Förhandlingen hålls den 5 maj 2027." in sv
    assert "”Yhdessä sovittu kantaa pitkälle”, säger Maija Meikäläinen, aluejohtaja." in sv


def test_press_release_lists_three_agreements_and_counts_the_rest(tmp_path: Path) -> None:
    sheets = wbs.base()
    template = sheets["Päätökset"][1]
    for i in range(5):
        row = list(template)
        row[0] = f"X-{i}"
        row[2] = "Jatkotoimet ja seuranta" if i == 0 else "Teema"
        row[4] = f"Sovittu asia {i}"
        sheets["Päätökset"].append(row)
    build_of(tmp_path, sheets)
    paragraphs = _paragraphs(tmp_path / "out/2027/4_seuranta/tiedote_fi.docx")
    text = "\n".join(t for _, t in paragraphs)
    assert "Neuvottelussa sovittiin seitsemästä asiasta, muun muassa seuraavista:" in text
    bullets = [t for s, t in paragraphs if s == "List Bullet"]
    # the theme's agreements before procedural ones (the follow-up item, hyte-kerroin)
    assert bullets == [
        "Liikuntaneuvonnan palvelupolku sovitaan",
        "Sovittu asia 1",
        "Sovittu asia 2",
    ]


def test_the_swedish_press_release_quotes_the_swedish_twins(tmp_path: Path) -> None:
    sheets = _long_word_sheets()
    sheets["Asetukset"].append(["Tiedotteen lainaus ruotsiksi", "Vi kom långt tillsammans."])
    sheets["Asetukset"].append(
        ["Lainauksen antaja ruotsiksi", "Maija Meikäläinen, områdesdirektör"]
    )
    result = build_of(tmp_path, sheets)
    assert not [w for w in result.warnings if "lainau" in w.message.casefold()]
    texts = {
        lang: [t for _, t in _paragraphs(tmp_path / f"out/2027/4_seuranta/tiedote_{lang}.docx")]
        for lang in ("fi", "sv")
    }
    assert "”Vi kom långt tillsammans”, säger Maija Meikäläinen, områdesdirektör." in texts["sv"]
    assert not [t for t in texts["sv"] if "Yhdessä" in t or "aluejohtaja" in t]
    assert "”Yhdessä sovittu kantaa pitkälle”, sanoo Maija Meikäläinen, aluejohtaja." in texts["fi"]
    assert not [t for t in texts["fi"] if "tillsammans" in t]


def test_a_quote_without_its_swedish_twins_is_warned_at_their_cells(tmp_path: Path) -> None:
    """Like any twin: the Swedish press release falls back to Finnish, and check says so."""
    sheets = _long_word_sheets()
    rows = len(sheets["Asetukset"])
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    warned = [
        (p.where, p.message.split(" puuttuu")[0])
        for p in problems.warnings
        if "lainau" in p.message
    ]
    assert warned == [  # where the missing rows would go
        (f"Asetukset!A{rows + 1}", "asetus ”Tiedotteen lainaus ruotsiksi”"),
        (f"Asetukset!A{rows + 1}", "asetus ”Lainauksen antaja ruotsiksi”"),
    ]
    sheets["Asetukset"].append(
        ["Lainauksen antaja ruotsiksi", "Maija Meikäläinen, områdesdirektör"]
    )
    sheets["Asetukset"].append(["Tiedotteen lainaus ruotsiksi", ""])
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    warned = {p.where: p.message for p in problems.warnings if "lainau" in p.message.casefold()}
    assert warned == {
        f"Asetukset!B{rows + 2}": "asetus ”Tiedotteen lainaus ruotsiksi” puuttuu, vaikka "
        "tiedote tehdään myös ruotsiksi. Ruotsinkielisessä tiedotteessa käytetään "
        "suomenkielistä lainausta; kirjoita käännös asetukseen ”Tiedotteen lainaus ruotsiksi”."
    }
    # no Swedish documents at all: nothing to warn about
    for row in sheets["Kunnat"][1:]:
        row[2] = "suomi"
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    assert not [p for p in problems.warnings if "lainau" in p.message]


def test_a_swedish_quote_without_any_giver_is_warned(tmp_path: Path) -> None:
    sheets = _long_word_sheets(quote=False)
    sheets["Asetukset"].append(["Tiedotteen lainaus ruotsiksi", "Vi kom långt."])
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    warned = [(p.where, p.message) for p in problems.warnings if "lainau" in p.message]
    assert warned == [
        (
            f"Asetukset!B{len(sheets['Asetukset'])}",
            "Tiedotteen lainaus ruotsiksi: lainaukselta puuttuu antaja, joten lainausta ei "
            "käytetä tiedotteessa. Kirjoita asetukseen ”Lainauksen antaja ruotsiksi” "
            "lainaajan nimi ja tehtävä.",
        )
    ]


def test_quote_without_its_giver_is_warned(tmp_path: Path) -> None:
    sheets = wbs.base()
    sheets["Asetukset"].append(["Tiedotteen lainaus", "Hyvä päivä."])
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    messages = [p.message for p in problems.items if "Tiedotteen lainaus" in p.message]
    assert messages and "Lainauksen antaja" in messages[0]


# ------------------------------------------------------------- LibreOffice


def _tokens(text: str) -> set[str]:
    return {t.rstrip("-\u00ad") for t in re.findall(r"[\w\u00ad-]+", text)}


#: every word typed in the workbook: a piece of a long word that is one ("Järjestö") is no break
KNOWN = _tokens(
    " ".join(str(v) for rows in _long_word_sheets().values() for row in rows for v in row)
)


def _broken_words(layout_text: str, words: tuple[str, ...]) -> list[str]:
    """Tokens that are a proper beginning of a long word: the word broke across lines.

    A piece that ends in a hyphen broke where a fixed heading has a soft hyphen
    ("Viiväs-tynyt"): that is hyphenation, not a broken word.
    """
    tokens = {
        t for t in re.findall(r"[\w\u00ad-]+", layout_text) if not t.endswith(("-", "\u00ad"))
    }
    broken = []
    for word in words:
        for cut in range(5, len(word) - 1):  # shorter pieces are words of their own ("har")
            if word[:cut] in tokens and word[:cut] not in KNOWN | set(words):
                broken.append(f"{word[:cut]}|{word[cut:]}")
    return broken


@pytest.mark.libreoffice
def test_pdf_tables_keep_words_whole_and_pages_read_1_of_2(built: Path, tmp_path: Path) -> None:
    soffice_or_skip()
    pdftotext = tool_or_skip("pdftotext")
    from pipeline.output.office import convert

    sources = _docs(built)
    converted, log = convert(sources, "pdf", tmp_path / "pdf")
    assert set(converted) == set(sources), log
    multi_page = 0
    minutes: list[str] = []
    for source, pdf in sorted(converted.items()):
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = [p for p in text.split("\f") if p.strip()]
        assert _broken_words(text, LONG_WORDS) == [], source.name
        title = docx.Document(str(source)).core_properties.title
        for number, page in enumerate(pages, start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert lines[0].endswith(f"{number} ({len(pages)})"), (source.name, lines[0])
            assert " ".join(lines[-2:]).endswith(title[-30:]), (source.name, number, lines[-2:])
        multi_page += len(pages) > 1
        if source.name.startswith("poytakirja_pohjoinen"):
            minutes.append(source.name)
            _assert_decisions_and_signatures(source.name, pages)
    assert multi_page >= 3  # footers and "2 (2)" proven on documents of more than one page
    assert minutes == ["poytakirja_pohjoinen_fi.docx", "poytakirja_pohjoinen_sv.docx"]


def _assert_decisions_and_signatures(name: str, pages: list[str]) -> None:
    """The final minutes: their decision tables hold the long words; signatures on one page."""
    text = "\n".join(pages)
    heading = "Beslut och fortsatta åtgärder" if name.endswith("_sv.docx") else "Päätökset ja"
    tables = text.split(heading)[1:]
    assert len(tables) == 2, name  # 3 § Hyte-kerroin and 4 § the theme
    for word in ("Järjestöneuvottelukunta", "harrastusmahdollisuudet", "Elintapaverkosto"):
        assert word in tables[-1], (name, word)
    first = "Underskrifter" if name.endswith("_sv.docx") else "Vakuudeksi"
    # the checkers' label, not "Pöytäkirjan tarkastajiksi valittiin" or "tarkastus"
    last = re.compile(r"Protokolljusterare|Pöytäkirjan tarkastaja(?!\w)")
    starts = [n for n, page in enumerate(pages) if first in page]
    ends = [n for n, page in enumerate(pages) if last.search(page)]
    assert starts == ends == [len(pages) - 1], (name, starts, ends)  # together, last page


def test_broken_word_detector_finds_the_old_breaks() -> None:
    layout = "Kunta      Aihe\nGrundö     Hyvinvointialu\n           een\nNuorten harrastusmahdollisuud\n"
    assert _broken_words(layout, LONG_WORDS) == [
        "Hyvinvointialu|eyhteistyö",
        "harrastusmahdollisuud|et",
        "Hyvinvointialu|een",
    ]
    assert _broken_words("Hyvinvointialueyhteistyö jatkuu", LONG_WORDS) == []


def test_init_offers_the_new_settings_with_help(tmp_path: Path) -> None:
    """`hytetu init` lists Diaarinumero and the quote settings, and Ohjeet explains them."""
    import openpyxl

    from pipeline.starter.blank import write_blank

    path = tmp_path / "hytetu.xlsx"
    write_blank(path)
    wb = openpyxl.load_workbook(path)
    names = [row[0] for row in wb["Asetukset"].iter_rows(min_row=2, values_only=True)]
    for name in ("Diaarinumero", "Tiedotteen lainaus", "Lainauksen antaja"):
        assert name in names
    help_text = " ".join(
        str(v) for row in wb["Ohjeet"].iter_rows(values_only=True) for v in row if v
    )
    assert "Diaarinumero" in help_text and "ylätunnisteessa" in help_text
