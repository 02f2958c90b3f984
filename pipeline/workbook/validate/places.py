"""``Kunnat`` and ``Neuvottelut``: the municipalities, and one negotiation per service area."""

from __future__ import annotations

import datetime as dt

from pipeline.contract.grammar import clock
from pipeline.contract.naming import slug
from pipeline.contract.schema import LanguageCode
from pipeline.contract.values import (
    key,
    parse_date,
    parse_email,
    parse_language,
    parse_time,
    split_list,
)
from pipeline.errors import Problems, at
from pipeline.workbook.model import Municipality, Negotiation
from pipeline.workbook.read import RawRow
from pipeline.workbook.validate.sheet import (
    MUNICIPALITY_AREAS,
    MUNICIPALITY_ROWS,
    NEGOTIATION_ROWS,
    ON_AREAS,
    ON_NEGOTIATIONS,
    Sheet,
    did_you_mean,
)

# ---------------------------------------------------------------------- Kunnat


def municipalities(sheet: Sheet, problems: Problems) -> list[Municipality]:
    result: list[Municipality] = []
    seen: dict[str, str] = {}
    #: file-name slug -> cell: each municipality's survey form is named after it
    slugs: dict[str, str] = {}
    errors_before = len(problems.errors)
    for row in sheet.rows:
        name = sheet.text(row, "Kunta", required=True)
        language: LanguageCode = sheet.parsed(row, "Kieli", parse_language, "fi", required=True)
        area = sheet.text(row, "Palvelualue", required=True)
        email = sheet.parsed(row, "Kirjaamon sähköposti", parse_email, "")
        if not name or not _unique_name(sheet, problems, row, name, seen, slugs):
            problems.gap(MUNICIPALITY_ROWS)
            continue
        if not area:
            problems.gap(MUNICIPALITY_AREAS)
        seen[key(name)] = slugs[slug(name)] = sheet.ref(row, "Kunta")
        result.append(
            Municipality(
                name=name,
                name_sv=sheet.text(row, "Kunta ruotsiksi"),
                language=language,
                service_area=area,
                registry_email=email,
                row=row.number,
                service_area_sv=sheet.text(row, "Palvelualue ruotsiksi"),
            )
        )
    if not result and len(problems.errors) == errors_before:
        problems.error(
            at(sheet.name, "A2"), "välilehdellä ei ole yhtään kuntaa. Lisää alueen kunnat."
        )
    return result


def _unique_name(
    sheet: Sheet,
    problems: Problems,
    row: RawRow,
    name: str,
    seen: dict[str, str],
    slugs: dict[str, str],
) -> bool:
    """Whether ``name`` is a new municipality that gets a file name of its own."""
    if key(name) in seen:
        problems.error(
            sheet.ref(row, "Kunta"),
            f"kunta ”{name}” on jo solussa {seen[key(name)]}. Kunta saa esiintyä vain kerran.",
        )
        return False
    if not slug(name):
        problems.error(
            sheet.ref(row, "Kunta"),
            f"kunnan nimestä ”{name}” ei saa tiedostonimeä (ei kirjaimia eikä numeroita). "
            "Kirjoita kunnan nimi.",
        )
        return False
    if slug(name) in slugs:
        problems.error(
            sheet.ref(row, "Kunta"),
            f"kunta ”{name}” antaa saman tiedostonimen ({slug(name)}) kuin kunta "
            f"solussa {slugs[slug(name)]}, joten kuntien kyselylomakkeet kirjoittuisivat "
            "samaan tiedostoon. Kirjoita kunnan nimi oikein (esim. ä- ja ö-kirjaimin) tai "
            "poista ylimääräinen rivi.",
        )
        return False
    return True


# ---------------------------------------------------------------------- Neuvottelut


class _Seen:
    """What earlier rows of ``Neuvottelut`` took: codes, their file names, service areas."""

    def __init__(self, municipalities: list[Municipality]) -> None:
        self.codes: dict[str, str] = {}
        self.slugs: dict[str, str] = {}
        self.areas_taken: dict[str, str] = {}
        #: the service areas ``Kunnat`` names, as written there
        self.areas = {key(m.service_area): m.service_area for m in municipalities}


