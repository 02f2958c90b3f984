"""The tracker's rows: one per decision of the register, values keyed by the sheet's headers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.contract import schema
from pipeline.contract.tracker import IN_REGISTER, REGISTER_COLUMN, WHOLE_AREA
from pipeline.contract.values import parse_date
from pipeline.workbook.model import YearData


class Formula(str):
    """A formula a person wrote into the tracker (kept a formula; plain text never becomes one)."""


def cell_date(value: object) -> dt.date | None:
    """A tracker cell's value as a date; None when empty, a formula or not a date."""
    if isinstance(value, Formula):
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


@dataclass
class TrackerRow:
    values: dict[str, object]
    #: columns the users added, carried over by a rebuild: header -> value
    extra: dict[str, object] = field(default_factory=dict)
    #: cell comments people wrote: header -> (text, author)
    comments: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: the row's number in the tracker file it was read from (0: not read from a file)
    source_row: int = 0

    @property
    def id(self) -> str:
        return str(self.values.get("Tunnus") or "")


def rows_from_register(data: YearData) -> list[TrackerRow]:
    rows = []
    for d in data.decisions:
        rows.append(
            TrackerRow(
                {
                    "Tunnus": d.id,
                    "Neuvottelu": d.negotiation,
                    "Kunta": d.municipality or WHOLE_AREA,
                    "Asiakohta": d.agenda_item,
                    "Painopiste": d.priority,
                    "Päätös": d.decision,
                    "Jatkotoimi": d.follow_up,
                    "Vastuutaho": d.responsible,
                    "Yhteistyöfoorumi": d.forum,
                    "Seurantavastuu": d.monitoring,
                    "Määräaika": d.deadline,
                    "Tila": schema.DEFAULT_STATUS,
                    "Tilannekuvaus": "",
                    "Päivitetty": None,
                    REGISTER_COLUMN: IN_REGISTER,
                }
            )
        )
    return rows


def date_in(row: TrackerRow, column: str) -> dt.date | None:
    """The date in ``column`` (a date, or text that reads as one); None otherwise."""
    return cell_date(row.values.get(column))
