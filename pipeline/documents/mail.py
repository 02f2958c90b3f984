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

How the bytes are made: a draft is what the ``email`` package writes for an
:class:`~email.message.EmailMessage` built with ``set_content`` and
``add_attachment`` (SMTP policy, raw headers not refolded), but put together
here from its pieces, each made by the ``email`` package's own functions: every
header line by the policy's folder (:func:`_header`), the text by
``quoprimime``, each attachment's part once per file (:func:`_attachment_part`,
most drafts attach the same documents), joined between the boundaries as the
generator joins them. Building the message object for each of a build's hundreds
of drafts cost most of the time in header objects; the bytes are the same
(``tests/documents/test_mail_bytes.py`` compares them with a message built the
long way).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy, quoprimime
from email.headerregistry import Address as HeaderAddress
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
#: CRLF, folded at 78; headers written raw (addresses, attachment names) are not refolded
_OUTPUT = policy.SMTP.clone(refold_source="none")
#: the policy a message is built with (its line length for text and base64)
_BUILD = policy.default
_NL = b"\r\n"
_LINE_ENDS = re.compile(r"\r\n|\r|\n")


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


def _fold(name: str, value: str) -> bytes:
    """``name: value`` as ``message[name] = value`` is written (RFC 2047, folded at 78, CRLF)."""
    return _OUTPUT.fold_binary(name, _BUILD.header_store_parse(name, value)[1])


@functools.lru_cache(maxsize=256)
def _header(name: str, value: str) -> bytes:
    """:func:`_fold`, once for each value (a build's drafts share dates, subjects, languages)."""
    return _fold(name, value)


def _raw(name: str, value: str) -> bytes:
    """``name: value`` as ``message.set_raw(name, value)`` is written: as is, CRLF."""
    return _OUTPUT.fold_binary(name, value)


@functools.lru_cache(maxsize=1024)
def _address(address: Address) -> str:
    """One address of an address header: the display name encoded or quoted, then ``<addr>``.

    The ``email`` package's folder can put the comma between two addresses inside an
    encoded word (``=?utf-8?q?=2C?=``) when a name has ä/ö; a reader then sees one
    address fewer. Here every display name is its own RFC 2047 word (or quoted ASCII)
    and the separators stay plain.
    """
    # one-line display names: a line break typed into a name must not break the header
    name = " ".join(address.name.split())
    shown = f"{_quoted(name) if name.isascii() else _encoded_word(name)} " if name else ""
    return f"{shown}<{_addr_spec(address.email.strip())}>"


#: ``local@domain`` of plain atoms (RFC 5322 dot-atoms): the ``email`` package keeps it as is
_PLAIN_ADDR_SPEC = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)


def _addr_spec(text: str) -> str:
    """``text`` as ``email.headerregistry.Address`` writes it (quoted, or refused if invalid).

    A plain address comes out as it went in, so only the others are parsed (parsing
    every recipient's address was most of a draft's time).
    """
    if _PLAIN_ADDR_SPEC.fullmatch(text):
        return text
    return HeaderAddress(addr_spec=text).addr_spec


def _address_list(addresses: Sequence[Address]) -> str:
    """An address header's value, one address a line, written as is."""
    return ",\r\n ".join(_address(a) for a in addresses)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _encoded_word(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode('ascii')}?="


def _name_headers(name: str, mime_type: str) -> bytes:
    """The attachment's name in ``Content-Type`` and ``Content-Disposition``, written as is.

    The ``email`` package folds a parameter with ä/ö across lines by turning the
    whole header into encoded words, which breaks the MIME type itself
    (``application/=?utf-8?q?vnd...?=``); so these two headers are written
    here: ``name`` as one RFC 2047 word (what Outlook writes and reads),
    ``filename*`` as RFC 2231 (what Thunderbird and the standard want), and a
    plain quoted name when it is ASCII.
    """
    name = " ".join(name.split())
    charset = '; charset="utf-8"' if mime_type.startswith("text/") else ""
    if name.isascii():
        type_name, disposition = _quoted(name), f"filename={_quoted(name)}"
    else:
        type_name = _quoted(_encoded_word(name))
        disposition = f"filename*={encode_rfc2231(name, 'utf-8')}"
    return _raw("Content-Type", f"{mime_type}{charset};\r\n name={type_name}") + _raw(
        "Content-Disposition", f"attachment;\r\n {disposition}"
    )


@dataclass(frozen=True)
class _Part:
    """An attachment's MIME part as the generator writes it, and its content's digest."""

    data: bytes
    digest: bytes


