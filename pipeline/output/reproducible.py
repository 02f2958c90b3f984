"""Reproducible builds: the same workbook gives the same bytes, whenever it is built.

Word documents are written by :mod:`pipeline.render` with fixed zip times and
core properties already. Here the other two formats are made to follow:

* ``.xlsx`` — openpyxl stamps the wall clock into ``docProps/core.xml``
  (``dcterms:modified``) and into every zip entry; :func:`normalize_xlsx`
  rewrites the package with the build's time in both places.
* ``.pdf`` — LibreOffice stamps the wall clock into the document information
  (``/CreationDate``), the XMP metadata (``xmp:CreateDate``) and the header of
  the embedded sRGB colour profile, and derives the file identifier (``/ID``)
  from it; :func:`normalize_pdf` puts the build's time in all of them, derives
  the identifier (and LibreOffice's ``/DocChecksum``) from the content and
  rewrites the cross-reference table.

The time used is the build's (see :func:`pipeline.build.build_date`: the
``SOURCE_DATE_EPOCH`` environment variable or the workbook's own saved date).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import replace

from pipeline.contract.outputs import Output
from pipeline.render import zipwrite
from pipeline.render.stamp import comment_of, stamp_in

_CORE = "docProps/core.xml"
#: the earliest time a zip entry can carry
_ZIP_EPOCH = dt.datetime(1980, 1, 1)


def _utc(when: dt.datetime) -> dt.datetime:
    """``when`` in UTC, without tzinfo (a naive time is taken to be UTC already)."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0)


def normalize_xlsx(content: bytes, when: dt.datetime) -> bytes:
    """The same workbook with ``when`` as its created/modified time and every zip entry's time.

    Entries keep their order, names and content; every entry is ``-rw-r--r--``.
    Compressed entries are copied as they are (no inflating and deflating again);
    only ``docProps/core.xml`` is rewritten. A sources stamp the workbook carries
    (:mod:`pipeline.documents.reuse`) is carried over, bound to the new file list.
    """
    sources = stamp_in(content)
    stamp = _utc(when).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    entries = []
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        for info in source.infolist():
            if info.filename == _CORE:
                data = _core_dates(source.read(info), stamp)
                entries.append(zipwrite.deflate(info.filename, data))
            elif info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x1:
                entries.append(
                    zipwrite.Entry(info.filename, info.CRC, info.file_size, _raw(content, info))
                )
            else:
                entries.append(zipwrite.deflate(info.filename, source.read(info)))
    return zipwrite.write_zip(
        entries, max(_utc(when), _ZIP_EPOCH), comment_of(sources) if sources else None
    )


def _raw(content: bytes, info: zipfile.ZipInfo) -> bytes:
    """The entry's compressed bytes as they are in ``content``."""
    at = info.header_offset
    if content[at : at + 4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{info.filename}: no local header")
    name_len, extra_len = struct.unpack("<HH", content[at + 26 : at + 30])
    start = at + 30 + name_len + extra_len
    return content[start : start + info.compress_size]


_Replace = Callable[[re.Match[bytes]], bytes]


def _constant(value: bytes) -> _Replace:
    """A replacement that is ``value`` as it is (no group references expanded)."""
    return lambda _match: value


def _with_length(length: int) -> _Replace:
    """``obj … endobj`` with the number between them set to ``length``."""
    return lambda m: m.group(1) + str(length).encode() + m.group(2)


def _core_dates(core: bytes, stamp: bytes) -> bytes:
    """``dcterms:created`` and ``dcterms:modified`` set to ``stamp`` (added when missing)."""
    for tag in (b"dcterms:created", b"dcterms:modified"):
        pattern = re.compile(rb"<" + tag + rb"(\s[^>]*)?(/>|>[^<]*</" + tag + rb">)")
        element = b"<" + tag + b' xsi:type="dcterms:W3CDTF">' + stamp + b"</" + tag + b">"
        if pattern.search(core):
            core = pattern.sub(_constant(element), core, count=1)
        else:
            core = core.replace(b"</cp:coreProperties>", element + b"</cp:coreProperties>")
    if b"xmlns:xsi=" not in core:
        core = core.replace(
            b"<cp:coreProperties ",
            b'<cp:coreProperties xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ',
            1,
        )
    if b"xmlns:dcterms=" not in core:
        core = core.replace(
            b"<cp:coreProperties ",
            b'<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/" ',
            1,
        )
    return core


# ------------------------------------------------------------------------ PDF

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_OBJ = re.compile(rb"(\d+) (\d+) obj")
_INFO_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_XMP_DATE = re.compile(
    rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)"
    rb"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)"
)
_XMP_DATE_ATTR = re.compile(
    rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)'
)
_LENGTH = re.compile(rb"/Length\s+(?:(\d+)\s+(\d+)\s+R|(\d+))")
_TRAILER_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")
#: LibreOffice's own checksum of the file as it wrote it (clock included)
_DOC_CHECKSUM = re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]+")


def normalize_pdf(content: bytes, when: dt.datetime) -> bytes:
    """The same PDF with ``when`` in place of every wall-clock time LibreOffice wrote.

    Works on PDFs with a classic cross-reference table, as LibreOffice writes
    them; anything else is returned unchanged. Text, fonts, tags and the
    PDF/A identification are untouched; the dates in the document information
    and in the XMP metadata stay equal to each other, as PDF/A requires.
    """
    try:
        return _normalize_pdf(content, _utc(when))
    except (ValueError, zlib.error, struct.error):
        return content


