"""E-mail drafts ``sahkopostiluonnos`` (SPEC §3): unsent messages, ready to check and send.

``X-Unsent: 1`` makes Outlook and Thunderbird open the ``.eml`` file as a new
message for editing, with its recipients and attachments, instead of as a
received mail. Nothing is ever sent by hytetu.

The bytes depend only on the arguments: the ``Date`` is given, there is no
``Message-ID`` (the mail program adds one when it sends), and the MIME
boundary is derived from the content. Names with ä, ö, å are encoded as
RFC 2047 in headers and RFC 2231 in attachment names (the name is also put in
``Content-Type``, which older Outlook versions read), so both programs show
them as written. Lines end in CRLF, as in mail on the wire.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import encode_rfc2231, format_datetime

#: MIME types of the files a build attaches, by extension
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ics": "text/calendar",
    "pdf": "application/pdf",
    "csv": "text/csv",
}
DEFAULT_MIME_TYPE = "application/octet-stream"
LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
#: CRLF, folded at 78; headers written raw (attachment names) are not refolded
_OUTPUT = policy.SMTP.clone(refold_source="none")


@dataclass(frozen=True)
class Address:
    """A recipient or sender: a display name (may be empty) and an e-mail address."""

    name: str
    email: str


@dataclass(frozen=True)
class Attachment:
    """A file to attach: its name as the recipient sees it, and its bytes."""

    name: str
    content: bytes
    #: ``type/subtype``; empty = from the name's extension (:data:`MIME_TYPES`)
    mime_type: str = ""

    @property
    def type(self) -> str:
        if self.mime_type:
            return self.mime_type
        ext = self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""
        return MIME_TYPES.get(ext, DEFAULT_MIME_TYPE)


def _header_address(address: Address) -> HeaderAddress:
    # one-line display names: a line break typed into a name must not break the header
    name = " ".join(address.name.split())
    return HeaderAddress(display_name=name, addr_spec=address.email.strip())


def _address_list(addresses: Sequence[Address]) -> str:
    """An address header's value, one address a line, written as is.

    The ``email`` package's folder can put the comma between two addresses inside an
    encoded word (``=?utf-8?q?=2C?=``) when a name has ä/ö; a reader then sees one
    address fewer. Here every display name is its own RFC 2047 word (or quoted ASCII)
    and the separators stay plain.
    """
    lines = []
    for address in addresses:
        header = _header_address(address)
        name = header.display_name
        shown = ""
        if name:
            shown = (
                _quoted(name)
                if name.isascii()
                else f"=?utf-8?b?{base64.b64encode(name.encode()).decode('ascii')}?="
            ) + " "
        lines.append(f"{shown}<{header.addr_spec}>")
    return ",\r\n ".join(lines)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _name_part(part: EmailMessage, item: Attachment) -> None:
    """The attachment's name in ``Content-Type`` and ``Content-Disposition``, written as is.

    The ``email`` package folds a parameter with ä/ö across lines by turning the
    whole header into encoded words, which breaks the MIME type itself
    (``application/=?utf-8?q?vnd...?=``); so these two headers are written
    here: ``name`` as one RFC 2047 word (what Outlook writes and reads),
    ``filename*`` as RFC 2231 (what Thunderbird and the standard want), and a
    plain quoted name when it is ASCII.
    """
    name = " ".join(item.name.split())
    charset = '; charset="utf-8"' if item.type.startswith("text/") else ""
    if name.isascii():
        type_name, disposition = _quoted(name), f"filename={_quoted(name)}"
    else:
        type_name = _quoted(f"=?utf-8?b?{base64.b64encode(name.encode()).decode('ascii')}?=")
        disposition = f"filename*={encode_rfc2231(name, 'utf-8')}"
    del part["Content-Type"], part["Content-Disposition"]
    part.set_raw("Content-Type", f"{item.type}{charset};\r\n name={type_name}")
    part.set_raw("Content-Disposition", f"attachment;\r\n {disposition}")


def _boundary(*parts: bytes) -> str:
    """A boundary that cannot occur in base64 or quoted-printable text (``_`` is in neither)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return f"=_hytetu_{digest.hexdigest()[:32]}"


