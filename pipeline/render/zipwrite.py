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
    comment = comment_of(bytes(central)) if comment_of else b""
    if len(comment) > MAX_COMMENT:
        raise ValueError("zip comment too long")
    end = _END.pack(
        0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), len(comment)
    )
    return bytes(body + central + end + comment)


#: the longest archive comment :func:`write_zip` writes and :func:`read_tail` finds
MAX_COMMENT = 200


def read_tail(path: str) -> tuple[bytes, bytes] | None:
    """The archive comment and the central directory of the zip file at ``path``, read
    from its end; None if it ends in no end record whose comment runs exactly to the end
    (longer than :data:`MAX_COMMENT` bytes, say)."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        start = max(0, size - _END.size - MAX_COMMENT)
        f.seek(start)
        tail = f.read()
        at = len(tail)
        while (at := tail.rfind(b"PK\x05\x06", 0, at)) != -1:
            if at + _END.size > len(tail):
                continue
            fields = _END.unpack_from(tail, at)
            central_size, central_at, length = fields[5], fields[6], fields[7]
            if at + _END.size + length != len(tail) or central_at + central_size != start + at:
                continue
            f.seek(central_at)
            return tail[at + _END.size :], f.read(central_size)
    return None


def split_comment(content: bytes) -> tuple[bytes, bytes] | None:
    """The zip file ``content`` with an empty archive comment, and the comment it had;
    None when it ends in no end record whose comment runs exactly to the end."""
    at = content.rfind(b"PK\x05\x06", max(0, len(content) - _END.size - MAX_COMMENT))
    if at == -1 or at + _END.size > len(content):
        return None
    length = _END.unpack_from(content, at)[-1]
    if at + _END.size + length != len(content):
        return None
    return content[: at + _END.size - 2] + b"\0\0", content[at + _END.size :]


def with_comment(content: bytes, comment_of: Callable[[bytes], bytes]) -> bytes | None:
    """The zip file ``content`` with the archive comment ``comment_of`` gives for its central
    directory (in place of any comment it had); None when ``content`` ends in no end record
    whose comment runs to the end, or its central directory is not right before it."""
    found = split_comment(content)
    if found is None:
        return None
    bare = found[0]
    at = len(bare) - _END.size
    central_size, central_at = _END.unpack_from(bare, at)[5:7]
    if central_at + central_size != at:
        return None
    comment = comment_of(bare[central_at:at])
    if len(comment) > MAX_COMMENT:
        raise ValueError("zip comment too long")
    return bare[:-2] + struct.pack("<H", len(comment)) + comment
