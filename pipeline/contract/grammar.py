"""Finnish and Finland-Swedish grammar the texts share: counts, lists, one term per concept.

Every text the build writes (documents, forms, messages) builds counts and lists
with these helpers instead of f-strings, so that one is never plural and the last
item of a list always gets its conjunction:

>>> count(1, "virhe", "virhettä"), count(2, "virhe", "virhettä")
('1 virhe', '2 virhettä')
>>> count_words(4, "överenskommelse", "överenskommelser", "sv")
'fyra överenskommelser'
>>> join_words(["Kaislahti", "Ulkoluoto", "Utskär"], "fi")
'Kaislahti, Ulkoluoto ja Utskär'

Finnish takes the partitive singular after every number except one ("2 virhettä"),
Swedish the plural ("2 fel"), so a count needs the form for one and the form for
the rest; the caller gives both (no suffix rules: Finnish stem changes make them
wrong). Small numbers are written as words in running text: up to ten in Finnish
(Kotus), up to twelve in Swedish (Svenska skrivregler). Messages use digits.

:data:`GLOSSARY` fixes one term per concept in both languages (DOMAIN.md's terms,
settled by the language review); texts import the term instead of retyping it.

Standard library only (the contract layer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["fi", "sv"]
#: Swedish grammatical gender of the counted noun: ``en överenskommelse``, ``ett beslut``
Gender = Literal["en", "ett"]
#: Finnish cases a spelled-out number takes before its noun (the noun then stands in
#: the same case, singular: ``kuudesta asiasta``, ``neljän asian``, ``neljässä asiassa``)
Case = Literal["nominative", "genitive", "elative", "inessive"]
Conjunction = Literal["and", "or"]

LANGS: tuple[Lang, ...] = ("fi", "sv")

#: the largest number written as a word in running text
WORD_LIMIT: Mapping[Lang, int] = {"fi": 10, "sv": 12}

_FI_WORDS: Mapping[Case, tuple[str, ...]] = {
    "nominative": (
        "nolla",
        "yksi",
        "kaksi",
        "kolme",
        "neljä",
        "viisi",
        "kuusi",
        "seitsemän",
        "kahdeksan",
        "yhdeksän",
        "kymmenen",
    ),
    "genitive": (
        "nollan",
        "yhden",
        "kahden",
        "kolmen",
        "neljän",
        "viiden",
        "kuuden",
        "seitsemän",
        "kahdeksan",
        "yhdeksän",
        "kymmenen",
    ),
    "elative": (
        "nollasta",
        "yhdestä",
        "kahdesta",
        "kolmesta",
        "neljästä",
        "viidestä",
        "kuudesta",
        "seitsemästä",
        "kahdeksasta",
        "yhdeksästä",
        "kymmenestä",
    ),
    "inessive": (
        "nollassa",
        "yhdessä",
        "kahdessa",
        "kolmessa",
        "neljässä",
        "viidessä",
        "kuudessa",
        "seitsemässä",
        "kahdeksassa",
        "yhdeksässä",
        "kymmenessä",
    ),
}
_SV_WORDS: tuple[str, ...] = (
    "noll",
    "en",  # replaced by the gender for one
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
)

_CONJUNCTIONS: Mapping[Lang, Mapping[Conjunction, str]] = {
    "fi": {"and": "ja", "or": "tai"},
    "sv": {"and": "och", "or": "eller"},
}

#: quotation marks of Finnish and Finland-Swedish (the same right-hand mark on both sides)
QUOTE = "”"


def _check_count(n: int) -> None:
    if isinstance(n, bool):
        raise TypeError("count must be an int, not a bool")
    if n < 0:
        raise ValueError(f"count must not be negative: {n}")


def number_word(n: int, lang: Lang, *, gender: Gender = "en", case: Case = "nominative") -> str:
    """``n`` as running text writes it before a noun: a word up to :data:`WORD_LIMIT`, else digits.

    Finnish ``case`` inflects the numeral only (``kuudesta``); digits take no ending
    when the noun follows (Kotus: ``11 asian``). Swedish ignores ``case`` and uses
    ``gender`` for one (``en``/``ett``).
    """
    _check_count(n)
    if n > WORD_LIMIT[lang]:
        return str(n)
    if lang == "fi":
        return _FI_WORDS[case][n]
    if n == 1:
        return gender
    return _SV_WORDS[n]


def count(n: int, one: str, many: str) -> str:
    """``n`` in digits with the noun that agrees: ``1 virhe``, ``0 virhettä``, ``2 överenskommelser``.

    ``one`` is the form after one (Finnish nominative singular, Swedish singular),
    ``many`` the form after any other number (Finnish partitive singular, Swedish
    plural). Words before the noun agree too, so pass them in both forms
    (``"uusi päätös"``, ``"uutta päätöstä"``).
    """
    _check_count(n)
    return f"{n} {one if n == 1 else many}"


def count_words(n: int, one: str, many: str, lang: Lang, *, gender: Gender = "en") -> str:
    """As :func:`count`, the number spelled out in running text: ``fyra oavslutade överenskommelser``."""
    return f"{number_word(n, lang, gender=gender)} {one if n == 1 else many}"


def first_upper(text: str) -> str:
    """``text`` with its first letter capitalised and the rest untouched (a sentence's start)."""
    return text[:1].upper() + text[1:]


def quote(text: str) -> str:
    """``text`` in Finnish/Finland-Swedish quotation marks: ``”Ei aloitettu”``."""
    return f"{QUOTE}{text}{QUOTE}"


def join_words(
    items: Iterable[str],
    lang: Lang,
    conjunction: Conjunction = "and",
    *,
    quoted: bool = False,
) -> str:
    """Items joined as a list in running text: ``a, b ja c`` / ``a, b eller c``.

    No comma before the conjunction in either language; one item stands alone;
    no items give ``""``. ``quoted`` puts each item in quotation marks (values a
    message offers: ``”suomi”, ”ruotsi” tai ”suomi-ruotsi”``).
    """
    words = [quote(item) if quoted else item for item in items]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_CONJUNCTIONS[lang][conjunction]} {words[-1]}"


