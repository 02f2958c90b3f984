"""The producers of the Word documents (SPEC §3), in phase order.

* ``ennakkotehtava`` — the pre-task of each audience, in every language of the year;
* ``kutsu``, ``asialista``, ``poytakirja`` — per negotiation and language;
* ``ennakkomateriaali`` — per negotiation: what its municipalities raised and
  answered, and how last year's agreements have progressed;
* ``tiedote`` — a press-release draft once the register has decisions;
* ``yhteenveto`` — the year's agreements by tracker status, with a chart.

Each takes the :class:`BuildInputs` and what it needs of earlier results, and
returns a :class:`Made`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pipeline.contract import naming, schema
from pipeline.contract.grammar import count, join_words
from pipeline.contract.outputs import Output
from pipeline.documents.chart import CHART_PART
from pipeline.documents.contexts.common import LastYear
from pipeline.documents.contexts.negotiation import negotiation_doc
from pipeline.documents.contexts.phase1 import pre_material_doc, pretask_doc
from pipeline.documents.contexts.phase4 import press_release_doc, summary_doc
from pipeline.documents.inputs import BuildInputs, Made
from pipeline.documents.summary_stats import live_rows, status
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.documents.vocab import AUDIENCES
from pipeline.errors import WARNING, Problem

#: the negotiation documents, by SPEC's name
NEGOTIATION_DOC_TYPES = ("kutsu", "asialista", "poytakirja")


def pretasks(inputs: BuildInputs) -> Made:
    """One pre-task per audience and language: always made."""
    outputs = []
    for audience in AUDIENCES:
        for lang in inputs.data.languages:
            ctx = pretask_doc(inputs.data, audience, lang, inputs.build_date)
            title = ctx.common.title
            outputs.append(
                Output(
                    path=naming.output_path("ennakkotehtava", audience, lang, ext="docx"),
                    doc_type="ennakkotehtava",
                    title=title,
                    content=inputs.render(lang, "ennakkotehtava", ctx, title, audience),
                    lang=lang,
                    audience=audience.value,
                )
            )
    return Made.of(outputs)


def negotiation_documents(inputs: BuildInputs, doc_type: str, last_year: LastYear | None) -> Made:
    """kutsu, asialista, poytakirja: one per negotiation and language.

    ``last_year``: last year's rows, for the agenda item on how they progressed.
    """
    assert doc_type in NEGOTIATION_DOC_TYPES, doc_type
    outputs = []
    data = inputs.data
    for n in data.negotiations:
        for lang in data.languages_of(n):
            previous = last_year.views(n, lang) if last_year else None
            date = inputs.date_of(doc_type, n)
            ctx = negotiation_doc(data, n, lang, doc_type, date or inputs.build_date, previous)
            status = "luonnos" if doc_type == "poytakirja" and not ctx.final else "valmis"
            outputs.append(
                Output(
                    path=naming.output_path(doc_type, n.code, lang, ext="docx"),
                    doc_type=doc_type,
                    title=ctx.common.title,
                    content=inputs.render(lang, doc_type, ctx, ctx.common.title, n.code, date=date),
                    negotiation=n.code,
                    lang=lang,
                    status=status,
                    date=date,
                    # the agenda names the chair and the secretary when they are given
                    personal_data=doc_type in ("kutsu", "poytakirja")
                    or bool(n.chair or n.secretary),
                )
            )
    return Made.of(outputs)


def pre_materials(inputs: BuildInputs, last_year: LastYear | None) -> Made:
    """Per negotiation and language, when raised items, survey answers or last year's rows exist."""
    outputs = []
    skipped = []
    data = inputs.data
    for n in data.negotiations:
        made = False
        date = inputs.date_of("ennakkomateriaali", n)
        for lang in data.languages_of(n):
            ctx = pre_material_doc(data, n, lang, date or inputs.build_date, last_year)
            if ctx is None:
                continue
            made = True
            title = ctx.common.title
            outputs.append(
                Output(
                    path=naming.output_path("ennakkomateriaali", n.code, lang, ext="docx"),
                    doc_type="ennakkomateriaali",
                    title=title,
                    content=inputs.render(lang, "ennakkomateriaali", ctx, title, n.code, date=date),
                    negotiation=n.code,
                    lang=lang,
                    date=date,
                )
            )
        if not made:
            skipped.append(
                f"ennakkomateriaali ({n.code}): neuvottelun kunnilla ei ole nostoja (Nostot), "
                "ennakkokyselyn vastauksia (Ennakkokysely, kyselyvastaukset/) eikä edellisen "
                "vuoden seurantataulukossa rivejä, joten ennakkomateriaalia ei tehty."
            )
    return Made.of(outputs, skipped)


