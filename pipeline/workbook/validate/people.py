"""``Osallistujat``: who represents whom in which negotiation, and who is missing."""

from __future__ import annotations

from pipeline.contract import schema
from pipeline.contract.values import key, parse_bool, parse_email, parse_role, split_list
from pipeline.errors import Problems
from pipeline.workbook.model import Municipality, MunicipalityIndex, Negotiation, Participant
from pipeline.workbook.read import RawRow
from pipeline.workbook.validate.sheet import (
    ON_AREAS,
    ON_DELEGATIONS,
    ON_MUNICIPALITIES,
    ON_NEGOTIATIONS,
    PARTICIPANT_ROWS,
    Sheet,
    did_you_mean,
)


def participants(
    sheet: Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
    county_names: tuple[str, ...],
) -> list[Participant]:
    index = MunicipalityIndex(municipalities)
    county_keys = {key(c) for c in (schema.ORG_COUNTY, *county_names) if c}
    org_choices = [m.name for m in municipalities] + [
        m.name_sv for m in municipalities if m.name_sv
    ]
    org_choices += [schema.ORG_COUNTY, schema.ORG_NGO]
    lookup = _Codes(negotiations)
    result: list[Participant] = []
    for row in sheet.rows:
        name = sheet.text(row, "Nimi", required=True)
        org = sheet.text(row, "Organisaatio", required=True)
        role = sheet.parsed(row, "Rooli", parse_role, schema.DEFAULT_ROLE)
        elected = sheet.parsed(row, "Luottamushenkilö", parse_bool, False)
        email = sheet.parsed(row, "Sähköposti", parse_email, "")
        wanted = sheet.text(row, "Neuvottelut")
        municipality = index.get(org)
        is_county = key(org) in county_keys
        is_ngo = key(org) == key(schema.ORG_NGO)
        if municipality is None and not is_county and not is_ngo:
            near = misspelt(org, org_choices)
            hint = did_you_mean(org, org_choices)
            if near:
                problems.error(
                    sheet.ref(row, "Organisaatio"),
                    f"organisaatio ”{org}” on melkein ”{near}”. Tarkoititko ”{near}”? "
                    "Kirjoitusvirheen vuoksi henkilö jäisi pois kaikista asiakirjoista. Korjaa "
                    "nimi; jos henkilö edustaa muuta organisaatiota, kirjoita sen koko nimi.",
                    relies_on=ON_MUNICIPALITIES,
                )
            elif hint:
                problems.warning(
                    sheet.ref(row, "Organisaatio"),
                    f"organisaatio ”{org}” ei ole alueen kunta.{hint} "
                    "Jos kyse on muusta organisaatiosta, merkintä on kunnossa.",
                    relies_on=ON_MUNICIPALITIES,
                )
        attends = _attends(sheet, problems, row, wanted, negotiations, municipality, lookup)
        if not wanted and municipality is None and name and org:
            problems.warning(
                sheet.ref(row, "Neuvottelut"),
                f"{name} ({org}) ei osallistu mihinkään neuvotteluun, joten häntä ei ole "
                "yhdessäkään kutsussa, asialistassa eikä pöytäkirjassa. Kirjoita sarakkeeseen "
                f"neuvottelujen tunnukset tai ”{schema.ALL_NEGOTIATIONS}”.",
                relies_on=ON_AREAS,
            )
        if not (name and org):
            problems.gap(PARTICIPANT_ROWS)
            continue
        if is_county:
            organisation = schema.ORG_COUNTY
        elif is_ngo:
            organisation = schema.ORG_NGO
        else:
            organisation = municipality.name if municipality else org
        result.append(
            Participant(
                name=name,
                organisation=organisation,
                title=sheet.text(row, "Tehtävä"),
                email=email,
                phone=sheet.text(row, "Puhelin"),
                role=role,
                elected=elected,
                negotiations=tuple(attends),
                municipality=municipality.name if municipality else None,
                row=row.number,
                # the county and the NGO council are fixed words i18n translates
                organisation_sv=""
                if is_county or is_ngo or municipality
                else sheet.text(row, "Organisaatio ruotsiksi"),
                title_sv=sheet.text(row, "Tehtävä ruotsiksi"),
                attended=_attended(sheet, problems, row, attends, negotiations),
            )
        )
    return result


class _Codes:
    """The negotiations by code and by service area, built once for all rows."""

    def __init__(self, negotiations: list[Negotiation]) -> None:
        self.by_area = {key(n.service_area): n.code for n in negotiations}
        self.codes = {key(n.code): n.code for n in negotiations}


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace) that turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def misspelt(typed: str, names: list[str]) -> str:
    """The name ``typed`` is a typo of (1 edit for names of up to 6 letters, else 2), or ``""``."""
    wanted = key(typed)
    for name in names:
        allowed = 1 if len(key(name)) <= 6 else 2
        if (
            abs(len(key(name)) - len(wanted)) <= allowed
            and 0 < _distance(wanted, key(name)) <= allowed
        ):
            return name
    return ""


