"""``Asetukset``: one setting a row (``Asetus``, ``Arvo``) into :class:`Settings`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pipeline.contract import schema
from pipeline.contract.values import (
    clean_text,
    key,
    parse_date,
    parse_email,
    parse_theme,
    parse_year,
)
from pipeline.errors import Problems, at
from pipeline.workbook.model import Settings
from pipeline.workbook.read import RawWorkbook
from pipeline.workbook.validate import files
from pipeline.workbook.validate.sheet import Sheet, did_you_mean

T = TypeVar("T")


class _Values:
    """The settings as typed: setting -> (raw value, cell of ``Arvo``)."""

    def __init__(self, sheet: Sheet, problems: Problems) -> None:
        self.problems = problems
        self.values: dict[str, tuple[object, str]] = {}
        names = [name for name, _, _ in schema.SETTINGS]
        by_key = {key(n): n for n in names}
        last_row = 1
        for row in sheet.rows:
            last_row = max(last_row, row.number)
            name = sheet.text(row, "Asetus")
            if not name:
                continue
            canonical = by_key.get(key(name))
            if canonical is None:
                problems.warning(
                    sheet.ref(row, "Asetus"),
                    f"tuntematon asetus ”{name}”.{did_you_mean(name, names) or ' Sitä ei käytetä.'}",
                )
                continue
            if canonical in self.values:
                problems.error(
                    sheet.ref(row, "Asetus"),
                    f"asetus ”{canonical}” on annettu kahdesti. Poista toinen rivi.",
                )
                continue
            cell = row.get("Arvo")
            if cell is not None and cell.error:
                sheet.text(row, "Arvo")  # reports the error value
                continue
            self.values[canonical] = (cell.value if cell else None, sheet.ref(row, "Arvo"))
        #: where a missing setting is reported: the first row below the settings
        self.missing_at = at(sheet.name, f"A{last_row + 1}")

    def raw(self, name: str, required: bool = False) -> tuple[object, str] | None:
        value = self.values.get(name)
        if value is None or clean_text(value[0]) == "":
            if required:
                where = value[1] if value else self.missing_at
                self.problems.error(
                    where,
                    f"asetus ”{name}” puuttuu. Kirjoita Asetus-sarakkeeseen ”{name}” "
                    "ja Arvo-sarakkeeseen sen arvo.",
                )
            return None
        return value

    def parse(
        self, name: str, parser: Callable[[object], T], default: T, required: bool = False
    ) -> T:
        value = self.raw(name, required)
        if value is None:
            return default
        try:
            return parser(value[0])
        except ValueError as exc:
            self.problems.error(value[1], f"{name}: {exc}")
            return default

    def text(self, name: str) -> str:
        return self.parse(name, clean_text, "")


def settings(sheet: Sheet, problems: Problems, workbook: Path) -> Settings | None:
    """The year's settings; None when a required one is missing or wrong (all reported)."""
    values = _Values(sheet, problems)
    county = values.parse(schema.SETTING_COUNTY, clean_text, "", required=True)
    year = values.parse(schema.SETTING_YEAR, parse_year, 0, required=True)
    theme = values.parse(schema.SETTING_THEME, parse_theme, None, required=True)
    previous = _previous_tracker(values, workbook, problems)
    _quote_pair(values, problems)
    templates = files.templates_folder(values, workbook, problems)
    logo = files.logo_file(values, workbook, problems)
    if not (county and year and theme):
        return None
    return Settings(
        county=county,
        county_sv=values.text(schema.SETTING_COUNTY_SV),
        year=year,
        theme=theme,
        period=values.text(schema.SETTING_PERIOD) or schema.DEFAULT_PERIOD,
        pretask_deadline=values.parse(schema.SETTING_PRETASK_DEADLINE, parse_date, None),
        survey_deadline=values.parse(schema.SETTING_SURVEY_DEADLINE, parse_date, None),
        coordinator=values.text(schema.SETTING_COORDINATOR),
        coordinator_email=values.parse(schema.SETTING_COORDINATOR_EMAIL, parse_email, ""),
        coordinator_phone=values.text(schema.SETTING_COORDINATOR_PHONE),
        previous_tracker=previous,
        record_class=values.text(schema.SETTING_RECORD_CLASS),
        publicity=values.text(schema.SETTING_PUBLICITY) or schema.DEFAULT_PUBLICITY,
        retention=values.text(schema.SETTING_RETENTION),
        record_number=values.text(schema.SETTING_RECORD_NUMBER),
        press_quote=values.text(schema.SETTING_PRESS_QUOTE),
        press_quote_by=values.text(schema.SETTING_PRESS_QUOTE_BY),
        press_quote_sv=values.text(schema.SETTING_PRESS_QUOTE_SV),
        press_quote_by_sv=values.text(schema.SETTING_PRESS_QUOTE_BY_SV),
        templates=templates,
        logo=logo,
    )


