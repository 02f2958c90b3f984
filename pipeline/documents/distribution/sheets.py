"""The distribution list ``jakelulista`` (SPEC §3) as the coordinator opens it, in Finnish.

Sheet ``Jakelulista`` has one row per recipient (:func:`~.recipients.recipients`)
with the files each should get; sheet ``Postituslistat`` one row per mailing
(:func:`~.recipients.mailings`), its addresses joined by ``; `` so the cell can be
pasted into an e-mail's recipient field.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.contract import naming
from pipeline.contract.grammar import join_words
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.documents.distribution.recipients import recipients
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.documents.mailings import CALENDAR_TYPE, KIND_INVITATION, KIND_MINUTES, Plan
from pipeline.render.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    cell_at,
    copy_style,
    first_sheet,
    fit_to_page_width,
    formula_rule,
    set_properties,
    set_text,
    set_text_unstyled,
    workbook_bytes,
)
from pipeline.workbook.model import YearData

SHEET = "Jakelulista"
MAILING_SHEET = "Postituslistat"
NO_ADDRESS_SHEET = "Ilman sähköpostia"
MAILING_KINDS = {
    KIND_INVITATION: "Kutsu ja asiakirjat",
    KIND_MINUTES: "Pöytäkirja",
    "ennakkotehtava": "Ennakkotehtävä",
}
LANGUAGE_NAMES = {"fi": "suomi", "sv": "ruotsi"}
SEPARATOR = "; "

#: (header, width) of the recipients sheet
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Vastaanottaja", 26),
    ("Tyyppi", 12),
    ("Organisaatio", 26),
    ("Tehtävä", 24),
    ("Rooli", 14),
    ("Luottamushenkilö", 10),
    ("Sähköposti", 32),
    ("Puhelin", 16),
    ("Kieli", 14),
    ("Neuvottelut", 18),
    ("Asiakirjat", 60),
    ("Huomautus", 40),
)
HEADERS = tuple(h for h, _ in COLUMNS)
MAILING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Lähetys", 34),
    ("Neuvottelu", 14),
    ("Kieli", 14),
    ("Vastaanottajia", 10),
    ("Sähköpostit", 70),
    ("Ilman sähköpostia", 34),
    ("Liitteet", 60),
    ("Sähköpostiluonnos", 40),
    ("Kalenterikutsu", 36),
)
NO_ADDRESS_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Vastaanottaja", 34),
    ("Mistä lisätä osoite", 30),
    ("Jää pois luonnoksista", 60),
)

_MISSING_FILL = PatternFill("solid", fgColor="F8CBAD")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _languages_text(langs: tuple[str, ...]) -> str:
    return join_words([LANGUAGE_NAMES[lang] for lang in langs], "fi")


def _header(ws: Worksheet, columns: tuple[tuple[str, int], ...]) -> None:
    for index, (name, width) in enumerate(columns, start=1):
        cell = cell_at(ws, 1, index)
        set_text(cell, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[1].height = 30  # room for a wrapped header
    ws.freeze_panes = "A2"
    fit_to_page_width(ws, "landscape", "1:1")


def _row(
    ws: Worksheet, row: int, values: Sequence[str], columns: tuple[tuple[str, int], ...]
) -> None:
    lines = 1
    first: Cell | None = None
    for index, (value, (_, width)) in enumerate(zip(values, columns, strict=True), start=1):
        cell = cell_at(ws, row, index)
        if first is None:
            set_text(cell, value)
            cell.alignment = _WRAP
            first = cell
        else:  # styled as the first: an alignment set_text would give it is _WRAP anyway
            set_text_unstyled(cell, value)
            copy_style(first, cell)
        # neither Excel nor LibreOffice grows a row for wrapped text written by a program
        lines = max(lines, sum(max(1, math.ceil(len(part) / width)) for part in value.split("\n")))
    ws.row_dimensions[row].height = 15 * lines


@dataclass(frozen=True)
class Sheets:
    """The distribution list's rows, sheet by sheet, as its cells show them."""

    people: tuple[tuple[str, ...], ...]
    #: each mailing's row, and its number of recipients (a number cell)
    mailings: tuple[tuple[tuple[str, ...], int], ...]
    without_address: tuple[tuple[str, ...], ...]


