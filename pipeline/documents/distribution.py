"""The distribution list ``jakelulista`` (SPEC §3): who receives which of the build's files.

For the coordinator, in Finnish. Sheet ``Jakelulista`` has one row per
recipient: every participant, and every municipality's registry (kirjaamo),
through which the municipality's political bodies receive the minutes and the
pre-materials. Each row lists the files the recipient should get, in the
recipient's language(s). Sheet ``Postituslistat`` has one row per mailing (a
negotiation's documents, its minutes to the registries, each audience's
pre-tasks) per language group, with the addresses joined by ``; `` so the
cell can be pasted into an e-mail's recipient field.

Which files go to whom:

* a negotiation's participants: its ``kutsu``, ``asialista``,
  ``ennakkomateriaali`` and ``poytakirja``, in the languages of their
  municipality (bilingual: both), or the negotiation's languages for people of
  the county and other organisations;
* a municipality's registry: the minutes and the pre-materials of its
  negotiation, in the municipality's languages;
* the pre-tasks (``ennakkotehtava``) go to their audience: municipality
  contacts (role ``yhdyshenkilö``; a municipality without one: all its
  people) get the municipalities' pre-task and their own municipality's
  survey form, the county's people the social and health services' one, the
  NGO advisory board's people theirs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline.contract import naming, schema
from pipeline.contract.i18n import t
from pipeline.contract.outputs import Output
from pipeline.contract.values import key
from pipeline.render.xlsx import set_properties, set_text, workbook_bytes
from pipeline.workbook.model import Negotiation, Participant, YearData

SHEET = "Jakelulista"
MAILING_SHEET = "Postituslistat"
KIND_PARTICIPANT = "osallistuja"
KIND_REGISTRY = "kirjaamo"
REGISTRY_NAME = "Kirjaamo"
LANGUAGE_NAMES = {"fi": "suomi", "sv": "ruotsi"}
#: a negotiation's documents, in the order they are sent
NEGOTIATION_DOCS = ("kutsu", "asialista", "ennakkomateriaali", "poytakirja")
#: what the registries pass on to the municipality's political bodies
REGISTRY_DOCS = ("ennakkomateriaali", "poytakirja")
#: pre-task audiences as their file names carry them: ``ennakkotehtava_<audience>_<kieli>``
AUDIENCE_MUNICIPALITIES, AUDIENCE_SERVICES, AUDIENCE_NGO = "kunnat", "sote", "jarjestot"
AUDIENCE_LABELS = {
    AUDIENCE_MUNICIPALITIES: "kunnat",
    AUDIENCE_SERVICES: "sosiaali- ja terveyspalvelut",
    AUDIENCE_NGO: "järjestöneuvottelukunta",
}
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
    ("Huomio", 40),
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
)

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_MISSING_FILL = PatternFill("solid", fgColor="F8CBAD")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Recipient:
    name: str
    kind: str  # KIND_PARTICIPANT or KIND_REGISTRY
    organisation: str
    email: str
    languages: tuple[str, ...]
    negotiations: tuple[str, ...]
    #: paths (relative to DIR/<Vuosi>/) of the files this recipient should get
    documents: tuple[str, ...]
    title: str = ""
    role: str = ""
    elected: bool = False
    phone: str = ""
    #: the municipality the recipient belongs to (Finnish name), if any
    municipality: str = ""
    note: str = ""


@dataclass(frozen=True)
class Mailing:
    label: str
    negotiation: str
    languages: tuple[str, ...]
    recipients: tuple[Recipient, ...]
    attachments: tuple[str, ...]

    @property
    def emails(self) -> list[str]:
        seen: dict[str, str] = {}
        for r in self.recipients:
            if r.email and key(r.email) not in seen:
                seen[key(r.email)] = r.email
        return list(seen.values())

    @property
    def without_email(self) -> list[str]:
        return [_display_name(r) for r in self.recipients if not r.email]


def _display_name(r: Recipient) -> str:
    return f"{r.name} ({r.organisation})"


def audience(output: Output) -> str:
    """The audience a pre-task file is for, read from its name; empty for other files."""
    if output.doc_type != "ennakkotehtava":
        return ""
    stem = output.path.rsplit("/", 1)[-1].split(".", 1)[0]
    parts = stem.split("_")
    return parts[1] if len(parts) > 2 else ""


def languages_in(
    data: YearData, negotiation: Negotiation, municipality: str | None
) -> tuple[str, ...]:
    """The languages someone of ``municipality`` (None: not a municipality) reads ``negotiation``'s documents in."""
    made = data.languages_of(negotiation)
    m = data.municipality(municipality) if municipality else None
    if m is None:
        return made
    wanted = {lang for lang in schema.DOCUMENT_LANGUAGES[m.language] if lang in made}
    return _ordered(wanted) or made


def _ordered(langs: set[str]) -> tuple[str, ...]:
    return tuple(lang for lang in ("fi", "sv") if lang in langs)


