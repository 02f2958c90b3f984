"""Stage 2: check every rule, collect every problem, build the typed records.

Nothing stops at the first problem: :func:`validate` returns all findings at
once, each located as ``Sheet!Cell`` with a Finnish message that says how to
fix it. The caller aborts once if any of them is an error.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pipeline.contract import schema
from pipeline.contract.agenda import recognise_agenda_item
from pipeline.contract.naming import slug
from pipeline.contract.values import (
    clean_text,
    key,
    parse_bool,
    parse_date,
    parse_email,
    parse_language,
    parse_role,
    parse_theme,
    parse_time,
    parse_year,
    split_list,
)
from pipeline.errors import Problems, at
from pipeline.workbook.model import (
    Decision,
    Municipality,
    Negotiation,
    Participant,
    Phenomenon,
    PreviousRow,
    RaisedItem,
    Settings,
    SurveyQuestion,
    SurveyResponse,
    YearData,
    derived_decision_id,
)
from pipeline.workbook.read import RawRow, RawSheet, RawWorkbook

T = TypeVar("T")


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` Tarkoititko ”Tampere”?`` or an empty string."""
    pool = {key(c): c for c in candidates if c}
    match = difflib.get_close_matches(key(word), list(pool), n=1, cutoff=0.6)
    return f" Tarkoititko ”{pool[match[0]]}”?" if match else ""


class _Sheet:
    """One raw sheet plus the helpers that read its cells into values."""

    def __init__(self, raw: RawSheet, problems: Problems) -> None:
        self.raw = raw
        self.name = raw.name
        self.problems = problems

    @property
    def rows(self) -> list[RawRow]:
        return self.raw.rows

    def ref(self, row: RawRow, column: str) -> str:
        cell = row.get(column)
        if cell is not None:
            return at(self.name, cell.ref)
        letter = self.raw.columns.get(column, "A")
        return at(self.name, f"{letter}{row.number}")

    def _error_value(self, row: RawRow, column: str) -> bool:
        cell = row.get(column)
        if cell is not None and cell.error:
            self.problems.error(
                self.ref(row, column),
                f"solussa on Excelin virhearvo {cell.value}. "
                "Korjaa kaava tai kirjoita soluun arvo.",
            )
            return True
        return False

    def text(self, row: RawRow, column: str, *, required: bool = False) -> str:
        if self._error_value(row, column):
            return ""
        cell = row.get(column)
        value = clean_text(cell.value) if cell else ""
        if required and not value:
            self.problems.error(
                self.ref(row, column), f"sarake ”{column}” on pakollinen. Täytä se tai poista rivi."
            )
        return value

    def parsed(
        self,
        row: RawRow,
        column: str,
        parser: Callable[[object], T],
        default: T,
        *,
        required: bool = False,
    ) -> T:
        if self._error_value(row, column):
            return default
        cell = row.get(column)
        if cell is None:
            if required:
                self.problems.error(
                    self.ref(row, column),
                    f"sarake ”{column}” on pakollinen. Täytä se tai poista rivi.",
                )
            return default
        try:
            return parser(cell.value)
        except ValueError as exc:
            self.problems.error(self.ref(row, column), str(exc))
            return default


def _check_headers(sheet: RawSheet, problems: Problems) -> bool:
    """Missing required columns are errors, unknown ones warnings. True when usable."""
    spec = schema.SHEETS_BY_NAME[sheet.name]
    ok = True
    known = [c.name for c in spec.columns]
    for col in spec.columns:
        if col.required and col.name not in sheet.columns:
            hint = did_you_mean(col.name, [text for text, _ in sheet.unknown])
            problems.error(
                at(sheet.name, f"{sheet.next_column}1"),
                f"pakollinen sarake ”{col.name}” puuttuu otsikkoriviltä.{hint} "
                f"Kirjoita otsikko ”{col.name}” riville 1.",
            )
            ok = False
    if not spec.open_columns:
        for text, letter in sheet.unknown:
            hint = did_you_mean(text, known) or " Sarakkeen tietoja ei käytetä."
            problems.warning(at(sheet.name, f"{letter}1"), f"tuntematon sarake ”{text}”.{hint}")
    for text, letter in sheet.duplicates:
        problems.error(
            at(sheet.name, f"{letter}1"),
            f"sarake ”{text}” on työkirjassa kahdesti. Poista tai nimeä toinen niistä uudelleen.",
        )
        ok = False
    return ok


# ---------------------------------------------------------------------- settings


