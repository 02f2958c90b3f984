"""The `Ohjeet` sheet of the blank workbook: what the workbook is for, every sheet and
column with its help text, how to write values, and the commands.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.render.xlsx import set_text
from pipeline.starter.cells import cell_at


def column_help(col: schema.Column) -> str:
    """The help of a column as the header comment and `Ohjeet` show it."""
    return f"{col.help} (pakollinen)" if col.required else col.help


def instruction_lines() -> list[tuple[str, str, str]]:
    """``(style, term, text)`` rows of the `Ohjeet` sheet; style is title/heading/sheet/row."""
    lines: list[tuple[str, str, str]] = [
        ("title", "hytetu – neuvottelujen työkirja", ""),
        (
            "row",
            "Mihin tätä käytetään",
            "Tähän työkirjaan kootaan yhden vuoden hyvinvoinnin, terveyden ja turvallisuuden "
            "edistämisen (hytetu) neuvottelujen tiedot: hyvinvointialueen perustiedot, kunnat, "
            "neuvottelut, osallistujat, ennakkokysely, kuntien nostot ja neuvotteluissa tehdyt "
            "päätökset. Niistä hytetu-ohjelma tekee ennakkotehtävät, kyselylomakkeet, kutsut, "
            "asialistat, ennakkomateriaalit, pöytäkirjat, seurantataulukon, tiedotteen ja "
            "jakelulistan.",
        ),
        (
            "row",
            "Näin täytät",
            "Kullakin välilehdellä otsikot ovat rivillä 1; kirjoita tiedot riveille 2 alkaen, "
            "yksi asia riville. Sarakkeiden järjestyksellä ei ole väliä, ja tyhjät rivit "
            "ohitetaan. Älä muuta otsikoiden nimiä. Pakolliset sarakkeet on merkitty alla. "
            "Otsikkosolun kommentissa on sama ohje. Valinnaiset välilehdet voi jättää "
            "tyhjiksi; silloin niitä tarvitsevat asiakirjat jäävät tekemättä.",
        ),
        ("heading", "Välilehdet ja sarakkeet", ""),
    ]
    for sheet in schema.SHEETS:
        marker = " (valinnainen välilehti)" if sheet.optional else ""
        lines.append(("sheet", sheet.name, sheet.help + marker))
        for col in sheet.columns:
            lines.append(("row", col.name, column_help(col)))
        if sheet.name == schema.SHEET_SETTINGS:
            lines.append(("row", "", "Asetukset ovat valmiina Asetus-sarakkeessa:"))
            for name, required, help_text in schema.SETTINGS:
                lines.append(("row", name, f"{help_text} (pakollinen)" if required else help_text))
        if sheet.open_columns:
            lines.append(
                (
                    "row",
                    "kysymykset",
                    "Yksi sarake kysymystä kohden; otsikkona kysymyksen teksti. Kyselytyökalun "
                    "vienti kelpaa sellaisenaan: sarakkeita "
                    + ", ".join(schema.SURVEY_METADATA)
                    + " ei lueta kysymyksiksi. Kuntien palauttamat lomakkeet luetaan myös "
                    "kansiosta kyselyvastaukset työkirjan vieressä.",
                )
            )
    lines += [
        ("heading", "Arvojen kirjoittaminen", ""),
        (
            "row",
            "Päivämäärät",
            "Excelin päivämäärä tai teksti muodossa 14.4.2027, 14.4.27 tai 2027-04-14.",
        ),
        ("row", "Kellonajat", "Excelin kellonaika tai teksti muodossa 9.00, 9:00 tai klo 9.00."),
        (
            "row",
            "Kyllä / ei",
            "kyllä tai ei; myös k/e, x/tyhjä, ja/nej, yes/no sekä TRUE/FALSE kelpaavat.",
        ),
        (
            "row",
            "Kieli",
            "suomi, ruotsi, suomi-ruotsi (kaksikielinen, suomenkielinen enemmistö) tai "
            "ruotsi-suomi (kaksikielinen, ruotsinkielinen enemmistö); myös fi, sv, fi-sv, sv-fi.",
        ),
        (
            "row",
            "Teksti",
            "Teksti siirtyy asiakirjoihin sellaisenaan (alusta ja lopusta poistetaan vain "
            "välilyönnit): &-merkit, lainausmerkit, rivinvaihdot (Alt+Enter) ja "
            "yhtäsuuruusmerkillä alkava teksti näkyvät juuri niin kuin ne on kirjoitettu.",
        ),
        (
            "row",
            "Pudotusvalikot",
            "Kieli-, Rooli-, Luottamushenkilö-, Neuvotteluun-, Vastaustyyppi-, Painopiste- ja "
            "Teema-soluissa "
            "on valikko. Muu arvo antaa varoituksen, koska myös lyhenteet kelpaavat.",
        ),
        ("heading", "Komennot", ""),
        (
            "row",
            "hytetu validate",
            "Tarkistaa työkirjan ja luettelee kaikki virheet ja varoitukset solun tarkkuudella "
            "(esim. Osallistujat!B7) sekä kertoo, miten ne korjataan. Oletuksena luetaan "
            "input/hytetu.xlsx; toisen tiedoston voi antaa: hytetu validate polku.xlsx",
        ),
        (
            "row",
            "hytetu build",
            "Tarkistaa työkirjan ja tekee kaikki asiakirjat, jotka tiedoista voi tehdä, "
            "kansioon output/<Vuosi>/ sekä arkistoluettelon arkistoluettelo.csv. "
            "Valitsimet: --out KANSIO (muu tulostekansio), --pdf (myös PDF-kopiot). "
            "Jos työkirjassa on virheitä, mitään ei kirjoiteta.",
        ),
        (
            "row",
            "hytetu templates",
            "Kopioi ohjelman Word-pohjat (fi, sv) kansioon muokattaviksi, oletuksena "
            "input/pohjat; olemassa olevia pohjia ei korvata. Kirjoita kansion nimi "
            "Asetukset-välilehdelle (Pohjakansio), niin hytetu build käyttää niitä.",
        ),
        (
            "row",
            "hytetu init",
            "Tekee uuden tyhjän työkirjan (tämän pohjan). Olemassa olevaa tiedostoa ei "
            "koskaan korvata.",
        ),
    ]
    return lines


def instructions_sheet(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    # printed: one page wide, as many pages tall as needed
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    for style, term, text in instruction_lines():
        if style in ("heading", "sheet") and row > 2:
            row += 1  # a blank line before each section
        term_cell = cell_at(ws, row, 1)
        text_cell = cell_at(ws, row, 2)
        set_text(term_cell, term)
        set_text(text_cell, text)
        term_cell.alignment = wrap
        text_cell.alignment = wrap
        if style == "title":
            term_cell.font = Font(bold=True, size=14)
            term_cell.alignment = Alignment(vertical="top")  # runs over into column B
        elif style == "heading":
            term_cell.font = Font(bold=True, size=12)
        elif style == "sheet":
            term_cell.font = Font(bold=True)
            text_cell.font = Font(bold=True)
        # not every spreadsheet program grows a wrapped row by itself
        lines = max(_wrapped_lines(term, 34), _wrapped_lines(text, 100))
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines
        row += 1


def _wrapped_lines(text: str, width: int) -> int:
    """Roughly how many lines ``text`` takes in a column ``width`` characters wide."""
    chars = int(width * 1.1)  # proportional font: a bit more than the nominal width
    return max(1, -(-len(text) // chars))
