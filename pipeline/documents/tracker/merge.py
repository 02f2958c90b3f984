"""Merging a rebuilt tracker with the one people have been working in.

A pure function over rows, so that it can be tested with random registers and
random edits: :func:`merge_rows` takes the rows the register gives now and the
rows of the existing tracker, and returns the rows of the new tracker.

The rules (SPEC §3 "The tracker": a later build never loses what people typed):

* A row is identified by its ``Tunnus`` (case- and space-insensitive).
* A decision still in the register: the register's columns (``Päätös``,
  ``Jatkotoimi``, …) are refreshed from the register; what people typed
  (``Tila``, ``Tilannekuvaus``, ``Päivitetty``) and the columns they added are kept.
* A decision no longer in the register keeps its row and every value, marked
  ``poistettu rekisteristä`` in the ``Rekisterissä`` column.
* Cell comments people wrote stay with their row and column.
* A row people added themselves (no ``Tunnus``, or marked ``oma rivi``) is kept as is.
* A new decision starts as ``Ei aloitettu``.
* Rows stay in the order people left them (they may have sorted the sheet);
  a new decision goes right after the decision that precedes it in the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.contract.tracker import IN_REGISTER, OWN_ROW, REGISTER_COLUMN, REGISTER_OWNED, REMOVED
from pipeline.contract.values import key
from pipeline.documents.tracker.rows import TrackerRow


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


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _own(row: TrackerRow, marked: bool) -> bool:
    """A row people added: no id, or marked ``oma rivi`` (or left unmarked) by them."""
    if _is_blank(row.values.get("Tunnus")):
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
) -> tuple[list[TrackerRow], MergeReport]:
    """The rows of the new tracker: ``fresh`` (from the register) merged into ``old``.

    ``marked`` says whether the old tracker had the ``Rekisterissä`` column; an
    older tracker without it held only register rows and rows without an id.
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
            for name in REGISTER_OWNED:
                values[name] = new.values.get(name)
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