def _settings(sheet: _Sheet, problems: Problems, workbook: Path) -> Settings | None:
    values: dict[str, tuple[object, str]] = {}  # setting -> (raw value, cell ref)
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
        if canonical in values:
            problems.error(
                sheet.ref(row, "Asetus"),
                f"asetus ”{canonical}” on annettu kahdesti. Poista toinen rivi.",
            )
            continue
        cell = row.get("Arvo")
        if cell is not None and cell.error:
            sheet.text(row, "Arvo")
            continue
        values[canonical] = (cell.value if cell else None, sheet.ref(row, "Arvo"))

    missing_at = at(sheet.name, f"A{last_row + 1}")

    def raw(name: str, required: bool = False) -> tuple[object, str] | None:
        value = values.get(name)
        if value is None or clean_text(value[0]) == "":
            if required:
                where = value[1] if value else missing_at
                problems.error(
                    where,
                    f"asetus ”{name}” puuttuu. Kirjoita Asetus-sarakkeeseen ”{name}” "
                    "ja Arvo-sarakkeeseen sen arvo.",
                )
            return None
        return value

    def parse(name: str, parser: Callable[[object], T], default: T, required: bool = False) -> T:
        value = raw(name, required)
        if value is None:
            return default
        try:
            return parser(value[0])
        except ValueError as exc:
            problems.error(value[1], f"{name}: {exc}")
            return default

    county = parse(schema.SETTING_COUNTY, clean_text, "", required=True)
    year = parse(schema.SETTING_YEAR, parse_year, 0, required=True)
    theme = parse(schema.SETTING_THEME, parse_theme, "", required=True)
    previous: Path | None = None
    prev = raw(schema.SETTING_PREVIOUS_TRACKER)
    if prev is not None:
        previous = (workbook.parent / clean_text(prev[0])).resolve()
        if not previous.is_file():
            problems.error(
                prev[1],
                f"{schema.SETTING_PREVIOUS_TRACKER}: tiedostoa ”{clean_text(prev[0])}” ei löydy "
                f"(haettiin {previous}). Kirjoita polku työkirjan kansiosta lähtien "
                "tai tyhjennä asetus.",
            )
    if not (county and year and theme):
        return None
    return Settings(
        county=county,
        county_sv=parse(schema.SETTING_COUNTY_SV, clean_text, ""),
        year=year,
        theme=theme,
        period=parse(schema.SETTING_PERIOD, clean_text, "") or schema.DEFAULT_PERIOD,
        pretask_deadline=parse(schema.SETTING_PRETASK_DEADLINE, parse_date, None),
        survey_deadline=parse(schema.SETTING_SURVEY_DEADLINE, parse_date, None),
        coordinator=parse(schema.SETTING_COORDINATOR, clean_text, ""),
        coordinator_email=parse(schema.SETTING_COORDINATOR_EMAIL, parse_email, ""),
        coordinator_phone=parse(schema.SETTING_COORDINATOR_PHONE, clean_text, ""),
        previous_tracker=previous,
        record_class=parse(schema.SETTING_RECORD_CLASS, clean_text, ""),
        publicity=parse(schema.SETTING_PUBLICITY, clean_text, "") or schema.DEFAULT_PUBLICITY,
        retention=parse(schema.SETTING_RETENTION, clean_text, ""),
    )


def _settings_ref(raw: RawWorkbook, setting: str) -> str:
    sheet = raw.sheets.get(schema.SHEET_SETTINGS)
    if sheet is None:
        return schema.SHEET_SETTINGS
    for row in sheet.rows:
        cell = row.get("Asetus")
        if cell is not None and key(clean_text(cell.value)) == key(setting):
            return at(sheet.name, f"{sheet.columns.get('Arvo', 'B')}{row.number}")
    last = max((r.number for r in sheet.rows), default=1)
    return at(sheet.name, f"A{last + 1}")


# ---------------------------------------------------------------------- sheets


def _municipalities(sheet: _Sheet, problems: Problems) -> list[Municipality]:
    result: list[Municipality] = []
    seen: dict[str, str] = {}
    #: file-name slug -> cell: each municipality's survey form is named after it
    slugs: dict[str, str] = {}
    errors_before = len(problems.errors)
    for row in sheet.rows:
        name = sheet.text(row, "Kunta", required=True)
        language = sheet.parsed(row, "Kieli", parse_language, "fi", required=True)
        area = sheet.text(row, "Palvelualue", required=True)
        email = sheet.parsed(row, "Kirjaamon sähköposti", parse_email, "")
        if not name:
            continue
        if key(name) in seen:
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kunta ”{name}” on jo rivillä {seen[key(name)]}. Kunta saa esiintyä vain kerran.",
            )
            continue
        if not slug(name):
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kunnan nimestä ”{name}” ei saa tiedostonimeä (ei kirjaimia eikä numeroita). "
                "Kirjoita kunnan nimi.",
            )
            continue
        if slug(name) in slugs:
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kunta ”{name}” antaa saman tiedostonimen ({slug(name)}) kuin kunta "
                f"solussa {slugs[slug(name)]}, joten kuntien kyselylomakkeet kirjoittuisivat "
                "samaan tiedostoon. Kirjoita kunnan nimi oikein (esim. ä- ja ö-kirjaimin) tai "
                "poista ylimääräinen rivi.",
            )
            continue
        seen[key(name)] = slugs[slug(name)] = sheet.ref(row, "Kunta")
        result.append(
            Municipality(
                name=name,
                name_sv=sheet.text(row, "Kunta ruotsiksi"),
                language=language,
                service_area=area,
                registry_email=email,
                row=row.number,
            )
        )
    if not result and len(problems.errors) == errors_before:
        problems.error(
            at(sheet.name, "A2"), "välilehdellä ei ole yhtään kuntaa. Lisää alueen kunnat."
        )
    return result


