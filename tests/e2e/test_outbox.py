"""A real build's calendar files and e-mail drafts, read back with icalendar and email."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from pipeline.app import build, load
from pipeline.output.archive_list import read_archive_list
from tests.helpers.builds import EXAMPLE

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("outbox")
    first = build(EXAMPLE, root / "a")
    second = build(EXAMPLE, root / "b")
    return first, second


def _files(result, suffix):
    return {
        p.relative_to(result.target).as_posix(): p.read_bytes()
        for p in result.target.rglob(f"*{suffix}")
    }


def test_two_builds_give_identical_calendar_files_and_drafts(builds):
    a, b = builds
    for suffix in (".ics", ".eml"):
        assert _files(a, suffix) and _files(a, suffix) == _files(b, suffix)


def test_every_calendar_file_is_its_negotiation_in_helsinki_time(builds):
    result = builds[0]
    data, _ = load(EXAMPLE)
    uids = set()
    for n in data.negotiations:
        for lang in data.languages_of(n):
            path = result.target / f"2_valmistelu/kutsu_{n.code}_{lang}.ics"
            cal = Calendar.from_ical(path.read_bytes())
            assert str(cal["method"]) == "PUBLISH"
            (event,) = cal.walk("VEVENT")
            start = event.decoded("dtstart")
            if n.start is not None:
                assert start == dt.datetime.combine(n.date, n.start, tzinfo=HELSINKI)
                assert start.utcoffset() == start.astimezone(HELSINKI).utcoffset()
            else:
                assert start == n.date
            summary = str(event["summary"])
            assert summary.startswith("Hytetu-neuvottelu" if lang == "fi" else "Hytetu-förhandling")
            assert event["summary"].params["language"] == {"fi": "fi-FI", "sv": "sv-FI"}[lang]
            uids.add((n.code, str(event["uid"])))
    # one UID per negotiation, the same in both languages
    assert len({u for _, u in uids}) == len(data.negotiations)


def _drafts(result):
    return {
        path: email.message_from_bytes(content, policy=policy.default)
        for path, content in _files(result, ".eml").items()
    }


def test_drafts_are_unsent_and_attach_the_year_folders_files(builds):
    result = builds[0]
    for path, msg in _drafts(result).items():
        assert msg["X-Unsent"] == "1", path
        attached = list(msg.iter_attachments())
        assert attached, path
        for part in attached:
            name = part.get_filename()
            (found,) = list(result.target.rglob(name))
            assert part.get_payload(decode=True) == found.read_bytes(), (path, name)


def test_recipients_are_exactly_that_mailings_people_in_that_language(builds):
    result = builds[0]
    data, _ = load(EXAMPLE)
    drafts = _drafts(result)
    for n in data.negotiations:
        invited = {p.email.lower() for p in data.participants_of(n) if p.email}
        registries = {
            m.registry_email.lower() for m in data.municipalities_of(n) if m.registry_email
        }
        got_people, got_registries = set(), set()
        for lang in data.languages_of(n):
            msg = drafts.get(f"viestit/kutsu_{n.code}_{lang}.eml")
            if msg is None:
                continue
            assert msg["Content-Language"] == {"fi": "fi-FI", "sv": "sv-FI"}[lang]
            bcc = {a.addr_spec.lower() for a in msg["Bcc"].addresses} if msg["Bcc"] else set()
            to = {a.addr_spec.lower() for a in msg["To"].addresses} if msg["To"] else set()
            assert not got_people & bcc  # each person in one language only
            got_people |= bcc
            got_registries |= to
        assert got_people == invited
        assert got_registries == registries


def test_no_address_reaches_a_negotiation_its_owner_is_not_in(builds):
    result = builds[0]
    data, _ = load(EXAMPLE)
    drafts = _files(result, ".eml")
    for n in data.negotiations:
        outsiders = {
            p.email.lower().encode()
            for p in data.participants
            if p.email and n.code not in p.negotiations
        }
        for path, content in drafts.items():
            if path.startswith(("viestit/kutsu_", "viestit/poytakirja_")) and (
                f"_{n.code}_" in path
            ):
                assert not any(a in content.lower() for a in outsiders), path


def test_archive_list_rows_for_calendar_files_and_drafts(builds):
    result = builds[0]
    rows = read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    by_type = {}
    for r in rows:
        by_type.setdefault(r["asiakirjatyyppi"], []).append(r)
    assert by_type["kalenterikutsu"] and by_type["sahkopostiluonnos"]
    assert all(r["henkilotietoja"] == "kyllä" for r in by_type["sahkopostiluonnos"])
    assert all(r["tiedosto"].startswith("viestit/") for r in by_type["sahkopostiluonnos"])


@pytest.mark.libreoffice
def test_libreoffice_opens_an_attached_document(builds, tmp_path):
    from pipeline.output.office import convert
    from tests.helpers.office import soffice_or_skip

    soffice_or_skip()
    msg = _drafts(builds[0])["viestit/kutsu_" + load(EXAMPLE)[0].negotiations[0].code + "_fi.eml"]
    part = next(p for p in msg.iter_attachments() if p.get_filename().endswith(".docx"))
    path = tmp_path / part.get_filename()
    path.write_bytes(part.get_payload(decode=True))
    done, log = convert([path], "pdf", tmp_path / "pdf")
    assert done, log
    assert done[path].read_bytes().startswith(b"%PDF")
