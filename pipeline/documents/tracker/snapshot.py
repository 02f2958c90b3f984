"""What the build wrote into the tracker's register columns, kept in the tracker itself.

A rebuild overwrites the register columns (``Päätös``, ``Jatkotoimi``, …) from the
register. To warn only about what a person typed there, and not about every change
made in the workbook's ``Päätökset`` sheet, the build keeps a fingerprint of each
register cell it wrote in a very hidden sheet (:data:`SNAPSHOT_SHEET`), by
``Tunnus`` so that sorting the tracker does not matter. A cell whose value no
longer matches its fingerprint was edited in the tracker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from openpyxl import Workbook

from pipeline.contract.tracker import IN_REGISTER, REGISTER_COLUMN, REGISTER_OWNED, SNAPSHOT_SHEET
from pipeline.contract.values import clean_text, key
from pipeline.documents.tracker.rows import Formula, TrackerRow
from pipeline.render.xlsx import cell_at, set_text

#: by key(Tunnus): register column -> fingerprint of what the build wrote there
Snapshot = dict[str, dict[str, str]]

_SEPARATOR = " "


def fingerprint(value: object) -> str:
    """A short digest of a cell's value as the tracker shows it (a formula never matches text)."""
    if isinstance(value, Formula):
        text = "\0formula\0" + str(value)
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        text = value.date().isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = clean_text(value)
    return hashlib.blake2s(text.encode(), digest_size=6).hexdigest()


def write_snapshot(wb: Workbook, rows: Iterable[TrackerRow]) -> None:
    """The fingerprints of the register columns of ``rows`` still in the register."""
    ws = wb.create_sheet(SNAPSHOT_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    set_text(cell_at(ws, 1, 1), "Tunnus")
    set_text(cell_at(ws, 1, 2), _SEPARATOR.join(REGISTER_OWNED))
    r = 2
    for row in rows:
        if not row.id or row.values.get(REGISTER_COLUMN) != IN_REGISTER:
            continue
        set_text(cell_at(ws, r, 1), row.id)
        digests = (fingerprint(row.values.get(name)) for name in REGISTER_OWNED)
        set_text(cell_at(ws, r, 2), _SEPARATOR.join(digests))
        r += 1


def read_snapshot(wb: Workbook) -> Snapshot | None:
    """The fingerprints a previous build left; None when the tracker has none (an older one)."""
    if SNAPSHOT_SHEET not in wb.sheetnames:
        return None
    ws = wb[SNAPSHOT_SHEET]
    columns = clean_text(ws.cell(row=1, column=2).value).split(_SEPARATOR)
    snapshot: Snapshot = {}
    for ident, digests in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        found = clean_text(digests).split(_SEPARATOR)
        if ident is not None and len(found) == len(columns):
            snapshot[key(clean_text(ident))] = dict(zip(columns, found, strict=True))
    return snapshot