def _negotiations(
    sheet: _Sheet, problems: Problems, municipalities: list[Municipality], year: int
) -> list[Negotiation]:
    result: list[Negotiation] = []
    codes: dict[str, str] = {}
    slugs: dict[str, str] = {}
    areas_taken: dict[str, str] = {}
    areas = {key(m.service_area): m.service_area for m in municipalities}
    for row in sheet.rows:
        code = sheet.text(row, "Tunnus", required=True)
        area = sheet.text(row, "Palvelualue", required=True)
        date = sheet.parsed(row, "Päivämäärä", parse_date, None, required=True)
        start = sheet.parsed(row, "Alkaa", parse_time, None)
        end = sheet.parsed(row, "Päättyy", parse_time, None)
        language = sheet.parsed(row, "Kieli", lambda v: parse_language(v), None)
        if code:
            if key(code) in codes:
                problems.error(
                    sheet.ref(row, "Tunnus"),
                    f"tunnus ”{code}” on jo käytössä solussa {codes[key(code)]}. "
                    "Anna jokaiselle neuvottelulle oma tunnus.",
                )
                code = ""
            elif not slug(code):
                problems.error(
                    sheet.ref(row, "Tunnus"),
                    f"tunnuksesta ”{code}” ei saa tiedostonimeä. Käytä kirjaimia ja numeroita, "
                    "esim. pohjoinen.",
                )
                code = ""
            elif slug(code) in slugs:
                problems.error(
                    sheet.ref(row, "Tunnus"),
                    f"tunnus ”{code}” antaa saman tiedostonimen kuin tunnus solussa "
                    f"{slugs[slug(code)]}. Valitse selvemmin eroava tunnus.",
                )
                code = ""
            else:
                codes[key(code)] = slugs[slug(code)] = sheet.ref(row, "Tunnus")
        if area:
            if key(area) not in areas:
                problems.error(
                    sheet.ref(row, "Palvelualue"),
                    f"palvelualueella ”{area}” ei ole yhtään kuntaa Kunnat-välilehdellä."
                    f"{did_you_mean(area, areas.values())} "
                    "Kirjoita palvelualue samoin kuin Kunnat-välilehdellä.",
                )
            elif key(area) in areas_taken:
                problems.error(
                    sheet.ref(row, "Palvelualue"),
                    f"palvelualueella ”{area}” on jo neuvottelu ({areas_taken[key(area)]}). "
                    "Kullakin palvelualueella on yksi neuvottelu.",
                )
            else:
                areas_taken[key(area)] = sheet.ref(row, "Tunnus")
        if start and end and end <= start:
            problems.error(
                sheet.ref(row, "Päättyy"),
                f"neuvottelu päättyy ({end:%H.%M}) ennen kuin alkaa ({start:%H.%M}). "
                "Korjaa kellonajat.",
            )
        if not (code and area):
            continue
        # A bad date is reported above; the negotiation still counts, so that the rows
        # referring to it are not reported as broken too (the build stops anyway).
        negotiation = Negotiation(
            code=code,
            service_area=areas.get(key(area), area),
            date=date or dt.date(year or 2000, 4, 1),
            start=start,
            end=end,
            place=sheet.text(row, "Paikka"),
            remote=sheet.text(row, "Etäyhteys"),
            chair=sheet.text(row, "Puheenjohtaja"),
            secretary=sheet.text(row, "Sihteeri"),
            language=language,
            row=row.number,
        )
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
        result.append(negotiation)
    return result