def clock(time: dt.time, lang: Lang | None = None) -> str:
    """A time as official Finnish and Finland-Swedish write it: ``8.00``, ``klo 8.00``, ``kl. 8.00``.

    No leading zero on the hour; ``lang`` adds the word for "at" (``klo``/``kl.``).
    """
    text = f"{time.hour}.{time.minute:02d}"
    if lang is None:
        return text
    return f"{'klo' if lang == 'fi' else 'kl.'} {text}"


# ---------------------------------------------------------------- glossary


@dataclass(frozen=True)
class Term:
    """One concept's word in both languages, with the forms a count needs.

    ``fi``/``sv`` are the base forms (nominative singular, Swedish indefinite);
    ``fi_many`` the partitive singular after numbers other than one; ``sv_many`` the
    Swedish indefinite plural. ``avoid`` lists words texts must not use for it.
    """

    fi: str
    sv: str
    fi_many: str = ""
    sv_many: str = ""
    sv_gender: Gender = "en"
    avoid: tuple[str, ...] = field(default=())
    note: str = ""

    def word(self, lang: Lang) -> str:
        return self.fi if lang == "fi" else self.sv

    def forms(self, lang: Lang) -> tuple[str, str]:
        """(form after one, form after other numbers) in ``lang``."""
        if lang == "fi":
            return self.fi, self.fi_many or self.fi
        return self.sv, self.sv_many or self.sv

    def count(self, n: int, lang: Lang, *, words: bool = False) -> str:
        """``n`` of this term: ``3 sovittua asiaa``; ``words`` spells small numbers out."""
        one, many = self.forms(lang)
        if words:
            return count_words(n, one, many, lang, gender=self.sv_gender)
        return count(n, one, many)


def _t(
    fi: str,
    sv: str,
    fi_many: str = "",
    sv_many: str = "",
    sv_gender: Gender = "en",
    avoid: tuple[str, ...] = (),
    note: str = "",
) -> Term:
    return Term(fi, sv, fi_many, sv_many, sv_gender, avoid, note)


