"""The county's logo (``Logo`` in ``Asetukset``) in the header of every Word document.

Put in when a template is prepared, so it works with any template, the county's
own included: a paragraph with the picture goes first in every header the document
has; a document without a header gets one. The picture is scaled to
:data:`HEIGHT` (no wider than :data:`MAX_WIDTH`), its aspect kept, and carries the
county's name as its alternative text (``wp:docPr descr``) for screen readers.
Nothing in it depends on the time or the machine: the same logo gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

#: EMU (English Metric Units): 360 000 a centimetre
EMU_PER_CM = 360_000
HEIGHT = int(1.5 * EMU_PER_CM)
MAX_WIDTH = 6 * EMU_PER_CM
#: the formats a logo may have (validation checks it: ``workbook.validate.files``)
FORMATS = {"PNG": "png", "JPEG": "jpeg"}

_CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg"}
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_REL = f"{_OFFICE_REL}/header"
_IMAGE_REL = f"{_OFFICE_REL}/image"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_LOGO_REL_ID = "rIdHytetuLogo"
_HEADER_REL_ID = "rIdHytetuHeader"
#: drawing ids well clear of the ones a template's own pictures and charts use
_FIRST_ID = 7001
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})

Entries = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Logo:
    """The picture, its size in the header (EMU) and its alternative text."""

    data: bytes
    ext: str  # png, jpeg
    cx: int
    cy: int
    alt: str
    name: str = "logo"

    def identity(self) -> str:
        """The picture's checksum, its size and alternative text: what a document gets of it."""
        return f"{hashlib.sha256(self.data).hexdigest()} {self.ext} {self.cx} {self.cy} {self.alt!r} {self.name!r}"

    @classmethod
    def read(cls, path: Path, alt: str) -> Logo:
        """The logo in ``path`` (validated already); ``ValueError`` when it is not an image."""
        from PIL import Image, UnidentifiedImageError

        data = path.read_bytes()
        try:
            with Image.open(io.BytesIO(data)) as img:
                ext = FORMATS[img.format or ""]
                width, height = img.size
        except (UnidentifiedImageError, KeyError) as exc:
            raise ValueError(f"{path}: logo ei ole PNG- tai JPEG-kuva") from exc
        cx, cy = width * HEIGHT // height, HEIGHT
        if cx > MAX_WIDTH:
            cx, cy = MAX_WIDTH, height * MAX_WIDTH // width
        return cls(data, ext, cx, cy, alt, path.stem)

    def with_alt(self, alt: str) -> Logo:
        return Logo(self.data, self.ext, self.cx, self.cy, alt, self.name)


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"}).translate(_BRACES)


def paragraph(logo: Logo, drawing_id: int, rel_id: str = _LOGO_REL_ID) -> str:
    """A header paragraph holding the logo as an inline picture."""
    alt = _attr(logo.alt)
    name = _attr(f"{logo.name}.{logo.ext}")
    return (
        f'<w:p xmlns:w="{_W}"><w:pPr><w:spacing w:before="0" w:after="120"/></w:pPr><w:r>'
        f"<w:drawing>"
        f'<wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{logo.cx}" cy="{logo.cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="Logo" descr="{alt}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}">'
        f'<pic:pic xmlns:pic="{_PIC}"><pic:nvPicPr>'
        f'<pic:cNvPr id="0" name="{name}" descr="{alt}"/>'
        '<pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{_OFFICE_REL}" r:embed="{rel_id}"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{logo.cx}" cy="{logo.cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def _header(para: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{_W}" xmlns:r="{_OFFICE_REL}">{para}</w:hdr>'
    ).encode()


def _free(taken: set[str], base: str, suffix: str = "") -> str:
    """``base`` + ``suffix``, or with a number between when taken (a template made from
    a document that already carries a logo)."""
    name, n = f"{base}{suffix}", 1
    while name in taken:
        n += 1
        name = f"{base}{n}{suffix}"
    return name


def _first_free_drawing_id(parts: dict[str, bytes]) -> int:
    """Drawing ids are unique in a document: the first above every id the template has."""
    used = [
        int(i)
        for name, data in parts.items()
        if name.startswith("word/") and name.endswith(".xml")
        for i in re.findall(rb"<wp:docPr\b[^>]*?\bid=\"(\d+)\"", data)
    ]
    return max([_FIRST_ID - 1, *used]) + 1


def _ids(rels: etree._Element) -> set[str]:
    return {r.get("Id", "") for r in rels}


