"""Dates and times as official Finnish and Finland-Swedish letters write them (Babel CLDR)."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date

from pipeline.contract.values import short_date

__all__ = ["clock", "date_without_weekday", "long_date", "short_date", "time_range", "when"]

LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


# A build writes the same few dates (each negotiation's, the deadlines) into
# thousands of letters, forms and list rows; Babel looks up the locale and
# parses the pattern on every call, so each date is formatted once.
@functools.lru_cache(maxsize=1024)
def long_date(day: dt.date, lang: str) -> str:
    """``keskiviikkona 14. huhtikuuta 2027`` / ``onsdagen den 14 april 2027``."""
    if lang == "sv":
        weekday = format_date(day, "EEEE", locale=LOCALES["sv"])
        return f"{weekday}en den {format_date(day, 'd MMMM y', locale=LOCALES['sv'])}"
    return format_date(day, "EEEE d. MMMM y", locale=LOCALES["fi"])


@functools.lru_cache(maxsize=1024)
def date_without_weekday(day: dt.date, lang: str) -> str:
    """``14. huhtikuuta 2027`` / ``14 april 2027``."""
    pattern = "d MMMM y" if lang == "sv" else "d. MMMM y"
    return format_date(day, pattern, locale=LOCALES[lang])


def clock(time: dt.time) -> str:
    return f"{time.hour}.{time.minute:02d}"


def time_range(start: dt.time | None, end: dt.time | None, lang: str) -> str:
    """``klo 9.00–11.30`` / ``kl. 9.00–11.30``; empty when no start is known."""
    if start is None:
        return ""
    word = "kl." if lang == "sv" else "klo"
    text = f"{word} {clock(start)}"
    return f"{text}–{clock(end)}" if end else text


def when(day: dt.date, start: dt.time | None, end: dt.time | None, lang: str) -> str:
    """``keskiviikkona 14. huhtikuuta 2027 klo 9.00–11.30``."""
    times = time_range(start, end, lang)
    return f"{long_date(day, lang)} {times}".strip()
