"""Progress forms the municipalities returned into ``seurantavastaukset/`` (SPEC §3), read back.

Each form gives, per agreement (``Tunnus``), what the municipality left in
``Tila``, ``Tilannekuvaus`` and ``Päivitetty``; :mod:`pipeline.documents.progress_merge`
decides what of it goes into the tracker. Nothing a form holds is evaluated: a
formula is a warning and its value is not taken; text (also ``=SUMMA(A1)`` or
``{{ x }}`` typed as text) is taken exactly as typed. A status is taken in
either language's words and turned into the tracker's Finnish one.

Nothing wrong with one form stops a build or the other forms: broken, foreign
(other county or year), unknown-municipality, duplicate and locked files,
sub-folders and files that are no workbook are warnings naming the file. Of two
forms from one municipality, the one saved last counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import progress_form as layout
from pipeline.contract import schema
from pipeline.contract.grammar import join_words
from pipeline.contract.values import DATE_HINT, clean_text, key, parse_date
from pipeline.errors import BrokenForm, Problems
from pipeline.workbook import returned_common as common
from pipeline.workbook.model import YearData


@dataclass(frozen=True)
class ProgressMarker:
    version: str
    year: str
    county: str
    municipality: str
    lang: str
    sheet: str
    #: (Tunnus, row of the form sheet) as the form was made
    rows: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ProgressEntry:
    """One agreement's row of a returned form, as far as it could be taken."""

    id: str  # the Tunnus as the form was made with it
    #: the tracker's (Finnish) status; None when the cell is empty or its value was not taken
    status: str | None
    #: ``Tilannekuvaus`` exactly as typed (trimmed); "" when empty or not taken
    note: str
    #: ``Päivitetty``; None when empty or not a date
    updated: dt.date | None
    #: where the row is, for messages: ``"Seurantalomake!A9"``
    cell: str


@dataclass(frozen=True)
class ReturnedProgress:
    file: str  # "seurantavastaukset/<name>"
    municipality: str  # the municipality's name as in Kunnat
    saved: dt.datetime
    entries: tuple[ProgressEntry, ...]


def _ask(municipality: str = "") -> str:
    whom = "kunnalta" if municipality else "lähettäjältä"
    tail = f" (kunta {municipality})" if municipality else ""
    return (
        f"Lomaketta ei luettu. Pyydä {whom} uusi vastaus tänä vuonna lähetetyllä "
        f"seurantalomakkeella tai kirjoita tiedot seurantataulukkoon{tail}."
    )


_NOT_XLSX = (
    "tiedosto ei ole Excel-työkirja (.xlsx), joten sitä ei lueta. Kansioon kuuluvat vain "
    "kuntien palauttamat seurantalomakkeet; jos tämä on vastaus, pyydä kunnalta täytetty "
    ".xlsx-lomake tai kirjoita tiedot seurantataulukkoon."
)
_SUBFOLDER = (
    f"tämä on kansio, eikä sen sisältöä lueta: kansioon {layout.FOLDER}/ kuuluvat vain "
    f"kuntien palauttamat seurantalomakkeet. Siirrä lomakkeet suoraan kansioon {layout.FOLDER}/."
)


def read_progress_marker(wb: Workbook) -> ProgressMarker:
    """The hidden marker of a progress form; :class:`BrokenForm` when missing or damaged."""
    rows = common.marker_rows(
        wb,
        sheet=layout.MARKER_SHEET,
        kind=layout.MARKER_KIND,
        version=layout.FORM_VERSION,
        what="hytetu-seurantalomake",
    )
    info, section = common.marker_sections(
        rows, layout.M_ROWS, "tiedoston tunnistevälilehdeltä puuttuvat päätösten tunnukset."
    )
    placed = []
    for ident, row in section:
        if not row.isdigit() or int(row) < layout.FIRST_ROW:
            raise BrokenForm("tiedoston tunnistevälilehti on muuttunut.")
        placed.append((ident, int(row)))
    return ProgressMarker(
        version=rows[0][1],
        year=info.get(layout.M_YEAR, ""),
        county=info.get(layout.M_COUNTY, ""),
        municipality=info.get(layout.M_MUNICIPALITY, ""),
        lang=info.get(layout.M_LANG, ""),
        sheet=info.get(layout.M_SHEET, ""),
        rows=tuple(placed),
    )


