"""`hytetu init`: a blank coordinator workbook (SPEC §1, §2).

Every sheet of :data:`pipeline.schema.SHEETS` in order, each with its header in
row 1 (bold, frozen, filterable, with the column's help as a cell comment),
dropdowns for the fixed vocabularies, the settings pre-listed in `Asetukset`
and an `Ohjeet` (instructions) sheet first. :func:`blank_workbook` builds it in
memory so the example workbook (:mod:`pipeline.example`) can start from the very
same thing; :func:`save_new` writes a workbook without ever overwriting a file
or leaving half a file behind.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from pipeline.contract import schema
from pipeline.errors import OutputProblem, os_reason
from pipeline.render.xlsx import set_text

#: data rows that carry the dropdowns (row 1 is the header)
FIRST_DATA_ROW = 2
LAST_DATA_ROW = 1000

COMMENT_AUTHOR = "hytetu"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGNMENT = Alignment(vertical="top", wrap_text=True)

#: columns that hold long text get a wider column
_WIDE_COLUMNS = {
    "Kuvaus": 50,
    "Päätös": 50,
    "Jatkotoimi": 40,
    "Kysymys": 60,
    "Vaihtoehdot": 40,
    "Toive hyvinvointialueelle": 45,
    "Aihe": 35,
    "Etäyhteys": 40,
    "Paikka": 35,
    "Ilmiö": 35,
    "Arvo": 40,
    "Asetus": 34,
    "Yhteistyöfoorumi": 30,
    "Kirjaamon sähköposti": 30,
    "Sähköposti": 30,
    "Organisaatio": 26,
    "Tehtävä": 28,
    "Neuvottelut": 22,
}


#: (sheet, column) -> (choices, what else is accepted); the dropdowns of SPEC §1
_DROPDOWNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        schema.SHEET_RAISED,
        "Painopiste",
        schema.THEMES_FI,
        "Suunnitelman painopiste; ruotsinkieliset nimet kelpaavat myös.",
    ),
    (
        schema.SHEET_DECISIONS,
        "Painopiste",
        schema.THEMES_FI,
        "Suunnitelman painopiste; ruotsinkieliset nimet kelpaavat myös.",
    ),
    (
        schema.SHEET_MUNICIPALITIES,
        "Kieli",
        schema.LANGUAGE_CHOICES,
        "Myös lyhenteet fi, sv, fi-sv ja sv-fi kelpaavat.",
    ),
    (
        schema.SHEET_NEGOTIATIONS,
        "Kieli",
        schema.LANGUAGE_CHOICES,
        "Jätä tyhjäksi, jos kieli määräytyy kuntien mukaan.",
    ),
    (
        schema.SHEET_PARTICIPANTS,
        "Rooli",
        schema.ROLES,
        f"Tyhjä tarkoittaa: {schema.DEFAULT_ROLE}.",
    ),
    (
        schema.SHEET_PARTICIPANTS,
        "Luottamushenkilö",
        schema.YES_NO_CHOICES,
        "Myös k/e, x/tyhjä, ja/nej ja yes/no kelpaavat.",
    ),
    (
        schema.SHEET_PHENOMENA,
        "Neuvotteluun",
        schema.YES_NO_CHOICES,
        "Myös k/e, x/tyhjä, ja/nej ja yes/no kelpaavat.",
    ),
    (
        schema.SHEET_QUESTIONS,
        "Vastaustyyppi",
        schema.ANSWER_TYPES,
        "Valintakysymyksen vaihtoehdot kirjoitetaan Vaihtoehdot-sarakkeeseen.",
    ),
)


# ---------------------------------------------------------------- building blocks


def list_formula(choices: Sequence[str]) -> str:
    """The ``formula1`` of a list validation: ``'"a,b,c"'``.

    Excel splits the list at commas and allows at most 255 characters, so a
    choice must contain neither a comma nor a double quote.
    """
    for choice in choices:
        if "," in choice or '"' in choice:
            raise ValueError(f"valinta {choice!r} ei kelpaa pudotusvalikkoon")
    joined = ",".join(choices)
    if len(joined) > 255:
        raise ValueError("pudotusvalikon vaihtoehdot ovat yhteensä yli 255 merkkiä")
    return f'"{joined}"'


def add_dropdown(
    ws: Worksheet,
    cells: str,
    choices: Sequence[str],
    *,
    title: str,
    hint: str = "",
) -> DataValidation:
    """A list dropdown on ``cells`` (e.g. ``"C2:C1000"``).

    Typing something else only warns (error style *warning*): the reader also
    accepts spellings that are not in the list (``fi``, ``k``, Swedish themes).
    """
    shown = ", ".join(choices)
    dv = DataValidation(
        type="list",
        formula1=list_formula(choices),
        allow_blank=True,
        showDropDown=False,  # False = show the in-cell arrow (the name is inverted)
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="warning",
        promptTitle=title[:32],
        prompt=(f"Valitse: {shown}. {hint}".strip())[:255],
        errorTitle="Tarkista arvo",
        error=(f"Odotettu arvo on jokin näistä: {shown}. {hint}".strip())[:255],
    )
    dv.add(cells)
    ws.add_data_validation(dv)
    return dv


def _comment(text: str) -> Comment:
    comment = Comment(text, COMMENT_AUTHOR)
    comment.width = 300
    comment.height = 110
    return comment


def column_width(name: str) -> float:
    return _WIDE_COLUMNS.get(name, max(12, min(40, len(name) + 4)))


def write_header(ws: Worksheet, columns: Sequence[tuple[str, str]]) -> None:
    """Header row 1 from ``(name, help)`` pairs: bold, frozen, filterable, commented.

    Anything already in row 1 is replaced, so the example can widen a sheet
    (the survey's question columns) with the same look.
    """
    for cell in ws[1]:
        cell.value = None
        cell.comment = None
    for index, (name, help_text) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        set_text(cell, name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        if help_text:
            cell.comment = _comment(help_text)
        ws.column_dimensions[get_column_letter(index)].width = column_width(name)
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(columns), 1))
    ws.auto_filter.ref = f"A1:{last}1"


def _column_help(col: schema.Column) -> str:
    return f"{col.help} (pakollinen)" if col.required else col.help


def column_letter(ws: Worksheet, name: str) -> str:
    """The letter of the header cell named ``name`` in row 1."""
    for cell in ws[1]:
        if cell.value == name:
            return cell.column_letter
    raise KeyError(name)


# ---------------------------------------------------------------- the sheets


def _settings_rows(ws: Worksheet) -> None:
    defaults = {
        schema.SETTING_PERIOD: schema.DEFAULT_PERIOD,
        schema.SETTING_PUBLICITY: schema.DEFAULT_PUBLICITY,
    }
    for row, (name, required, help_text) in enumerate(schema.SETTINGS, start=FIRST_DATA_ROW):
        name_cell = ws.cell(row=row, column=1)
        set_text(name_cell, name)
        if required:
            name_cell.font = HEADER_FONT
        name_cell.comment = _comment(f"{help_text} (pakollinen)" if required else help_text)
        set_text(ws.cell(row=row, column=2), defaults.get(name))
    theme_row = setting_row(schema.SETTING_THEME)
    add_dropdown(
        ws,
        f"B{theme_row}",
        schema.THEMES_FI,
        title="Teema",
        hint="Ruotsinkieliset nimet kelpaavat myös.",
    )


def setting_row(name: str) -> int:
    """The row of setting ``name`` in a blank `Asetukset` sheet."""
    for row, (setting, _required, _help) in enumerate(schema.SETTINGS, start=FIRST_DATA_ROW):
        if setting == name:
            return row
    raise KeyError(name)


def _instruction_lines() -> list[tuple[str, str, str]]:
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
            lines.append(("row", col.name, _column_help(col)))
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
            "Kieli-, Rooli-, Luottamushenkilö-, Neuvotteluun-, Vastaustyyppi- ja Teema-soluissa "
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
            "Valinnat: --out KANSIO (muu tulostekansio), --pdf (myös PDF-kopiot). "
            "Jos työkirjassa on virheitä, mitään ei kirjoiteta.",
        ),
        (
            "row",
            "hytetu init",
            "Tekee uuden tyhjän työkirjan (tämän pohjan). Olemassa olevaa tiedostoa ei "
            "koskaan korvata.",
        ),
    ]
    return lines


def _instructions_sheet(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    # printed: one page wide, as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1
    for style, term, text in _instruction_lines():
        if style in ("heading", "sheet") and row > 2:
            row += 1  # a blank line before each section
        term_cell = ws.cell(row=row, column=1)
        text_cell = ws.cell(row=row, column=2)
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


# ---------------------------------------------------------------- public


def blank_workbook() -> Workbook:
    """The blank coordinator workbook, in memory."""
    wb = Workbook()
    instructions = wb.active
    instructions.title = schema.SHEET_INSTRUCTIONS
    _instructions_sheet(instructions)
    for spec in schema.SHEETS:
        ws = wb.create_sheet(spec.name)
        write_header(ws, [(col.name, _column_help(col)) for col in spec.columns])
        if spec.name == schema.SHEET_SETTINGS:
            _settings_rows(ws)
    for sheet, column, choices, hint in _DROPDOWNS:
        ws = wb[sheet]
        letter = column_letter(ws, column)
        add_dropdown(
            ws,
            f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_DATA_ROW}",
            choices,
            title=column,
            hint=hint,
        )
    wb.active = 0
    return wb


class _FixedTimeZipFile(zipfile.ZipFile):
    """A zip archive whose members all carry one timestamp (reproducible bytes)."""

    def __init__(self, *args: Any, date_time: tuple[int, int, int, int, int, int], **kw: Any):
        super().__init__(*args, **kw)
        self._date_time = date_time

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kw: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, *args, **kw)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kw: Any) -> None:
        with open(filename, "rb") as src:
            self.writestr(arcname or os.path.basename(filename), src.read())


def _save(wb: Workbook, target: Path, fixed_time: dt.datetime | None) -> None:
    if fixed_time is None:
        wb.save(target)
        return
    # openpyxl's save stamps "modified" with the current time; write it ourselves
    wb.properties.modified = fixed_time
    date_time = fixed_time.timetuple()[:6]
    with _FixedTimeZipFile(
        target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, date_time=date_time
    ) as archive:
        ExcelWriter(wb, archive).write_data()


def _already_exists(path: Path) -> OutputProblem:
    return OutputProblem(
        f"Tiedosto {path} on jo olemassa. Valitse toinen nimi tai poista vanha tiedosto ensin."
    )


def save_new(wb: Workbook, path: Path, *, fixed_time: dt.datetime | None = None) -> None:
    """Write ``wb`` to ``path``, which must not exist yet.

    Parent folders are created. The file appears only when complete (written to
    a temporary file in the same folder, then renamed into place). With
    ``fixed_time`` the workbook's modification time and every zip member's
    timestamp are that time, so the same workbook always gives the same bytes.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise OutputProblem(
            f"{path}: työkirjan nimen pitää päättyä .xlsx, jotta Excel ja hytetu tunnistavat sen. "
            f"Anna nimi muodossa {path.with_suffix('.xlsx').name}."
        )
    if path.exists() or path.is_symlink():
        raise _already_exists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputProblem(f"Kansiota {path.parent} ei voi luoda: {os_reason(exc)}.") from exc
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        _save(wb, tmp, fixed_time)
        if path.exists() or path.is_symlink():  # appeared while we were writing
            raise _already_exists(path)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputProblem(f"Tiedostoa {path} ei voi kirjoittaa: {os_reason(exc)}.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_blank(path: Path) -> None:
    """`hytetu init`: write a blank workbook to ``path``; never overwrites."""
    save_new(blank_workbook(), path)