def _participants(
    sheet: _Sheet,
    problems: Problems,
    data_m: list[Municipality],
    negotiations: list[Negotiation],
    county_names: tuple[str, ...],
) -> list[Participant]:
    by_name = {key(m.name): m for m in data_m}
    by_name.update({key(m.name_sv): m for m in data_m if m.name_sv})
    codes = {key(n.code): n.code for n in negotiations}
    area_negotiation = {key(n.service_area): n.code for n in negotiations}
    org_choices = [m.name for m in data_m] + [schema.ORG_COUNTY, schema.ORG_NGO]
    result: list[Participant] = []
    for row in sheet.rows:
        name = sheet.text(row, "Nimi", required=True)
        org = sheet.text(row, "Organisaatio", required=True)
        role = sheet.parsed(row, "Rooli", parse_role, schema.DEFAULT_ROLE)
        elected = sheet.parsed(row, "Luottamushenkilö", parse_bool, False)
        email = sheet.parsed(row, "Sähköposti", parse_email, "")
        wanted = sheet.text(row, "Neuvottelut")
        municipality = by_name.get(key(org))
        is_county = key(org) in {key(c) for c in (schema.ORG_COUNTY, *county_names) if c}
        is_ngo = key(org) == key(schema.ORG_NGO)
        if municipality is None and not is_county and not is_ngo:
            hint = did_you_mean(org, org_choices)
            if hint:
                problems.warning(
                    sheet.ref(row, "Organisaatio"),
                    f"organisaatio ”{org}” ei ole alueen kunta.{hint} "
                    "Jos kyse on muusta organisaatiosta, merkintä on kunnossa.",
                )
        attends: list[str] = []
        if key(wanted) == key(schema.ALL_NEGOTIATIONS):
            attends = [n.code for n in negotiations]
        elif wanted:
            for part in split_list(wanted.replace(";", ",")):
                if key(part) in codes:
                    if codes[key(part)] not in attends:
                        attends.append(codes[key(part)])
                else:
                    problems.error(
                        sheet.ref(row, "Neuvottelut"),
                        f"neuvottelua ”{part}” ei ole Neuvottelut-välilehdellä."
                        f"{did_you_mean(part, codes.values())} "
                        f"Kirjoita tunnukset pilkuin eroteltuina tai ”{schema.ALL_NEGOTIATIONS}”.",
                    )
        elif municipality is not None:
            code = area_negotiation.get(key(municipality.service_area))
            if code:
                attends = [code]
        elif name and org:
            problems.warning(
                sheet.ref(row, "Neuvottelut"),
                f"{name} ({org}) ei osallistu mihinkään neuvotteluun. Kirjoita sarakkeeseen "
                f"neuvottelujen tunnukset tai ”{schema.ALL_NEGOTIATIONS}”.",
            )
        if not (name and org):
            continue
        result.append(
            Participant(
                name=name,
                organisation=schema.ORG_COUNTY
                if is_county
                else schema.ORG_NGO
                if is_ngo
                else (municipality.name if municipality else org),
                title=sheet.text(row, "Tehtävä"),
                email=email,
                phone=sheet.text(row, "Puhelin"),
                role=role,
                elected=elected,
                negotiations=tuple(attends),
                municipality=municipality.name if municipality else None,
                row=row.number,
            )
        )
    return result


def _delegation_warnings(
    problems: Problems,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
    participants: list[Participant],
    sheets: dict[str, RawSheet],
) -> None:
    kunnat = sheets[schema.SHEET_MUNICIPALITIES]
    for m in municipalities:
        people = [p for p in participants if p.municipality == m.name and p.negotiations]
        where = at(kunnat.name, f"{kunnat.columns.get('Kunta', 'A')}{m.row}")
        if not people:
            problems.warning(
                where,
                f"kunnalla {m.name} ei ole yhtään osallistujaa. Lisää kunnan neuvottelukokoonpano "
                "Osallistujat-välilehdelle.",
            )
        elif not any(p.elected for p in people):
            problems.warning(
                where,
                f"kunnan {m.name} kokoonpanossa ei ole luottamushenkilöä. Merkitse "
                "luottamushenkilö Osallistujat-välilehdelle (Luottamushenkilö = kyllä).",
            )
    neuvottelut = sheets[schema.SHEET_NEGOTIATIONS]
    for n in negotiations:
        county = [p for p in participants if p.is_county and n.code in p.negotiations]
        where = at(neuvottelut.name, f"{neuvottelut.columns.get('Tunnus', 'A')}{n.row}")
        if not county:
            problems.warning(
                where,
                f"neuvottelussa ”{n.code}” ei ole hyvinvointialueen edustajia. Lisää "
                "Osallistujat-välilehdelle organisaatioksi Hyvinvointialue.",
            )
        elif not any(p.elected for p in county):
            problems.warning(
                where,
                f"hyvinvointialueen kokoonpanossa neuvottelussa ”{n.code}” ei ole "
                "luottamushenkilöä. Merkitse yksi edustajista luottamushenkilöksi.",
            )


def _phenomena(sheet: _Sheet) -> list[Phenomenon]:
    result = []
    for row in sheet.rows:
        name = sheet.text(row, "Ilmiö", required=True)
        chosen = sheet.parsed(row, "Neuvotteluun", parse_bool, False)
        if name:
            result.append(Phenomenon(name, sheet.text(row, "Kuvaus"), chosen))
    return result


def _answer_type(value: object) -> str:
    text = key(clean_text(value)).replace(" ", "")
    if text in ("", "teksti", "text"):
        return "teksti"
    if text in ("kyllä/ei", "kylla/ei", "k/e", "ja/nej", "yes/no"):
        return "kyllä/ei"
    if text in ("valinta", "val", "choice"):
        return "valinta"
    raise ValueError(
        f"”{clean_text(value)}” ei ole vastaustyyppi. Valitse {', '.join(schema.ANSWER_TYPES)}."
    )


