"""Checks across sheets, once the records exist, and last year's tracker the settings name."""

from __future__ import annotations

from pipeline.contract import schema
from pipeline.errors import Problems, at
from pipeline.workbook.model import PreviousRow, Settings, YearData
from pipeline.workbook.previous_year import check_previous, unknown_municipalities
from pipeline.workbook.read import RawWorkbook
from pipeline.workbook.validate.settings import settings_ref


def previous_tracker(
    settings: Settings | None, raw: RawWorkbook, problems: Problems
) -> list[PreviousRow] | None:
    """Last year's tracker read, or None; a file that cannot be read is an error at its setting."""
    path = settings.previous_tracker if settings else None
    if path is None or not path.is_file():  # a missing file is already reported with the settings
        return None
    return check_previous(path, settings_ref(raw, schema.SETTING_PREVIOUS_TRACKER), problems)


def cross_checks(data: YearData, raw: RawWorkbook, problems: Problems) -> None:
    _swedish_names(data, raw, problems)
    _attendance_unrecorded(data, raw, problems)
    if data.previous:
        for name in unknown_municipalities(data, data.previous):
            problems.warning(
                settings_ref(raw, schema.SETTING_PREVIOUS_TRACKER),
                f"edellisen vuoden seurantataulukossa on kunta ”{name}”, jota ei ole "
                "Kunnat-välilehdellä. Sen rivit näytetään neuvottelussa, jota rivin "
                "Neuvottelu-tunnus vastaa (tai kaikissa, jos sitä ei voi päätellä). Jos kunnan "
                "nimi on muuttunut, korjaa nimi seurantataulukkoon.",
            )


def _swedish_names(data: YearData, raw: RawWorkbook, problems: Problems) -> None:
    """Swedish documents need the county's Swedish name, and should have the municipalities'."""
    if "sv" in data.languages and not data.settings.county_sv:
        problems.error(
            settings_ref(raw, schema.SETTING_COUNTY_SV),
            f"asetus ”{schema.SETTING_COUNTY_SV}” puuttuu, mutta osa asiakirjoista tehdään "
            "ruotsiksi. Kirjoita hyvinvointialueen ruotsinkielinen nimi, esim. "
            "Österbottens välfärdsområde.",
        )
    _quote_twins(data, raw, problems)
    kunnat = raw.sheets[schema.SHEET_MUNICIPALITIES]
    column = kunnat.columns.get("Kunta ruotsiksi", kunnat.next_column)
    for n in data.negotiations:
        if "sv" not in data.languages_of(n):
            continue
        for m in data.municipalities_of(n):
            if not m.name_sv and m.language != "fi":
                problems.warning(
                    at(kunnat.name, f"{column}{m.row}"),
                    f"{m.name}: kunnan ruotsinkielinen nimi puuttuu; ruotsinkielisissä "
                    "asiakirjoissa käytetään suomenkielistä nimeä. Täytä sarake "
                    "”Kunta ruotsiksi”.",
                )


def _quote_twins(data: YearData, raw: RawWorkbook, problems: Problems) -> None:
    """The Swedish press release quotes in Swedish when the quote's twins are given."""
    s = data.settings
    if "sv" not in data.languages or not (s.press_quote and s.press_quote_by):
        return
    twins = (
        (s.press_quote_sv, schema.SETTING_PRESS_QUOTE_SV, "suomenkielistä lainausta", "käännös"),
        (
            s.press_quote_by_sv,
            schema.SETTING_PRESS_QUOTE_BY_SV,
            "lainauksen antajaa suomeksi",
            "nimi ja tehtävä ruotsiksi",
        ),
    )
    for given, setting, used, write in twins:
        if not given:
            problems.warning(
                settings_ref(raw, setting),
                f"asetus ”{setting}” puuttuu, vaikka tiedote tehdään myös ruotsiksi. "
                f"Ruotsinkielisessä tiedotteessa käytetään {used}; kirjoita {write} "
                f"asetukseen ”{setting}”.",
            )


def _attendance_unrecorded(data: YearData, raw: RawWorkbook, problems: Problems) -> None:
    """Final minutes (the register has decisions) should say who was present (SPEC §1)."""
    osallistujat = raw.sheets[schema.SHEET_PARTICIPANTS]
    column = osallistujat.columns.get("Läsnä", osallistujat.next_column)
    for n in data.negotiations:
        if data.decisions_of(n) and not data.attendance_recorded(n):
            problems.warning(
                at(osallistujat.name, f"{column}1"),
                f"neuvottelun ”{n.code}” läsnäoloa ei ole kirjattu, joten sen pöytäkirjassa "
                "luetellaan kutsutut eikä läsnä- ja poissaolijoita. Kirjoita "
                "Osallistujat-välilehden Läsnä-sarakkeeseen neuvotteluun kutsutuille kyllä "
                f"tai ei (tai niiden neuvottelujen tunnukset, joissa henkilö oli läsnä, esim. "
                f"{n.code}).",
            )
