"""``Nostot`` and ``Päätökset``: what the municipalities raise and what was agreed."""

from __future__ import annotations

import datetime as dt

from pipeline.contract import schema
from pipeline.contract.agenda import recognise_agenda_item
from pipeline.contract.grammar import join_words
from pipeline.contract.values import key, parse_date, parse_theme
from pipeline.errors import Problems
from pipeline.workbook.model import (
    Decision,
    Municipality,
    MunicipalityIndex,
    Negotiation,
    Note,
    RaisedItem,
    derived_decision_id,
)
from pipeline.workbook.read import RawRow
from pipeline.workbook.validate.sheet import (
    ON_AREAS,
    ON_MUNICIPALITIES,
    ON_NEGOTIATIONS,
    Sheet,
    did_you_mean,
)


def _priority(sheet: Sheet, problems: Problems, row: RawRow) -> str:
    """``Painopiste`` as the plan names it; an unknown one is kept as typed, with a warning."""
    text = sheet.text(row, "Painopiste")
    if not text:
        return ""
    try:
        return parse_theme(text)
    except ValueError as exc:
        problems.warning(sheet.ref(row, "Painopiste"), str(exc))
        return text


def _unknown_municipality(
    sheet: Sheet, problems: Problems, row: RawRow, who: str, names: list[str], fix: str
) -> None:
    problems.error(
        sheet.ref(row, "Kunta"),
        f"kuntaa ”{who}” ei ole Kunnat-välilehdellä.{did_you_mean(who, names)} {fix}",
        relies_on=ON_MUNICIPALITIES,
    )


# ---------------------------------------------------------------------- Nostot


def raised(
    sheet: Sheet, problems: Problems, municipalities: list[Municipality]
) -> list[RaisedItem]:
    index = MunicipalityIndex(municipalities)
    names = [m.name for m in municipalities]
    result = []
    for row in sheet.rows:
        who = sheet.text(row, "Kunta", required=True)
        topic = sheet.text(row, "Aihe", required=True)
        priority = _priority(sheet, problems, row)
        municipality = index.get(who) if who else None
        if who and municipality is None:
            _unknown_municipality(sheet, problems, row, who, names, "Korjaa kunnan nimi.")
            continue
        if municipality and topic:
            result.append(
                RaisedItem(
                    municipality=municipality.name,
                    topic=topic,
                    description=sheet.text(row, "Kuvaus"),
                    wish=sheet.text(row, "Toive hyvinvointialueelle"),
                    priority=priority,
                    row=row.number,
                    topic_sv=sheet.text(row, "Aihe ruotsiksi"),
                    description_sv=sheet.text(row, "Kuvaus ruotsiksi"),
                    wish_sv=sheet.text(row, "Toive hyvinvointialueelle ruotsiksi"),
                )
            )
    return result


# ---------------------------------------------------------------------- Päätökset


class _Ids:
    """The register's ``Tunnus`` values given so far, and the derived ones handed out."""

    def __init__(self) -> None:
        self.given: dict[str, str] = {}
        self.derived: dict[str, int] = {}

    def take_given(self, sheet: Sheet, problems: Problems, row: RawRow, ident: str) -> bool:
        """False (reported) when another decision already has ``ident``."""
        if key(ident) in self.given:
            problems.error(
                sheet.ref(row, "Tunnus"),
                f"tunnus ”{ident}” on jo solussa {self.given[key(ident)]}. "
                "Jokaisella päätöksellä on oltava oma tunnus.",
            )
            return False
        self.given[key(ident)] = sheet.ref(row, "Tunnus")
        return True

    def derive(self, negotiation: str, municipality: str, decision: str) -> str:
        """A stable id; the second decision with the same text gets ``-2`` and so on."""
        base = derived_decision_id(negotiation, municipality, decision)
        self.derived[base] = self.derived.get(base, 0) + 1
        return base if self.derived[base] == 1 else f"{base}-{self.derived[base]}"


