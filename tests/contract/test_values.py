"""Cell values as coordinators type them (SPEC §1 "Cell values")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.contract import values as v


@pytest.mark.parametrize(
    "raw,expected",
    [
        (dt.datetime(2027, 4, 14, 0, 0), dt.date(2027, 4, 14)),
        (dt.date(2027, 4, 14), dt.date(2027, 4, 14)),
        ("14.4.2027", dt.date(2027, 4, 14)),
        ("14.4.27", dt.date(2027, 4, 14)),
        ("2027-04-14", dt.date(2027, 4, 14)),
        (" 1.5.2027 ", dt.date(2027, 5, 1)),
        (None, None),
        ("", None),
    ],
)
def test_dates(raw, expected):
    assert v.parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["14/4/2027", "huomenna", "31.2.2027", "2027-13-01", 45000, True])
def test_bad_dates_explain_the_format(raw):
    with pytest.raises(ValueError, match=r"14\.4\.2027"):
        v.parse_date(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        (dt.time(9, 0), dt.time(9, 0)),
        (0.375, dt.time(9, 0)),
        ("9.00", dt.time(9, 0)),
        ("9:00", dt.time(9, 0)),
        ("klo 9.00", dt.time(9, 0)),
        ("Klo 13.30", dt.time(13, 30)),
        ("kl. 11.30", dt.time(11, 30)),
        (dt.datetime(1899, 12, 30, 11, 30), dt.time(11, 30)),
        ("", None),
    ],
)
def test_times(raw, expected):
    assert v.parse_time(raw) == expected


@pytest.mark.parametrize("raw", ["25.00", "9.75", "aamupäivä"])
def test_bad_times(raw):
    with pytest.raises(ValueError, match="kellonaika"):
        v.parse_time(raw)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("kyllä", True),
        ("Kyllä", True),
        ("k", True),
        ("x", True),
        ("ja", True),
        ("yes", True),
        (True, True),
        ("TRUE", True),
        ("ei", False),
        ("e", False),
        ("nej", False),
        ("no", False),
        (False, False),
        ("FALSE", False),
        (None, False),
        ("", False),
    ],
)
def test_yes_no(raw, expected):
    assert v.parse_bool(raw) is expected


@pytest.mark.parametrize(
    "raw,code",
    [
        ("suomi", "fi"),
        ("ruotsi", "sv"),
        ("suomi-ruotsi", "fi-sv"),
        ("ruotsi-suomi", "sv-fi"),
        ("fi", "fi"),
        ("SV", "sv"),
        ("fi-sv", "fi-sv"),
        ("sv-fi", "sv-fi"),
        (" Suomi - ruotsi ", "fi-sv"),
    ],
)
def test_languages(raw, code):
    assert v.parse_language(raw) == code


def test_themes_in_both_languages():
    assert v.parse_theme("levnadsvanor") == "Elintavat"
    assert v.parse_theme("  mielen HYVINVOINTI ") == "Mielen hyvinvointi"
    with pytest.raises(ValueError, match="Arjen turvallisuus"):
        v.parse_theme("Turvallisuus")


def test_clean_text_keeps_what_was_typed():
    assert v.clean_text("  R&D <b> \r\n {{ x }} ") == "R&D <b> \n {{ x }}"
    assert v.clean_text(3.0) == "3"
    assert v.clean_text("a\x00b\x1fc") == "a\ufffdb\ufffdc"


@given(st.text())
def test_clean_text_is_xml_safe_and_idempotent(text):
    cleaned = v.clean_text(text)
    assert v.clean_text(cleaned) == cleaned
    assert not any(ord(c) < 32 and c not in "\t\n" for c in cleaned)
    assert "\r" not in cleaned


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_round_trip_in_every_written_form(day):
    assert v.parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert v.parse_date(day.isoformat()) == day
    if day.year >= 2000:
        assert v.parse_date(f"{day.day}.{day.month}.{day.year % 100:02d}") == day
