"""What reading returned forms shares, whatever the form: survey (``kyselyvastaukset/``) or
progress (``seurantavastaukset/``).

Walking the folder (lock files, files that are no workbook, an unreadable
folder), opening a form without letting one bad file stop the build, the
hidden marker's first rows, when a form was saved, whether it is this year's
form of a known municipality, and which of a municipality's two forms counts.
Every problem is a warning in ``problems`` naming the file; the caller says,
in ``ask``, what to do about a form that was not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook

from pipeline.contract import naming
from pipeline.contract.grammar import join_words
from pipeline.contract.values import clean_text, key, short_date
from pipeline.errors import BrokenForm, Problems, WorkbookLocked, WorkbookUnreadable
from pipeline.workbook.container import open_xlsx
from pipeline.workbook.model import Municipality, YearData

#: files in the folder that are not forms and deserve no message
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})

F = TypeVar("F")


def form_files(
    data: YearData,
    folder_name: str,
    problems: Problems,
    *,
    not_xlsx: str,
    entry: str,
) -> list[tuple[Path, str]]:
    """The ``.xlsx`` files of ``<workbook folder>/<folder_name>/``, as (path, where), by name.

    ``where`` is ``"<folder_name>/<file name>"``. Lock files and files that are
    no ``.xlsx`` (``not_xlsx`` says what to do) are warnings; a sub-folder is a
    warning saying ``entry``; a file named like the folder is a warning too.
    """
    if data.workbook is None:
        return []
    folder = data.workbook.parent / folder_name
    if folder.exists() and not folder.is_dir():
        problems.warning(
            folder_name,
            f"{folder} on tiedosto, ei kansio, joten palautettuja lomakkeita ei luettu. "
            f"Luo kansio {folder_name} työkirjan viereen ja tallenna lomakkeet sinne.",
        )
        return []
    if not folder.is_dir():
        return []
    try:
        paths = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        problems.warning(
            folder_name,
            f"kansiota {folder} ei voi lukea (ei oikeuksia), joten palautettuja lomakkeita ei "
            "luettu. Tarkista kansion käyttöoikeudet.",
        )
        return []
    found = []
    for path in paths:
        where = f"{folder_name}/{path.name}"
        if path.name.casefold() in SYSTEM_FILES:
            continue
        if path.is_dir():
            problems.warning(where, entry)
            continue
        owner = naming.lock_owner(path.name)
        if owner is not None:
            problems.warning(
                where,
                f"tämä on lukitustiedosto: lomake {owner} on auki Excelissä tai LibreOfficessa. "
                "Lomake luetaan sellaisena kuin se viimeksi tallennettiin; tallenna ja sulje se, "
                "ja aja komento uudelleen. Jos mikään ohjelma ei pidä sitä auki, poista "
                "lukitustiedosto.",
            )
            continue
        if path.suffix.casefold() != ".xlsx":
            problems.warning(where, not_xlsx)
            continue
        found.append((path, where))
    return found


def open_form(
    path: Path, where: str, problems: Problems, ask: str, *, data_only: bool = True
) -> Workbook | None:
    """The form opened for random access to its cells; None (and a warning) when it cannot be.

    ``data_only=False`` keeps formulas as formulas, so a reader can refuse them
    instead of taking what the spreadsheet last computed.
    """
    try:
        return open_xlsx(path, read_only=False, data_only=data_only)
    except WorkbookUnreadable as exc:
        message = str(exc).removeprefix(f"{path}: ")
        # a form open elsewhere is fine once closed; anything else needs a new form
        problems.warning(where, message if isinstance(exc, WorkbookLocked) else f"{message} {ask}")
        return None


def marker_rows(
    wb: Workbook, *, sheet: str, kind: str, version: str, what: str
) -> list[tuple[str, str]]:
    """The hidden marker's (label, value) rows, its first row (``kind``, ``version``) checked.

    :class:`BrokenForm` when there is no marker, it is not ``kind``, or another
    layout version; ``what`` names the form in the message (``hytetu-kyselylomake``).
    """
    ws = next((w for w in wb.worksheets if key(w.title) == sheet), None)
    if ws is None:
        raise BrokenForm(
            f"tiedosto ei ole {what} (piilotettu tunnistevälilehti puuttuu). "
            "Se on voitu tallentaa uuteen työkirjaan tai kopioida toiseen tiedostoon."
        )
    rows = [
        (clean_text(a), clean_text(b))
        for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True)
        if a is not None
    ]
    if not rows or rows[0][0] != kind:
        raise BrokenForm("tiedoston tunnistevälilehti on muuttunut, joten sitä ei tunnisteta.")
    if rows[0][1] != version:
        raise BrokenForm(
            f"lomake on tehty hytetun toisella versiolla (lomakkeen versio {rows[0][1]}; "
            f"tämä versio lukee versiota {version})."
        )
    return rows


def marker_sections(
    rows: list[tuple[str, str]], section: str, missing: str
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The marker's header (label -> value, below its first row) and the rows after
    the label ``section``; :class:`BrokenForm` with ``missing`` when there is no such label."""
    labels = [label for label, _ in rows]
    if section not in labels:
        raise BrokenForm(missing)
    split = labels.index(section)
    return dict(rows[1:split]), rows[split + 1 :]


