"""Who receives which of the build's files (SPEC §3 ``jakelulista``): recipients and mailings.

Recipients are every participant and every municipality's registry (kirjaamo),
through which the municipality's political bodies receive the minutes and the
pre-materials; each gets the files meant for them, in their language(s). A
mailing is a negotiation's documents, its minutes to the registries, or an
audience's pre-tasks, per language group.

Which files go to whom:

* a negotiation's participants: its ``kutsu``, ``asialista``,
  ``ennakkomateriaali`` and ``poytakirja``, in the one language their e-mail
  drafts are in (:func:`pipeline.documents.mailings.person_language`: their
  municipality's main language, else the negotiation's first language);
* a municipality's registry: the minutes and the pre-materials of its
  negotiation, in the municipality's languages
  (:func:`pipeline.documents.mailings.registry_languages`);
* the pre-tasks (``ennakkotehtava``) go to their audience: municipality
  contacts (role ``yhdyshenkilö``; a municipality without one: all its
  people) get the municipalities' pre-task and their own municipality's
  survey form, the county's people the social and health services' one, the
  NGO advisory board's people theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.contract import schema
from pipeline.contract.outputs import Output
from pipeline.contract.values import key
from pipeline.documents.mailings import person_language, registry_languages
from pipeline.documents.vocab import MAILING_LABELS, Audience
from pipeline.workbook.model import Negotiation, Participant, YearData

KIND_PARTICIPANT = "osallistuja"
KIND_REGISTRY = "kirjaamo"
REGISTRY_NAME = "Kirjaamo"
#: a negotiation's documents, in the order they are sent
NEGOTIATION_DOCS = ("kutsu", "asialista", "ennakkomateriaali", "poytakirja")
#: what the registries pass on to the municipality's political bodies
REGISTRY_DOCS = ("ennakkomateriaali", "poytakirja")


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
    by_audience: dict[Audience, list[Output]]
    #: key(municipality) → its survey forms
    forms: dict[str, list[Output]]
    #: municipality (as typed) → whether it has someone with the role ``yhdyshenkilö``
    has_contact: dict[str, bool]

    @classmethod
    def of(cls, data: YearData, outputs: Sequence[Output]) -> _Files:
        files = cls({}, {}, {}, {})
        for o in outputs:
            if o.doc_type in NEGOTIATION_DOCS:
                files.by_negotiation.setdefault(key(o.negotiation), []).append(o)
            if o.audience:
                files.by_audience.setdefault(Audience(o.audience), []).append(o)
            if o.doc_type == "ennakkokysely":
                files.forms.setdefault(key(o.municipality), []).append(o)
        for p in data.participants:
            if p.municipality:
                contact = files.has_contact.get(p.municipality, False)
                files.has_contact[p.municipality] = contact or p.role == "yhdyshenkilö"
        return files


def _pretask_audience(p: Participant, files: _Files) -> Audience | None:
    if p.is_county:
        return Audience.SERVICES
    if key(p.organisation) == key(schema.ORG_NGO):
        return Audience.NGO
    if p.municipality and (not files.has_contact[p.municipality] or p.role == "yhdyshenkilö"):
        return Audience.MUNICIPALITIES
    return None


def _participant(data: YearData, p: Participant, files: _Files) -> Recipient:
    langs: set[str] = set()
    docs: list[str] = []
    for code in p.negotiations:
        n = data.negotiation(code)
        if n is None:
            continue
        # the one language the person's drafts are in (mailings.plan says the same)
        wanted = person_language(data, p, data.languages_of(n))
        langs.add(wanted)
        docs += [o.path for o in files.by_negotiation.get(key(n.code), ()) if o.lang == wanted]
    group = _pretask_audience(p, files)
    if group is not None:
        pretasks = files.by_audience.get(group, [])
        made = tuple(lang for lang in data.languages if any(o.lang == lang for o in pretasks))
        if group is Audience.MUNICIPALITIES and made:
            pre_langs = {person_language(data, p, made)}
            langs |= pre_langs
        else:  # one draft in the first language, every language version attached
            pre_langs = set(made)
            langs |= set(made[:1])
        pre = [o.path for o in pretasks if o.lang in pre_langs]
        forms = (
            [o.path for o in files.forms.get(key(p.municipality or ""), ())]
            if group is Audience.MUNICIPALITIES
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


def recipients(data: YearData, outputs: Sequence[Output]) -> list[Recipient]:
    """Every participant, then every municipality's registry, each with their files."""
    files = _Files.of(data, outputs)
    result = [_participant(data, p, files) for p in data.participants]
    for m in data.municipalities:
        n = data.negotiation_of(m)
        wanted = registry_languages(m, data.languages_of(n)) if n else ()
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


def mailings(
    data: YearData, people: Sequence[Recipient], outputs: Sequence[Output]
) -> list[Mailing]:
    """One mailing per pre-task audience and per negotiation (documents; minutes to registries), per language group."""
    result: list[Mailing] = []
    for group, label in MAILING_LABELS.items():
        files = [o for o in outputs if o.audience == group]
        if not files:
            continue
        paths = {f.path for f in files}
        receivers = [
            r for r in people if r.kind == KIND_PARTICIPANT and not paths.isdisjoint(r.documents)
        ]
        title = f"Ennakkotehtävät: {label}"
        if group is Audience.MUNICIPALITIES and any(o.doc_type == "ennakkokysely" for o in outputs):
            title += " (liitä myös kunnan oma ennakkokysely, ks. Jakelulista)"
        result += _by_language(title, "", receivers, files)
    # grouped once, so the mailings grow with the outputs and people, not with their product
    by_code: dict[str, list[Output]] = {}
    for o in outputs:
        if o.doc_type in NEGOTIATION_DOCS:
            by_code.setdefault(key(o.negotiation), []).append(o)
    invited: dict[tuple[str, str], list[Recipient]] = {}
    for r in people:
        for code in dict.fromkeys(r.negotiations):
            invited.setdefault((r.kind, code), []).append(r)
    for n in data.negotiations:
        files = by_code.get(key(n.code), [])
        for kind, label, docs in (
            (KIND_PARTICIPANT, "Neuvottelun asiakirjat osallistujille", NEGOTIATION_DOCS),
            (KIND_REGISTRY, "Pöytäkirja ja ennakkomateriaali kirjaamoihin", REGISTRY_DOCS),
        ):
            receivers = invited.get((kind, n.code), [])
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
