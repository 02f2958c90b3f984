"""The year's records, one frozen dataclass per row kind of the workbook (SPEC §1).

``validate`` builds them from the raw sheets; :mod:`pipeline.workbook.model` holds them
together in :class:`~pipeline.workbook.model.YearData`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.contract import schema
from pipeline.contract.values import key

_COUNTY_KEY = key(schema.ORG_COUNTY)


def text_in(fi: str, sv: str, lang: str) -> str:
    """A text in the document's language: the Swedish twin in ``sv``, when there is one.

    An empty twin falls back to the Finnish text; validation has then warned once per
    column (:mod:`pipeline.workbook.validate.swedish`).
    """
    return sv if lang == "sv" and sv else fi


@dataclass(frozen=True)
class Settings:
    county: str
    county_sv: str
    year: int
    theme: schema.Theme  # Finnish name of the priority
    period: str = schema.DEFAULT_PERIOD
    pretask_deadline: dt.date | None = None
    survey_deadline: dt.date | None = None
    coordinator: str = ""
    coordinator_email: str = ""
    coordinator_phone: str = ""
    previous_tracker: Path | None = None
    record_class: str = ""
    publicity: str = schema.DEFAULT_PUBLICITY
    retention: str = ""
    record_number: str = ""  # Diaarinumero, shown in every document's header
    press_quote: str = ""
    press_quote_by: str = ""
    press_quote_sv: str = ""  # Tiedotteen lainaus ruotsiksi
    press_quote_by_sv: str = ""  # Lainauksen antaja ruotsiksi
    #: ``Pohjakansio``: the county's own Word templates (``fi/``, ``sv/``), if any
    templates: Path | None = None
    #: ``Logo``: the image put in every Word document's header, if any
    logo: Path | None = None

    def county_in(self, lang: str) -> str:
        return self.county_sv if lang == "sv" and self.county_sv else self.county

    def press_quote_in(self, lang: str) -> tuple[str, str]:
        """The press release's quote and whom it is from, each in ``lang`` when it has a twin."""
        return (
            text_in(self.press_quote, self.press_quote_sv, lang),
            text_in(self.press_quote_by, self.press_quote_by_sv, lang),
        )

    def theme_in(self, lang: str) -> str:
        return schema.THEME_SV[self.theme] if lang == "sv" else self.theme


@dataclass(frozen=True)
class Municipality:
    name: str
    name_sv: str
    language: schema.LanguageCode
    service_area: str
    registry_email: str = ""
    row: int = 0
    #: ``Palvelualue ruotsiksi``
    service_area_sv: str = ""

    def name_in(self, lang: str) -> str:
        return self.name_sv if lang == "sv" and self.name_sv else self.name

    @property
    def main_language(self) -> str:
        return schema.DOCUMENT_LANGUAGES[self.language][0]


@dataclass(frozen=True)
class Negotiation:
    code: str
    service_area: str
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    remote: str = ""
    chair: str = ""
    secretary: str = ""
    language: schema.LanguageCode | None = None  # override; None = from the municipalities
    row: int = 0
    #: ``Paikka ruotsiksi``
    place_sv: str = ""

    def place_in(self, lang: str) -> str:
        return text_in(self.place, self.place_sv, lang)

    #: minute checkers by name (``Pöytäkirjan tarkastajat``)
    checkers: tuple[str, ...] = ()
    checked: dt.date | None = None  # Tarkastettu
    invitation_date: dt.date | None = None  # Kutsun päivämäärä
    registration_by: dt.date | None = None  # Ilmoittautuminen


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str
    title: str = ""
    email: str = ""
    phone: str = ""
    role: schema.Role = schema.DEFAULT_ROLE
    elected: bool = False
    #: negotiation codes this person attends (resolved: "kaikki" and empty expanded)
    negotiations: tuple[str, ...] = ()
    #: the municipality this person represents, if any (Finnish name)
    municipality: str | None = None
    row: int = 0
    #: ``Organisaatio ruotsiksi`` (other organisations) and ``Tehtävä ruotsiksi``
    organisation_sv: str = ""
    title_sv: str = ""

    def title_in(self, lang: str) -> str:
        return text_in(self.title, self.title_sv, lang)

    def organisation_in(self, lang: str) -> str:
        """An other organisation's name in ``lang`` (county and NGO: see i18n.organisation_label)."""
        return text_in(self.organisation, self.organisation_sv, lang)

    #: codes of the negotiations attended (``Läsnä``); None when not recorded
    attended: tuple[str, ...] | None = None

    @property
    def is_county(self) -> bool:
        return key(self.organisation) == _COUNTY_KEY