def draft(
    *,
    subject: str,
    body: str,
    to: Sequence[Address] = (),
    bcc: Sequence[Address] = (),
    sender: Address | None = None,
    attachments: Sequence[Attachment] = (),
    date: dt.datetime,
    lang: str = "fi",
) -> bytes:
    """An unsent message as ``.eml`` bytes: the same arguments give the same bytes.

    ``to`` are shown to everyone (the municipalities' registries), ``bcc`` are
    hidden from each other (people). ``date`` must be timezone-aware.
    """
    if date.tzinfo is None:
        raise ValueError("date must be timezone-aware")
    msg = EmailMessage(policy=policy.default)
    msg["X-Unsent"] = "1"
    msg["Date"] = format_datetime(date)
    if sender is not None and sender.email:
        msg.set_raw("From", _address_list([sender]))
    if to:
        msg.set_raw("To", _address_list(to))
    if bcc:
        msg.set_raw("Bcc", _address_list(bcc))
    msg["Subject"] = " ".join(subject.split())
    # CRLF throughout, and quoted-printable so that no line is too long for mail
    text = body.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    msg.set_content(text, charset="utf-8", cte="quoted-printable")
    stand_ins: list[tuple[bytes, bytes]] = []
    for item in attachments:
        maintype, subtype = item.type.split("/", 1)
        content = item.content
        if content:  # encoded once per file, put in after (see _stand_in)
            content = _stand_in(len(stand_ins))
            stand_ins.append((_encoded_line(content), _encoded(item.content)))
        msg.add_attachment(content, maintype=maintype, subtype=subtype)
        parts = msg.get_payload()
        assert isinstance(parts, list)
        part = parts[-1]  # the one just added
        assert isinstance(part, EmailMessage)
        _name_part(part, item)
    # last: set_content and add_attachment move or drop Content-* headers
    msg["Content-Language"] = LANGUAGE_TAGS.get(lang, lang)
    if msg.is_multipart():
        msg.set_boundary(
            _boundary(
                subject.encode(),
                body.encode(),
                *(a.name.encode() for a in attachments),
                *(a.content for a in attachments),
            )
        )
    return _put_in(msg.as_bytes(policy=_OUTPUT), stand_ins)


def _stand_in(index: int) -> bytes:
    """What a draft is made with in place of its ``index``-th attachment's bytes.

    The ``email`` package encodes an attachment in base64 and writes it out line
    by line, again for every draft that attaches the same file (most drafts
    attach a handful of the same documents); so each file is encoded once
    (:func:`_encoded`, exactly as ``email`` does it) and put in where the
    stand-in's one encoded line is.
    """
    return b"\x00hytetu-liite\x00" + index.to_bytes(4, "big") + b"\xff" * 6


def _encoded_line(stand_in: bytes) -> bytes:
    return base64.b64encode(stand_in) + b"\r\n"


@functools.lru_cache(maxsize=64)
def _encoded(content: bytes) -> bytes:
    """``content`` as the ``email`` package writes an attachment: base64 lines of 76, CRLF.

    (``email.contentmanager``'s encoding: 57 bytes a line for a 78-character line limit.)
    """
    per_line = (policy.default.max_line_length or 78) // 4 * 3
    return b"".join(
        binascii.b2a_base64(content[i : i + per_line])[:-1] + b"\r\n"
        for i in range(0, len(content), per_line)
    )


def _put_in(message: bytes, stand_ins: list[tuple[bytes, bytes]]) -> bytes:
    """``message`` with each stand-in's line replaced by its attachment's encoded bytes."""
    if not stand_ins:
        return message
    pieces = []
    at = 0
    for line, encoded in stand_ins:
        if message.count(line) != 1:
            raise ValueError("attachment stand-in not found once")
        found = message.index(line)
        if found < at:
            raise ValueError("attachment stand-ins out of order")
        pieces += [message[at:found], encoded]
        at = found + len(line)
    pieces.append(message[at:])
    return b"".join(pieces)