def _rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _part_of(target: str) -> str:
    """A relationship target of ``word/document.xml`` as a package part name."""
    return target.lstrip("/") if target.startswith("/") else f"word/{target}"


def _xml(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def _relationship(rels: etree._Element, rel_id: str, rel_type: str, target: str) -> None:
    rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
    rel.set("Id", rel_id)
    rel.set("Type", rel_type)
    rel.set("Target", target)


def with_logo(entries: Entries, logo: Logo) -> Entries:
    """The package ``entries`` with ``logo`` first in every header (a header made if none)."""
    parts = dict(entries)
    order = [name for name, _ in entries]
    media = _free(set(parts), "word/media/hytetu_logo", f".{logo.ext}")
    doc_rels_name = "word/_rels/document.xml.rels"
    doc_rels = etree.fromstring(parts[doc_rels_name])
    headers = [_part_of(r.get("Target", "")) for r in doc_rels if r.get("Type") == _HEADER_REL]
    headers = sorted(h for h in headers if h in parts)
    content_types = etree.fromstring(parts["[Content_Types].xml"])
    first_id = _first_free_drawing_id(parts)
    rels_of = {
        h: etree.fromstring(parts[_rels_name(h)])
        if _rels_name(h) in parts
        else _empty_relationships()
        for h in headers
    }
    if not headers:
        taken = {int(m.group(1)) for n in parts if (m := re.match(r"word/header(\d+)\.xml$", n))}
        new = f"word/header{max(taken, default=0) + 1}.xml"
        parts[new] = _header(paragraph(logo, first_id))
        order.append(new)
        header_id = _free(_ids(doc_rels), _HEADER_REL_ID)
        _relationship(doc_rels, header_id, _HEADER_REL, new.removeprefix("word/"))
        parts[doc_rels_name] = _xml(doc_rels)
        override = etree.SubElement(content_types, f"{{{_CT_NS}}}Override")
        override.set("PartName", f"/{new}")
        override.set("ContentType", _HEADER_CT)
        parts["word/document.xml"] = _reference_header(parts["word/document.xml"], header_id)
        headers = [new]
        rels_of[new] = _empty_relationships()
    else:
        for i, header in enumerate(headers):
            rel_id = _free(_ids(rels_of[header]), _LOGO_REL_ID)
            xml = parts[header].decode("utf-8")
            para = paragraph(logo, first_id + i, rel_id)
            opening = re.search(r"<w:hdr\b[^>]*>", xml)
            if opening is None:
                raise KeyError(header)
            head = opening.group(0)
            if head.endswith("/>"):  # an empty header written as one tag
                para = f"{head[:-2]}>{para}</w:hdr>"
                head = ""
            xml = xml[: opening.start()] + head + para + xml[opening.end() :]
            parts[header] = xml.encode("utf-8")
    for header in headers:
        rels_name = _rels_name(header)
        rels = rels_of[header]
        if rels_name not in parts:
            order.append(rels_name)
        rel_id = _free(_ids(rels), _LOGO_REL_ID)
        _relationship(rels, rel_id, _IMAGE_REL, f"media/{media.rsplit('/', 1)[1]}")
        parts[rels_name] = _xml(rels)
    if not any(
        d.get("Extension", "").lower() == logo.ext
        for d in content_types.iter(f"{{{_CT_NS}}}Default")
    ):
        default = etree.Element(f"{{{_CT_NS}}}Default")
        default.set("Extension", logo.ext)
        default.set("ContentType", _CONTENT_TYPES[logo.ext])
        content_types.insert(0, default)
    parts["[Content_Types].xml"] = _xml(content_types)
    parts[media] = logo.data
    order.append(media)
    return [(name, parts[name]) for name in order]


def _reference_header(document: bytes, header_id: str) -> bytes:
    """``document.xml`` with the new header as the default header of its first section."""
    xml = document.decode("utf-8")
    reference = f'<w:headerReference xmlns:r="{_OFFICE_REL}" w:type="default" r:id="{header_id}"/>'
    xml, found = re.subn(
        r"(<w:sectPr\b[^>]*?)(/>|>)",
        lambda m: (
            m.group(1) + (f">{reference}</w:sectPr>" if m.group(2) == "/>" else f">{reference}")
        ),
        xml,
        count=1,
    )
    if not found:
        raise KeyError("sectPr")
    return xml.encode("utf-8")


def _empty_relationships() -> etree._Element:
    """A ``Relationships`` root with its namespace as the default one, as Word writes it."""
    return etree.fromstring(f'<Relationships xmlns="{_REL_NS}"/>'.encode())