@dataclass(frozen=True)
class Phenomenon:
    name: str
    description: str = ""
    for_negotiation: bool = False
    name_sv: str = ""
    description_sv: str = ""

    def name_in(self, lang: str) -> str:
        return text_in(self.name, self.name_sv, lang)

    def description_in(self, lang: str) -> str:
        return text_in(self.description, self.description_sv, lang)


@dataclass(frozen=True)
class SurveyQuestion:
    number: str
    text: str
    answer_type: schema.AnswerType = "teksti"
    choices: tuple[str, ...] = ()
    #: ``Kysymys ruotsiksi``; ``Vaihtoehdot ruotsiksi`` (as many as ``choices``, or none)
    text_sv: str = ""
    choices_sv: tuple[str, ...] = ()

    def text_in(self, lang: str) -> str:
        return text_in(self.text, self.text_sv, lang)

    def choices_in(self, lang: str) -> tuple[str, ...]:
        return self.choices_sv if lang == "sv" and self.choices_sv else self.choices


@dataclass(frozen=True)
class SurveyResponse:
    municipality: str
    #: (question text, answer) in question order
    answers: tuple[tuple[str, str], ...]
    #: where it came from: the row's Kunta cell ("Ennakkokysely!A3") or a file name
    source: str = ""


@dataclass(frozen=True)
class RaisedItem:
    municipality: str
    topic: str
    description: str = ""
    wish: str = ""
    priority: str = ""
    row: int = 0
    topic_sv: str = ""
    description_sv: str = ""
    wish_sv: str = ""


@dataclass(frozen=True)
class Decision:
    id: str  # the register's Tunnus, or a stable derived id
    negotiation: str
    decision: str
    agenda_item: str = ""
    municipality: str = ""  # empty = the whole service area
    follow_up: str = ""
    responsible: str = ""
    forum: str = ""
    monitoring: str = ""
    deadline: dt.date | None = None
    priority: str = ""
    row: int = 0
    id_given: bool = False
    #: the ``… ruotsiksi`` twins of Päätös, Jatkotoimi, Vastuutaho, Yhteistyöfoorumi, Seurantavastuu
    decision_sv: str = ""
    follow_up_sv: str = ""
    responsible_sv: str = ""
    forum_sv: str = ""
    monitoring_sv: str = ""

    def decision_in(self, lang: str) -> str:
        return text_in(self.decision, self.decision_sv, lang)

    def follow_up_in(self, lang: str) -> str:
        return text_in(self.follow_up, self.follow_up_sv, lang)


@dataclass(frozen=True)
class Note:
    """A ``Muistiinpanot`` row: what the minutes record under an agenda item."""

    negotiation: str
    agenda_item: str
    text: str
    text_sv: str = ""
    row: int = 0

    def text_in(self, lang: str) -> str:
        return self.text_sv if lang == "sv" and self.text_sv else self.text


@dataclass(frozen=True)
class PreviousRow:
    """A row of last year's tracker (``Edellisen vuoden seurantataulukko``), values as typed."""

    negotiation: str  # last year's negotiation code (Tunnus), may differ from this year's
    municipality: str  # as in the tracker; the whole area per contract.areas.is_whole_area
    decision: str
    follow_up: str = ""
    status: str = schema.DEFAULT_STATUS  # a schema.Status, or as typed if unknown
    note: str = ""
    deadline: str = ""  # short date, or the text as typed
    updated: str = ""
    id: str = ""
    priority: str = ""
    row: int = 0  # row number in the tracker sheet


def derived_decision_id(negotiation: str, municipality: str, decision: str) -> str:
    """An id that depends only on what the decision is, not on where its row stands."""
    digest = hashlib.sha256(
        "\x1f".join((key(negotiation), key(municipality), key(decision))).encode()
    ).hexdigest()
    return f"auto-{digest[:10]}"
