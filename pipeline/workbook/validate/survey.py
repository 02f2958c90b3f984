"""Phase 1 sheets: ``Ilmiöt``, ``Kyselyn kysymykset`` and the answers in ``Ennakkokysely``."""

from __future__ import annotations

from pipeline.contract import schema
from pipeline.contract.grammar import count
from pipeline.contract.values import key, parse_answer_type, parse_bool, split_list
from pipeline.errors import Problems, at
from pipeline.workbook.model import (
    Municipality,
    MunicipalityIndex,
    Phenomenon,
    SurveyQuestion,
    SurveyResponse,
)
from pipeline.workbook.validate.sheet import ON_MUNICIPALITIES, Sheet, did_you_mean

#: columns of a survey tool's export that are no questions (compared by ``key``)
_NOT_QUESTIONS = frozenset({key(c) for c in (*schema.SURVEY_METADATA, "Kunta")})


def phenomena(sheet: Sheet) -> list[Phenomenon]:
    result = []
    for row in sheet.rows:
        name = sheet.text(row, "Ilmiö", required=True)
        chosen = sheet.parsed(row, "Neuvotteluun", parse_bool, False)
        if name:
            result.append(
                Phenomenon(
                    name,
                    sheet.text(row, "Kuvaus"),
                    chosen,
                    sheet.text(row, "Ilmiö ruotsiksi"),
                    sheet.text(row, "Kuvaus ruotsiksi"),
                )
            )
    return result


def questions(sheet: Sheet, problems: Problems) -> list[SurveyQuestion]:
    result: list[SurveyQuestion] = []
    seen: set[str] = set()
    for index, row in enumerate(sheet.rows, start=1):
        text = sheet.text(row, "Kysymys", required=True)
        kind: schema.AnswerType = sheet.parsed(row, "Vastaustyyppi", parse_answer_type, "teksti")
        choices = tuple(split_list(sheet.text(row, "Vaihtoehdot"), ";"))
        if kind == "valinta" and len(choices) < 2:
            problems.error(
                sheet.ref(row, "Vaihtoehdot"),
                "valintakysymykselle tarvitaan vähintään kaksi vaihtoehtoa puolipisteillä "
                "eroteltuina, esim. Kyllä; Osittain; Ei.",
            )
        choices_sv = tuple(split_list(sheet.text(row, "Vaihtoehdot ruotsiksi"), ";"))
        if choices_sv and len(choices_sv) != len(choices):
            problems.error(
                sheet.ref(row, "Vaihtoehdot ruotsiksi"),
                f"ruotsiksi on {count(len(choices_sv), 'vaihtoehto', 'vaihtoehtoa')}, "
                f"suomeksi {count(len(choices), 'vaihtoehto', 'vaihtoehtoa')}. Kirjoita "
                "jokaiselle vaihtoehdolle käännös samassa järjestyksessä puolipisteillä "
                "eroteltuina, esim. Ja; Delvis; Nej.",
            )
        if not text:
            continue
        if key(text) in _NOT_QUESTIONS:
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
        result.append(
            SurveyQuestion(
                sheet.text(row, "Nro") or str(index),
                text,
                kind,
                choices,
                sheet.text(row, "Kysymys ruotsiksi"),
                choices_sv if len(choices_sv) == len(choices) else (),
            )
        )
    return result


def responses(
    sheet: Sheet,
    problems: Problems,
    municipalities: list[Municipality],
    questions: list[SurveyQuestion],
) -> list[SurveyResponse]:
    columns = _answer_columns(sheet, problems, questions)
    index = MunicipalityIndex(municipalities)
    result: list[SurveyResponse] = []
    seen: dict[str, str] = {}
    for row in sheet.rows:
        who = sheet.text(row, "Kunta", required=True)
        answers = tuple((c, sheet.text(row, c)) for c in columns)
        if not who:
            continue
        municipality = index.get(who)
        if municipality is None:
            names = [m.name for m in municipalities]
            problems.error(
                sheet.ref(row, "Kunta"),
                f"kuntaa ”{who}” ei ole Kunnat-välilehdellä.{did_you_mean(who, names)} "
                "Korjaa kunnan nimi.",
                relies_on=ON_MUNICIPALITIES,
            )
            continue
        canonical = municipality.name
        if canonical in seen:
            problems.warning(
                sheet.ref(row, "Kunta"),
                f"{canonical}: kunnalta on jo vastaus rivillä {seen[canonical]}. "
                "Molemmat vastaukset otetaan mukaan; poista turha rivi.",
            )
        seen[canonical] = str(row.number)
        result.append(SurveyResponse(canonical, answers, sheet.ref(row, "Kunta")))
    return result


def _answer_columns(sheet: Sheet, problems: Problems, questions: list[SurveyQuestion]) -> list[str]:
    """The question columns, in the order of ``Kyselyn kysymykset`` (others after, warned)."""
    columns = [c for c in sheet.raw.columns if key(c) not in _NOT_QUESTIONS]
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
    return columns