def press_release(inputs: BuildInputs) -> Made:
    data = inputs.data
    if not data.decisions:
        return Made.nothing(
            "tiedote: päätösrekisterissä (Päätökset) ei ole päätöksiä, joten tiedotetta ei tehty."
        )
    outputs = []
    for lang in data.languages:
        ctx = press_release_doc(data, lang, inputs.build_date)
        title = ctx.common.title
        outputs.append(
            Output(
                path=naming.output_path("tiedote", lang, ext="docx"),
                doc_type="tiedote",
                title=title,
                content=inputs.render(lang, "tiedote", ctx, title),
                lang=lang,
                # a draft for the communications team to finish (SPEC §3)
                status="luonnos",
            )
        )
    return Made.of(outputs)


def summary(
    inputs: BuildInputs, tracker_rows: Sequence[TrackerRow] | None, status_date: dt.date
) -> Made:
    """The year's summary from the tracker's rows as the tracker producer wrote them.

    ``tracker_rows``: None when no tracker was made; ``status_date``: the date the
    statuses are from, which the summary is dated by.
    """
    if tracker_rows is None:
        return Made.nothing(
            "yhteenveto: seurantataulukkoa ei ole (päätösrekisterissä ei ole päätöksiä), "
            "joten vuosiyhteenvetoa ei tehty."
        )
    rows = live_rows(tracker_rows)
    outputs = []
    year = str(inputs.data.settings.year)
    warnings = _summary_advice(rows, year)
    for lang in inputs.data.languages:
        ctx, png = summary_doc(inputs.data, rows, lang, status_date)
        title = ctx.common.title
        outputs.append(
            Output(
                path=naming.output_path("yhteenveto", year, lang, ext="docx"),
                doc_type="yhteenveto",
                title=title,
                content=inputs.render(
                    lang, "yhteenveto", ctx, title, media={CHART_PART: png} if png else None
                ),
                lang=lang,
            )
        )
    return Made.of(outputs, warnings=warnings)


def _summary_advice(rows: Sequence[TrackerRow], year: str) -> list[Problem]:
    """What the coordinator should do before sending the summary (it is no text of its own)."""
    where = naming.output_path("seurantataulukko", year, ext="xlsx")
    advice = []
    if rows and all(status(r) == schema.DEFAULT_STATUS for r in rows):
        advice.append(
            Problem(
                where,
                "yhteenveto: seurantataulukkoon ei ole vielä kirjattu tiloja, joten kaikki "
                f"sovitut asiat ovat yhteenvedossa tilassa ”{schema.DEFAULT_STATUS}”. "
                "Päivitä tilat seurantataulukkoon ja tee yhteenveto uudelleen.",
                WARNING,
            )
        )
    unknown = [r.id or "?" for r in rows if status(r) not in schema.TRACKER_STATUSES]
    if unknown:
        advice.append(
            Problem(
                where,
                f"yhteenveto: {count(len(unknown), 'rivin', 'rivin')} tila ei ole luettelossa "
                f"(Tunnus {join_words(unknown, 'fi')}); ne lasketaan vain yhteensä-lukuun. "
                f"Korjaa tila: {join_words(schema.TRACKER_STATUSES, 'fi', 'or', quoted=True)}.",
                WARNING,
            )
        )
    return advice
