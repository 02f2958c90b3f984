"""E-mail drafts (.eml): read back with the standard library as a mail program would."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from zoneinfo import ZoneInfo

from pipeline.documents.mail import MIME_TYPES, Address, Attachment, draft

DOCX = b"PK\x03\x04" + bytes(range(256)) * 20
ICS = "BEGIN:VCALENDAR\r\nSUMMARY:Hytetu-förhandling\r\nEND:VCALENDAR\r\n".encode()
WHEN = dt.datetime(2027, 2, 1, 9, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


def make(**changes):
    args = dict(
        subject="Kallelse till hytetu-förhandling: Rannikko – Österbotten 5.5.2027",
        body="Bästa mottagare\n\nFörhandlingens handlingar finns som bilagor.\n",
        to=[Address("Registratur, Bykulla stad", "registratur@bykulla.fi")],
        bcc=[Address("Björn Berg", "bjorn@bykulla.fi"), Address("", "heikki@testila.fi")],
        sender=Address("Kaisa Koordinaattori", "kaisa@testila.fi"),
        attachments=[
            Attachment("kallelse_rannikko_sv.docx", DOCX),
            Attachment("pöytäkirja_åland_förhandling_med_ett_mycket_långt_namn.docx", DOCX[:99]),
            Attachment("kutsu_rannikko_sv.ics", ICS),
        ],
        date=WHEN,
        lang="sv",
    )
    args.update(changes)
    return draft(**args)


def parse(content: bytes):
    return email.message_from_bytes(content, policy=policy.default)


def test_a_draft_opens_as_unsent_with_its_recipients():
    msg = parse(make())
    assert msg["X-Unsent"] == "1"
    assert [a.addr_spec for a in msg["To"].addresses] == ["registratur@bykulla.fi"]
    assert [a.display_name for a in msg["To"].addresses] == ["Registratur, Bykulla stad"]
    assert [a.addr_spec for a in msg["Bcc"].addresses] == ["bjorn@bykulla.fi", "heikki@testila.fi"]
    assert msg["Bcc"].addresses[0].display_name == "Björn Berg"
    assert msg["From"].addresses[0].addr_spec == "kaisa@testila.fi"
    assert "Message-ID" not in msg
    assert msg["Content-Language"] == "sv-FI"
    assert email.utils.parsedate_to_datetime(msg["Date"]) == WHEN


def test_subject_and_body_keep_every_letter():
    msg = parse(make())
    assert msg["Subject"] == "Kallelse till hytetu-förhandling: Rannikko – Österbotten 5.5.2027"
    # lines end in CRLF in the message, as on the wire
    assert msg.get_body(("plain",)).get_content().replace("\r\n", "\n") == (
        "Bästa mottagare\n\nFörhandlingens handlingar finns som bilagor.\n"
    )


def test_attachments_are_byte_equal_with_their_names_and_types():
    msg = parse(make())
    found = [
        (a.get_filename(), a.get_content_type(), a.get_content()) for a in msg.iter_attachments()
    ]
    assert found == [
        ("kallelse_rannikko_sv.docx", MIME_TYPES["docx"], DOCX),
        (
            "pöytäkirja_åland_förhandling_med_ett_mycket_långt_namn.docx",
            MIME_TYPES["docx"],
            DOCX[:99],
        ),
        ("kutsu_rannikko_sv.ics", "text/calendar", ICS.decode()),
    ]
    # Outlook reads the name from Content-Type too
    names = [a.get_param("name") for a in msg.iter_attachments()]
    assert names[1] == "pöytäkirja_åland_förhandling_med_ett_mycket_långt_namn.docx"
    assert all(a.get_content_disposition() == "attachment" for a in msg.iter_attachments())


def test_two_calls_give_the_same_bytes_and_other_content_another_boundary():
    assert make() == make()
    other = make(attachments=[Attachment("a.xlsx", b"other")])
    assert parse(make()).get_boundary() != parse(other).get_boundary()
    assert parse(other).get_payload()[1].get_content_type() == MIME_TYPES["xlsx"]


def test_lines_end_in_crlf_and_stay_within_the_mail_limit():
    content = make(body="Rivi, joka on pitkä " * 40)
    assert b"\n" not in content.replace(b"\r\n", b"")
    assert max(len(line) for line in content.split(b"\r\n")) <= 998
    assert content.isascii()


def test_without_sender_or_registries_those_headers_are_left_out():
    msg = parse(make(sender=None, to=[], attachments=[]))
    assert "From" not in msg and "To" not in msg
    assert [a.addr_spec for a in msg["Bcc"].addresses] == ["bjorn@bykulla.fi", "heikki@testila.fi"]
    assert not msg.is_multipart()


def test_a_line_break_typed_into_a_name_does_not_break_the_header():
    msg = parse(make(to=[Address("Kirjaamo\nAlajärvenkylä", "kirjaamo@alajarvenkyla.fi")]))
    assert msg["To"].addresses[0].display_name == "Kirjaamo Alajärvenkylä"
    assert msg["X-Unsent"] == "1"


def test_every_recipient_survives_names_with_letters_beyond_ascii():
    # the email package's own folding once put the comma after "Björn Berg" inside an
    # encoded word, so readers saw one address fewer
    people = [
        Address("Antti Virta", "p1@testi.fi"),
        Address("Björn Berg", "bjorn@bykulla.fi"),
        Address("Kerttu Kontakti", "kerttu@pikkula.fi"),
        Address("Åsa Öhman, Närpes", "asa@narpes.fi"),
        Address("", "heikki@testila.fi"),
    ]
    msg = parse(make(bcc=people, to=people[:2]))
    for header, wanted in (("Bcc", people), ("To", people[:2])):
        got = [(a.display_name, a.addr_spec) for a in msg[header].addresses]
        assert got == [(a.name, a.email) for a in wanted]
