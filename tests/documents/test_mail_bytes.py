"""E-mail drafts are put together from their pieces: byte for byte what the ``email``
package writes for the same message built as an ``EmailMessage`` (SPEC: drafts are
byte-reproducible, so a faster way to write them must not change one byte)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from zoneinfo import ZoneInfo

import pytest

from pipeline.documents.mail import Address, Attachment, draft
from tests.documents import mail_reference

WHEN = dt.datetime(2027, 2, 1, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
DOCX = b"PK\x03\x04" + bytes(range(256)) * 40
PEOPLE = [
    Address("Antti Virta", "antti.virta@testi.fi"),
    Address("Åsa Öhman, Närpes", "asa@narpes.fi"),
    Address('Kirjaamo "pää"\\ Alajärvi\nkylä', "  kirjaamo@alajarvi.fi "),
    Address("", "heikki@testila.fi"),
    Address("Erik", "erik.o'brien+hytetu@sub.domain.fi"),
    Address("Quoted", '"eri kois"@testi.fi'),
    Address("ISOT KIRJAIMET", "Etu.Suku@Kunta-Alue.Example.FI"),
    Address("Paikallinen", "postmaster@localhost"),
    Address("Kommentti", "anna(kommentti)@testi.fi"),
]
CASES = {
    "invitation": dict(
        subject="Kutsu hytetu-neuvotteluun: Pohjoinen – Kuusiniemi 14.4.2027",
        body="Hyvä vastaanottaja\n\nLiitteenä on kutsu ja asialista.\n",
        to=PEOPLE[:1],
        bcc=PEOPLE,
        sender=Address("Kaisa Koordinaattori", "kaisa@testila.fi"),
        attachments=[
            Attachment("kutsu_pohjoinen_fi.docx", DOCX),
            Attachment("kutsu_pohjoinen_fi.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
            Attachment("tyhjä.pdf", b""),
        ],
    ),
    "long Swedish subject and names": dict(
        subject="Kallelse till hytetu-förhandling: " + "Österbotten och Åboland " * 6,
        body="Bästa mottagare\r\n\r\n" + "Förhandlingens handlingar är bifogade. " * 30,
        bcc=PEOPLE[1:3],
        attachments=[
            Attachment("pöytäkirja_åland_förhandling_med_ett_mycket_långt_namn.docx", DOCX[:99]),
            Attachment("liite ilman päätettä", b"x" * 57),
            Attachment("taulukko.csv", "a;ä\r\n".encode(), mime_type="text/csv"),
        ],
        lang="sv",
    ),
    "no attachments, no sender": dict(
        subject="  Muistutus\n\tennakkotehtävästä  ",
        body="From the county\n.\n=3D alussa\ttab \nrivi välilyönnillä lopussa \n",
        bcc=PEOPLE[3:4],
        lang="en",
    ),
    "one line body without newline": dict(
        subject="ASCII only",
        body="x" * 200,
        to=PEOPLE[4:],
        attachments=[Attachment("a.xlsx", bytes(range(256)) * 3)],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_draft_is_the_email_packages_message_byte_for_byte(name):
    args = {"date": WHEN, **CASES[name]}
    made = draft(**args)
    assert made == mail_reference.draft(**args)
    msg = email.message_from_bytes(made, policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert [
        a.get_content() for a in msg.iter_attachments() if a.get_content_maintype() != "text"
    ] == [a.content for a in args.get("attachments", []) if not a.type.startswith("text/")]


def test_the_same_file_attached_to_two_drafts_is_written_the_same_in_both():
    shared = Attachment("ennakkotehtava_kunnat_fi.docx", DOCX)
    first = draft(subject="A", body="a\n", attachments=[shared], date=WHEN)
    second = draft(
        subject="B", body="b\n", attachments=[Attachment("b.docx", b"b"), shared], date=WHEN
    )
    for made, args in (
        (first, dict(subject="A", body="a\n", attachments=[shared])),
        (second, dict(subject="B", body="b\n", attachments=[Attachment("b.docx", b"b"), shared])),
    ):
        assert made == mail_reference.draft(date=WHEN, **args)