@dataclass
class _Files:
    """The build's outputs indexed the ways recipients are matched to them, in build order."""

    #: key(negotiation code) → its NEGOTIATION_DOCS outputs
    by_negotiation: dict[str, list[Output]]
    #: pre-task audience → its ``ennakkotehtava`` outputs
    by_audience: dict[str, list[Output]]
    #: key(municipality) → its survey forms
    forms: dict[str, list[Output]]
    #: municipality (as typed) → whether it has someone with the role ``yhdyshenkilö``
    has_contact: dict[str, bool]

    @classmethod
    def of(cls, data: YearData, outputs: list[Output]) -> _Files:
        files = cls({}, {}, {}, {})
        for o in outputs:
            if o.doc_type in NEGOTIATION_DOCS:
                files.by_negotiation.setdefault(key(o.negotiation), []).append(o)
            if audience(o):
                files.by_audience.setdefault(audience(o), []).append(o)
            if o.doc_type == "ennakkokysely":
                files.forms.setdefault(key(o.municipality), []).append(o)
        for p in data.participants:
            if p.municipality:
                contact = files.has_contact.get(p.municipality, False)
                files.has_contact[p.municipality] = contact or p.role == "yhdyshenkilö"
        return files


def _pretask_audience(data: YearData, p: Participant, files: _Files) -> str:
    if p.is_county:
        return AUDIENCE_SERVICES
    if key(p.organisation) == key(schema.ORG_NGO):
        return AUDIENCE_NGO
    if p.municipality and (not files.has_contact[p.municipality] or p.role == "yhdyshenkilö"):
        return AUDIENCE_MUNICIPALITIES
    return ""


def _participant(data: YearData, p: Participant, files: _Files) -> Recipient:
    langs: set[str] = set()
    docs: list[str] = []
    for code in p.negotiations:
        n = data.negotiation(code)
        if n is None:
            continue
        wanted = languages_in(data, n, p.municipality)
        langs.update(wanted)
        docs += [o.path for o in files.by_negotiation.get(key(n.code), ()) if o.lang in wanted]
    group = _pretask_audience(data, p, files)
    if group:
        if p.municipality:
            m = data.municipality(p.municipality)
            assert m is not None
            pre_langs = set(schema.DOCUMENT_LANGUAGES[m.language])
        else:
            pre_langs = langs or set(data.languages)
        langs |= pre_langs
        pre = [o.path for o in files.by_audience.get(group, ()) if o.lang in pre_langs]
        forms = (
            [o.path for o in files.forms.get(key(p.municipality or ""), ())]
            if group == AUDIENCE_MUNICIPALITIES
            else []
        )
        docs = pre + forms + docs
    note = (
        ""
        if p.email
        else f"Sähköposti puuttuu: lisää se {schema.SHEET_PARTICIPANTS}-välilehden riville {p.row}."
    )
    if not p.negotiations:
        note = " ".join(x for x in (note, "Ei osallistu mihinkään neuvotteluun.") if x)
    return Recipient(
        name=p.name,
        kind=KIND_PARTICIPANT,
        organisation=_organisation(data, p.organisation),
        email=p.email,
        languages=_ordered(langs),
        negotiations=p.negotiations,
        documents=tuple(dict.fromkeys(docs)),
        title=p.title,
        role=p.role,
        elected=p.elected,
        phone=p.phone,
        municipality=p.municipality or "",
        note=note,
    )


def _organisation(data: YearData, organisation: str) -> str:
    return data.settings.county if organisation == schema.ORG_COUNTY else organisation


def recipients(data: YearData, outputs: list[Output]) -> list[Recipient]:
    """Every participant, then every municipality's registry, each with their files."""
    files = _Files.of(data, outputs)
    result = [_participant(data, p, files) for p in data.participants]
    for m in data.municipalities:
        n = data.negotiation_of(m)
        wanted = languages_in(data, n, m.name) if n else ()
        docs = tuple(
            o.path
            for o in (files.by_negotiation.get(key(n.code), ()) if n is not None else ())
            if o.doc_type in REGISTRY_DOCS and o.lang in wanted
        )
        note = "Välittää pöytäkirjan ja ennakkomateriaalin kunnan toimielimille."
        if not m.registry_email:
            note = (
                "Kirjaamon sähköposti puuttuu: lisää se Kunnat-välilehden sarakkeeseen "
                f"Kirjaamon sähköposti (rivi {m.row}). {note}"
            )
        result.append(
            Recipient(
                name=f"{REGISTRY_NAME}, {m.name}",
                kind=KIND_REGISTRY,
                organisation=m.name,
                email=m.registry_email,
                languages=wanted,
                negotiations=(n.code,) if n else (),
                documents=docs,
                role=KIND_REGISTRY,
                municipality=m.name,
                note=note,
            )
        )
    return result