def negotiations(
    sheet: Sheet, problems: Problems, municipalities: list[Municipality], year: int
) -> list[Negotiation]:
    result: list[Negotiation] = []
    seen = _Seen(municipalities)
    for row in sheet.rows:
        code = sheet.text(row, "Tunnus", required=True)
        area = sheet.text(row, "Palvelualue", required=True)
        date = sheet.parsed(row, "Päivämäärä", parse_date, None, required=True)
        start = sheet.parsed(row, "Alkaa", parse_time, None)
        end = sheet.parsed(row, "Päättyy", parse_time, None)
        language = sheet.parsed(row, "Kieli", parse_language, None)
        if code:
            code = _new_code(sheet, problems, row, code, seen)
        if area:
            _check_area(sheet, problems, row, area, seen)
        if start and end and end <= start:
            problems.error(
                sheet.ref(row, "Päättyy"),
                f"päättymisaika ({clock(end, 'fi')}) on "
                + ("sama kuin" if end == start else "aikaisempi kuin")
                + f" alkamisaika ({clock(start, 'fi')}). Korjaa kellonajat.",
            )
        if not (code and area):
            problems.gap(NEGOTIATION_ROWS)
            continue
        # A bad date is reported above; the negotiation still counts, so that the rows
        # referring to it are not reported as broken too (the build stops anyway).
        negotiation = Negotiation(
            code=code,
            service_area=seen.areas.get(key(area), area),
            date=date or dt.date(year or 2000, 4, 1),
            start=start,
            end=end,
            place=sheet.text(row, "Paikka"),
            remote=sheet.text(row, "Etäyhteys"),
            chair=sheet.text(row, "Puheenjohtaja"),
            secretary=sheet.text(row, "Sihteeri"),
            language=language,
            row=row.number,
            place_sv=sheet.text(row, "Paikka ruotsiksi"),
            checkers=tuple(split_list(sheet.text(row, "Pöytäkirjan tarkastajat"))),
            checked=sheet.parsed(row, "Tarkastettu", parse_date, None),
            invitation_date=sheet.parsed(row, "Kutsun päivämäärä", parse_date, None),
            registration_by=sheet.parsed(row, "Ilmoittautuminen", parse_date, None),
        )
        _negotiation_warnings(sheet, problems, row, negotiation, date, year)
        result.append(negotiation)
    return result


def _new_code(sheet: Sheet, problems: Problems, row: RawRow, code: str, seen: _Seen) -> str:
    """``code`` if no other negotiation has it (or its file name); else reported and ``""``."""
    if key(code) in seen.codes:
        problems.error(
            sheet.ref(row, "Tunnus"),
            f"tunnus ”{code}” on jo käytössä solussa {seen.codes[key(code)]}. "
            "Anna jokaiselle neuvottelulle oma tunnus.",
        )
        return ""
    if not slug(code):
        problems.error(
            sheet.ref(row, "Tunnus"),
            f"tunnuksesta ”{code}” ei saa tiedostonimeä. Käytä kirjaimia ja numeroita, "
            "esim. pohjoinen.",
        )
        return ""
    if slug(code) in seen.slugs:
        problems.error(
            sheet.ref(row, "Tunnus"),
            f"tunnus ”{code}” antaa saman tiedostonimen kuin tunnus solussa "
            f"{seen.slugs[slug(code)]}. Valitse selvemmin eroava tunnus.",
        )
        return ""
    seen.codes[key(code)] = seen.slugs[slug(code)] = sheet.ref(row, "Tunnus")
    return code


def _check_area(sheet: Sheet, problems: Problems, row: RawRow, area: str, seen: _Seen) -> None:
    if key(area) not in seen.areas:
        problems.error(
            sheet.ref(row, "Palvelualue"),
            f"palvelualueella ”{area}” ei ole yhtään kuntaa Kunnat-välilehdellä."
            f"{did_you_mean(area, seen.areas.values())} "
            "Kirjoita palvelualue samoin kuin Kunnat-välilehdellä.",
            relies_on=ON_AREAS,
        )
    elif key(area) in seen.areas_taken:
        problems.error(
            sheet.ref(row, "Palvelualue"),
            f"palvelualueella ”{area}” on jo neuvottelu ({seen.areas_taken[key(area)]}). "
            "Kullakin palvelualueella on yksi neuvottelu.",
        )
    else:
        seen.areas_taken[key(area)] = sheet.ref(row, "Tunnus")


def _negotiation_warnings(
    sheet: Sheet,
    problems: Problems,
    row: RawRow,
    negotiation: Negotiation,
    date: dt.date | None,
    year: int,
) -> None:
    code = negotiation.code
    if not negotiation.chair:
        problems.warning(
            sheet.ref(row, "Puheenjohtaja"),
            f"neuvottelulle ”{code}” ei ole nimetty puheenjohtajaa. Lisää nimi ennen kutsujen lähettämistä.",
        )
    if not negotiation.secretary:
        problems.warning(
            sheet.ref(row, "Sihteeri"),
            f"neuvottelulle ”{code}” ei ole nimetty sihteeriä. Lisää pöytäkirjanpitäjän nimi.",
        )
    if date and year and not (date.year == year and date.month in (4, 5)):
        problems.warning(
            sheet.ref(row, "Päivämäärä"),
            f"neuvottelu on {date.day}.{date.month}.{date.year}, ei huhti–toukokuussa {year}. "
            "Tarkista päivämäärä.",
        )


# ---------------------------------------------------------------------- both


def areas_without_negotiation(
    sheet: Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
) -> None:
    """Every service area in ``Kunnat`` needs a negotiation (reported once per area)."""
    areas = {key(n.service_area) for n in negotiations}
    reported: set[str] = set()
    for m in municipalities:
        if m.service_area and key(m.service_area) not in areas | reported:
            reported.add(key(m.service_area))
            problems.error(
                sheet.row_ref(m.row, "Palvelualue"),
                f"palvelualueelle ”{m.service_area}” ei ole neuvottelua."
                f"{did_you_mean(m.service_area, [n.service_area for n in negotiations])} "
                "Lisää neuvottelu Neuvottelut-välilehdelle tai korjaa palvelualueen nimi.",
                relies_on=ON_NEGOTIATIONS,
            )