def _questions(sheet: _Sheet, problems: Problems) -> list[SurveyQuestion]:
    result: list[SurveyQuestion] = []
    seen: set[str] = set()
    for index, row in enumerate(sheet.rows, start=1):
        text = sheet.text(row, "Kysymys", required=True)
        kind = sheet.parsed(row, "Vastaustyyppi", _answer_type, "teksti")
        choices = tuple(split_list(sheet.text(row, "Vaihtoehdot"), ";"))
        if kind == "valinta" and len(choices) < 2:
            problems.error(
                sheet.ref(row, "Vaihtoehdot"),
                "valintakysymykselle tarvitaan vähintään kaksi vaihtoehtoa puolipisteillä "
                "eroteltuina, esim. Kyllä; Osittain; Ei.",
            )
        if not text:
            continue
        if key(text) in {key(c) for c in (*schema.SURVEY_METADATA, "Kunta")}:
            problems.error(
                sheet.ref(row, "Kysymys"),
                f"kysymys ”{text}” on sama kuin kyselytyökalun tietosarake, joten vastauksia ei "
                "voisi erottaa siitä. Muotoile kysymys toisin, esim. ”Vastaajan nimi ja tehtävä”.",
            )
            continue
        if key(text) in seen:
            problems.error(
                sheet.ref(row, "Kysymys"),
                "sama kysymys on jo aiemmalla rivillä. Poista toinen tai muotoile se toisin.",
            )
            continue
        seen.add(key(text))
        result.append(SurveyQuestion(sheet.text(row, "Nro") or str(index), text, kind, choices))
    return result


def _responses(
    sheet: _Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    questions: list[SurveyQuestion],
) -> list[SurveyResponse]:
    metadata = {key(m) for m in schema.SURVEY_METADATA} | {key("Kunta")}
    columns = [c for c in sheet.raw.columns if key(c) not in metadata]
    if questions:
        known = {key(q.text): q.text for q in questions}
        for column in columns:
            if key(column) not in known:
                problems.warning(
                    at(sheet.name, f"{sheet.raw.columns[column]}1"),
                    f"sarake ”{column}” ei vastaa mitään Kyselyn kysymykset -välilehden kysymystä."
                    f"{did_you_mean(column, known.values())} Vastaukset näytetään silti.",
                )
        order = {key(q.text): i for i, q in enumerate(questions)}
        columns.sort(key=lambda c: order.get(key(c), len(order)))
    names = {key(m.name): m.name for m in municipalities}
    names.update({key(m.name_sv): m.name for m in municipalities if m.name_sv})
    result: list[SurveyResponse] = []
    seen: dict[str, str] = {}
    for row in sheet.rows:
        who = sheet.text(row, "Kunta", required=True)
        answers = tuple((c, sheet.text(row, c)) for c in columns)
        if not who:
            continue
        if key(who) not in names:
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kuntaa ”{who}” ei ole Kunnat-välilehdellä.{did_you_mean(who, names.values())} "
                "Korjaa kunnan nimi.",
            )
            continue
        canonical = names[key(who)]
        if canonical in seen:
            problems.warning(
                sheet.ref(row, "Kunta"),
                f"kunnalta {canonical} on jo vastaus rivillä {seen[canonical]}. "
                "Molemmat vastaukset otetaan mukaan; poista turha rivi.",
            )
        seen[canonical] = str(row.number)
        result.append(SurveyResponse(canonical, answers, sheet.ref(row, "Kunta")))
    return result


def _priority(sheet: _Sheet, problems: Problems, row: RawRow) -> str:
    text = sheet.text(row, "Painopiste")
    if not text:
        return ""
    try:
        return parse_theme(text)
    except ValueError as exc:
        problems.warning(sheet.ref(row, "Painopiste"), str(exc))
        return text


def _raised(
    sheet: _Sheet, problems: Problems, municipalities: list[Municipality]
) -> list[RaisedItem]:
    names = {key(m.name): m.name for m in municipalities}
    names.update({key(m.name_sv): m.name for m in municipalities if m.name_sv})
    result = []
    for row in sheet.rows:
        who = sheet.text(row, "Kunta", required=True)
        topic = sheet.text(row, "Aihe", required=True)
        priority = _priority(sheet, problems, row)
        if who and key(who) not in names:
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kuntaa ”{who}” ei ole Kunnat-välilehdellä.{did_you_mean(who, names.values())} "
                "Korjaa kunnan nimi.",
            )
            continue
        if who and topic:
            result.append(
                RaisedItem(
                    municipality=names[key(who)],
                    topic=topic,
                    description=sheet.text(row, "Kuvaus"),
                    wish=sheet.text(row, "Toive hyvinvointialueelle"),
                    priority=priority,
                    row=row.number,
                )
            )
    return result


