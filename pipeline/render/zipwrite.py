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


def write_zip(entries: list[Entry], when: dt.datetime) -> bytes:
    """The zip archive of ``entries`` in order, every entry stamped ``when``."""
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
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return bytes(body + central + end)