def _normalize_pdf(content: bytes, when: dt.datetime) -> bytes:
    tail = _STARTXREF.search(content[-64:])
    if tail is None:
        return content
    xref_at = int(tail.group(1))
    head = _XREF_HEAD.match(content, xref_at)
    if head is None:
        return content
    count = int(head.group(1))
    entries = _XREF_ENTRY.findall(content, head.end(), head.end() + 20 * count + 64)[:count]
    trailer_at = content.index(b"trailer", head.end())
    offsets = sorted(int(off) for off, _, kind in entries if kind == b"n")
    if not offsets:
        return content
    objects: dict[int, bytes] = {}
    order: list[int] = []
    for start, end in zip(offsets, [*offsets[1:], xref_at], strict=True):
        chunk = content[start:end]
        match = _OBJ.match(chunk)
        if match is None:
            return content
        number = int(match.group(1))
        objects[number] = chunk
        order.append(number)

    digits = when.strftime("%Y%m%d%H%M%S").encode()
    iso = when.strftime("%Y-%m-%dT%H:%M:%S").encode()
    lengths: dict[int, int] = {}
    for number in order:
        chunk = objects[number]
        if b"Date" in chunk:  # a plain search first: few objects carry a date
            chunk = _INFO_DATE.sub(lambda m: m.group(1) + digits, chunk)
            chunk = _XMP_DATE.sub(lambda m: m.group(1) + iso, chunk)
            chunk = _XMP_DATE_ATTR.sub(lambda m: m.group(1) + iso, chunk)
        chunk, new_length = _icc_date(chunk, when)
        if new_length is not None:
            ref = _LENGTH.search(chunk)
            if ref is not None and ref.group(1) is not None:
                lengths[int(ref.group(1))] = new_length
        objects[number] = chunk
    for number, length in lengths.items():
        objects[number] = re.sub(
            rb"(obj\s+)\d+(\s+endobj)",
            _with_length(length),
            objects[number],
            count=1,
        )

    body = bytearray(content[: offsets[0]])
    new_offsets: dict[int, int] = {}
    for number in order:
        new_offsets[number] = len(body)
        body += objects[number]
    new_xref = len(body)
    table = [b"xref\n0 %d\n" % count, b"0000000000 65535 f \n"]
    for number in range(1, count):
        if number in new_offsets:
            table.append(b"%010d 00000 n \n" % new_offsets[number])
        else:
            table.append(b"0000000000 65535 f \n")
    trailer = content[trailer_at : content.rindex(b"startxref")]
    file_id = hashlib.md5(bytes(body), usedforsecurity=False).hexdigest().upper().encode()
    trailer = _TRAILER_ID.sub(lambda _m: b"/ID [ <" + file_id + b"> <" + file_id + b"> ]", trailer)
    trailer = _DOC_CHECKSUM.sub(lambda _m: b"/DocChecksum /" + file_id, trailer)
    return bytes(body) + b"".join(table) + trailer + b"startxref\n%d\n%%%%EOF\n" % new_xref


def _icc_date(chunk: bytes, when: dt.datetime) -> tuple[bytes, int | None]:
    """An ICC colour profile stream with ``when`` as its creation date (header bytes 24–35).

    Returns the object and, when the stream was rewritten, its new length.
    """
    if b"/FlateDecode" not in chunk or b"/N " not in chunk[:200]:
        return chunk, None
    start = chunk.find(b"stream")
    if start < 0:
        return chunk, None
    data_at = start + len(b"stream")
    data_at += 2 if chunk[data_at : data_at + 2] == b"\r\n" else 1
    end = chunk.rfind(b"endstream")
    raw = chunk[data_at:end]
    # The compressed data may itself end in CR or LF bytes, so the end-of-line
    # before "endstream" is found by the decompressor, not by stripping.
    inflater = zlib.decompressobj()
    profile = bytearray(inflater.decompress(raw))
    if not inflater.eof:
        return chunk, None
    trailing = len(inflater.unused_data)
    stream = raw[: len(raw) - trailing]
    if profile[36:40] != b"acsp":
        return chunk, None
    profile[24:36] = struct.pack(
        ">6H", when.year, when.month, when.day, when.hour, when.minute, when.second
    )
    packed = zlib.compress(bytes(profile), 9)
    if packed == stream:
        return chunk, None
    rebuilt = chunk[:data_at] + packed + raw[len(raw) - trailing :] + chunk[end:]
    direct = _LENGTH.search(rebuilt)
    if direct is not None and direct.group(3) is not None:
        rebuilt = rebuilt[: direct.start()] + b"/Length %d" % len(packed) + rebuilt[direct.end() :]
    return rebuilt, len(packed)


# -------------------------------------------------------------------- outputs


def normalize_outputs(outputs: list[Output], when: dt.datetime) -> list[Output]:
    """Every ``.xlsx`` and ``.pdf`` of the build stamped with ``when`` instead of the clock."""
    normalizers = {".xlsx": normalize_xlsx, ".pdf": normalize_pdf}
    result = []
    for out in outputs:
        ext = out.path[out.path.rfind(".") :].lower()
        normalize = normalizers.get(ext)
        result.append(replace(out, content=normalize(out.content, when)) if normalize else out)
    return result