def distribution_rows(data: YearData, outputs: Sequence[Output], plan: Plan) -> Sheets:
    """What the distribution list of ``outputs`` and ``plan`` shows, row by row."""
    people = tuple(
        (
            person.name,
            person.kind,
            person.organisation,
            person.title,
            person.role,
            "kyllä" if person.elected else "",
            person.email,
            person.phone,
            _languages_text(person.languages),
            ", ".join(person.negotiations),
            "\n".join(person.documents),
            person.note,
        )
        for person in recipients(data, outputs)
    )
    mailings = tuple(
        (
            (
                MAILING_KINDS.get(m.kind, m.kind),
                m.negotiation or m.municipality or m.audience,
                _languages_text((m.lang,)),
                "",
                SEPARATOR.join(a.email for a in (*m.to, *m.bcc)),
                SEPARATOR.join(m.without_email),
                "\n".join(o.path for o in m.attachments),
                m.path,
                "\n".join(o.path for o in m.attachments if o.doc_type == CALENDAR_TYPE),
            ),
            len(m.to) + len(m.bcc),
        )
        for m in plan.mailings
    )
    # who the drafts leave out, once each, and where to add the address
    left_out: dict[str, list[str]] = {}
    for m in plan.mailings:
        for label in m.without_email:
            left_out.setdefault(label, []).append(m.path)
    for why in plan.skipped:
        path, _, rest = why.partition(": ")
        names = rest[rest.rfind("(") + 1 : rest.rfind(")")] if "(" in rest else ""
        for label in filter(None, (x.strip() for x in names.split(", "))):
            left_out.setdefault(label, []).append(path)
    places = {
        f"{p.name} ({p.organisation})": f"Osallistujat, rivi {p.row}" for p in data.participants
    }
    places |= {f"Kirjaamo ({x.name})": f"Kunnat, rivi {x.row}" for x in data.municipalities}
    for p in data.participants:  # also those in no mailing at all
        if not p.email:
            left_out.setdefault(f"{p.name} ({p.organisation})", [])
    without = tuple(
        (label, places.get(label, ""), "\n".join(paths)) for label, paths in left_out.items()
    )
    return Sheets(people, mailings, without)


def sheets_workbook(sheets: Sheets) -> Workbook:
    """The distribution list's workbook showing ``sheets``."""
    wb = Workbook()
    ws = first_sheet(wb, SHEET)
    _header(ws, COLUMNS)
    for r, values in enumerate(sheets.people, start=2):
        _row(ws, r, values, COLUMNS)
    last = len(sheets.people) + 1
    last_col = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{last}"
    email = get_column_letter(HEADERS.index("Sähköposti") + 1)
    # a rule, not a fixed colour: an address typed in later clears the mark
    ws.conditional_formatting.add(
        f"A2:{last_col}{max(last, 2)}",
        formula_rule(f"LEN(TRIM(${email}2))=0", fill=_MISSING_FILL),
    )

    mail = wb.create_sheet(MAILING_SHEET)
    _header(mail, MAILING_COLUMNS)
    for r, (values, count) in enumerate(sheets.mailings, start=2):
        _row(mail, r, values, MAILING_COLUMNS)
        cell_at(mail, r, 4).value = count
    mail.auto_filter.ref = f"A1:{get_column_letter(len(MAILING_COLUMNS))}{max(mail.max_row, 1)}"

    missing = wb.create_sheet(NO_ADDRESS_SHEET)
    _header(missing, NO_ADDRESS_COLUMNS)
    for r, values in enumerate(sheets.without_address, start=2):
        _row(missing, r, values, NO_ADDRESS_COLUMNS)
    return wb


def distribution_list(inputs: BuildInputs, outputs: Sequence[Output], plan: Plan) -> Made:
    """Producer: the county's distribution list of ``outputs`` (every other file of the build)
    and of the mailings of ``plan``, each with its draft and calendar file."""
    data = inputs.data
    title = f"{t('title_jakelulista', 'fi')} {data.settings.year}"
    props = inputs.properties(title, "jakelulista", "fi")

    sheets = distribution_rows(data, outputs, plan)

    def make() -> bytes:
        wb = sheets_workbook(sheets)
        set_properties(wb, props)
        return workbook_bytes(wb)

    output = Output(
        path=naming.output_path("jakelulista", str(data.settings.year), ext="xlsx"),
        doc_type="jakelulista",
        title=title,
        # a rebuild takes the list made from the same (#17)
        content=inputs.reuse(make, "jakelulista", sheets, props),
        personal_data=True,
    )
    return Made.of([output])