def _read_form(
    path: Path, where: str, data: YearData, problems: Problems
) -> ReturnedProgress | None:
    # formulas stay formulas (data_only=False): they are refused, never computed
    wb = common.open_form(path, where, problems, _ask(), data_only=False)
    if wb is None:
        return None
    try:
        try:
            marker = read_progress_marker(wb)
        except BrokenForm as exc:
            problems.warning(where, f"{exc} {_ask()}")
            return None
        if not common.is_this_years(
            marker.county,
            marker.year,
            data,
            where,
            problems,
            of="seurantaan",
            folder=layout.FOLDER,
        ):
            return None
        municipality = common.known_municipality(marker.municipality, data, where, problems)
        if municipality is None:
            return None
        ws = next(
            (w for w in wb.worksheets if isinstance(w, Worksheet) and w.title == marker.sheet),
            None,
        )
        if ws is None:
            problems.warning(
                where,
                f"lomakkeesta puuttuu välilehti ”{marker.sheet}”; se on poistettu tai nimetty "
                f"uudelleen. {_ask(municipality.name)}",
            )
            return None
        entries = _entries(ws, marker, where, municipality.name, problems)
        return ReturnedProgress(
            file=where,
            municipality=municipality.name,
            saved=common.saved_time(wb, path),
            entries=entries,
        )
    finally:
        wb.close()


def _entries(
    ws: Worksheet, marker: ProgressMarker, where: str, municipality: str, problems: Problems
) -> tuple[ProgressEntry, ...]:
    rows_by_id = {
        key(clean_text(ws[f"{layout.COL_ID}{r}"].value)): r
        for r in range(layout.FIRST_ROW, ws.max_row + 1)
    }
    entries = []
    for ident, row in marker.rows:
        if key(clean_text(ws[f"{layout.COL_ID}{row}"].value)) != key(ident):
            moved = rows_by_id.get(key(ident))
            if moved is None:
                problems.warning(
                    f"{where}, {ws.title}!{layout.COL_ID}{row}",
                    f"päätöksen {ident} rivi on poistettu lomakkeesta tai sen tunnusta on "
                    f"muutettu, joten sen tietoja ei luettu. Pyydä kunnalta {municipality} "
                    "päätöksen tiedot uudelleen tai kirjoita ne seurantataulukkoon.",
                )
                continue
            row = moved
        at = f"{where}, {ws.title}!"
        status = _status(ws[f"{layout.COL_STATUS}{row}"], at, ident, problems)
        note = _text(ws[f"{layout.COL_NOTE}{row}"], at, ident, problems)
        updated = _date(ws[f"{layout.COL_UPDATED}{row}"], at, ident, problems)
        entries.append(ProgressEntry(ident, status, note, updated, f"{ws.title}!A{row}"))
    return tuple(entries)


def _raw(cell: Cell, at: str, ident: str, problems: Problems) -> Any:
    """The cell's value; None (and a warning) for a formula, which is never evaluated."""
    if cell.data_type == "f":
        formula = cell.value if isinstance(cell.value, str) else "="
        problems.warning(
            f"{at}{cell.coordinate}",
            f"päätöksen {ident} solussa on kaava ({formula}), eikä kaavoja lasketa eikä lueta; "
            "solun arvoa ei luettu. Kirjoita soluun arvo itse (ei kaavaa) tai seurantataulukkoon.",
        )
        return None
    return cell.value


def _status(cell: Cell, at: str, ident: str, problems: Problems) -> str | None:
    text = clean_text(_raw(cell, at, ident, problems))
    if not text:
        return None
    status = layout.canonical_status(text)
    if status is None:
        problems.warning(
            f"{at}{cell.coordinate}",
            f"päätöksen {ident} tila ”{text}” ei ole mikään tiloista "
            f"{join_words(schema.TRACKER_STATUSES, 'fi', 'or', quoted=True)}, joten sitä ei luettu. Kirjoita oikea tila "
            "seurantataulukkoon tai pyydä kunnalta lomake, jossa tila on valittu luettelosta.",
        )
    return status


def _text(cell: Cell, at: str, ident: str, problems: Problems) -> str:
    return clean_text(_raw(cell, at, ident, problems))


def _date(cell: Cell, at: str, ident: str, problems: Problems) -> dt.date | None:
    value = _raw(cell, at, ident, problems)
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = from_excel(value)  # a date typed into a cell formatted as a number
        return parse_date(value)
    except (ValueError, TypeError, OverflowError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) and str(exc) else DATE_HINT
        problems.warning(
            f"{at}{cell.coordinate}",
            f"päätöksen {ident} Päivitetty-päivää ei luettu: {reason} Ilman päivämäärää rivin "
            "tietoja ei voi verrata seurantataulukkoon.",
        )
        return None


def read_returned_progress(data: YearData, problems: Problems) -> list[ReturnedProgress]:
    """Read ``seurantavastaukset/`` next to the workbook: one record per municipality, by file.

    Everything not taken is a warning in ``problems`` naming the file (and the cell).
    """
    forms = []
    for path, where in common.form_files(
        data, layout.FOLDER, problems, not_xlsx=_NOT_XLSX, entry=_SUBFOLDER
    ):
        form = _read_form(path, where, data, problems)
        if form is not None:
            forms.append(form)
    taken = [
        common.newest(
            group,
            group[0].municipality,
            file=lambda f: f.file,
            saved=lambda f: f.saved,
            folder=layout.FOLDER,
            problems=problems,
        )
        for group in common.by_municipality(forms, lambda f: f.municipality).values()
    ]
    return sorted(taken, key=lambda f: f.file)
