"""What every sheet goes through before its rows are read, and the cell helpers they use.

A sheet is usable once it is there (or optional), nothing in it is hidden or
merged, no text is longer than its column allows, and its header row names the
required columns. :class:`Sheet` then reads cells into values, reporting each
problem at its ``Sheet!Cell``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import TypeVar

from pipeline.contract import schema
from pipeline.contract.values import clean_text, key
from pipeline.errors import Problems, at
from pipeline.workbook.read import RawRow, RawSheet, RawWorkbook

#: gaps (:meth:`Problems.gap`): a municipality row left out of the lookup (no name, no
#: sheet), a municipality without its service area, a negotiation row left out
MUNICIPALITY_ROWS = schema.SHEET_MUNICIPALITIES
MUNICIPALITY_AREAS = f"{schema.SHEET_MUNICIPALITIES}.Palvelualue"
NEGOTIATION_ROWS = schema.SHEET_NEGOTIATIONS
PARTICIPANT_ROWS = schema.SHEET_PARTICIPANTS
#: what a reference to a municipality or a negotiation relies on
ON_MUNICIPALITIES = (MUNICIPALITY_ROWS,)
ON_AREAS = (MUNICIPALITY_ROWS, MUNICIPALITY_AREAS, NEGOTIATION_ROWS)
ON_NEGOTIATIONS = (NEGOTIATION_ROWS,)
ON_DELEGATIONS = (*ON_AREAS, PARTICIPANT_ROWS)

T = TypeVar("T")

#: the longest text a name-like cell may hold (names, codes, organisations, vocabularies)
NAME_MAX = 200
#: the longest free text (a decision, a description, a survey answer)
TEXT_MAX = 5000
_NAME_COLUMNS = frozenset(
    {
        "Asetus",
        "Kunta",
        "Kunta ruotsiksi",
        "Kieli",
        "Palvelualue",
        "Kirjaamon sähköposti",
        "Tunnus",
        "Päivämäärä",
        "Alkaa",
        "Päättyy",
        "Puheenjohtaja",
        "Sihteeri",
        "Nimi",
        "Organisaatio",
        "Tehtävä",
        "Sähköposti",
        "Puhelin",
        "Rooli",
        "Luottamushenkilö",
        "Neuvottelu",
        "Nro",
        "Vastaustyyppi",
        "Neuvotteluun",
        "Painopiste",
        "Määräaika",
    }
)


def text_limit(column: str) -> int:
    """How many characters a cell of ``column`` may hold."""
    own = column.removesuffix(schema.SV_SUFFIX)  # a Swedish twin: like its Finnish column
    return NAME_MAX if column in _NAME_COLUMNS or own in _NAME_COLUMNS else TEXT_MAX


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Tarkoititko ”Tampere”?`` or an empty string."""
    pool = {key(c): c for c in candidates if c}
    match = difflib.get_close_matches(key(word), list(pool), n=1, cutoff=0.6)
    return f" Tarkoititko ”{pool[match[0]]}”?" if match else ""


class Sheet:
    """One raw sheet plus the helpers that read its cells into values."""

    def __init__(self, raw: RawSheet, problems: Problems) -> None:
        self.raw = raw
        self.name = raw.name
        self.problems = problems

    @property
    def rows(self) -> list[RawRow]:
        return self.raw.rows

    def ref(self, row: RawRow, column: str) -> str:
        cell = row.get(column)
        if cell is not None:
            return at(self.name, cell.ref)
        letter = self.raw.columns.get(column, "A")
        return at(self.name, f"{letter}{row.number}")

    def row_ref(self, number: int, column: str, default: str = "A") -> str:
        """``Sheet!B7``: the cell of ``column`` in row ``number``, wherever that column is."""
        return at(self.name, f"{self.raw.columns.get(column, default)}{number}")

    def _error_value(self, row: RawRow, column: str) -> bool:
        cell = row.get(column)
        if cell is not None and cell.error:
            self.problems.error(
                self.ref(row, column),
                f"solussa on Excelin virhearvo {cell.value}. "
                "Korjaa kaava tai kirjoita soluun arvo.",
            )
            return True
        return False

    def _required(self, row: RawRow, column: str) -> None:
        self.problems.error(
            self.ref(row, column), f"sarake ”{column}” on pakollinen. Täytä se tai poista rivi."
        )

    def text(self, row: RawRow, column: str, *, required: bool = False) -> str:
        if self._error_value(row, column):
            return ""
        cell = row.get(column)
        value = clean_text(cell.value) if cell else ""
        if required and not value:
            self._required(row, column)
        return value

    def parsed(
        self,
        row: RawRow,
        column: str,
        parser: Callable[[object], T],
        default: T,
        *,
        required: bool = False,
    ) -> T:
        if self._error_value(row, column):
            return default
        cell = row.get(column)
        if cell is None:
            if required:
                self._required(row, column)
            return default
        try:
            return parser(cell.value)
        except ValueError as exc:
            self.problems.error(self.ref(row, column), str(exc))
            return default


