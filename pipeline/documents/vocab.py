"""The documents' fixed words, once each: pre-task audiences and tracker statuses.

SPEC §3 fixes both lists; the labels people read live in :mod:`pipeline.contract.i18n`.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.contract import schema
from pipeline.contract.i18n import TEXT, t
from pipeline.contract.values import clean_text, key, parse_bool
from pipeline.workbook.model import SurveyQuestion


class Audience(StrEnum):
    """Who a pre-task (``ennakkotehtava_<audience>_<kieli>``) is for."""

    MUNICIPALITIES = "kunnat"
    SERVICES = "sote"  # sosiaali- ja terveyspalvelut
    NGO = "jarjestot"  # järjestöneuvottelukunta


#: every audience, in the order the pre-tasks are made and mailed
AUDIENCES: tuple[Audience, ...] = tuple(Audience)
#: how the distribution list's mailings name each audience (Finnish, lower case)
MAILING_LABELS: dict[Audience, str] = {
    Audience.MUNICIPALITIES: "kunnat",
    Audience.SERVICES: "sosiaali- ja terveyspalvelut",
    Audience.NGO: "järjestöneuvottelukunta",
}

#: tracker status -> colour (RGB hex) of its bars, in the summary's chart and the tracker's own
STATUS_COLOURS: dict[str, str] = dict(
    zip(schema.TRACKER_STATUSES, ("A6A6A6", "2E75B6", "70AD47", "ED7D31", "595959"), strict=True)
)
#: statuses after which a deadline no longer matters
CLOSED_STATUSES = ("Valmis", "Peruttu")
_BY_KEY = {key(s): s for s in schema.TRACKER_STATUSES}


def canonical_status(typed: object) -> str:
    """A tracker status as the list spells it; empty: the default; unknown: as typed."""
    text = clean_text(typed)
    return _BY_KEY.get(key(text), text) if text else schema.DEFAULT_STATUS


def status_label(status: str, lang: str) -> str:
    """A tracker status in the document's language; an unknown one as typed."""
    name = f"status_{status}"
    return t(name, lang) if name in TEXT else status


def answer_in(
    question: SurveyQuestion | None, text: str, answer: str, lang: str
) -> tuple[str, str]:
    """A survey answer as a document in ``lang`` shows it: the question's text in ``lang``,
    a yes/no answer as ``kyllä``/``ei`` or ``ja``/``nej``, a choice in ``lang``
    (answers typed otherwise, as typed). ``question`` None: a question no longer asked."""
    if question is None:
        return text, answer
    shown = question.text_in(lang)
    if not answer.strip():
        return shown, answer
    if question.answer_type == "kyllä/ei":
        try:
            yes = parse_bool(answer)
        except ValueError:
            return shown, answer
        return shown, t("survey_yes" if yes else "survey_no", lang)
    if question.answer_type == "valinta":
        for fi, sv in zip(question.choices, question.choices_sv or question.choices, strict=True):
            if key(answer) in (key(fi), key(sv)):
                return shown, sv if lang == "sv" else fi
    return shown, answer
