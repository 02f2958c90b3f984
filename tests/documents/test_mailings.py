"""The mailing plan and its drafts: who gets which files in which language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
from email import policy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.app import load
from pipeline.contract.outputs import Output
from pipeline.documents import survey_forms
from pipeline.documents.calendar import negotiation_event
from pipeline.documents.letters import letter, mailing_draft
from pipeline.documents.mailings import Mailing, plan
from tests.helpers import workbooks as wbs

DAY = dt.date(2027, 2, 1)


def out(path, doc_type, lang="", negotiation="", municipality="", status="valmis", audience=""):
    return Output(
        path=path,
        doc_type=doc_type,
        title=f"Otsikko {path.rsplit('/', 1)[-1]}",
        content=f"sisältö {path}".encode(),
        negotiation=negotiation,
        municipality=municipality,
        lang=lang,
        status=status,
        audience=audience,
    )


def outputs_of(data, final=("pohjoinen",)) -> list[Output]:
    """A build's files by name; the minutes of the negotiations in ``final`` are final."""
    made = [
        out(f"1_ennakko/ennakkotehtava_{group}_{lang}.docx", "ennakkotehtava", lang, audience=group)
        for group in ("kunnat", "sote", "jarjestot")
        for lang in data.languages
    ]
    made += [
        out(survey_forms.form_path(m), "ennakkokysely", m.main_language, municipality=m.name)
        for m in data.municipalities
    ]
    for n in data.negotiations:
        for lang in data.languages_of(n):
            for doc in ("kutsu", "asialista", "ennakkomateriaali"):
                made.append(out(f"2_valmistelu/{doc}_{n.code}_{lang}.docx", doc, lang, n.code))
            status = "valmis" if n.code in final else "luonnos"
            made.append(
                out(
                    f"3_neuvottelut/poytakirja_{n.code}_{lang}.docx",
                    "poytakirja",
                    lang,
                    n.code,
                    status=status,
                )
            )
            ics = dataclasses.replace(
                out(f"2_valmistelu/kutsu_{n.code}_{lang}.ics", "kalenterikutsu", lang, n.code),
                content=negotiation_event(n, data.settings, lang, DAY),
            )
            made.append(ics)
    return made


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    sheets = wbs.base()
    # Pikkula has a named contact person: only she gets its pre-task
    sheets["Osallistujat"].append(
        ["Kerttu Kontakti", "Pikkula", "hyte-yhdyshenkilö", "kerttu@pikkula.fi", "", "yhdyshenkilö"]
    )
    data, _ = load(wbs.write(tmp_path_factory.mktemp("mail") / "hytetu.xlsx", sheets))
    return data


def by_path(p) -> dict[str, Mailing]:
    return {m.path: m for m in p.mailings}


def emails(addresses) -> set[str]:
    return {a.email for a in addresses}


def test_paths_follow_spec(base):
    found = by_path(plan(base, outputs_of(base)))
    assert set(found) == {
        "viestit/ennakkotehtava_alajarvenkyla_fi.eml",
        "viestit/ennakkotehtava_pikkula_fi.eml",
        "viestit/ennakkotehtava_bykulla_sv.eml",
        "viestit/ennakkotehtava_bykulla_fi.eml",  # the registry of a bilingual municipality
        "viestit/ennakkotehtava_sote_fi.eml",
        "viestit/kutsu_pohjoinen_fi.eml",
        "viestit/kutsu_rannikko_fi.eml",
        "viestit/kutsu_rannikko_sv.eml",
        "viestit/poytakirja_pohjoinen_fi.eml",  # only pohjoinen's minutes are final
    }


