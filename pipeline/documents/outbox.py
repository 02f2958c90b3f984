"""Producers of what the coordinator sends: calendar files and e-mail drafts (SPEC §3).

``kalenterikutsu``: one ``.ics`` per negotiation × language, beside its invitation.
``sahkopostiluonnos``: one unsent ``.eml`` per mailing of :func:`mailings.plan`,
made from the files as the output stage writes them (:mod:`pipeline.documents.plan`
hands over the settled outputs), so each attachment is byte for byte the year
folder's file.

:func:`details` is the one place that says how a negotiation is written in a
language (place and service area, the Swedish twins in sv), by when participants
register (``Ilmoittautuminen``) and which date its invitation carries
(``Kutsun päivämäärä``, else the build date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.contract import naming
from pipeline.contract.outputs import Output
from pipeline.documents.calendar import negotiation_event
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.documents.letters import mailing_draft
from pipeline.documents.mail_texts import t
from pipeline.documents.mailings import CALENDAR_TYPE, DOC_TYPE, KIND_PRETASK, Plan
from pipeline.workbook.model import Negotiation

#: who the county's own and the NGO board's pre-task drafts are for, in the letter
_AUDIENCE_TEXT = {
    "sote": {"fi": "sosiaali- ja terveyspalvelut", "sv": "social- och hälsovårdstjänsterna"},
    "jarjestot": {"fi": "järjestöneuvottelukunta", "sv": "organisationsdelegationen"},
}


@dataclass(frozen=True)
class Details:
    place: str
    area: str
    registration: dt.date | None
    #: the date the invitation (and its calendar file) carries
    dated: dt.date


def details(inputs: BuildInputs, n: Negotiation, lang: str) -> Details:
    """How ``n`` is written in ``lang`` (SPEC §1 Swedish texts, Minutes data)."""
    return Details(
        place=n.place_in(lang),
        area=inputs.data.service_area_in(n.service_area, lang),
        registration=n.registration_by,
        dated=n.invitation_date or inputs.build_date,
    )


def calendar_path(n: Negotiation, lang: str) -> str:
    """``2_valmistelu/kutsu_pohjoinen_fi.ics``."""
    return naming.output_path("kutsu", n.code, lang, ext="ics")


def calendar_invitations(inputs: BuildInputs) -> Made:
    """Producer: every negotiation's calendar file in each of its languages."""
    data, s = inputs.data, inputs.data.settings
    made = []
    for n in data.negotiations:
        for lang in data.languages_of(n):
            d = details(inputs, n, lang)
            made.append(
                Output(
                    path=calendar_path(n, lang),
                    doc_type=CALENDAR_TYPE,
                    title=t("event_summary", lang, area=d.area),
                    content=negotiation_event(
                        n,
                        s,
                        lang,
                        d.dated,
                        place=d.place,
                        area=d.area,
                        registration=d.registration,
                    ),
                    negotiation=n.code,
                    lang=lang,
                    personal_data=bool(s.coordinator or s.coordinator_email),
                )
            )
    return Made.of(made)


def drafts(inputs: BuildInputs, plan: Plan) -> Made:
    """Producer: the e-mail draft of every mailing of ``plan`` (its attachments settled)."""
    data = inputs.data
    made = []
    for m in plan.mailings:
        n = data.negotiation(m.negotiation) if m.negotiation else None
        d = details(inputs, n, m.lang) if n is not None else None
        label = ""
        if m.kind == KIND_PRETASK and m.audience in _AUDIENCE_TEXT:
            label = _AUDIENCE_TEXT[m.audience][m.lang]
        content = mailing_draft(
            data,
            m,
            inputs.build_date,
            place=d.place if d else None,
            area=d.area if d else None,
            registration=d.registration if d else None,
            audience_label=label,
        )
        made.append(
            Output(
                path=m.path,
                doc_type=DOC_TYPE,
                title=m.path.rsplit("/", 1)[-1],
                content=content,
                negotiation=m.negotiation,
                municipality=m.municipality,
                lang=m.lang,
                personal_data=True,  # recipients' names and addresses
                audience=m.audience,
            )
        )
    return Made.of(made, plan.skipped)
