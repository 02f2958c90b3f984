"""A mailing of the plan as a county's letter: subject, body and the ``.eml`` draft.

The body: greeting, what the message is about (the negotiation's time and place,
or the pre-task), the deadline (registration, pre-task, survey), what is
attached (each file's title and name), and the coordinator's signature block
from ``Asetukset``. Everything in the recipients' language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.contract.values import short_date
from pipeline.documents import dates, mail
from pipeline.documents.calendar import ZONE
from pipeline.documents.mail_texts import t
from pipeline.documents.mailings import (
    AUDIENCE_MUNICIPALITIES,
    CALENDAR_TYPE,
    KIND_INVITATION,
    KIND_MINUTES,
    KIND_PRETASK,
    Mailing,
)
from pipeline.workbook.model import Negotiation, Settings, YearData


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


def signature(settings: Settings, lang: str) -> str:
    """``Ystävällisin terveisin`` and the coordinator's block (name, county, e-mail, phone)."""
    lines = [t("closing", lang), ""]
    if settings.coordinator:
        lines.append(settings.coordinator)
    lines.append(settings.county_in(lang))
    if settings.coordinator_email:
        lines.append(settings.coordinator_email)
    if settings.coordinator_phone:
        lines.append(t("phone", lang, phone=settings.coordinator_phone))
    return "\n".join(lines)


def _attachment_list(mailing: Mailing, lang: str) -> list[str]:
    lines = [t("attachments", lang)]
    for o in mailing.attachments:
        lines.append(f"– {o.title} ({file_name(o.path)})")
    return lines


def file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _registration(settings: Settings, lang: str, registration: dt.date | None) -> list[str]:
    if registration is None:
        return []
    day = dates.long_date(registration, lang)
    if settings.coordinator_email:
        return ["", t("register_reply", lang, date=day)]
    return ["", t("register_to", lang, date=day, who=settings.coordinator or settings.county)]


def _invitation(
    data: YearData,
    n: Negotiation,
    mailing: Mailing,
    *,
    place: str,
    area: str,
    registration: dt.date | None,
) -> Letter:
    s, lang = data.settings, mailing.lang
    when = dates.when(n.date, n.start, n.end, lang)
    body = [
        t("greeting", lang),
        "",
        t(
            "invite_intro",
            lang,
            county=s.county_in(lang),
            theme=s.theme_in(lang),
        ),
        "",
        t("area", lang, area=area),
        t("time", lang, when=when),
    ]
    if place:
        body.append(t("place", lang, place=place))
    if n.remote:
        body.append(t("remote", lang, link=n.remote))
    body += _registration(s, lang, registration)
    attached = t("invite_attached", lang)
    if any(o.doc_type == CALENDAR_TYPE for o in mailing.attachments):
        attached += " " + t("invite_calendar", lang)
    body += ["", attached]
    if mailing.to:
        body += ["", t("invite_registries", lang)]
    subject = t("invite_subject", lang, area=area, date=short_date(n.date))
    return Letter(subject, _finish(body, mailing, s, lang))


def _minutes(data: YearData, n: Negotiation, mailing: Mailing, *, area: str) -> Letter:
    s, lang = data.settings, mailing.lang
    body = [
        t("greeting", lang),
        "",
        t("minutes_intro", lang, area=area, day=dates.long_date(n.date, lang)),
        "",
        t("minutes_follow_up", lang),
    ]
    if mailing.to:
        body += ["", t("minutes_registries", lang)]
    subject = t("minutes_subject", lang, area=area, date=short_date(n.date))
    return Letter(subject, _finish(body, mailing, s, lang))


def _pretask(data: YearData, mailing: Mailing, audience_label: str) -> Letter:
    s, lang = data.settings, mailing.lang
    body = [
        t("greeting", lang),
        "",
        t("pretask_intro", lang, county=s.county_in(lang), year=s.year, theme=s.theme_in(lang)),
        "",
    ]
    if s.pretask_deadline is not None:
        body.append(t("pretask_deadline", lang, date=dates.long_date(s.pretask_deadline, lang)))
    else:
        body.append(t("pretask_no_deadline", lang))
    if any(o.doc_type == "ennakkokysely" for o in mailing.attachments):
        if s.survey_deadline is not None:
            day = dates.long_date(s.survey_deadline, lang)
            body += ["", t("survey_attached", lang, date=day)]
        else:
            body += ["", t("survey_attached_no_deadline", lang)]
    if mailing.to:
        body += ["", t("pretask_registries", lang)]
    subject = t("pretask_subject", lang, year=s.year, who=audience_label)
    return Letter(subject, _finish(body, mailing, s, lang))


def _finish(body: list[str], mailing: Mailing, settings: Settings, lang: str) -> str:
    body += ["", *_attachment_list(mailing, lang), "", signature(settings, lang)]
    return "\n".join(body) + "\n"


def letter(
    data: YearData,
    mailing: Mailing,
    *,
    place: str | None = None,
    area: str | None = None,
    registration: dt.date | None = None,
    audience_label: str = "",
) -> Letter:
    """Subject and body of ``mailing``.

    ``place``, ``area``: the negotiation's place and service area as the
    mailing's language writes them (default as typed); ``registration``: the
    negotiation's ``Ilmoittautuminen``; ``audience_label``: for the social and
    health services' and NGO board's pre-tasks, who they are for
    (``Sosiaali- ja terveyspalvelut``).
    """
    lang = mailing.lang
    if mailing.kind == KIND_PRETASK:
        if mailing.audience == AUDIENCE_MUNICIPALITIES:
            m = data.municipality(mailing.municipality)
            name = m.name_in(lang) if m is not None else mailing.municipality
            audience_label = t("pretask_who_municipality", lang, name=name)
        return _pretask(data, mailing, audience_label or mailing.audience)
    n = data.negotiation(mailing.negotiation)
    if n is None:
        raise ValueError(f"unknown negotiation {mailing.negotiation!r}")
    place = n.place if place is None else place
    area = n.service_area if area is None else area
    if mailing.kind == KIND_INVITATION:
        return _invitation(data, n, mailing, place=place, area=area, registration=registration)
    if mailing.kind == KIND_MINUTES:
        return _minutes(data, n, mailing, area=area)
    raise ValueError(f"unknown mailing kind {mailing.kind!r}")


def draft_date(day: dt.date) -> dt.datetime:
    """The ``Date`` of a draft made on ``day``: 9.00 in Helsinki (the mail program resets it)."""
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=ZONE)


def mailing_draft(
    data: YearData,
    mailing: Mailing,
    day: dt.date,
    *,
    place: str | None = None,
    area: str | None = None,
    registration: dt.date | None = None,
    audience_label: str = "",
) -> bytes:
    """The ``.eml`` draft of ``mailing``, dated ``day`` (the build date); see :func:`letter`."""
    text = letter(
        data,
        mailing,
        place=place,
        area=area,
        registration=registration,
        audience_label=audience_label,
    )
    s = data.settings
    sender = mail.Address(s.coordinator, s.coordinator_email) if s.coordinator_email else None
    return mail.draft(
        subject=text.subject,
        body=text.body,
        to=mailing.to,
        bcc=mailing.bcc,
        sender=sender,
        attachments=[mail.Attachment(file_name(o.path), o.content) for o in mailing.attachments],
        date=draft_date(day),
        lang=mailing.lang,
    )