def open_sheet(raw: RawWorkbook, name: str, problems: Problems) -> Sheet | None:
    """The sheet ``name`` ready to read, or None (missing, emptied, or unusable headers)."""
    spec = schema.SHEETS_BY_NAME[name]
    sheet = raw.sheets.get(name)
    if sheet is None:
        if not spec.optional:
            hint = did_you_mean(name, raw.other_sheets)
            problems.error(
                name,
                f"välilehti ”{name}” puuttuu työkirjasta.{hint} Lisää välilehti tai luo "
                "mallityökirja komennolla hytetu init.",
            )
        return None
    if spec.optional and not (sheet.columns or sheet.unknown or sheet.duplicates or sheet.rows):
        return None  # an optional sheet emptied of everything, header too, counts as missing
    _check_visibility(sheet, problems)
    _check_shape(sheet, problems)
    _check_text_lengths(sheet, problems)
    if not _check_headers(sheet, problems):
        return None
    return Sheet(sheet, problems)


def _check_headers(sheet: RawSheet, problems: Problems) -> bool:
    """Missing required columns are errors, unknown ones warnings. True when usable."""
    spec = schema.SHEETS_BY_NAME[sheet.name]
    ok = True
    known = [c.name for c in spec.columns]
    #: unknown headers a missing-column error names as "did you mean" (not warned again)
    named: set[str] = set()
    for col in spec.columns:
        if col.required and col.name not in sheet.columns:
            hint = did_you_mean(col.name, [text for text, _ in sheet.unknown])
            named |= {text for text, _ in sheet.unknown if hint == f" Tarkoititko ”{text}”?"}
            problems.error(
                at(sheet.name, f"{sheet.next_column}1"),
                f"pakollinen sarake ”{col.name}” puuttuu otsikkoriviltä.{hint} "
                f"Kirjoita otsikko ”{col.name}” riville 1.",
            )
            ok = False
    if not spec.open_columns:
        for text, letter in sheet.unknown:
            if text in named:
                continue
            hint = did_you_mean(text, known) or " Sarakkeen tietoja ei käytetä."
            problems.warning(at(sheet.name, f"{letter}1"), f"tuntematon sarake ”{text}”.{hint}")
    for text, letter in sheet.duplicates:
        problems.error(
            at(sheet.name, f"{letter}1"),
            f"sarake ”{text}” on välilehdellä kahdesti. Poista tai nimeä toinen niistä uudelleen.",
        )
        ok = False
    return ok


def _check_visibility(sheet: RawSheet, problems: Problems) -> None:
    """Data a coordinator cannot see never reaches a document."""
    if sheet.hidden and sheet.rows:
        problems.error(
            sheet.name,
            "välilehti on piilotettu, joten sen tietoja ei näe. Näytä välilehti (hiiren "
            "oikea painike välilehtien kohdalla → Näytä) tai poista välilehti, jos sen "
            "tietoja ei tarvita.",
        )
    for row in sheet.rows:
        if row.number in sheet.hidden_rows:
            problems.error(
                at(sheet.name, f"A{row.number}"),
                f"rivi {row.number} on piilotettu tai suodatettu näkyvistä, mutta siinä on "
                "tietoja. Näkymättömiä tietoja ei viedä asiakirjoihin: näytä rivi (valitse "
                "rivit, hiiren oikea painike → Näytä, tai poista suodatus) tai poista rivi.",
            )
    for column, letter in sheet.columns.items():
        if letter in sheet.hidden_columns and any(row.get(column) for row in sheet.rows):
            problems.error(
                at(sheet.name, f"{letter}1"),
                f"sarake ”{column}” on piilotettu, mutta siinä on tietoja. Näytä sarake "
                "(valitse viereiset sarakkeet, hiiren oikea painike → Näytä) tai tyhjennä se.",
            )


def _check_shape(sheet: RawSheet, problems: Problems) -> None:
    """Cells that Excel only pretends to hold: merged ranges, formulas never calculated."""
    for ref in sheet.merged:
        problems.error(
            at(sheet.name, ref),
            "yhdistetyt solut. Yhdistetyssä solussa arvo on vain ensimmäisessä solussa ja "
            "muut jäävät tyhjiksi. Pura yhdistäminen (Aloitus → Yhdistä ja keskitä → Pura "
            "solujen yhdistäminen) ja kirjoita arvo jokaiseen soluun.",
        )
    for ref in sheet.uncached_formulas:
        problems.error(
            at(sheet.name, ref),
            "solussa on kaava, jonka tulosta ei ole tallennettu (työkirja on tallennettu "
            "ohjelmalla, joka ei laske kaavoja). Avaa työkirja Excelissä ja tallenna se, "
            "tai kirjoita kaavan tilalle arvo.",
        )


def _check_text_lengths(sheet: RawSheet, problems: Problems) -> None:
    for row in sheet.rows:
        for column, cell in row.cells.items():
            if not isinstance(cell.value, str):
                continue
            limit = text_limit(column)
            length = len(clean_text(cell.value))
            if length > limit:
                problems.error(
                    at(sheet.name, cell.ref),
                    f"teksti on liian pitkä ({length} merkkiä, enintään {limit}). Lyhennä "
                    "tekstiä; pitkä aineisto kuuluu liitteeksi, ei työkirjaan.",
                )
