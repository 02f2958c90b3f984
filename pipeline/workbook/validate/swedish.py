"""Swedish twins that a Swedish document needs but the workbook leaves empty (SPEC §1).

The document then shows the Finnish text (:func:`pipeline.workbook.model.text_in`), and
validation warns once per column, counting only the rows whose text reaches a Swedish
document or form:

* year-level documents (``ennakkotehtava``, ``tiedote``, ``yhteenveto``) are made in
  every language of the year: they show every service area, meeting place and
  phenomenon, and may show any decision;
* a negotiation's documents (``kutsu`` … ``poytakirja``) in its languages: its
  people, raised items and decisions;
* survey forms (and the pre-materials quoting them) in a municipality's main language;
  progress forms likewise show the decisions that concern a Swedish-speaking municipality.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from pipeline.contract import schema
from pipeline.contract.grammar import count
from pipeline.contract.values import key
from pipeline.errors import Problems
from pipeline.workbook.model import Decision, Negotiation, YearData

T = TypeVar("T")


def missing_swedish(data: YearData, problems: Problems) -> None:
    """One warning per twin column with rows whose Swedish text a Swedish document lacks."""
    if "sv" not in data.languages:
        return
    sv_negotiations = [n for n in data.negotiations if "sv" in data.languages_of(n)]
    sv_codes = {key(n.code) for n in sv_negotiations}
    sv_form_areas = {key(m.service_area) for m in data.municipalities if m.main_language == "sv"}

    def reaches(n: Negotiation | None) -> bool:
        return n is not None and (key(n.code) in sv_codes or key(n.service_area) in sv_form_areas)

    areas_named = {key(m.service_area) for m in data.municipalities if m.service_area_sv}
    _warn(
        problems,
        schema.SHEET_MUNICIPALITIES,
        "Palvelualue",
        sum(1 for m in data.municipalities if key(m.service_area) not in areas_named),
    )
    _warn(
        problems,
        schema.SHEET_NEGOTIATIONS,
        "Paikka",
        sum(1 for n in data.negotiations if n.place and not n.place_sv),
    )
    people = [p for p in data.participants if any(key(c) in sv_codes for c in p.negotiations)]
    _warn(
        problems,
        schema.SHEET_PARTICIPANTS,
        "Organisaatio",
        sum(
            1
            for p in people
            if p.municipality is None
            and p.organisation not in (schema.ORG_COUNTY, schema.ORG_NGO)
            and not p.organisation_sv
        ),
    )
    _warn(
        problems,
        schema.SHEET_PARTICIPANTS,
        "Tehtävä",
        sum(1 for p in people if p.title and not p.title_sv),
    )
    _warn_fields(
        problems,
        schema.SHEET_PHENOMENA,
        data.phenomena,
        (("Ilmiö", "name"), ("Kuvaus", "description")),
    )
    sv_forms = any(m.main_language == "sv" for m in data.municipalities) or any(
        data.responses_of(m) for n in sv_negotiations for m in data.municipalities_of(n)
    )
    if sv_forms:
        _warn(
            problems,
            schema.SHEET_QUESTIONS,
            "Kysymys",
            sum(1 for q in data.questions if not q.text_sv),
        )
        _warn(
            problems,
            schema.SHEET_QUESTIONS,
            "Vaihtoehdot",
            sum(1 for q in data.questions if q.choices and not q.choices_sv),
        )
    raised = [r for n in sv_negotiations for r in data.raised_of(n)]
    _warn_fields(
        problems,
        schema.SHEET_RAISED,
        raised,
        (("Aihe", "topic"), ("Kuvaus", "description"), ("Toive hyvinvointialueelle", "wish")),
    )
    # the press release and the annual summary may show any decision
    _warn(
        problems,
        schema.SHEET_DECISIONS,
        "Päätös",
        sum(1 for d in data.decisions if not d.decision_sv),
    )
    decisions: list[Decision] = [
        d for d in data.decisions if reaches(data.negotiation(d.negotiation))
    ]
    _warn_fields(
        problems,
        schema.SHEET_DECISIONS,
        decisions,
        (
            ("Jatkotoimi", "follow_up"),
            ("Vastuutaho", "responsible"),
            ("Yhteistyöfoorumi", "forum"),
            ("Seurantavastuu", "monitoring"),
        ),
    )
    # a negotiation's minutes record its notes
    notes = [x for n in sv_negotiations for x in data.notes_of(n)]
    _warn_fields(problems, schema.SHEET_NOTES, notes, (("Teksti", "text"),))


def _warn_fields(
    problems: Problems, sheet: str, records: Iterable[T], columns: tuple[tuple[str, str], ...]
) -> None:
    rows = list(records)
    for column, attr in columns:
        has: Callable[[T, str], str] = getattr
        _warn(
            problems,
            sheet,
            column,
            sum(1 for r in rows if has(r, attr) and not has(r, f"{attr}_sv")),
        )


def _warn(problems: Problems, sheet: str, column: str, rows: int) -> None:
    if not rows:
        return
    twin = schema.sv_column(column)
    problems.warning(
        f"{sheet}, sarake {twin}",
        f"{count(rows, 'riviltä', 'riviltä')} puuttuu ruotsinkielinen teksti, vaikka "
        "ruotsinkielisiä asiakirjoja tehdään. Ruotsinkielisissä asiakirjoissa käytetään "
        f"suomenkielistä tekstiä; kirjoita käännökset sarakkeeseen ”{twin}”.",
    )
