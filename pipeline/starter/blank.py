"""`hytetu init`: a blank coordinator workbook (SPEC §1, §2).

Every sheet of :data:`pipeline.contract.schema.SHEETS` in order, each with its header in
row 1 (bold, frozen, filterable, with the column's help as a cell comment),
dropdowns for the fixed vocabularies, the settings pre-listed in `Asetukset`
and an `Ohjeet` (instructions) sheet first. :func:`blank_workbook` builds it in
memory so the example workbook (:mod:`pipeline.starter.example`) can start from the
very same thing. The `Ohjeet` text is in :mod:`.instructions`; :func:`.save.save_new`
writes a workbook without ever overwriting a file or leaving half a file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import schema
from pipeline.contract.grammar import join_words
from pipeline.render.xlsx import set_text
from pipeline.starter.cells import cell_at, first_sheet
from pipeline.starter.instructions import column_help, instructions_sheet
from pipeline.starter.save import save_new

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
    shown = join_words(choices, "fi", "or")
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
        error=(f"Sallitut arvot: {join_words(choices, 'fi')}. {hint}".strip())[:255],
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
        cell = cell_at(ws, 1, index)
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
        name_cell = cell_at(ws, row, 1)
        set_text(name_cell, name)
        if required:
            name_cell.font = HEADER_FONT
        name_cell.comment = _comment(f"{help_text} (pakollinen)" if required else help_text)
        set_text(cell_at(ws, row, 2), defaults.get(name))
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


# ---------------------------------------------------------------- public


def blank_workbook() -> Workbook:
    """The blank coordinator workbook, in memory."""
    wb = Workbook()
    instructions = first_sheet(wb)
    instructions.title = schema.SHEET_INSTRUCTIONS
    instructions_sheet(instructions)
    for spec in schema.SHEETS:
        ws = wb.create_sheet(spec.name)
        write_header(ws, [(col.name, column_help(col)) for col in spec.columns])
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


def write_blank(path: Path) -> None:
    """`hytetu init`: write a blank workbook to ``path``; never overwrites."""
    save_new(blank_workbook(), path)
