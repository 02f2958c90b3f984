"""Contexts of phase 1 and 2's own documents: the pre-tasks (``ennakkotehtava``) of each
audience and a negotiation's pre-materials (``ennakkomateriaali``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.contract.areas import is_whole_area
from pipeline.contract.i18n import t
from pipeline.contract.values import key
from pipeline.documents import dates
from pipeline.documents.contexts.common import (
    Common,
    LastYear,
    NegotiationView,
    PreviousView,
    area_title,
    common,
    negotiation_view,
)
from pipeline.documents.contexts.negotiation import RaisedView, raised_view
from pipeline.documents.vocab import Audience, answer_in
from pipeline.workbook.model import Negotiation, YearData


@dataclass(frozen=True)
class PhenomenonView:
    name: str
    description: str


@dataclass(frozen=True)
class ScheduleItem:
    """One negotiation in the year's schedule."""

    code: str
    service_area: str
    when: str
    place: str
    municipalities: str  # joined with ", "


@dataclass(frozen=True)
class PreTaskDoc:
    """Context of ``ennakkotehtava``: one audience's pre-task."""

    common: Common
    audience: Audience
    audience_name: str
    #: phenomena marked ``Neuvotteluun``: to be brought to the negotiations
    phenomena: list[PhenomenonView]
    #: the other phenomena the network identified, as background
    other_phenomena: list[PhenomenonView]
    pretask_deadline: str  # long date, or ""
    survey_deadline: str  # long date, or ""
    survey: bool  # municipalities get a survey form (``Kyselyn kysymykset`` given)
    schedule: list[ScheduleItem]
    #: the survey is due before the pre-task: its deadline is listed first (date order)
    survey_first: bool = False


@dataclass(frozen=True)
class AnswerView:
    question: str
    answer: str


@dataclass(frozen=True)
class SurveyView:
    number: int  # 1, 2, … among the municipality's responses
    answers: list[AnswerView]


@dataclass(frozen=True)
class MunicipalityMaterial:
    name: str
    raised: list[RaisedView]
    surveys: list[SurveyView]
    previous: list[PreviousView]


@dataclass(frozen=True)
class PreMaterialDoc:
    """Context of ``ennakkomateriaali``: what the negotiation's municipalities sent, and last year."""

    common: Common
    negotiation: NegotiationView
    municipalities: list[MunicipalityMaterial]
    #: last year's agreements of the whole service area
    area_previous: list[PreviousView]
    has_previous: bool
    previous_year: int


def _long(day: dt.date | None, lang: str) -> str:
    return dates.long_date(day, lang) if day else ""


def pretask_doc(data: YearData, audience: Audience, lang: str, build_date: dt.date) -> PreTaskDoc:
    s = data.settings
    name = t(f"audience_{audience}", lang)
    title = f"{t('title_ennakkotehtava', lang)}: {name} – {s.theme_in(lang)} {s.year}"
    schedule = [
        ScheduleItem(
            code=n.code,
            service_area=data.service_area_in(n.service_area, lang),
            when=dates.when(n.date, n.start, n.end, lang),
            place=n.place_in(lang),
            municipalities=", ".join(m.name_in(lang) for m in data.municipalities_of(n)),
        )
        for n in sorted(data.negotiations, key=lambda n: (n.date, n.start or dt.time()))
    ]
    return PreTaskDoc(
        common=common(data, lang, title, build_date),
        audience=audience,
        audience_name=name,
        phenomena=[
            PhenomenonView(p.name_in(lang), p.description_in(lang))
            for p in data.phenomena
            if p.for_negotiation
        ],
        other_phenomena=[
            PhenomenonView(p.name_in(lang), p.description_in(lang))
            for p in data.phenomena
            if not p.for_negotiation
        ],
        pretask_deadline=_long(s.pretask_deadline, lang),
        survey_deadline=_long(s.survey_deadline, lang),
        survey=bool(data.questions),
        schedule=schedule,
        survey_first=bool(
            s.survey_deadline and (not s.pretask_deadline or s.survey_deadline < s.pretask_deadline)
        ),
    )


def pre_material_doc(
    data: YearData, n: Negotiation, lang: str, build_date: dt.date, last_year: LastYear | None
) -> PreMaterialDoc | None:
    """The negotiation's pre-materials, or None when there is nothing to put in them."""
    raised = raised_view(data, n, lang)
    previous = last_year.views(n, lang) if last_year else []
    previous_rows = last_year.rows(n) if last_year else []
    materials = []
    asked = {key(q.text): q for q in data.questions}
    for m in data.municipalities_of(n):
        name = m.name_in(lang)
        surveys = [
            SurveyView(
                number=i,
                answers=[
                    AnswerView(*answer_in(asked.get(key(q)), q, a, lang)) for q, a in r.answers
                ],
            )
            for i, r in enumerate(data.responses_of(m), start=1)
        ]
        mine = [
            view
            for view, row in zip(previous, previous_rows, strict=True)
            if not is_whole_area(row.municipality) and data.municipality(row.municipality) == m
        ]
        materials.append(
            MunicipalityMaterial(
                name=name,
                raised=[r for r in raised if r.municipality == name],
                surveys=surveys,
                previous=mine,
            )
        )
    shown = {id(v) for mat in materials for v in mat.previous}
    area_previous = [v for v in previous if id(v) not in shown]
    if not (raised or area_previous or any(mat.surveys or mat.previous for mat in materials)):
        return None
    s = data.settings
    view = negotiation_view(data, n, lang)
    title = f"{t('title_ennakkomateriaali', lang)} – {area_title(view.service_area, lang)} {s.year}"
    return PreMaterialDoc(
        common=common(data, lang, title, build_date),
        negotiation=view,
        municipalities=materials,
        area_previous=area_previous,
        has_previous=bool(previous),
        previous_year=s.year - 1,
    )
