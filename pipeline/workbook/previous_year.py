"""Last year's tracker (setting ``Edellisen vuoden seurantataulukko``, SPEC §1 and §3).

The file is the ``seurantataulukko`` a build made a year ago, as people have
kept it up to date since: they may have added columns and sheets, sorted the
rows, typed statuses in lower case. Read here read-only and tolerantly; what
cannot be read at all is a validation error at the setting's cell, so that
``hytetu validate`` reports it and a build writes nothing.

Which negotiation of this year shows which row (:func:`rows_for`): rows are
matched by municipality name, because last year's negotiation codes may differ.
A row of the whole service area (``Koko palvelualue``) goes to the negotiation
that last year's ``Neuvottelu`` code means now: the same code, else the
negotiation whose municipalities last year's rows of that code name, else the
same service-area name; failing all of those it goes to every negotiation,
since showing an agreement twice is better than losing it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from pathlib import Path

from openpyxl.utils import get_column_letter

from pipeline.contract import areas, schema
from pipeline.contract.grammar import join_words
from pipeline.contract.naming import slug
from pipeline.contract.tracker import HEADERS, REGISTER_COLUMN, REMOVED, SHEET
from pipeline.contract.values import clean_text, key, parse_date, short_date
from pipeline.errors import PreviousTrackerError, Problems, WorkbookUnreadable
from pipeline.workbook.container import open_xlsx, unreadable
from pipeline.workbook.model import Negotiation, PreviousRow, YearData

#: columns without which the rows mean nothing
REQUIRED = ("Kunta", "Päätös", "Tila")
#: how far down a header row may have been pushed (a title row people inserted)
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 10_000
_STATUS = {key(s): s for s in schema.TRACKER_STATUSES}


def _display_date(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return short_date(value.date() if isinstance(value, dt.datetime) else value)
    try:
        parsed = parse_date(value)
    except ValueError:
        return clean_text(value)
    return short_date(parsed)


def _header_row(rows: list[tuple[object, ...]]) -> tuple[int, dict[str, int]] | None:
    """(row index, our header -> column index) of the first row holding the required headers."""
    known = {key(h): h for h in HEADERS}
    for index, row in enumerate(rows):
        columns: dict[str, int] = {}
        for c, value in enumerate(row):
            name = known.get(key(clean_text(value)))
            if name is not None and name not in columns:
                columns[name] = c
        if all(name in columns for name in REQUIRED):
            return index, columns
    return None


def _missing_columns_message(path: Path, sheet: str, first: tuple[object, ...]) -> str:
    present = [clean_text(v) for v in first if clean_text(v)]
    present_keys = {key(p) for p in present}
    missing = [name for name in REQUIRED if key(name) not in present_keys]
    hints = []
    for name in missing:
        close = difflib.get_close_matches(name, present, n=1, cutoff=0.6)
        hints.append(f"{name} (onko se ”{close[0]}”?)" if close else name)
    return (
        f"tiedoston {path.name} välilehdeltä {sheet} puuttuu "
        f"{'sarake' if len(missing) == 1 else 'sarakkeet'} {', '.join(hints)}. "
        "Seurantataulukon otsikot ovat rivillä 1 (Tunnus, Neuvottelu, Kunta, Päätös, "
        "Jatkotoimi, Tila, Tilannekuvaus, Määräaika …): palauta otsikot tai valitse "
        "asetukseen viime vuoden hytetu build -komennon tekemä seurantataulukko."
    )


def read_previous(path: Path) -> tuple[list[PreviousRow], list[str]]:
    """The rows of last year's tracker and warnings about them.

    :class:`PreviousTrackerError` when the file is no readable tracker. Rows the
    register had removed (``Rekisterissä`` = ``poistettu rekisteristä``) are no
    agreements any more and are left out; rows people added themselves are kept.
    """
    try:
        wb = open_xlsx(path)
    except WorkbookUnreadable as exc:
        raise PreviousTrackerError(
            f"edellisen vuoden seurantataulukkoa ei voi lukea: {exc}"
        ) from None
    try:
        names = {key(n): n for n in wb.sheetnames}
        sheet = names.get(key(SHEET))
        if sheet is None:
            raise PreviousTrackerError(
                f"tiedostossa {path.name} ei ole välilehteä {SHEET} (siinä on: "
                f"{', '.join(wb.sheetnames)}). Valitse asetukseen viime vuoden hytetu build -komennon "
                f"tekemä seurantataulukko tai palauta välilehden nimeksi {SHEET}."
            )
        rows: list[tuple[object, ...]] = []
        for number, values in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + HEADER_SEARCH_ROWS:
                raise PreviousTrackerError(
                    f"tiedoston {path.name} välilehdellä {sheet} on yli {MAX_ROWS} riviä. "
                    "Poista ylimääräiset rivit tai valitse oikea seurantataulukko."
                )
            rows.append(tuple(values))
    except PreviousTrackerError:
        raise
    except Exception as exc:  # a part that only breaks when read (read-only parses lazily)
        raise PreviousTrackerError(
            f"edellisen vuoden seurantataulukkoa ei voi lukea: {unreadable(path, exc)}"
        ) from None
    finally:
        wb.close()
    found = _header_row(rows[:HEADER_SEARCH_ROWS])
    if found is None:
        raise PreviousTrackerError(_missing_columns_message(path, sheet, rows[0] if rows else ()))
    header_index, columns = found
    return _rows(path, sheet, rows, header_index, columns)


def _rows(
    path: Path,
    sheet: str,
    rows: list[tuple[object, ...]],
    header_index: int,
    columns: dict[str, int],
) -> tuple[list[PreviousRow], list[str]]:
    warnings: list[str] = []
    result: list[PreviousRow] = []
    for index in range(header_index + 1, len(rows)):
        values = rows[index]
        number = index + 1

        def get(name: str, values: tuple[object, ...] = values) -> object:
            c = columns.get(name)
            return values[c] if c is not None and c < len(values) else None

        def text(name: str) -> str:
            return clean_text(get(name))

        if key(text(REGISTER_COLUMN)) == key(REMOVED):
            continue
        decision, follow_up = text("Päätös"), text("Jatkotoimi")
        if not decision and not follow_up:
            continue
        typed = text("Tila")
        status = _STATUS.get(key(typed), typed) if typed else schema.DEFAULT_STATUS
        if typed and key(typed) not in _STATUS:
            cell = f"{get_column_letter(columns['Tila'] + 1)}{number}"
            warnings.append(
                f"edellisen vuoden seurantataulukossa ({path.name}) solun {sheet}!{cell} tila "
                f"”{typed}” ei ole sallittu (sallitut: "
                f"{join_words(schema.TRACKER_STATUSES, 'fi', 'or', quoted=True)}); "
                "se näytetään sellaisenaan. Korjaa tila seurantataulukkoon."
            )
        result.append(
            PreviousRow(
                negotiation=text("Neuvottelu"),
                municipality=text("Kunta"),
                decision=decision,
                follow_up=follow_up,
                status=status,
                note=text("Tilannekuvaus"),
                deadline=_display_date(get("Määräaika")),
                updated=_display_date(get("Päivitetty")),
                id=text("Tunnus"),
                priority=text("Painopiste"),
                row=number,
            )
        )
    return result, warnings


def check_previous(path: Path, where: str, problems: Problems) -> list[PreviousRow] | None:
    """Read last year's tracker for validation: errors and warnings go to ``problems``."""
    try:
        rows, warnings = read_previous(path)
    except PreviousTrackerError as exc:
        problems.error(where, f"{schema.SETTING_PREVIOUS_TRACKER}: {exc}")
        return None
    for message in warnings:
        problems.warning(where, message)
    return rows


