"""Cell values as coordinators type them (SPEC §1 "Cell values").

Each parser takes what openpyxl hands over (``str``, ``int``, ``float``,
``datetime``, ``bool`` or ``None``) and returns a Python value, or raises
:class:`ValueError` with a Finnish explanation the validator puts next to the
cell reference.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import get_args

from pipeline.contract import schema
from pipeline.contract.grammar import join_words

# Characters XML 1.0 forbids (every C0 control but tab, LF, CR; surrogates; U+FFFE/F).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: what a forbidden character turns into: visible, so nothing vanishes silently
REPLACEMENT = "\ufffd"


def clean_text(value: object) -> str:
    """Text exactly as typed, trimmed at the ends, line breaks as ``\\n``.

    Characters no Word or Excel file may hold are replaced by U+FFFD.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_FORBIDDEN.sub(REPLACEMENT, text)
    return text.strip()


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


@functools.lru_cache(maxsize=8192)  # a build compares the same names hundreds of thousands of times
def key(text: str) -> str:
    """Comparison key for names: case-, space- and Unicode-form-insensitive."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# ------------------------------------------------------------------ dates

_DATE_FI = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

DATE_HINT = "Kirjoita päivämäärä muodossa 14.4.2027 tai käytä Excelin päivämäärää."
TIME_HINT = "Kirjoita kellonaika muodossa 9.00 tai 9:00."


def parse_date(value: object) -> dt.date | None:
    """``None`` for an empty cell; ``ValueError`` for anything that is not a date."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError(f"”{clean_text(value)}” ei ole päivämäärä. {DATE_HINT}")
    text = value.strip()
    try:
        if m := _DATE_FI.match(text):
            day, month, year = (int(g) for g in m.groups())
            if len(m.group(3)) == 2:
                year += 2000
            return dt.date(year, month, day)
        if m := _DATE_ISO.match(text):
            year, month, day = (int(g) for g in m.groups())
            return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"päivämäärää ”{text}” ei ole olemassa. {DATE_HINT}") from None
    raise ValueError(f"”{text}” ei ole päivämäärä. {DATE_HINT}")


#: the day Excel and LibreOffice put under a time of day with no date
_EXCEL_TIME_DATES = (dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1))
_TIME = re.compile(r"^(?:klo\.?|kl\.?)?\s*(\d{1,2})(?:[.:](\d{2}))?$", re.IGNORECASE)


def parse_time(value: object) -> dt.time | None:
    if is_blank(value):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, dt.datetime):
        # Excel stores a time as a fraction of a day; with a date of its own it is a date
        if value.date() not in _EXCEL_TIME_DATES:
            raise ValueError(
                f"{value.day}.{value.month}.{value.year} on päivämäärä, ei kellonaika. {TIME_HINT}"
            )
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    text = clean_text(value)
    m = _TIME.match(text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValueError(f"”{text}” ei ole kellonaika. {TIME_HINT}")


# ------------------------------------------------------------------ yes / no

_YES = {"kyllä", "kylla", "k", "x", "ja", "yes", "y", "true", "1", "tosi"}
_NO = {"ei", "e", "nej", "no", "n", "false", "0", "epätosi"}
YES_NO_HINT = "Kirjoita kyllä tai ei (myös k/e, x/tyhjä, ja/nej, yes/no käyvät)."


def parse_bool(value: object) -> bool:
    """Empty is ``False`` (SPEC: ``x``/empty)."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    text = key(clean_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"”{clean_text(value)}” ei ole kyllä tai ei. {YES_NO_HINT}")


# ------------------------------------------------------------------ vocabularies


def parse_language(value: object) -> schema.LanguageCode:
    """``suomi`` -> ``fi``, ``ruotsi-suomi`` -> ``sv-fi`` …"""
    text = key(clean_text(value)).replace(" ", "")
    if text in schema.LANGUAGE_VALUES:
        return schema.LANGUAGE_VALUES[text]
    raise ValueError(
        f"”{clean_text(value)}” ei ole sallittu kieli. "
        f"Valitse {join_words(schema.LANGUAGE_CHOICES, 'fi', 'or', quoted=True)} "
        f"(myös {join_words(('fi', 'sv', 'fi-sv', 'sv-fi'), 'fi')} käyvät)."
    )


_THEMES: tuple[schema.Theme, ...] = get_args(schema.Theme)


def parse_theme(value: object) -> schema.Theme:
    """Returns the Finnish name of the priority, Swedish names accepted."""
    text = key(clean_text(value))
    for fi in _THEMES:
        if text in (key(fi), key(schema.THEME_SV[fi])):
            return fi
    for old, name in schema.THEME_SV_ALIASES.items():
        if text == key(old):
            return next(t for t in _THEMES if t == name)
    raise ValueError(
        f"”{clean_text(value)}” ei ole suunnitelman painopiste. "
        f"Valitse {join_words(schema.THEMES_FI, 'fi', 'or', quoted=True)}."
    )


def parse_role(value: object) -> schema.Role:
    if is_blank(value):
        return schema.DEFAULT_ROLE
    text = key(clean_text(value))
    for role in schema.ROLES:
        if text == key(role):
            return role
    raise ValueError(
        f"”{clean_text(value)}” ei ole sallittu rooli. Valitse "
        f"{join_words(schema.ROLES, 'fi', 'or', quoted=True)}."
    )


def parse_answer_type(value: object) -> schema.AnswerType:
    """``Vastaustyyppi``: empty is ``teksti``; Swedish and English spellings accepted."""
    text = key(clean_text(value)).replace(" ", "")
    if text in ("", "teksti", "text"):
        return "teksti"
    if text in ("kyllä/ei", "kylla/ei", "k/e", "ja/nej", "yes/no"):
        return "kyllä/ei"
    if text in ("valinta", "val", "choice"):
        return "valinta"
    raise ValueError(
        f"”{clean_text(value)}” ei ole vastaustyyppi. Valitse "
        f"{join_words(schema.ANSWER_TYPES, 'fi', 'or', quoted=True)}."
    )


def parse_year(value: object) -> int:
    text = clean_text(value)
    if re.fullmatch(r"\d{4}", text) and 2000 <= int(text) <= 2100:
        return int(text)
    raise ValueError(f"”{text}” ei ole vuosiluku. Kirjoita neuvotteluvuosi, esim. 2027.")


_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$")


def parse_email(value: object) -> str:
    text = clean_text(value)
    if text == "" or _EMAIL.match(text):
        return text
    raise ValueError(
        f"”{text}” ei ole sähköpostiosoite. Kirjoita yksi osoite muodossa nimi@esimerkki.fi."
    )


def split_list(text: str, sep: str = ",") -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def short_date(day: dt.date | None) -> str:
    """``14.4.2027`` in both languages; empty for no date."""
    return f"{day.day}.{day.month}.{day.year}" if day else ""
