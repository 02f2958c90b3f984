"""Number agreement, list joining and the glossary (pipeline.contract.grammar)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.contract import grammar as g

# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    "n,expected",
    [
        (0, "0 virhettä"),
        (1, "1 virhe"),
        (2, "2 virhettä"),
        (11, "11 virhettä"),
        (21, "21 virhettä"),
    ],
)
def test_finnish_count_takes_the_partitive_after_every_number_but_one(n, expected):
    assert g.count(n, "virhe", "virhettä") == expected


@pytest.mark.parametrize(
    "n,expected",
    [(0, "0 överenskommelser"), (1, "1 överenskommelse"), (2, "2 överenskommelser")],
)
def test_swedish_count_is_plural_after_every_number_but_one(n, expected):
    assert g.count(n, "överenskommelse", "överenskommelser") == expected


def test_counted_phrases_agree_as_a_whole():
    assert g.count(1, "uusi päätös", "uutta päätöstä") == "1 uusi päätös"
    assert g.count(3, "uusi päätös", "uutta päätöstä") == "3 uutta päätöstä"
    assert g.count(1, "tyhjä kappale", "tyhjää kappaletta") == "1 tyhjä kappale"


@given(st.integers(min_value=0, max_value=10_000))
def test_count_uses_the_singular_exactly_for_one(n):
    text = g.count(n, "tiedosto", "tiedostoa")
    assert text.startswith(f"{n} ")
    assert text.endswith(" tiedosto") == (n == 1)


def test_count_refuses_negative_and_bool():
    with pytest.raises(ValueError):
        g.count(-1, "virhe", "virhettä")
    with pytest.raises(TypeError):
        g.count(True, "virhe", "virhettä")


# ---------------------------------------------------------------- numbers as words


def test_finnish_words_up_to_ten_then_digits():
    assert [g.number_word(n, "fi") for n in (1, 4, 7, 10)] == [
        "yksi",
        "neljä",
        "seitsemän",
        "kymmenen",
    ]
    assert g.number_word(11, "fi") == "11"


def test_finnish_numeral_cases():
    assert g.number_word(4, "fi", case="genitive") == "neljän"
    assert g.number_word(1, "fi", case="genitive") == "yhden"
    assert g.number_word(6, "fi", case="elative") == "kuudesta"
    assert g.number_word(14, "fi", case="elative") == "14"
    # review B11: "Määräaika on ylittynyt neljässä keskeneräisessä asiassa."
    assert g.number_word(4, "fi", case="inessive") == "neljässä"
    assert g.number_word(1, "fi", case="inessive") == "yhdessä"


def test_swedish_words_up_to_twelve_with_gender_for_one():
    assert g.number_word(1, "sv") == "en"
    assert g.number_word(1, "sv", gender="ett") == "ett"
    assert g.number_word(4, "sv") == "fyra"
    assert g.number_word(12, "sv") == "tolv"
    assert g.number_word(13, "sv") == "13"


def test_count_words_reads_as_running_text():
    # review A17, A20, A25, B11
    assert g.count_words(4, "beslut", "beslut", "sv", gender="ett") == "fyra beslut"
    assert g.count_words(1, "beslut", "beslut", "sv", gender="ett") == "ett beslut"
    assert g.count_words(10, "överenskommelse", "överenskommelser", "sv") == (
        "tio överenskommelser"
    )
    assert g.count_words(1, "oavslutad överenskommelse", "oavslutade överenskommelser", "sv") == (
        "en oavslutad överenskommelse"
    )
    assert g.count_words(3, "sovittu asia", "sovittua asiaa", "fi") == "kolme sovittua asiaa"
    assert g.count_words(1, "sovittu asia", "sovittua asiaa", "fi") == "yksi sovittu asia"
    assert g.count_words(25, "sovittu asia", "sovittua asiaa", "fi") == "25 sovittua asiaa"


@given(st.integers(min_value=0, max_value=200), st.sampled_from(g.LANGS))
def test_a_number_is_a_word_exactly_up_to_the_limit(n, lang):
    word = g.number_word(n, lang)
    assert word.isdigit() == (n > g.WORD_LIMIT[lang])


# ---------------------------------------------------------------- lists


def test_join_words_both_languages():
    assert g.join_words(["a", "b", "c"], "fi") == "a, b ja c"
    assert g.join_words(["a", "b", "c"], "sv") == "a, b och c"
    assert g.join_words(["a", "b"], "fi", "or") == "a tai b"
    assert g.join_words(["a", "b", "c"], "sv", "or") == "a, b eller c"
    assert g.join_words(["Vassvik"], "sv") == "Vassvik"
    assert g.join_words([], "fi") == ""


def test_join_words_quoted_for_messages():
    # review E3
    assert g.join_words(
        ["suomi", "ruotsi", "suomi-ruotsi", "ruotsi-suomi"], "fi", "or", quoted=True
    ) == ("”suomi”, ”ruotsi”, ”suomi-ruotsi” tai ”ruotsi-suomi”")


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=8)


@given(
    st.lists(_word, min_size=2, max_size=12),
    st.sampled_from(g.LANGS),
    st.sampled_from(("and", "or")),
)
def test_join_of_n_items_has_n_minus_one_separators_and_ends_with_the_conjunction(
    items, lang, conjunction
):
    text = g.join_words(items, lang, conjunction)
    word = {"fi": {"and": "ja", "or": "tai"}, "sv": {"and": "och", "or": "eller"}}[lang][
        conjunction
    ]
    head, last = text.rsplit(f" {word} ", 1)
    assert last == items[-1]
    assert head.split(", ") == items[:-1]
    assert text.count(", ") == len(items) - 2  # no comma before the conjunction
    assert not head.endswith(",")


@given(st.lists(st.text(max_size=10), max_size=8), st.sampled_from(g.LANGS))
def test_join_keeps_every_item_verbatim_and_in_order(items, lang):
    text = g.join_words(items, lang)
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0
        position = found + len(item)


# ---------------------------------------------------------------- small helpers


def test_quote_and_first_upper():
    assert g.quote("Ei aloitettu") == "”Ei aloitettu”"
    assert g.first_upper("neljän asian määräaika") == "Neljän asian määräaika"
    assert g.first_upper("") == ""
    assert g.first_upper("hytetu-koordinaattori Hanna") == "Hytetu-koordinaattori Hanna"


def test_clock_has_no_leading_zero():
    # review E2
    assert g.clock(dt.time(8, 0)) == "8.00"
    assert g.clock(dt.time(9, 5), "fi") == "klo 9.05"
    assert g.clock(dt.time(13, 30), "sv") == "kl. 13.30"


# ---------------------------------------------------------------- glossary


def test_glossary_counts_agree():
    agreement = g.GLOSSARY["agreement"]
    assert agreement.count(1, "sv") == "1 överenskommelse"
    assert agreement.count(2, "sv") == "2 överenskommelser"
    assert agreement.count(6, "fi", words=True) == "kuusi sovittua asiaa"
    assert g.GLOSSARY["file"].count(1, "fi") == "1 tiedosto"
    assert g.GLOSSARY["file"].count(44, "fi") == "44 tiedostoa"
    assert g.GLOSSARY["decision"].count(1, "sv", words=True) == "ett beslut"


def test_glossary_settles_the_reviews_terms():
    assert g.term("delegation", "fi") == "neuvottelukokoonpano"
    assert g.term("contact_person", "fi") == "yhdyshenkilö"
    assert "sopimus" in g.GLOSSARY["agreement"].avoid
    assert g.term("record_plan", "fi") == "tiedonohjaussuunnitelma"


def test_no_term_uses_a_word_it_avoids():
    for concept, entry in g.GLOSSARY.items():
        for word in entry.avoid:
            assert word not in (entry.fi, entry.sv), concept


def test_substance_abuse_work_is_the_statutory_term_and_the_old_name_maps_to_it():
    assert g.PRIORITIES["Ehkäisevä päihdetyö"] == "Förebyggande rusmedelsarbete"
    assert g.PRIORITY_ALIASES_SV["Förebyggande missbruksarbete"] in g.PRIORITIES.values()
    assert "Förebyggande missbruksarbete" not in g.PRIORITIES.values()
