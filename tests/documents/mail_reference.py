"""The e-mail draft built the long way, as an ``EmailMessage`` (``pipeline.documents.mail``
before it put the bytes together itself): what :mod:`test_mail_bytes` compares with."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import encode_rfc2231, format_datetime

from pipeline.documents.mail import LANGUAGE_TAGS, Address, Attachment

_OUTPUT = policy.SMTP.clone(refold_source="none")


def _address_list(addresses: Sequence[Address]) -> str:
    lines = []
    for address in addresses:
        name = " ".join(address.name.split())
        header = HeaderAddress(display_name=name, addr_spec=address.email.strip())
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
    text = body.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    msg.set_content(text, charset="utf-8", cte="quoted-printable")
    for item in attachments:
        maintype, subtype = item.type.split("/", 1)
        msg.add_attachment(item.content, maintype=maintype, subtype=subtype)
        part = msg.get_payload()[-1]
        _name_part(part, item)
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
    return msg.as_bytes(policy=_OUTPUT)