def decisions(
    sheet: Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    negotiations: list[Negotiation],
) -> list[Decision]:
    codes = {key(n.code): n for n in negotiations}
    index = MunicipalityIndex(municipalities)
    result: list[Decision] = []
    ids = _Ids()
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
                relies_on=ON_NEGOTIATIONS,
            )
        # an empty Kunta is the whole service area (SPEC §1 Päätökset)
        municipality = index.get(who) if who else None
        if who and municipality is None:
            _unknown_municipality(
                sheet,
                problems,
                row,
                who,
                [m.name for m in municipalities],
                "Korjaa nimi tai jätä tyhjäksi, jos päätös koskee koko palvelualuetta.",
            )
        elif municipality and negotiation:
            _check_area(sheet, problems, row, municipality, negotiation)
        if ident and not ids.take_given(sheet, problems, row, ident):
            continue
        _decision_warnings(sheet, problems, row, deadline, negotiation)
        if not (negotiation and text) or (who and municipality is None):
            continue
        name = municipality.name if municipality else ""
        result.append(
            Decision(
                id=ident or ids.derive(negotiation.code, name, text),
                negotiation=negotiation.code,
                decision=text,
                agenda_item=sheet.text(row, "Asiakohta"),
                municipality=name,
                follow_up=sheet.text(row, "Jatkotoimi"),
                responsible=sheet.text(row, "Vastuutaho"),
                forum=sheet.text(row, "Yhteistyöfoorumi"),
                monitoring=sheet.text(row, "Seurantavastuu"),
                deadline=deadline,
                priority=priority,
                row=row.number,
                id_given=bool(ident),
                decision_sv=sheet.text(row, "Päätös ruotsiksi"),
                follow_up_sv=sheet.text(row, "Jatkotoimi ruotsiksi"),
                responsible_sv=sheet.text(row, "Vastuutaho ruotsiksi"),
                forum_sv=sheet.text(row, "Yhteistyöfoorumi ruotsiksi"),
                monitoring_sv=sheet.text(row, "Seurantavastuu ruotsiksi"),
            )
        )
    _reserved_ids(sheet, problems, result)
    return result


def _check_area(
    sheet: Sheet, problems: Problems, row: RawRow, m: Municipality, n: Negotiation
) -> None:
    if key(m.service_area) != key(n.service_area):
        problems.error(
            sheet.ref(row, "Kunta"),
            f"{m.name} kuuluu palvelualueeseen ”{m.service_area}”, "
            f"mutta neuvottelu ”{n.code}” koskee palvelualuetta "
            f"”{n.service_area}”. Korjaa kunta tai neuvottelu.",
            relies_on=ON_AREAS,
        )


def _decision_warnings(
    sheet: Sheet,
    problems: Problems,
    row: RawRow,
    deadline: dt.date | None,
    negotiation: Negotiation | None,
) -> None:
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
            f"Käytä asialistan kohdan nimeä, esim. "
            f"{join_words(schema.AGENDA_ITEMS_FI[1:4], 'fi', 'or', quoted=True)}.",
        )


def _reserved_ids(sheet: Sheet, problems: Problems, result: list[Decision]) -> None:
    """A given id may not be one the program derived for another decision."""
    # the tracker matches ids case-insensitively (``key``), so clashes are found the same way
    clash = {key(d.id) for d in result if d.id_given} & {
        key(d.id) for d in result if not d.id_given
    }
    for d in result:
        if d.id_given and key(d.id) in clash:
            problems.error(
                sheet.row_ref(d.row, "Tunnus"),
                f"tunnus ”{d.id}” on varattu ohjelman luomille tunnuksille. Valitse toinen tunnus.",
            )


# ---------------------------------------------------------------------- Muistiinpanot


def notes(sheet: Sheet, problems: Problems, negotiations: list[Negotiation]) -> list[Note]:
    """``Muistiinpanot``: a known negotiation, and an agenda item by number or title."""
    codes = {key(n.code): n for n in negotiations}
    result: list[Note] = []
    for row in sheet.rows:
        code = sheet.text(row, "Neuvottelu", required=True)
        item = sheet.text(row, "Asiakohta", required=True)
        text = sheet.text(row, "Teksti", required=True)
        negotiation = codes.get(key(code)) if code else None
        if code and negotiation is None:
            problems.error(
                sheet.ref(row, "Neuvottelu"),
                f"neuvottelua ”{code}” ei ole Neuvottelut-välilehdellä."
                f"{did_you_mean(code, [n.code for n in negotiations])} Käytä neuvottelun tunnusta.",
                relies_on=ON_NEGOTIATIONS,
            )
        number = item.rstrip(".")
        numbered = number.isdigit() and 1 <= int(number) <= len(schema.AGENDA_ITEMS_FI)
        if item and not numbered and recognise_agenda_item(item) is None:
            problems.error(
                sheet.ref(row, "Asiakohta"),
                f"asiakohtaa ”{item}” ei tunnisteta.{did_you_mean(item, schema.AGENDA_ITEMS_FI)} "
                "Kirjoita asialistan kohdan numero tai nimi.",
            )
            continue
        if negotiation and item and text:
            result.append(
                Note(negotiation.code, item, text, sheet.text(row, "Teksti ruotsiksi"), row.number)
            )
    return result