@functools.lru_cache(maxsize=64)
def _attachment_part(name: str, mime_type: str, content: bytes) -> _Part:
    """Headers (as ``add_attachment`` orders them), a blank line, the base64 lines."""
    if "/" not in mime_type:
        raise ValueError(f"not a MIME type: {mime_type!r}")
    head = _header("Content-Transfer-Encoding", "base64") + _header("MIME-Version", "1.0")
    data = head + _name_headers(name, mime_type) + _NL + _encoded(content)
    return _Part(data, _sha256(content))


def _encoded(content: bytes) -> bytes:
    """``content`` as the ``email`` package writes an attachment: base64 lines of 76, CRLF.

    (``email.contentmanager`` encodes 57 bytes a line for the 78-character line
    limit; 57 bytes are 76 characters without padding, so cutting one encoding of
    the whole file every 76 characters gives the same lines.)
    """
    per_line = (_BUILD.max_line_length or 78) // 4 * 3  # bytes: 57
    chars = per_line // 3 * 4  # their base64: 76
    text = binascii.b2a_base64(content, newline=False)
    return b"".join(text[i : i + chars] + _NL for i in range(0, len(text), chars))


def _text_part(body: str) -> tuple[bytes, bytes]:
    """The body's headers and its quoted-printable lines, as ``set_content`` makes them."""
    text = body.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    lines = text.encode("utf-8").splitlines()
    encoded = quoprimime.body_encode(
        (b"\n".join(lines) + b"\n").decode("latin-1"), _BUILD.max_line_length or 78
    )
    head = _header("Content-Type", 'text/plain; charset="utf-8"') + _header(
        "Content-Transfer-Encoding", "quoted-printable"
    )
    return head, _LINE_ENDS.sub("\r\n", encoded).encode("ascii")


def _boundary(digests: Sequence[bytes]) -> str:
    """A boundary that cannot occur in base64 or quoted-printable text (``_`` is in neither).

    ``digests``: the SHA-256 of the subject, the body, each attachment's name and
    each attachment's bytes.
    """
    digest = hashlib.sha256()
    for part in digests:
        digest.update(part)
    return f"=_hytetu_{digest.hexdigest()[:32]}"


#: what a boundary looks like to the folder: :func:`_boundary`'s length and kind of characters
_BOUNDARY_STAND_IN = "=_hytetu_" + "0" * 32


@functools.cache
def _multipart_type_around() -> tuple[bytes, bytes]:
    """The ``Content-Type: multipart/mixed`` line before and after its boundary.

    Every boundary is as long as the stand-in and of the same characters, so the
    folder breaks the line in the same place; folded once, not for every draft.
    """
    folded = _fold("Content-Type", f'multipart/mixed; boundary="{_BOUNDARY_STAND_IN}"')
    before, after = folded.split(_BOUNDARY_STAND_IN.encode("ascii"))
    return before, after


def _multipart_type(boundary: str) -> bytes:
    assert len(boundary) == len(_BOUNDARY_STAND_IN)
    before, after = _multipart_type_around()
    return before + boundary.encode("ascii") + after


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


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
    head = [_header("X-Unsent", "1"), _header("Date", format_datetime(date))]
    if sender is not None and sender.email:
        head.append(_raw("From", _address_list([sender])))
    if to:
        head.append(_raw("To", _address_list(to)))
    if bcc:
        head.append(_raw("Bcc", _address_list(bcc)))
    head.append(_header("Subject", " ".join(subject.split())))
    mime = _header("MIME-Version", "1.0")
    language = _header("Content-Language", LANGUAGE_TAGS.get(lang, lang))
    text_head, text = _text_part(body)
    if not attachments:  # a single part: the text's headers are the message's
        return b"".join([*head, text_head, mime, language, _NL, text])
    parts = [_attachment_part(a.name, a.type, a.content) for a in attachments]
    boundary = _boundary(
        [
            _sha256(subject.encode()),
            _sha256(body.encode()),
            *(_sha256(a.name.encode()) for a in attachments),
            *(part.digest for part in parts),
        ]
    )
    head += [mime, _multipart_type(boundary), language]
    # as the generator writes a multipart message: no preamble, no epilogue
    line = b"--" + boundary.encode("ascii")
    pieces = [*head, _NL, line, _NL, text_head, _NL, text]
    for part in parts:
        pieces += [_NL, line, _NL, part.data]
    pieces += [_NL, line, b"--", _NL]
    return b"".join(pieces)