GLOSSARY: Mapping[str, Term] = {
    # What the negotiation settled, one row of the register. The workbook (SPEC-fixed
    # sheet and columns), the minutes and messages about the register record it as a
    # decision; every text after the minutes (tracker, summary, press release,
    # progress form, next year's agenda) speaks of what was agreed.
    "decision": _t(
        "päätös",
        "beslut",
        "päätöstä",
        "beslut",
        "ett",
        avoid=("sopimus",),
        note="the minutes' and the register's word (Päätökset, Päätös)",
    ),
    "agreement": _t(
        "sovittu asia",
        "överenskommelse",
        "sovittua asiaa",
        "överenskommelser",
        avoid=("sopimus", "sopimukset", "avtal", "avtalas"),
        note="tracker, summary, press release, progress form, next year's agenda",
    ),
    "follow_up": _t("jatkotoimi", "fortsatt åtgärd", "jatkotointa", "fortsatta åtgärder"),
    "forum": _t("yhteistyöfoorumi", "samarbetsforum", "yhteistyöfoorumia", "samarbetsforum", "ett"),
    "monitoring": _t("seurantavastuu", "uppföljningsansvar", "seurantavastuuta", "", "ett"),
    "deadline": _t("määräaika", "tidsfrist", "määräaikaa", "tidsfrister"),
    "delegation": _t(
        "neuvottelukokoonpano",
        "förhandlingsdelegation",
        "neuvottelukokoonpanoa",
        "förhandlingsdelegationer",
        avoid=("neuvotteluvaltuuskunta", "valtuuskunta"),
    ),
    "contact_person": _t(
        "yhdyshenkilö",
        "kontaktperson",
        "yhdyshenkilöä",
        "kontaktpersoner",
        avoid=("yhteyshenkilö",),
    ),
    "raised_item": _t(
        "nosto",
        "fråga som kommunen tar upp",
        "nostoa",
        "frågor som kommunerna tar upp",
        note="sv 'fråga' alone is the survey's question",
    ),
    "question": _t("kysymys", "fråga", "kysymystä", "frågor"),
    "negotiation": _t("neuvottelu", "förhandling", "neuvottelua", "förhandlingar"),
    "municipality": _t("kunta", "kommun", "kuntaa", "kommuner"),
    "county": _t(
        "hyvinvointialue", "välfärdsområde", "hyvinvointialuetta", "välfärdsområden", "ett"
    ),
    "service_area": _t("palvelualue", "serviceområde", "palvelualuetta", "serviceområden", "ett"),
    "elected_official": _t(
        "luottamushenkilö", "förtroendevald", "luottamushenkilöä", "förtroendevalda"
    ),
    "plan": _t(
        "alueellinen hyvinvointi- ja turvallisuussuunnitelma",
        "regional välfärds- och säkerhetsplan",
        avoid=("hyvinvointisuunnitelma",),
    ),
    "record_plan": _t(
        "tiedonohjaussuunnitelma",
        "informationsstyrningsplan",
        avoid=("arkistonmuodostussuunnitelma",),
        note="Act 906/2019 (tiedonhallintalaki)",
    ),
    "minutes_check": _t("pöytäkirjan tarkastus", "justering av protokollet"),
    "bar_chart": _t(
        "pinottu palkkikaavio",
        "liggande staplat stapeldiagram",
        avoid=("pylväskaavio", "vaakasuuntainen pylväs"),
        note="horizontal bars: fi 'palkki' (Excel: Pinottu palkki)",
    ),
    "run": _t(
        "ajo",
        "körning",
        "ajoa",
        "körningar",
        avoid=("build", "buildi"),
        note="one run of hytetu build; name the command itself as 'hytetu build'",
    ),
    "file": _t("tiedosto", "fil", "tiedostoa", "filer"),
    "document": _t("asiakirja", "dokument", "asiakirjaa", "dokument", "ett"),
    "error": _t("virhe", "fel", "virhettä", "fel", "ett"),
    "warning": _t("varoitus", "varning", "varoitusta", "varningar"),
    "row": _t("rivi", "rad", "riviä", "rader"),
    "pre_task": _t("ennakkotehtävä", "förhandsuppgift", "ennakkotehtävää", "förhandsuppgifter"),
    "pre_survey": _t("ennakkokysely", "förhandsenkät", "ennakkokyselyä", "förhandsenkäter"),
    "pre_material": _t("ennakkomateriaali", "förhandsmaterial", "", "", "ett"),
    "press_release": _t("tiedote", "pressmeddelande", "tiedotetta", "pressmeddelanden", "ett"),
    "tracker": _t(
        "seurantataulukko", "uppföljningstabell", "seurantataulukkoa", "uppföljningstabeller"
    ),
    "progress_form": _t(
        "seurantalomake", "uppföljningsblankett", "seurantalomaketta", "uppföljningsblanketter"
    ),
    "ngo_board": _t("järjestöneuvottelukunta", "organisationsdelegationen"),
    "coefficient": _t("hyte-kerroin", "hyte-koefficient"),
}

#: the plan's four priorities (DOMAIN.md); Swedish per Act 523/2015 for substance-abuse work
PRIORITIES: Mapping[str, str] = {
    "Mielen hyvinvointi": "Psykiskt välbefinnande",
    "Elintavat": "Levnadsvanor",
    "Arjen turvallisuus": "Vardagssäkerhet",
    "Ehkäisevä päihdetyö": "Förebyggande rusmedelsarbete",
}
#: older Swedish names still accepted as input -> the current name
PRIORITY_ALIASES_SV: Mapping[str, str] = {
    "Förebyggande missbruksarbete": "Förebyggande rusmedelsarbete",
}


def term(concept: str, lang: Lang) -> str:
    """The glossary's word for ``concept`` in ``lang`` (KeyError for an unknown concept)."""
    return GLOSSARY[concept].word(lang)
