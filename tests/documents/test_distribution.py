"""The distribution list (jakelulista.xlsx): every recipient and the files each should get."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from pipeline.app import build, check
from pipeline.contract.outputs import Output
from pipeline.documents import mailings
from pipeline.documents import survey_forms as survey
from pipeline.documents.distribution import recipients as distribution
from pipeline.documents.distribution import sheets
from pipeline.output.archive_list import read_archive_list
from pipeline.output.office import convert
from tests.helpers import workbooks as wbs
from tests.helpers.office import soffice_or_skip


def out(
    path: str,
    doc_type: str,
    lang: str = "",
    negotiation: str = "",
    municipality: str = "",
    audience: str = "",
):
    return Output(
        path=path,
        doc_type=doc_type,
        title=path,
        content=b"",
        negotiation=negotiation,
        municipality=municipality,
        lang=lang,
        audience=audience,
    )


def outputs_of(data) -> list[Output]:
    """What a build of the base workbook makes, by name (content does not matter here)."""
    made = []
    for group in ("kunnat", "sote", "jarjestot"):
        for lang in data.languages:
            made.append(
                out(
                    f"1_ennakko/ennakkotehtava_{group}_{lang}.docx",
                    "ennakkotehtava",
                    lang,
                    audience=group,
                )
            )
    for m in data.municipalities:
        made.append(
            out(
                survey.form_path(m),
                "ennakkokysely",
                m.main_language,
                municipality=m.name,
            )
        )
    for doc in distribution.NEGOTIATION_DOCS:
        for n in data.negotiations:
            for lang in data.languages_of(n):
                made.append(out(f"x/{doc}_{n.code}_{lang}.docx", doc, lang, n.code))
    made.append(out("4_seuranta/seurantataulukko_2027.xlsx", "seurantataulukko"))
    return made


@pytest.fixture
def data(tmp_path):
    sheets = wbs.base()
    # Pikkula has a named contact person: only she gets the municipalities' pre-task
    sheets["Osallistujat"].append(
        ["Kerttu Kontakti", "Pikkula", "hyte-yhdyshenkilö", "kerttu@pikkula.fi", "", "yhdyshenkilö"]
    )
    found, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    assert found is not None, problems.errors
    return found


def people(data) -> dict[str, distribution.Recipient]:
    return {r.name: r for r in distribution.recipients(data, outputs_of(data))}


def names(r: distribution.Recipient) -> set[str]:
    return {path.rsplit("/", 1)[-1] for path in r.documents}


def test_finnish_municipality_person_gets_her_negotiation_in_finnish(data):
    aino = people(data)["Aino Aaltonen"]
    assert aino.email == "aino@alajarvenkyla.fi" and aino.languages == ("fi",)
    assert names(aino) == {
        "ennakkotehtava_kunnat_fi.docx",  # no contact person in Alajärvenkylä: everyone
        "ennakkokysely_alajarvenkyla_fi.xlsx",
        "kutsu_pohjoinen_fi.docx",
        "asialista_pohjoinen_fi.docx",
        "ennakkomateriaali_pohjoinen_fi.docx",
        "poytakirja_pohjoinen_fi.docx",
    }


def test_a_person_gets_the_documents_in_the_language_of_their_drafts(data):
    """Bykulla is ruotsi-suomi: Björn gets Swedish, as his e-mail drafts are (mailings.plan)."""
    bjorn = people(data)["Björn Berg"]
    assert bjorn.languages == ("sv",)
    assert "kutsu_rannikko_sv.docx" in names(bjorn)
    assert "kutsu_rannikko_fi.docx" not in names(bjorn)
    assert not any("pohjoinen" in n for n in names(bjorn))
    # a registry passes the documents to bodies working in both languages
    registry = people(data)["Kirjaamo, Cedervik"]
    assert registry.languages == ("fi", "sv")
    assert {"poytakirja_rannikko_fi.docx", "poytakirja_rannikko_sv.docx"} <= names(registry)


def test_distribution_list_and_drafts_say_the_same_language_per_recipient(data):
    outputs = outputs_of(data)
    planned = mailings.plan(data, outputs)
    for r in distribution.recipients(data, outputs):
        if not r.email:
            continue
        drafts = {m.lang for m in planned.mailings if r.email in {a.email for a in (*m.to, *m.bcc)}}
        assert set(r.languages) == drafts, r.name


def test_contact_person_gets_the_pretasks_and_the_others_do_not(data):
    everyone = people(data)
    assert "ennakkotehtava_kunnat_fi.docx" in names(everyone["Kerttu Kontakti"])
    assert "ennakkokysely_pikkula_fi.xlsx" in names(everyone["Kerttu Kontakti"])
    paula = names(everyone["Paula Pikkarainen"])
    assert "kutsu_pohjoinen_fi.docx" in paula
    assert not any(n.startswith(("ennakkotehtava", "ennakkokysely")) for n in paula)


def test_county_and_ngo_people_get_their_own_pretasks(data):
    everyone = people(data)
    heikki = names(everyone["Heikki Hva"])
    assert {"ennakkotehtava_sote_fi.docx", "ennakkotehtava_sote_sv.docx"} <= heikki
    # the county's people: in the negotiation's first language (rannikko: fi first)
    assert {"poytakirja_pohjoinen_fi.docx", "poytakirja_rannikko_fi.docx"} <= heikki
    assert "poytakirja_rannikko_sv.docx" not in heikki
    assert everyone["Heikki Hva"].organisation == "Testilän hyvinvointialue"
    jaana = names(everyone["Jaana Järjestö"])
    assert "ennakkotehtava_jarjestot_fi.docx" in jaana
    assert not any("kunnat" in n or "sote" in n for n in jaana)


def test_registries_get_minutes_and_materials_for_their_political_bodies(data):
    everyone = people(data)
    registry = everyone["Kirjaamo, Alajärvenkylä"]
    assert registry.kind == "kirjaamo" and registry.email == "kirjaamo@alajarvenkyla.fi"
    assert names(registry) == {
        "poytakirja_pohjoinen_fi.docx",
        "ennakkomateriaali_pohjoinen_fi.docx",
    }
    cedervik = everyone["Kirjaamo, Cedervik"]
    assert cedervik.email == "" and "Kirjaamon sähköposti puuttuu" in cedervik.note
    assert names(cedervik) == {
        "poytakirja_rannikko_fi.docx",
        "poytakirja_rannikko_sv.docx",
        "ennakkomateriaali_rannikko_fi.docx",
        "ennakkomateriaali_rannikko_sv.docx",
    }


def test_missing_email_is_flagged(data):
    antti = people(data)["Antti Virta"]
    assert "Sähköposti puuttuu" in antti.note and "riville 3" in antti.note


def test_mailings_join_addresses_per_negotiation_and_language(data):
    made = outputs_of(data)
    mails = distribution.mailings(data, distribution.recipients(data, made), made)
    north = next(
        m for m in mails if m.negotiation == "pohjoinen" and m.label.startswith("Neuvottelun")
    )
    assert north.languages == ("fi",)
    assert north.emails == ["aino@alajarvenkyla.fi", "heikki@testila.fi", "kerttu@pikkula.fi"]
    assert "Antti Virta (Alajärvenkylä)" in north.without_email
    coast = [m for m in mails if m.negotiation == "rannikko" and m.label.startswith("Neuvottelun")]
    # Bykulla and Cedervik people are bilingual; so are the county's in a bilingual negotiation
    assert [m.languages for m in coast] == [("fi", "sv")]
    registries = next(
        m for m in mails if m.negotiation == "pohjoinen" and "kirjaamoihin" in m.label
    )
    assert registries.emails == ["kirjaamo@alajarvenkyla.fi", "kirjaamo@pikkula.fi"]


def test_jakelulista_workbook_from_a_build(tmp_path):
    result = build(wbs.write(tmp_path / "hytetu.xlsx"), tmp_path / "out")
    (made,) = [o for o in result.outputs if o.doc_type == "jakelulista"]
    assert made.path == "4_seuranta/jakelulista_2027.xlsx"
    rows = {
        r["tiedosto"]: r
        for r in read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    }
    assert rows[made.path]["henkilotietoja"] == "kyllä"

    wb = load_workbook(result.target / made.path)
    ws = wb[sheets.SHEET]
    header = [c.value for c in ws[1]]
    assert header == list(sheets.HEADERS)
    table = {
        row[0]: dict(zip(header, row, strict=True))
        for row in ws.iter_rows(min_row=2, values_only=True)
    }
    aino = table["Aino Aaltonen"]
    assert aino["Sähköposti"] == "aino@alajarvenkyla.fi" and aino["Kieli"] == "suomi"
    assert "2_valmistelu/kutsu_pohjoinen_fi.docx" in aino["Asiakirjat"].split("\n")
    assert "3_neuvottelut/poytakirja_pohjoinen_fi.docx" in aino["Asiakirjat"].split("\n")
    assert table["Bodil Ek"]["Kieli"] == "ruotsi"  # Bykulla is ruotsi-suomi
    assert table["Bodil Ek"]["Luottamushenkilö"] == "kyllä"
    assert table["Kirjaamo, Bykulla"]["Sähköposti"] == "registratur@bykulla.fi"
    assert len(table) == 9 + 4  # every participant and every registry
    # rows without an address are coloured by a rule on the e-mail column
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any("$G2" in f for r in rules for f in r.formula)

    mail = wb[sheets.MAILING_SHEET]
    lines = [
        dict(zip([c.value for c in mail[1]], r, strict=True))
        for r in mail.iter_rows(min_row=2, values_only=True)
    ]
    # one row per draft of the mailing plan, naming the draft and the calendar file
    north = next(x for x in lines if x["Sähköpostiluonnos"] == "viestit/kutsu_pohjoinen_fi.eml")
    assert north["Kalenterikutsu"] == "2_valmistelu/kutsu_pohjoinen_fi.ics"
    assert "heikki@testila.fi" in north["Sähköpostit"].split("; ")
    assert "Antti Virta (Alajärvenkylä)" in north["Ilman sähköpostia"]
    assert north["Vastaanottajia"] == len(north["Sähköpostit"].split("; "))
    missing = [r[0] for r in wb[sheets.NO_ADDRESS_SHEET].iter_rows(min_row=2, values_only=True)]
    assert "Antti Virta (Alajärvenkylä)" in missing


@pytest.mark.libreoffice
def test_libreoffice_converts_the_jakelulista(tmp_path):
    soffice_or_skip()
    result = build(wbs.write(tmp_path / "hytetu.xlsx"), tmp_path / "out")
    path = result.target / "4_seuranta/jakelulista_2027.xlsx"
    done, log = convert([path], "pdf", tmp_path / "pdf")
    assert done, log
    assert done[path].read_bytes().startswith(b"%PDF")
