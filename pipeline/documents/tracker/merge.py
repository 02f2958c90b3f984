"""Merging a rebuilt tracker with the one people have been working in.

A pure function over rows, so that it can be tested with random registers and
random edits: :func:`merge_rows` takes the rows the register gives now and the
rows of the existing tracker, and returns the rows of the new tracker.

The rules (SPEC §3 "The tracker": a later build never loses what people typed):

* A row is identified by its ``Tunnus`` (case- and space-insensitive).
* A decision still in the register: the register's columns (``Päätös``,
  ``Jatkotoimi``, …) are refreshed from the register; what people typed
  (``Tila``, ``Tilannekuvaus``, ``Päivitetty``) and the columns they added are kept.
  What people typed into a register column is overwritten, so the report lists
  each such cell (:attr:`MergeReport.overwritten`) for the build to warn about.
* A decision no longer in the register keeps its row and every value, marked
  ``poistettu rekisteristä`` in the ``Rekisterissä`` column.
* Cell comments people wrote stay with their row and column.
* A row people added themselves (no ``Tunnus``, or marked ``oma rivi``) is kept as is.
* A new decision starts as ``Ei aloitettu``.
* Rows stay in the order people left them (they may have sorted the sheet);
  a new decision goes right after the decision that precedes it in the register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.contract.tracker import IN_REGISTER, OWN_ROW, REGISTER_COLUMN, REGISTER_OWNED, REMOVED
from pipeline.contract.values import clean_text, is_blank, key
from pipeline.documents.tracker.rows import Formula, TrackerRow, cell_date
from pipeline.documents.tracker.snapshot import Snapshot, fingerprint


@dataclass(frozen=True)
class Overwritten:
    """A register column edited in the tracker, which the rebuild overwrote from the register."""

    ident: str
    column: str
    #: the row's number in the tracker file people edited (0: unknown)
    row: int
    typed: object
    register: object


@dataclass
class MergeReport:
    """What a rebuild did to the rows of the existing tracker."""

    #: decisions whose row (and typed values) came from the existing tracker
    carried: list[str] = field(default_factory=list)
    #: new decisions, starting ``Ei aloitettu``
    added: list[str] = field(default_factory=list)
    #: decisions that left the register in this build; their rows are kept and marked
    removed: list[str] = field(default_factory=list)
    #: rows already marked removed by an earlier build, still kept
    removed_before: int = 0
    #: rows people added themselves, kept as they are
    own_rows: int = 0
    #: columns people added to the tracker sheet, carried over
    extra_columns: list[str] = field(default_factory=list)
    #: sheets people added to the tracker workbook, carried over
    extra_sheets: list[str] = field(default_factory=list)
    #: register columns people edited in the tracker, overwritten from the register
    overwritten: list[Overwritten] = field(default_factory=list)

    @property
    def overwritten_rows(self) -> list[str]:
        """The decisions with an :attr:`overwritten` cell, once each, in row order."""
        return list(dict.fromkeys(o.ident for o in self.overwritten))


def same_value(typed: object, register: object) -> bool:
    """Whether a register column's cell in the tracker still says what the register says."""
    if isinstance(typed, Formula):
        return False
    if isinstance(register, dt.date) or isinstance(typed, dt.date):
        as_typed, in_register = cell_date(typed), cell_date(register)
        if as_typed is not None or in_register is not None:
            return as_typed == in_register
    return clean_text(typed) == clean_text(register)


def _edited(row: TrackerRow, name: str, register: object, written: dict[str, str] | None) -> bool:
    """Whether people typed into the register column ``name`` something the register lacks."""
    if name not in row.values or same_value(row.values[name], register):
        return False
    if written is None or name not in written:
        return True
    return fingerprint(row.values[name]) != written[name]


def _own(row: TrackerRow, marked: bool) -> bool:
    """A row people added: no id, or marked ``oma rivi`` (or left unmarked) by them."""
    if is_blank(row.values.get("Tunnus")):
        return True
    if not marked:
        return False  # a tracker from before the Rekisterissä column: all rows were the register's
    mark = row.values.get(REGISTER_COLUMN)
    return not (isinstance(mark, str) and key(mark) in (key(IN_REGISTER), key(REMOVED)))


def merge_rows(
    fresh: list[TrackerRow],
    old: list[TrackerRow],
    *,
    marked: bool = True,
    snapshot: Snapshot | None = None,
) -> tuple[list[TrackerRow], MergeReport]:
    """The rows of the new tracker: ``fresh`` (from the register) merged into ``old``.

    ``marked`` says whether the old tracker had the ``Rekisterissä`` column; an
    older tracker without it held only register rows and rows without an id.
    ``snapshot``: what the previous build wrote into the register columns
    (:mod:`~pipeline.documents.tracker.snapshot`); a register cell that differs from
    the register now is reported as edited only if it also differs from what was
    written (else the register changed). Without one, every difference is reported.
    Neither input is modified.
    """
    report = MergeReport()
    fresh_by_id = {key(r.id): r for r in fresh}
    merged: list[TrackerRow] = []
    placed: dict[str, int] = {}  # key(id) -> index in merged, for register rows
    for row in old:
        values = dict(row.values)
        extra = dict(row.extra)
        ident = key(str(values.get("Tunnus") or ""))
        if _own(row, marked) or ident in placed:
            # people's own row, or a second copy of a decision's row: kept verbatim
            values[REGISTER_COLUMN] = OWN_ROW
            report.own_rows += 1
            merged.append(TrackerRow(values, extra, dict(row.comments)))
            continue
        new = fresh_by_id.get(ident)
        if new is None:
            mark = values.get(REGISTER_COLUMN)
            if isinstance(mark, str) and key(mark) == key(REMOVED):
                report.removed_before += 1
            else:
                report.removed.append(str(values.get("Tunnus")))
            values[REGISTER_COLUMN] = REMOVED
        else:
            written = snapshot.get(ident) if snapshot is not None else None
            for name in REGISTER_OWNED:
                fresh_value = new.values.get(name)
                if _edited(row, name, fresh_value, written):
                    report.overwritten.append(
                        Overwritten(new.id, name, row.source_row, row.values[name], fresh_value)
                    )
                values[name] = fresh_value
            values[REGISTER_COLUMN] = IN_REGISTER
            report.carried.append(new.id)
        placed[ident] = len(merged)
        merged.append(TrackerRow(values, extra, dict(row.comments)))

    # new decisions: right after the closest earlier register decision already placed
    for index, row in enumerate(fresh):
        ident = key(row.id)
        if ident in placed:
            continue
        at = 0
        for earlier in reversed(fresh[:index]):
            if key(earlier.id) in placed:
                at = placed[key(earlier.id)] + 1
                break
        else:
            later = [placed[key(r.id)] for r in fresh[index + 1 :] if key(r.id) in placed]
            at = min(later) if later else len(merged)
        values = dict(row.values)
        values[REGISTER_COLUMN] = IN_REGISTER
        merged.insert(at, TrackerRow(values, dict(row.extra), dict(row.comments)))
        for k, position in placed.items():
            if position >= at:
                placed[k] = position + 1
        placed[ident] = at
        report.added.append(row.id)
    return merged, report