def mailings(data: YearData, people: list[Recipient], outputs: list[Output]) -> list[Mailing]:
    """One mailing per pre-task audience and per negotiation (documents; minutes to registries), per language group."""
    result: list[Mailing] = []
    for group, label in AUDIENCE_LABELS.items():
        files = [o for o in outputs if audience(o) == group]
        if not files:
            continue
        paths = {f.path for f in files}
        receivers = [
            r for r in people if r.kind == KIND_PARTICIPANT and not paths.isdisjoint(r.documents)
        ]
        title = f"Ennakkotehtävät: {label}"
        if group == AUDIENCE_MUNICIPALITIES and any(o.doc_type == "ennakkokysely" for o in outputs):
            title += " (liitä myös kunnan oma ennakkokysely, ks. Jakelulista)"
        result += _by_language(title, "", receivers, files)
    for n in data.negotiations:
        files = [
            o
            for o in outputs
            if o.doc_type in NEGOTIATION_DOCS and key(o.negotiation) == key(n.code)
        ]
        for kind, label, docs in (
            (KIND_PARTICIPANT, "Neuvottelun asiakirjat osallistujille", NEGOTIATION_DOCS),
            (KIND_REGISTRY, "Pöytäkirja ja ennakkomateriaali kirjaamoihin", REGISTRY_DOCS),
        ):
            receivers = [r for r in people if r.kind == kind and n.code in r.negotiations]
            chosen = [o for o in files if o.doc_type in docs]
            result += _by_language(label, n.code, receivers, chosen, negotiation=n, data=data)
    return result


def _by_language(
    label: str,
    code: str,
    receivers: list[Recipient],
    files: list[Output],
    *,
    negotiation: Negotiation | None = None,
    data: YearData | None = None,
) -> list[Mailing]:
    groups: dict[tuple[str, ...], list[Recipient]] = {}
    for r in receivers:
        if negotiation is not None and data is not None:
            langs = languages_in(data, negotiation, r.municipality or None)
        else:
            langs = tuple(lang for lang in r.languages if any(f.lang == lang for f in files))
        groups.setdefault(langs, []).append(r)
    return [
        Mailing(
            label=label,
            negotiation=code,
            languages=langs,
            recipients=tuple(members),
            attachments=tuple(f.path for f in files if f.lang in langs),
        )
        for langs, members in sorted(groups.items(), key=lambda g: (len(g[0]), g[0]))
    ]


def _languages_text(langs: tuple[str, ...]) -> str:
    return ", ".join(LANGUAGE_NAMES[lang] for lang in langs)


def _header(ws, columns: tuple[tuple[str, int], ...]) -> None:
    for index, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        set_text(cell, name)
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[1].height = 30  # room for a wrapped header
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _row(ws, row: int, values: list[str], columns: tuple[tuple[str, int], ...]) -> None:
    lines = 1
    for index, (value, (_, width)) in enumerate(zip(values, columns, strict=True), start=1):
        cell = ws.cell(row=row, column=index)
        set_text(cell, value)
        cell.alignment = _WRAP
        # neither Excel nor LibreOffice grows a row for wrapped text written by a program
        lines = max(lines, sum(max(1, math.ceil(len(part) / width)) for part in value.split("\n")))
    ws.row_dimensions[row].height = 15 * lines


def distribution_workbook(data: YearData, outputs: list[Output]) -> Workbook:
    people = recipients(data, outputs)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _header(ws, COLUMNS)
    for r, person in enumerate(people, start=2):
        _row(
            ws,
            r,
            [
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
            ],
            COLUMNS,
        )
    last = len(people) + 1
    last_col = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{last}"
    email = get_column_letter(HEADERS.index("Sähköposti") + 1)
    # a rule, not a fixed colour: an address typed in later clears the mark
    ws.conditional_formatting.add(
        f"A2:{last_col}{max(last, 2)}",
        FormulaRule(formula=[f"LEN(TRIM(${email}2))=0"], fill=_MISSING_FILL),
    )

    mail = wb.create_sheet(MAILING_SHEET)
    _header(mail, MAILING_COLUMNS)
    for r, m in enumerate(mailings(data, people, outputs), start=2):
        _row(
            mail,
            r,
            [
                m.label,
                m.negotiation,
                _languages_text(m.languages),
                "",
                SEPARATOR.join(m.emails),
                SEPARATOR.join(m.without_email),
                "\n".join(m.attachments),
            ],
            MAILING_COLUMNS,
        )
        mail.cell(row=r, column=4).value = len(m.recipients)
    mail.auto_filter.ref = f"A1:{get_column_letter(len(MAILING_COLUMNS))}{max(mail.max_row, 1)}"
    return wb


def distribution_list(job) -> list[Output]:
    """Producer: the county's distribution list, from what the build has made so far."""

    data = job.data
    wb = distribution_workbook(data, list(job.outputs))
    title = f"{t('title_jakelulista', 'fi')} {data.settings.year}"
    set_properties(wb, job.properties(title, "jakelulista", "fi"))
    return [
        Output(
            path=naming.output_path("jakelulista", str(data.settings.year), ext="xlsx"),
            doc_type="jakelulista",
            title=title,
            content=workbook_bytes(wb),
            personal_data=True,
        )
    ]