def test_invitation_goes_to_the_negotiations_people_and_registries_with_its_files(base):
    m = by_path(plan(base, outputs_of(base)))["viestit/kutsu_pohjoinen_fi.eml"]
    assert emails(m.to) == {"kirjaamo@alajarvenkyla.fi", "kirjaamo@pikkula.fi"}
    assert emails(m.bcc) == {"aino@alajarvenkyla.fi", "heikki@testila.fi", "kerttu@pikkula.fi"}
    assert [o.path.rsplit("/", 1)[-1] for o in m.attachments] == [
        "kutsu_pohjoinen_fi.docx",
        "asialista_pohjoinen_fi.docx",
        "ennakkomateriaali_pohjoinen_fi.docx",
        "kutsu_pohjoinen_fi.ics",
    ]
    assert "Antti Virta (Alajärvenkylä)" in m.without_email


def test_swedish_majority_people_get_swedish_and_bilingual_registries_both(base):
    found = by_path(plan(base, outputs_of(base)))
    sv, fi = found["viestit/kutsu_rannikko_sv.eml"], found["viestit/kutsu_rannikko_fi.eml"]
    assert emails(sv.bcc) == {"bjorn@bykulla.fi"}  # Bykulla: ruotsi-suomi
    assert "bjorn@bykulla.fi" not in emails(fi.bcc)
    assert emails(fi.bcc) == {"heikki@testila.fi"}  # the county's people: the first language
    assert emails(sv.to) == emails(fi.to) == {"registratur@bykulla.fi"}
    assert [a.name for a in sv.to] == ["Registratur, Bykulla stad"]
    assert all(o.lang == "sv" for o in sv.attachments)


def test_pretasks_carry_the_municipalitys_own_survey_form(base):
    found = by_path(plan(base, outputs_of(base)))
    pikkula = found["viestit/ennakkotehtava_pikkula_fi.eml"]
    assert emails(pikkula.bcc) == {"kerttu@pikkula.fi"}  # the contact person only
    assert emails(pikkula.to) == {"kirjaamo@pikkula.fi"}
    assert [o.path for o in pikkula.attachments] == [
        "1_ennakko/ennakkotehtava_kunnat_fi.docx",
        "1_ennakko/ennakkokysely_pikkula_fi.xlsx",
    ]
    sote = found["viestit/ennakkotehtava_sote_fi.eml"]
    assert emails(sote.bcc) == {"heikki@testila.fi"} and not sote.to
    assert {o.lang for o in sote.attachments} == {"fi", "sv"}


def test_minutes_only_when_final(base):
    found = by_path(plan(base, outputs_of(base, final=("pohjoinen", "rannikko"))))
    assert "viestit/poytakirja_rannikko_sv.eml" in found
    minutes = found["viestit/poytakirja_pohjoinen_fi.eml"]
    assert [o.doc_type for o in minutes.attachments] == ["poytakirja"]
    assert "viestit/poytakirja_rannikko_fi.eml" not in by_path(plan(base, outputs_of(base)))


def test_missing_addresses_are_warned_once_and_an_empty_mailing_says_why(base):
    p = plan(base, outputs_of(base))
    antti = [w for w in p.warnings if "Antti Virta" in w.message]
    assert len(antti) == 1
    assert antti[0].where == "Osallistujat, rivi 3"
    assert "3 sähköpostiluonnosta" in antti[0].message
    cedervik = [w for w in p.warnings if "Cedervik" in w.message and "Kirjaamo" in w.message]
    assert len(cedervik) == 1 and "Kirjaamon sähköposti" in cedervik[0].message
    # Cedervik has neither a registry address nor a person with one
    assert any(
        s.startswith("viestit/ennakkotehtava_cedervik_fi.eml: luonnosta ei tehty")
        for s in p.skipped
    )
    assert "Cecilia Lund (Cedervik)" in next(s for s in p.skipped if "cedervik_fi" in s)


def parse(content: bytes):
    return email.message_from_bytes(content, policy=policy.default)


def header_emails(msg, name: str) -> set[str]:
    return {a.addr_spec for a in msg[name].addresses} if msg[name] else set()