def saved_time(wb: Workbook, path: Path) -> dt.datetime:
    """When the form was last saved: Excel's own record inside the file, else the file time."""
    modified: dt.datetime | None = wb.properties.modified
    made: dt.datetime | None = wb.properties.created
    inside = modified.replace(tzinfo=None) if modified else None
    created = made.replace(tzinfo=None) if made else None
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).replace(tzinfo=None)
    # a form nobody saved again still carries the build's own date; the file time tells more
    if inside is None or (created is not None and inside <= created):
        return mtime
    return inside


def is_this_years(
    county: str, year: str, data: YearData, where: str, problems: Problems, *, of: str, folder: str
) -> bool:
    """Whether the marker's county and year are the workbook's; else a warning.

    ``of`` is what the form belongs to, illative (``kyselyyn``, ``seurantaan``).
    """
    s = data.settings
    if year == str(s.year) and key(county) == key(s.county):
        return True
    problems.warning(
        where,
        f"lomake kuuluu {of} ”{county} {year}”, ei tämän vuoden {of} (”{s.county} {s.year}”). "
        f"Siirrä tiedosto pois kansiosta {folder}/ tai pyydä kunnalta vastaus tämän "
        "vuoden lomakkeella.",
    )
    return False


def known_municipality(
    name: str, data: YearData, where: str, problems: Problems
) -> Municipality | None:
    """The marker's municipality in ``Kunnat``; None and a warning when it is not there."""
    municipality = data.municipality(name)
    if municipality is None:
        known = join_words([m.name for m in data.municipalities], "fi")
        problems.warning(
            where,
            f"lomake on kunnan ”{name}” lomake, mutta sitä kuntaa ei ole "
            f"Kunnat-välilehdellä (kunnat: {known}). Lisää kunta Kunnat-välilehdelle, jos se "
            "kuuluu alueeseen; muuten poista tiedosto kansiosta. Lomaketta ei luettu.",
        )
    return municipality


def by_municipality(forms: Iterable[F], municipality: Callable[[F], str]) -> dict[str, list[F]]:
    """``forms`` grouped by the key of their municipality's name, in first-seen order."""
    groups: dict[str, list[F]] = {}
    for form in forms:
        groups.setdefault(key(municipality(form)), []).append(form)
    return groups


def newest(
    group: list[F],
    municipality: str,
    *,
    file: Callable[[F], str],
    saved: Callable[[F], dt.datetime],
    folder: str,
    problems: Problems,
) -> F:
    """Of one municipality's forms the one saved last (then by file name); the rest are warned."""
    group = sorted(group, key=lambda f: (saved(f), file(f)))
    chosen = group[-1]
    for form in group[:-1]:
        problems.warning(
            file(form),
            f"{municipality}: kunnalta on kaksi lomaketta; uudempi ({file(chosen)}, tallennettu "
            f"{stamp(saved(chosen))}) on käytössä, tätä (tallennettu {stamp(saved(form))}) ei "
            f"käytetty. Poista vanhempi tiedosto kansiosta {folder}/.",
        )
    return chosen


def stamp(moment: dt.datetime) -> str:
    return f"{short_date(moment.date())} klo {moment.hour}.{moment.minute:02d}"