def _decisions(
    sheet: _Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
) -> list[Decision]:
    codes = {key(n.code): n for n in negotiations}
    names = {key(m.name_sv): m for m in municipalities if m.name_sv}
    names.update({key(m.name): m for m in municipalities})
    result: list[Decision] = []
    given: dict[str, str] = {}
    derived: dict[str, int] = {}
    for row in sheet.rows:
        ident = sheet.text(row, "Tunnus")
        code = sheet.text(row, "Neuvottelu", required=True)
        who = sheet.text(row, "Kunta")
        text = sheet.text(row, "Päätös", required=True)
        deadline = sheet.parsed(row, "Määräaika", parse_date, None)
        priority = _priority(sheet, problems, row)
        negotiation = codes.get(key(code)) if code else None
        if code and negotiation is None:
            problems.error(
                sheet.ref(row, "Neuvottelu"),
                f"neuvottelua ”{code}” ei ole Neuvottelut-välilehdellä."
                f"{did_you_mean(code, [n.code for n in negotiations])} Käytä neuvottelun tunnusta.",
            )
        municipality = names.get(key(who)) if who else None
        if who and municipality is None:
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kuntaa ”{who}” ei ole Kunnat-välilehdellä."
                f"{did_you_mean(who, [m.name for m in municipalities])} "
                "Korjaa nimi tai jätä tyhjäksi, jos päätös koskee koko palvelualuetta.",
            )
        elif (
            municipality
            and negotiation
            and key(municipality.service_area) != key(negotiation.service_area)
        ):
            problems.error(
                sheet.ref(row, "Kunta"),
                f"{municipality.name} kuuluu palvelualueeseen ”{municipality.service_area}”, "
                f"mutta neuvottelu ”{negotiation.code}” on palvelualueen "
                f"”{negotiation.service_area}”. Korjaa kunta tai neuvottelu.",
            )
        if ident:
            if key(ident) in given:
                problems.error(
                    sheet.ref(row, "Tunnus"),
                    f"tunnus ”{ident}” on jo solussa {given[key(ident)]}. "
                    "Jokaisella päätöksellä on oma tunnus.",
                )
                continue
            given[key(ident)] = sheet.ref(row, "Tunnus")
        if deadline and negotiation and deadline < negotiation.date:
            problems.warning(
                sheet.ref(row, "Määräaika"),
                f"määräaika {deadline.day}.{deadline.month}.{deadline.year} on ennen neuvottelua "
                f"”{negotiation.code}” ({negotiation.date.day}.{negotiation.date.month}."
                f"{negotiation.date.year}). Tarkista päivämäärä.",
            )
        item = sheet.text(row, "Asiakohta")
        if item and not item.rstrip(".").isdigit() and recognise_agenda_item(item) is None:
            problems.warning(
                sheet.ref(row, "Asiakohta"),
                f"asiakohtaa ”{item}” ei tunnisteta; päätös kirjataan pöytäkirjassa teeman alle. "
                f"Käytä asialistan kohdan nimeä, esim. {', '.join(schema.AGENDA_ITEMS_FI[1:4])}.",
            )
        if not (negotiation and text) or (who and municipality is None):
            continue
        if not ident:
            base = derived_decision_id(
                negotiation.code, municipality.name if municipality else "", text
            )
            derived[base] = derived.get(base, 0) + 1
            ident_value = base if derived[base] == 1 else f"{base}-{derived[base]}"
        else:
            ident_value = ident
        result.append(
            Decision(
                id=ident_value,
                negotiation=negotiation.code,
                decision=text,
                agenda_item=sheet.text(row, "Asiakohta"),
                municipality=municipality.name if municipality else "",
                follow_up=sheet.text(row, "Jatkotoimi"),
                responsible=sheet.text(row, "Vastuutaho"),
                forum=sheet.text(row, "Yhteistyöfoorumi"),
                monitoring=sheet.text(row, "Seurantavastuu"),
                deadline=deadline,
                priority=priority,
                row=row.number,
                id_given=bool(ident),
            )
        )
    # the tracker matches ids case-insensitively (``key``), so clashes are found the same way
    clash = {key(d.id) for d in result if d.id_given} & {
        key(d.id) for d in result if not d.id_given
    }
    for d in result:
        if d.id_given and key(d.id) in clash:
            problems.error(
                at(sheet.name, f"{sheet.raw.columns.get('Tunnus', 'A')}{d.row}"),
                f"tunnus ”{d.id}” on varattu ohjelman luomille tunnuksille. Valitse toinen tunnus.",
            )
    return result


# ---------------------------------------------------------------------- main


#: the longest text a name-like cell may hold (names, codes, organisations, vocabularies)
NAME_MAX = 200
#: the longest free text (a decision, a description, a survey answer)
TEXT_MAX = 5000
_NAME_COLUMNS = frozenset(
    {
        "Asetus",
        "Kunta",
        "Kunta ruotsiksi",
        "Kieli",
        "Palvelualue",
        "Kirjaamon sähköposti",
        "Tunnus",
        "Päivämäärä",
        "Alkaa",
        "Päättyy",
        "Puheenjohtaja",
        "Sihteeri",
        "Nimi",
        "Organisaatio",
        "Tehtävä",
        "Sähköposti",
        "Puhelin",
        "Rooli",
        "Luottamushenkilö",
        "Neuvottelu",
        "Nro",
        "Vastaustyyppi",
        "Neuvotteluun",
        "Painopiste",
        "Määräaika",
    }
)


