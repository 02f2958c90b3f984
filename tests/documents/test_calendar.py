"""Calendar files (kalenterikutsu .ics): read back with icalendar as a calendar program would."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from pipeline.app import load
from pipeline.documents.calendar import event_uid, negotiation_event
from tests.helpers import workbooks as wbs

HELSINKI = ZoneInfo("Europe/Helsinki")
STAMP = dt.date(2027, 2, 1)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    found, _ = load(wbs.write(tmp_path_factory.mktemp("cal") / "hytetu.xlsx"))
    return found


def event_of(content: bytes):
    cal = Calendar.from_ical(content)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return cal, events[0]


def test_every_negotiation_and_language_is_an_event_at_its_time_in_helsinki(data):
    for n in data.negotiations:
        for lang in data.languages_of(n):
            cal, event = event_of(negotiation_event(n, data.settings, lang, STAMP))
            assert cal["METHOD"] == "PUBLISH"
            assert event.decoded("DTSTART") == dt.datetime.combine(n.date, n.start, HELSINKI)
            assert event.decoded("DTEND") == dt.datetime.combine(n.date, n.end, HELSINKI)
            assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
            assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]
            assert event.decoded("DTSTAMP") == dt.datetime(2027, 2, 1, tzinfo=dt.UTC)


def test_the_example_times_are_as_typed(data):
    pohjoinen = data.negotiation("pohjoinen")
    _, event = event_of(negotiation_event(pohjoinen, data.settings, "fi", STAMP))
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, start.utcoffset()) == (9, 0, dt.timedelta(hours=3))
    assert event.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(
        2027, 4, 14, 8, 30, tzinfo=dt.UTC
    )


def test_the_time_zone_agrees_with_zoneinfo_for_every_hour_of_the_year(data):
    cal, _ = event_of(negotiation_event(data.negotiations[0], data.settings, "fi", STAMP))
    tz = cal.walk("VTIMEZONE")[0].to_tz()
    moment = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    while moment.year == 2027:
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(HELSINKI).utcoffset(), moment
        moment += dt.timedelta(hours=1)


def test_summary_and_description_are_in_the_files_language(data):
    n = data.negotiation("rannikko")
    _, fi = event_of(negotiation_event(n, data.settings, "fi", STAMP))
    _, sv = event_of(negotiation_event(n, data.settings, "sv", STAMP))
    assert str(fi["SUMMARY"]) == "Hytetu-neuvottelu: Rannikko"
    assert str(sv["SUMMARY"]) == "Hytetu-förhandling: Rannikko"
    assert "keskiviikkona 5. toukokuuta 2027 klo 13.00–15.30" in str(fi["DESCRIPTION"])
    assert "onsdagen den 5 maj 2027 kl. 13.00–15.30" in str(sv["DESCRIPTION"])
    assert "Testby välfärdsområde" in str(sv["DESCRIPTION"])
    assert "Tema: Levnadsvanor" in str(sv["DESCRIPTION"])
    assert fi["SUMMARY"].params["LANGUAGE"] == "fi-FI"
    assert sv["SUMMARY"].params["LANGUAGE"] == "sv-FI"


def test_uid_is_the_same_in_both_languages_and_every_build_and_differs_between_negotiations(
    data,
):
    uids = {}
    for n in data.negotiations:
        for lang in data.languages_of(n):
            for _ in range(2):
                _, event = event_of(negotiation_event(n, data.settings, lang, STAMP))
                uids.setdefault(n.code, set()).add(str(event["UID"]))
    assert all(len(u) == 1 for u in uids.values())
    assert len({next(iter(u)) for u in uids.values()}) == len(data.negotiations)
    assert next(iter(uids["pohjoinen"])) == event_uid("Testilän hyvinvointialue", 2027, "POHJOINEN")
    assert event_uid("Testilän hyvinvointialue", 2028, "pohjoinen") not in uids["pohjoinen"]
    assert all(next(iter(u)).endswith("@hytetu") for u in uids.values())


def test_two_calls_give_the_same_bytes_and_a_later_stamp_only_changes_dtstamp(data):
    n = data.negotiation("pohjoinen")
    first = negotiation_event(n, data.settings, "fi", STAMP)
    assert first == negotiation_event(n, data.settings, "fi", STAMP)
    later = negotiation_event(n, data.settings, "fi", dt.date(2027, 3, 1))
    changed = set(first.splitlines()) ^ set(later.splitlines())
    assert {line.split(b":")[0] for line in changed} == {b"DTSTAMP"}


def test_place_link_organizer_and_registration(data):
    n = data.negotiation("pohjoinen")
    _, event = event_of(
        negotiation_event(
            n,
            data.settings,
            "sv",
            STAMP,
            place="Stadshuset",
            registration=dt.date(2027, 4, 1),
        )
    )
    assert str(event["LOCATION"]) == "Stadshuset"
    assert str(event["URL"]) == "https://meet.example.fi/pohjoinen"
    description = str(event["DESCRIPTION"])
    assert "Distansanslutning: https://meet.example.fi/pohjoinen" in description
    assert "anmäla er senast torsdagen den 1 april 2027" in description
    assert str(event["ORGANIZER"]) == "mailto:kaisa.koordinaattori@testila.fi"
    assert event["ORGANIZER"].params["CN"] == "Kaisa Koordinaattori"


def test_without_coordinator_email_there_is_no_organizer_and_a_text_link_is_no_url(data):
    settings = dataclasses.replace(data.settings, coordinator_email="")
    n = dataclasses.replace(data.negotiation("pohjoinen"), remote="Teams (linkki tulee myöhemmin)")
    _, event = event_of(negotiation_event(n, settings, "fi", STAMP))
    assert "ORGANIZER" not in event and "URL" not in event
    assert "Etäyhteys: Teams (linkki tulee myöhemmin)" in str(event["DESCRIPTION"])


def test_no_end_time_lasts_two_hours_and_no_start_time_is_an_all_day_event(data):
    n = data.negotiation("pohjoinen")
    _, open_end = event_of(
        negotiation_event(dataclasses.replace(n, end=None), data.settings, "fi", STAMP)
    )
    assert open_end.decoded("DTEND") - open_end.decoded("DTSTART") == dt.timedelta(hours=2)
    assert "klo 9.00" in str(open_end["DESCRIPTION"])
    assert "9.00–" not in str(open_end["DESCRIPTION"])
    _, all_day = event_of(
        negotiation_event(dataclasses.replace(n, start=None, end=None), data.settings, "fi", STAMP)
    )
    assert all_day.decoded("DTSTART") == dt.date(2027, 4, 14)
    assert all_day.decoded("DTEND") == dt.date(2027, 4, 15)
    assert "kellonaika ilmoitetaan myöhemmin" in str(all_day["DESCRIPTION"])
