"""What every producer is given, and what each one gives back (SPEC §3).

A producer is a function that takes the frozen :class:`BuildInputs` (plus, when it
needs them, the results of earlier producers as named arguments) and returns a
:class:`Made`: the files it made, and why it made none of a type if so.
:mod:`pipeline.documents.plan` calls them in phase order and wires the results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.contract.i18n import TEXT, t
from pipeline.contract.outputs import Output
from pipeline.documents.contexts.common import as_mapping
from pipeline.documents.reuse import NOTHING, Previous, stamp
from pipeline.documents.tracker.existing import OldTracker
from pipeline.errors import Problem
from pipeline.render.stamp import stamped
from pipeline.render.word import DocProperties, Renderer
from pipeline.workbook.model import Negotiation, YearData

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
#: a Swedish document's keyword for its type (the category keeps the file name's word)
_SV_KEYWORDS = {
    "ennakkotehtava": "förhandsuppgift",
    "ennakkokysely": "förhandsenkät",
    "kutsu": "kallelse",
    "asialista": "föredragningslista",
    "ennakkomateriaali": "förhandsmaterial",
    "poytakirja": "protokoll",
    "tiedote": "pressmeddelande",
    "yhteenveto": "årssammanfattning",
    "seurantalomake": "uppföljningsblankett",
}


def _keywords(doc_type: str, extra: str, lang: str) -> str:
    """``hytetu; kutsu; ETELA``; in Swedish ``hytetu; kutsu; kallelse; ETELA``.

    The archive's document type (SPEC §3 ``asiakirjatyyppi``) always stands second, so
    a search by type finds both languages; a Swedish document adds its Swedish word,
    and an audience by its name.
    """
    words = ["hytetu", doc_type]
    if lang == "sv":
        words.append(_SV_KEYWORDS.get(doc_type, ""))
        if f"audience_{extra}" in TEXT:
            extra = t(f"audience_{extra}", lang).lower()
    words.append(extra)
    return "; ".join(k for k in words if k)


@dataclass(frozen=True)
class BuildInputs:
    """Everything the documents are made from; nothing in it changes during a build."""

    #: the validated year
    data: YearData
    #: the date documents carry (``SOURCE_DATE_EPOCH`` or the workbook's own date)
    build_date: dt.date
    #: this year's tracker as a previous build left it (and people edited it), if any
    current_tracker: OldTracker | None = None
    renderer: Renderer = field(default_factory=Renderer)
    #: the build date was fixed from outside (``SOURCE_DATE_EPOCH``): nothing else moves it
    fixed_date: bool = False
    #: a rebuild's: the Word documents of the previous build it may take as they are
    previous: Previous = NOTHING

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.combine(self.build_date, dt.time(), tzinfo=dt.UTC)

    def properties(
        self, title: str, doc_type: str, lang: str, keywords: str = "", date: dt.date | None = None
    ) -> DocProperties:
        """``date``: the document's own date (SPEC §3 "Document dates"); the build date if None."""
        s = self.data.settings
        return DocProperties(
            title=title,
            subject=f"{t('subject', lang)} {s.year}: {s.theme_in(lang)}",
            author=s.county_in(lang),
            keywords=_keywords(doc_type, keywords, lang),
            language=LANGUAGE_TAGS.get(lang, ""),
            created=self.created
            if date is None
            else dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC),
            category=doc_type,
        )

    def render(
        self,
        lang: str,
        doc_type: str,
        ctx: DataclassInstance,
        title: str,
        keywords: str = "",
        media: dict[str, bytes] | None = None,
        date: dt.date | None = None,
    ) -> bytes:
        """The Word document ``doc_type`` in ``lang`` filled with the context ``ctx``.

        ``date``: the document's own date, which its properties carry; the build date if None.
        The previous build's document made from the same sources, if it is still in the
        year folder as made (:mod:`pipeline.documents.reuse`), is taken instead of a render.
        """
        context = as_mapping(ctx)
        props = self.properties(title, doc_type, lang, keywords, date)
        template = self.renderer.identity(lang, doc_type)
        sources = stamp(lang, doc_type, template, context, props, media)
        if sources is not None:
            found = self.previous.find(sources)
            if found is not None:
                return found
        return self.renderer.render(lang, doc_type, context, props, media, sources)

    def reuse(self, make: Callable[[], bytes], *sources: object) -> bytes:
        """The workbook ``make`` makes from ``sources``, stamped with them; or the previous
        build's workbook made from the same sources, if it is still in the year folder as
        made (:mod:`.reuse`). ``sources``: every value the workbook shows or is made from
        but the tool itself, written down the same way whichever way the build came to them."""
        key = stamp(*sources)
        if key is None:
            return make()
        found = self.previous.find(key)
        return found if found is not None else stamped(make(), key)

    def date_of(self, doc_type: str, n: Negotiation) -> dt.date | None:
        """The date a negotiation's document carries (SPEC §3 "Document dates and rebuilds"):
        the minutes the negotiation's; the invitation, agenda and pre-material
        ``Kutsun päivämäärä`` when given; None (the build date) otherwise."""
        if doc_type == "poytakirja":
            return n.date
        if doc_type in ("kutsu", "asialista", "ennakkomateriaali"):
            return n.invitation_date
        return None


@dataclass(frozen=True)
class Made:
    """What one producer made: its files, and why it made none of a type (for the report)."""

    outputs: tuple[Output, ...] = ()
    skipped: tuple[str, ...] = ()
    #: advice for the coordinator that does not belong in a recipient's document
    warnings: tuple[Problem, ...] = ()

    @classmethod
    def of(
        cls,
        outputs: Iterable[Output],
        skipped: Iterable[str] = (),
        warnings: Iterable[Problem] = (),
    ) -> Made:
        return cls(tuple(outputs), tuple(skipped), tuple(warnings))

    @classmethod
    def nothing(cls, why: str) -> Made:
        return cls((), (why,))
