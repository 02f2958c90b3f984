"""A minimal, deterministic zip writer for Office packages.

Office files are zip packages. A template's parts that no render changes are
compressed once (:func:`deflate`) and copied into every document as they are;
only the rendered parts are compressed per document. Every entry gets the
same fixed timestamp, so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DEFLATE = 8
_UNIX_FILE = 0o100644 << 16  # -rw-r--r--
_MADE_BY = (3 << 8) | 20  # Unix, zip 2.0


@dataclass(frozen=True)
class Entry:
    name: str
    crc: int
    size: int
    compressed: bytes


def deflate(name: str, data: bytes, level: int = 6) -> Entry:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Entry(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def dos_time(when: dt.datetime) -> tuple[int, int]:
    when = max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1))
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    date = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    return time, date


def write_zip(
    entries: list[Entry], when: dt.datetime, comment_of: Callable[[bytes], bytes] | None = None
) -> bytes:
    """The zip archive of ``entries`` in order, every entry stamped ``when``.

    ``comment_of``: given the archive's central directory (its file list), the archive's
    comment (ZIP's own field after the central directory, which Office and LibreOffice
    read past), at most :data:`MAX_COMMENT` bytes.
    """
    time, date = dos_time(when)
    body = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        offset = len(body)
        body += _LOCAL.pack(
            0x04034B50,
            20,
            flags,
            _DEFLATE,
            time,
            date,
            e.crc,
            len(e.compressed),
            e.size,
            len(name),
            0,
        )
        body += name
        body += e.compressed
        central += _CENTRAL.pack(
            0x02014B50,
            _MADE_BY,
            20,
            flags,
            _DEFLATE,
            time,
            date,
            e.crc,
            len(e.compressed),
            e.size,
            len(name),
            0,
            0,
            0,
            0,
            _UNIX_FILE,
            offset,
        )
        central += name
    comment = _checked(comment_of(bytes(central))) if comment_of else b""
    end = _END.pack(
        0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), len(comment)
    )
    return bytes(body + central + end + comment)


#: the longest archive comment :func:`write_zip` writes and :func:`read_tail` finds
MAX_COMMENT = 200


def _checked(comment: bytes) -> bytes:
    if len(comment) > MAX_COMMENT:
        raise ValueError("zip comment too long")
    return comment


def _find_end(tail: bytes, base: int) -> tuple[int, int, bytes] | None:
    """In ``tail``, the end of a zip file from its offset ``base`` on, the end record whose
    comment runs exactly to the end and whose central directory ends right before it:
    that directory's offset and size, and the comment; None when there is none."""
    at = len(tail)
    while (at := tail.rfind(b"PK\x05\x06", 0, at)) != -1:
        if at + _END.size > len(tail):
            continue
        fields = _END.unpack_from(tail, at)
        central_size, central_at, length = fields[5], fields[6], fields[7]
        if at + _END.size + length == len(tail) and central_at + central_size == base + at:
            return central_at, central_size, tail[at + _END.size :]
    return None


def read_tail(path: str) -> tuple[bytes, bytes] | None:
    """The archive comment and the central directory of the zip file at ``path``, read
    from its end; None if it ends in no end record whose comment runs exactly to the end
    (longer than :data:`MAX_COMMENT` bytes, say)."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        start = max(0, size - _END.size - MAX_COMMENT)
        f.seek(start)
        found = _find_end(f.read(), start)
        if found is None:
            return None
        central_at, central_size, comment = found
        f.seek(central_at)
        return comment, f.read(central_size)


def tail_of(content: bytes) -> tuple[bytes, bytes] | None:
    """:func:`read_tail` of the zip file ``content`` in memory."""
    start = max(0, len(content) - _END.size - MAX_COMMENT)
    found = _find_end(content[start:], start)
    if found is None:
        return None
    central_at, central_size, comment = found
    return comment, content[central_at : central_at + central_size]


def with_comment(content: bytes, comment_of: Callable[[bytes], bytes]) -> bytes | None:
    """The zip file ``content`` with the archive comment ``comment_of`` gives for its central
    directory (in place of any comment it had); None when its end is not as
    :func:`read_tail` finds it."""
    found = tail_of(content)
    if found is None:
        return None
    old, central = found
    comment = _checked(comment_of(central))
    return content[: len(content) - len(old) - 2] + struct.pack("<H", len(comment)) + comment