def test_every_draft_reads_back_with_its_recipients_and_byte_equal_files(base):
    for m in plan(base, outputs_of(base)).mailings:
        content = mailing_draft(base, m, DAY)
        assert content == mailing_draft(base, m, DAY)
        msg = parse(content)
        assert msg["X-Unsent"] == "1"
        assert header_emails(msg, "To") == emails(m.to) and header_emails(msg, "Bcc") == emails(
            m.bcc
        )
        assert m.to or m.bcc
        attached = {a.get_filename(): a.get_payload(decode=True) for a in msg.iter_attachments()}
        assert attached == {o.path.rsplit("/", 1)[-1]: o.content for o in m.attachments}
        assert msg["From"].addresses[0].addr_spec == "kaisa.koordinaattori@testila.fi"


def test_letters_read_as_the_countys_letters(base):
    found = by_path(plan(base, outputs_of(base)))
    invitation = letter(
        base, found["viestit/kutsu_rannikko_sv.eml"], registration=dt.date(2027, 4, 20)
    )
    assert invitation.subject == "Kallelse till hytetu-förhandling: Rannikko 5.5.2027"
    assert invitation.body.startswith("Bästa mottagare\n")
    assert "Tid: onsdagen den 5 maj 2027 kl. 13.00–15.30" in invitation.body
    assert "anmäla er senast tisdagen den 20 april 2027" in invitation.body
    assert "Kalenderinbjudan (.ics)" in invitation.body
    assert "(kutsu_rannikko_sv.ics)" in invitation.body
    assert "Med vänlig hälsning\n\nKaisa Koordinaattori\nTestby välfärdsområde" in invitation.body
    pretask = letter(base, found["viestit/ennakkotehtava_alajarvenkyla_fi.eml"])
    assert pretask.subject == "Hytetu-neuvottelujen 2027 ennakkotehtävä (kunta Alajärvenkylä)"
    assert "viimeistään perjantaina 12. maaliskuuta 2027" in pretask.body
    assert "ennakkokyselylomake" in pretask.body and "5. maaliskuuta 2027" in pretask.body
    assert "Ystävällisin terveisin" in pretask.body and "puh. 040 123 4567" in pretask.body
    draft = parse(mailing_draft(base, found["viestit/ennakkotehtava_alajarvenkyla_fi.eml"], DAY))
    assert draft["Subject"] == pretask.subject


CODES = ("pohjoinen", "rannikko")


@settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sets(st.sampled_from(CODES)), st.booleans()),
        min_size=9,
        max_size=9,
    )
)
def test_no_address_reaches_a_draft_of_a_negotiation_its_owner_is_not_in(base, assignment):
    participants = [
        dataclasses.replace(
            p,
            negotiations=tuple(sorted(codes)),
            email=p.email or (f"p{i}@testi.fi" if has_email else ""),
        )
        for i, (p, (codes, has_email)) in enumerate(
            zip(base.participants, assignment, strict=False)
        )
    ]
    data = dataclasses.replace(base, participants=(*participants, *base.participants[9:]))
    addresses = {p.email: set(p.negotiations) for p in data.participants if p.email}
    registries = {
        m.registry_email: {n.code for n in data.negotiations if n.service_area == m.service_area}
        for m in data.municipalities
        if m.registry_email
    }
    got: dict[tuple[str, str, str], int] = {}
    for m in plan(data, outputs_of(data, final=CODES)).mailings:
        if not m.negotiation:
            continue
        msg = parse(mailing_draft(data, m, DAY))
        text = msg.as_string()
        for address, codes in addresses.items():
            if address in registries:
                continue
            if m.negotiation not in codes:
                assert address not in text, (address, m.path)
        for address in header_emails(msg, "Bcc"):
            assert m.negotiation in addresses[address]
            mark = (address, m.kind, m.negotiation)
            got[mark] = got.get(mark, 0) + 1
    # and everyone with an address gets exactly one invitation per negotiation they are in
    for address, codes in addresses.items():
        for code in codes:
            assert got.get((address, "kutsu", code)) == 1, (address, code)