def _quote_pair(values: _Values, problems: Problems) -> None:
    """A press-release quote needs whom it is from, and a name needs a quote.

    In Swedish each falls back to the Finnish one (``Tiedotteen lainaus ruotsiksi`` with
    ``Lainauksen antaja`` is a quote), so a twin is alone only when its pair has neither.
    """
    pairs = (
        (schema.SETTING_PRESS_QUOTE, schema.SETTING_PRESS_QUOTE_BY, ()),
        (
            schema.SETTING_PRESS_QUOTE_SV,
            schema.SETTING_PRESS_QUOTE_BY_SV,
            (schema.SETTING_PRESS_QUOTE, schema.SETTING_PRESS_QUOTE_BY),
        ),
    )
    for quote_name, by_name, fallback in pairs:
        quote = values.raw(quote_name)
        by = values.raw(by_name)
        has_quote = quote is not None or bool(fallback and values.raw(fallback[0]))
        has_by = by is not None or bool(fallback and values.raw(fallback[1]))
        if quote is not None and not has_by:
            problems.warning(
                quote[1],
                f"{quote_name}: lainaukselta puuttuu antaja, joten lainausta ei käytetä "
                f"tiedotteessa. Kirjoita asetukseen ”{by_name}” lainaajan nimi ja tehtävä.",
            )
        elif by is not None and not has_quote:
            problems.warning(
                by[1],
                f"{by_name}: lainausta ei ole annettu, joten nimeä ei käytetä. Kirjoita "
                f"lainaus asetukseen ”{quote_name}”.",
            )


def _previous_tracker(values: _Values, workbook: Path, problems: Problems) -> Path | None:
    """The path last year's tracker setting names (relative to the workbook's folder)."""
    prev = values.raw(schema.SETTING_PREVIOUS_TRACKER)
    if prev is None:
        return None
    typed = clean_text(prev[0])
    path = typed_path(workbook, typed)
    if path.is_dir():
        problems.error(
            prev[1],
            f"{schema.SETTING_PREVIOUS_TRACKER}: ”{typed}” on kansio, ei tiedosto "
            f"(haettiin {path}). Kirjoita polun loppuun tiedoston nimi, esim. "
            "seurantataulukko_2026.xlsx.",
        )
    elif not path.is_file():
        problems.error(
            prev[1],
            f"{schema.SETTING_PREVIOUS_TRACKER}: tiedostoa ”{typed}” ei löydy "
            f"(haettiin {path}). Kirjoita polku työkirjan kansiosta lähtien "
            "tai tyhjennä asetus.",
        )
    return path


def typed_path(workbook: Path, typed: str) -> Path:
    """A path setting as a coordinator types it, relative to the workbook's folder.

    Windows backslashes (``..\\2026\\seurantataulukko_2026.xlsx``) work on every
    system, and the quotes Windows' "Kopioi polkuna" adds are dropped.
    """
    text = typed.strip().strip('"').strip()
    if os.sep == "/":
        text = text.replace("\\", "/")
    return (workbook.parent / text).resolve()


def settings_ref(raw: RawWorkbook, setting: str) -> str:
    """The ``Arvo`` cell of ``setting``, or where it would go if it is not there."""
    sheet = raw.sheets.get(schema.SHEET_SETTINGS)
    if sheet is None:
        return schema.SHEET_SETTINGS
    for row in sheet.rows:
        cell = row.get("Asetus")
        if cell is not None and key(clean_text(cell.value)) == key(setting):
            return at(sheet.name, f"{sheet.columns.get('Arvo', 'B')}{row.number}")
    last = max((r.number for r in sheet.rows), default=1)
    return at(sheet.name, f"A{last + 1}")