def text_limit(column: str) -> int:
    """How many characters a cell of ``column`` may hold."""
    return NAME_MAX if column in _NAME_COLUMNS else TEXT_MAX


def _check_visibility_and_shape(sheet: RawSheet, problems: Problems) -> None:
    """Data a coordinator cannot see, or that Excel only pretends to hold, never reaches a document."""
    if sheet.hidden and sheet.rows:
        problems.error(
            sheet.name,
            "välilehti on piilotettu, joten sen tietoja ei näe. Näytä välilehti (hiiren "
            "oikea painike välilehtien kohdalla → Näytä) tai poista välilehti, jos sen "
            "tietoja ei tarvita.",
        )
    for row in sheet.rows:
        if row.number in sheet.hidden_rows:
            problems.error(
                at(sheet.name, f"A{row.number}"),
                f"rivi {row.number} on piilotettu tai suodatettu näkyvistä, mutta siinä on "
                "tietoja. Näkymättömiä tietoja ei viedä asiakirjoihin: näytä rivi (valitse "
                "rivit, hiiren oikea painike → Näytä, tai poista suodatus) tai poista rivi.",
            )
    for column, letter in sheet.columns.items():
        if letter in sheet.hidden_columns and any(row.get(column) for row in sheet.rows):
            problems.error(
                at(sheet.name, f"{letter}1"),
                f"sarake ”{column}” on piilotettu, mutta siinä on tietoja. Näytä sarake "
                "(valitse viereiset sarakkeet, hiiren oikea painike → Näytä) tai tyhjennä se.",
            )
    for ref in sheet.merged:
        problems.error(
            at(sheet.name, ref),
            "yhdistetyt solut. Yhdistetyssä solussa arvo on vain ensimmäisessä solussa ja "
            "muut jäävät tyhjiksi. Pura yhdistäminen (Aloitus → Yhdistä ja keskitä → Pura "
            "solujen yhdistäminen) ja kirjoita arvo jokaiseen soluun.",
        )
    for ref in sheet.uncached_formulas:
        problems.error(
            at(sheet.name, ref),
            "solussa on kaava, jonka tulosta ei ole tallennettu (työkirja on tallennettu "
            "ohjelmalla, joka ei laske kaavoja). Avaa työkirja Excelissä ja tallenna se, "
            "tai kirjoita kaavan tilalle arvo.",
        )
    for row in sheet.rows:
        for column, cell in row.cells.items():
            if not isinstance(cell.value, str):
                continue
            limit = text_limit(column)
            length = len(clean_text(cell.value))
            if length > limit:
                problems.error(
                    at(sheet.name, cell.ref),
                    f"teksti on liian pitkä ({length} merkkiä, enintään {limit}). Lyhennä "
                    "tekstiä; pitkä aineisto kuuluu liitteeksi, ei työkirjaan.",
                )


def _sheet(raw: RawWorkbook, name: str, problems: Problems) -> _Sheet | None:
    spec = schema.SHEETS_BY_NAME[name]
    sheet = raw.sheets.get(name)
    if sheet is None:
        if not spec.optional:
            hint = did_you_mean(name, raw.other_sheets)
            problems.error(
                name,
                f"välilehti ”{name}” puuttuu työkirjasta.{hint} Lisää välilehti tai luo "
                "mallityökirja komennolla hytetu init.",
            )
        return None
    if spec.optional and not (sheet.columns or sheet.unknown or sheet.duplicates or sheet.rows):
        return None  # an optional sheet emptied of everything, header too, counts as missing
    _check_visibility_and_shape(sheet, problems)
    if not _check_headers(sheet, problems):
        return None
    return _Sheet(sheet, problems)


