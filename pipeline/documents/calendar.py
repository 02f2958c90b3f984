"""The calendar file ``kalenterikutsu`` (SPEC §3): a negotiation as one calendar event.

``METHOD:PUBLISH``: the coordinator attaches the file to her own mail and every
recipient can add the event to a calendar. (A ``REQUEST`` opened by someone not
listed as an attendee blocks Outlook's buttons; a file without ``METHOD`` shows
as "not a supported calendar message".)

Choices where the workbook leaves the time open:

* no ``Alkaa``: an all-day event on the negotiation's date (a calendar then
  holds the day without claiming a time nobody gave), and the description says
  the time will be announced later;
* ``Alkaa`` but no ``Päättyy``: the event lasts :data:`DEFAULT_LENGTH` (two
  hours, the usual length of a negotiation), and the description names only the
  start, as the invitation does.

The same negotiation has the same ``UID`` in Finnish and in Swedish and in every
build (derived from the county, the year and the ``Tunnus``), so someone who
adds both language versions, or a corrected file, keeps one event.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

from pipeline.contract.values import key
from pipeline.documents import dates
from pipeline.documents.mail_texts import t
from pipeline.workbook.model import Negotiation, Settings

TZID = "Europe/Helsinki"
ZONE = ZoneInfo(TZID)
DEFAULT_LENGTH = dt.timedelta(hours=2)
PRODID = "-//hytetu//kalenterikutsu//FI"
#: the namespace of negotiation UIDs (uuid5 of a fixed name: never change it)
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "hytetu.invalid")
LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}


def event_uid(county: str, year: int, code: str) -> str:
    """``<uuid5>@hytetu``: the same for a negotiation in every language and every build."""
    name = "\x1f".join((key(county), str(year), key(code)))
    return f"{uuid.uuid5(UID_NAMESPACE, name)}@hytetu"


def helsinki_timezone() -> Timezone:
    """``VTIMEZONE`` of Europe/Helsinki with the EU rule (since 1983) as yearly rules.

    Written as rules, as Outlook writes its own, rather than with
    ``Timezone.from_tzinfo``: icalendar (7.3) dates the start of summer time
    in the summer offset (``04:00`` with ``TZOFFSETFROM:+0200``, an hour late);
    RFC 5545 wants the local time before the change (``03:00``). Tests compare
    these rules with ``zoneinfo`` for every hour of the year.
    """
    tz = Timezone()
    tz.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1983, 10, 30, 4, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    standard.add("tzoffsetfrom", dt.timedelta(hours=3))
    standard.add("tzoffsetto", dt.timedelta(hours=2))
    standard.add("tzname", "EET")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", dt.datetime(1983, 3, 27, 3, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    daylight.add("tzoffsetfrom", dt.timedelta(hours=2))
    daylight.add("tzoffsetto", dt.timedelta(hours=3))
    daylight.add("tzname", "EEST")
    tz.add_component(standard)
    tz.add_component(daylight)
    return tz


def _when(negotiation: Negotiation, lang: str) -> str:
    if negotiation.start is None:
        return t("time_open", lang, day=dates.long_date(negotiation.date, lang))
    return dates.when(negotiation.date, negotiation.start, negotiation.end, lang)


def description(
    negotiation: Negotiation,
    settings: Settings,
    lang: str,
    *,
    place: str,
    area: str,
    registration: dt.date | None,
) -> str:
    """The event's text: what, when, where, the link, registration, who to ask."""
    lines = [
        t(
            "event_intro",
            lang,
            county=settings.county_in(lang),
            year=settings.year,
            area=area,
            theme=settings.theme_in(lang),
        ),
        "",
        t("time", lang, when=_when(negotiation, lang)),
    ]
    if place:
        lines.append(t("place", lang, place=place))
    if negotiation.remote:
        lines.append(t("remote", lang, link=negotiation.remote))
    if registration is not None:
        lines += [
            "",
            t("register_to", lang, date=dates.long_date(registration, lang), who=_who(settings)),
        ]
    else:
        lines += ["", t("more_info", lang, who=_who(settings))]
    lines += ["", t("event_documents", lang)]
    return "\n".join(lines)


def is_link(text: str) -> bool:
    """Whether ``Etäyhteys`` is a web address (it may also be a text such as ``Teams``)."""
    return text.lower().startswith(("https://", "http://")) and " " not in text.strip()


def _who(settings: Settings) -> str:
    """``Kaisa Koordinaattori, kaisa@…, 040 …``: the parts given, or the county's name."""
    parts = [settings.coordinator, settings.coordinator_email, settings.coordinator_phone]
    return ", ".join(p for p in parts if p) or settings.county


def negotiation_event(
    negotiation: Negotiation,
    settings: Settings,
    lang: str,
    stamp: dt.date,
    *,
    place: str | None = None,
    area: str | None = None,
    registration: dt.date | None = None,
) -> bytes:
    """The ``.ics`` file of ``negotiation`` in ``lang`` (``fi`` or ``sv``).

    ``stamp``: the date the file carries as ``DTSTAMP`` (the build date, or the
    invitation's date), midnight UTC. ``place``: ``LOCATION`` as the language
    writes it (the Swedish twin of ``Paikka`` in sv); default ``negotiation.place``.
    ``area``: the service area as the language names it; default as typed.
    ``registration``: ``Ilmoittautuminen``, asked for in the description.
    """
    place = negotiation.place if place is None else place
    area = negotiation.service_area if area is None else area
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(helsinki_timezone())

    event = Event()
    event.add("uid", event_uid(settings.county, settings.year, negotiation.code))
    event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), tzinfo=dt.UTC))
    if negotiation.start is None:
        event.add("dtstart", negotiation.date)
        event.add("dtend", negotiation.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = dt.datetime.combine(negotiation.date, negotiation.start, tzinfo=ZONE)
        if negotiation.end is not None and negotiation.end > negotiation.start:
            end = dt.datetime.combine(negotiation.date, negotiation.end, tzinfo=ZONE)
        else:
            # wall-clock arithmetic in Helsinki time, then re-attached to the zone
            end = (start.replace(tzinfo=None) + DEFAULT_LENGTH).replace(tzinfo=ZONE)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("transp", "OPAQUE")
    language = {"language": LANGUAGE_TAGS[lang]}
    event.add("summary", t("event_summary", lang, area=area), parameters=language)
    event.add(
        "description",
        description(negotiation, settings, lang, place=place, area=area, registration=registration),
        parameters=language,
    )
    if place:
        event.add("location", place, parameters=language)
    if is_link(negotiation.remote):
        event.add("url", negotiation.remote)
    if settings.coordinator_email:
        organizer = vCalAddress(f"mailto:{settings.coordinator_email}")
        if settings.coordinator:
            organizer.params["cn"] = settings.coordinator
        event.add("organizer", organizer)
    event.add("sequence", 0)
    event.add("status", "CONFIRMED")
    event.add("class", "PUBLIC")
    cal.add_component(event)
    return bytes(cal.to_ical())