def _attends(
    sheet: Sheet,
    problems: Problems,
    row: RawRow,
    wanted: str,
    negotiations: list[Negotiation],
    municipality: Municipality | None,
    lookup: _Codes,
) -> list[str]:
    """The codes of the negotiations a row's person attends (SPEC §1 ``Neuvottelut``).

    ``kaikki`` is every negotiation; empty is the negotiation of the person's
    municipality (none for anyone else); unknown codes are errors.
    """
    if key(wanted) == key(schema.ALL_NEGOTIATIONS):
        return [n.code for n in negotiations]
    if not wanted:
        if municipality is None:
            return []
        code = lookup.by_area.get(key(municipality.service_area))
        return [code] if code else []
    codes = lookup.codes
    attends: list[str] = []
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
                relies_on=ON_NEGOTIATIONS,
            )
    return attends


def delegation_warnings(
    problems: Problems,
    kunnat: Sheet,
    neuvottelut: Sheet,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
    participants: list[Participant],
) -> None:
    """Each municipality and the county should bring someone, an elected official among them."""
    # indexed once, so the rules grow with the rows, not with rows × rows
    by_municipality: dict[str, list[Participant]] = {}
    county_by_code: dict[str, list[Participant]] = {}
    for p in participants:
        if p.municipality is not None and p.negotiations:
            by_municipality.setdefault(p.municipality, []).append(p)
        if p.is_county:
            for code in p.negotiations:
                county_by_code.setdefault(code, []).append(p)
    for m in municipalities:
        people = by_municipality.get(m.name, [])
        where = kunnat.row_ref(m.row, "Kunta")
        if not people:
            problems.warning(
                where,
                f"{m.name}: kunnalle ei ole merkitty yhtään osallistujaa. Lisää kunnan "
                "neuvottelukokoonpano "
                "Osallistujat-välilehdelle.",
                relies_on=ON_DELEGATIONS,
            )
        elif not any(p.elected for p in people):
            problems.warning(
                where,
                f"{m.name}: kunnan neuvottelukokoonpanossa ei ole luottamushenkilöä. Merkitse "
                "luottamushenkilö Osallistujat-välilehdelle (Luottamushenkilö = kyllä).",
                relies_on=ON_DELEGATIONS,
            )
    for n in negotiations:
        county = county_by_code.get(n.code, [])
        where = neuvottelut.row_ref(n.row, "Tunnus")
        if not county:
            problems.warning(
                where,
                f"neuvottelussa ”{n.code}” ei ole hyvinvointialueen edustajia. Lisää "
                "Osallistujat-välilehdelle organisaatioksi Hyvinvointialue.",
            )
        elif not any(p.elected for p in county):
            problems.warning(
                where,
                f"neuvottelu ”{n.code}”: hyvinvointialueen neuvottelukokoonpanossa ei ole "
                "luottamushenkilöä. Merkitse yksi edustajista luottamushenkilöksi.",
            )


def _attended(
    sheet: Sheet,
    problems: Problems,
    row: RawRow,
    attends: list[str],
    negotiations: list[Negotiation],
) -> tuple[str, ...] | None:
    """``Läsnä``: yes/no for all of the person's negotiations, or the codes attended."""
    text = sheet.text(row, "Läsnä")
    if not text:
        return None
    try:
        return tuple(attends) if parse_bool(text) else ()
    except ValueError:
        pass
    codes = {key(n.code): n.code for n in negotiations}
    result: list[str] = []
    for part in split_list(text.replace(";", ",")):
        if key(part) in codes:
            result.append(codes[key(part)])
        else:
            problems.error(
                sheet.ref(row, "Läsnä"),
                f"neuvottelua ”{part}” ei ole Neuvottelut-välilehdellä."
                f"{did_you_mean(part, codes.values())} "
                "Kirjoita kyllä, ei tai läsnäolon neuvottelujen tunnukset pilkuin eroteltuina.",
                relies_on=ON_NEGOTIATIONS,
            )
    return tuple(result)


def checker_warnings(
    neuvottelut: Sheet,
    problems: Problems,
    negotiations: list[Negotiation],
    participants: list[Participant],
) -> None:
    """A minute checker should be a participant of that negotiation."""
    names_by_code: dict[str, set[str]] = {}  # indexed once, not scanned per negotiation
    for p in participants:
        for code in p.negotiations:
            names_by_code.setdefault(code, set()).add(key(p.name))
    for n in negotiations:
        names = names_by_code.get(n.code, set())
        for name in n.checkers:
            if key(name) not in names:
                problems.warning(
                    neuvottelut.row_ref(n.row, "Pöytäkirjan tarkastajat"),
                    f"pöytäkirjan tarkastaja {name} ei ole neuvottelun ”{n.code}” "
                    "osallistuja. Tarkista nimi Osallistujat-välilehdeltä.",
                )