def unknown_municipalities(data: YearData, rows: Sequence[PreviousRow]) -> list[str]:
    """Municipality names in last year's tracker that this year's ``Kunnat`` does not know."""
    seen: dict[str, str] = {}
    for r in rows:
        if not areas.is_whole_area(r.municipality) and data.municipality(r.municipality) is None:
            seen.setdefault(key(r.municipality), r.municipality)
    return list(seen.values())


# ------------------------------------------------------------------ assignment


def is_whole_area(row: PreviousRow) -> bool:
    """Whether ``row`` is about the whole service area (:func:`pipeline.contract.areas.is_whole_area`)."""
    return areas.is_whole_area(row.municipality)


def _negotiations_meant(
    data: YearData, code: str, rows: Sequence[PreviousRow]
) -> list[Negotiation] | None:
    """This year's negotiation(s) last year's negotiation ``code`` corresponds to; None = unknown."""
    if not code:
        return None
    same = data.negotiation(code)
    if same is not None:
        return [same]
    found: list[Negotiation] = []
    for r in rows:
        if key(r.negotiation) != key(code) or areas.is_whole_area(r.municipality):
            continue
        m = data.municipality(r.municipality)
        n = data.negotiation_of(m) if m is not None else None
        if n is not None and n not in found:
            found.append(n)
    if len(found) == 1:
        return found
    by_area = [
        n for n in data.negotiations if key(code) in (key(n.service_area), slug(n.service_area))
    ]
    return by_area or None


def rows_for(data: YearData, negotiation: Negotiation) -> list[PreviousRow]:
    """Last year's rows ``negotiation`` shows: its municipalities' rows, then whole-area rows.

    Municipalities in ``Kunnat`` order; within one, the order of the tracker.
    """
    rows = data.previous or ()
    mine = data.municipalities_of(negotiation)
    order = {key(m.name): i for i, m in enumerate(mine)}
    result: list[tuple[int, PreviousRow]] = []
    for r in rows:
        m = None if areas.is_whole_area(r.municipality) else data.municipality(r.municipality)
        if m is not None:
            if key(m.name) in order:
                result.append((order[key(m.name)], r))
            continue
        # the whole service area, or a municipality no longer in Kunnat: by last year's code
        meant = _negotiations_meant(data, r.negotiation, rows)
        if meant is None or negotiation in meant:
            result.append((len(mine), r))
    result.sort(key=lambda pair: pair[0])
    return [r for _, r in result]