def validate(raw: RawWorkbook) -> tuple[YearData | None, Problems]:
    """Check the whole workbook. Returns the data (``None`` if it cannot be built) and every finding."""
    problems = Problems()
    known = [s.name for s in schema.SHEETS] + [schema.SHEET_INSTRUCTIONS]
    for other in raw.other_sheets:
        if key(other) == key(schema.SHEET_INSTRUCTIONS):
            continue
        hint = did_you_mean(other, known)
        if hint:
            problems.warning(other, f"tuntematon välilehti ”{other}”.{hint} Sitä ei lueta.")
    sheets = {spec.name: _sheet(raw, spec.name, problems) for spec in schema.SHEETS}

    settings = (
        _settings(sheets[schema.SHEET_SETTINGS], problems, raw.path)
        if sheets[schema.SHEET_SETTINGS]
        else None
    )
    previous = _previous_tracker(settings, raw, problems)
    municipalities = (
        _municipalities(sheets[schema.SHEET_MUNICIPALITIES], problems)
        if sheets[schema.SHEET_MUNICIPALITIES]
        else []
    )
    year = settings.year if settings else 0
    negotiations = (
        _negotiations(sheets[schema.SHEET_NEGOTIATIONS], problems, municipalities, year)
        if sheets[schema.SHEET_NEGOTIATIONS]
        else []
    )
    if sheets[schema.SHEET_MUNICIPALITIES] and sheets[schema.SHEET_NEGOTIATIONS]:
        areas = {key(n.service_area) for n in negotiations}
        reported: set[str] = set()
        sheet = sheets[schema.SHEET_MUNICIPALITIES]
        for m in municipalities:
            if (
                m.service_area
                and key(m.service_area) not in areas
                and key(m.service_area) not in reported
            ):
                reported.add(key(m.service_area))
                problems.error(
                    at(sheet.name, f"{sheet.raw.columns['Palvelualue']}{m.row}"),
                    f"palvelualueelle ”{m.service_area}” ei ole neuvottelua."
                    f"{did_you_mean(m.service_area, [n.service_area for n in negotiations])} "
                    "Lisää neuvottelu Neuvottelut-välilehdelle tai korjaa palvelualueen nimi.",
                )
    participants = (
        _participants(
            sheets[schema.SHEET_PARTICIPANTS],
            problems,
            municipalities,
            negotiations,
            (settings.county, settings.county_sv) if settings else (),
        )
        if sheets[schema.SHEET_PARTICIPANTS]
        else []
    )
    if all(
        sheets[n]
        for n in (schema.SHEET_MUNICIPALITIES, schema.SHEET_NEGOTIATIONS, schema.SHEET_PARTICIPANTS)
    ):
        _delegation_warnings(problems, municipalities, negotiations, participants, raw.sheets)

    def optional(name: str, build: Callable[[_Sheet], list[T]]) -> list[T]:
        sheet = sheets[name]
        return build(sheet) if sheet else []

    phenomena = optional(schema.SHEET_PHENOMENA, _phenomena)
    questions = optional(schema.SHEET_QUESTIONS, lambda s: _questions(s, problems))
    responses = optional(
        schema.SHEET_RESPONSES, lambda s: _responses(s, problems, municipalities, questions)
    )
    raised = optional(schema.SHEET_RAISED, lambda s: _raised(s, problems, municipalities))
    decisions = optional(
        schema.SHEET_DECISIONS, lambda s: _decisions(s, problems, municipalities, negotiations)
    )
    if settings is None or problems.errors:
        return None, problems
    data = YearData(
        settings=settings,
        municipalities=municipalities,
        negotiations=negotiations,
        participants=participants,
        phenomena=phenomena,
        questions=questions,
        responses=responses,
        raised=raised,
        decisions=decisions,
        sheets_present=frozenset(
            n for n, sh in sheets.items() if sh is not None and schema.SHEETS_BY_NAME[n].optional
        ),
        workbook=raw.path,
        saved=raw.modified,
        previous=previous,
    )
    _cross_checks(data, raw, problems)
    return (None if problems.errors else data), problems


def _previous_tracker(
    settings: Settings | None, raw: RawWorkbook, problems: Problems
) -> list[PreviousRow] | None:
    """Last year's tracker read, or None; a file that cannot be read is an error at its setting."""
    from pipeline.workbook.previous_year import check_previous

    path = settings.previous_tracker if settings else None
    if path is None or not path.is_file():  # a missing file is already reported by _settings
        return None
    return check_previous(path, _settings_ref(raw, schema.SETTING_PREVIOUS_TRACKER), problems)


def _cross_checks(data: YearData, raw: RawWorkbook, problems: Problems) -> None:
    if "sv" in data.languages and not data.settings.county_sv:
        problems.error(
            _settings_ref(raw, schema.SETTING_COUNTY_SV),
            f"asetus ”{schema.SETTING_COUNTY_SV}” puuttuu, mutta osa asiakirjoista tehdään "
            "ruotsiksi. Kirjoita hyvinvointialueen ruotsinkielinen nimi, esim. "
            "Österbottens välfärdsområde.",
        )
    kunnat = raw.sheets[schema.SHEET_MUNICIPALITIES]
    for n in data.negotiations:
        if "sv" not in data.languages_of(n):
            continue
        for m in data.municipalities_of(n):
            if not m.name_sv and m.language != "fi":
                problems.warning(
                    at(
                        kunnat.name,
                        f"{kunnat.columns.get('Kunta ruotsiksi', kunnat.next_column)}{m.row}",
                    ),
                    f"kunnalta {m.name} puuttuu ruotsinkielinen nimi; ruotsinkielisissä "
                    "asiakirjoissa käytetään suomenkielistä nimeä. Täytä Kunta ruotsiksi.",
                )
    if data.previous:
        from pipeline.workbook.previous_year import unknown_municipalities

        for name in unknown_municipalities(data, data.previous):
            problems.warning(
                _settings_ref(raw, schema.SETTING_PREVIOUS_TRACKER),
                f"edellisen vuoden seurantataulukossa on kunta ”{name}”, jota ei ole "
                "Kunnat-välilehdellä. Sen rivit näytetään neuvottelussa, jota rivin "
                "Neuvottelu-tunnus vastaa (tai kaikissa, jos sitä ei voi päätellä). Jos kunnan "
                "nimi on muuttunut, korjaa nimi seurantataulukkoon.",
            )
