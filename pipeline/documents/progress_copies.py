"""The progress forms of a build (:func:`progress_forms`, the producer), written without
openpyxl for each copy.

openpyxl takes some 30 ms to build and save one progress form (most of it hashing
the style of every cell, and a temporary file per sheet); a national build makes
hundreds. The forms of one language differ only in their rows, the
municipality's name and the few places that follow the number of rows. So a
form is built with openpyxl once per language and *kind of rows* (which cell
styles appear, in which order: openpyxl numbers a cell style when it first
writes it), with placeholders for the names; each municipality's copy is that
package with its own rows written as openpyxl writes them, with the prototype's
style numbers.

A copy is only made this way when it is sure to be byte for byte what
openpyxl would write: the first form of every kind is made both ways and
compared, and any text openpyxl would treat specially (a character a worksheet
cannot hold, a name with a line break) takes the openpyxl way instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import openpyxl
from lxml.etree import Element, tostring
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.utils.datetime import to_excel

from pipeline.contract import progress_form as layout
from pipeline.contract.outputs import Output
from pipeline.contract.values import clean_text
from pipeline.documents.progress_forms import (
    RowText,
    cell_value,
    form_path,
    form_title,
    form_workbook,
    register_texts,
    row_height_of,
    rows_for,
)
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.render import zipwrite
from pipeline.render.word import DocProperties
from pipeline.render.xlsx import set_properties, workbook_bytes
from pipeline.workbook.model import Municipality, YearData

if TYPE_CHECKING:
    from pipeline.documents.inputs import BuildInputs, Made

Properties = Callable[[str, str, str], DocProperties]
#: a cell's style as the form gives it: (editable, dated)
Kind = tuple[bool, bool]

_NAME_SLOT = "hytetu-seurantapohja-kunta-3b9e41"
_NAME_SV_SLOT = "hytetu-seurantapohja-kommun-c62d0f"
_FORM_PART = "xl/worksheets/sheet1.xml"
_MARKER_PART = "xl/worksheets/sheet2.xml"
_BOOK_PART = "xl/workbook.xml"
_CORE_PART = "docProps/core.xml"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STYLE = re.compile(rb'<c r="([A-Z]+)(\d+)" s="(\d+)"')
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
#: where the number of the last row goes in the templates
_LAST = b"\x00last\x00"
_EDITABLE = frozenset(layout.EDITABLE)


def _inline(value: str) -> bytes:
    """``<is><t>value</t></is>`` exactly as openpyxl writes a text cell with lxml."""
    attrs = {_XML_SPACE: "preserve"} if value != value.strip() else {}
    el = Element("t", attrs)
    el.text = value
    text: bytes = tostring(el)
    return b"<is>" + text + b"</is>"


def _cell(coordinate: str, style: int | None, value: str | dt.date | None) -> bytes:
    s = f' s="{style}"' if style is not None else ""
    if isinstance(value, dt.date):
        number = safe_string(to_excel(value))  # type: ignore[no-untyped-call]
        return f'<c r="{coordinate}"{s} t="n"><v>{number}</v></c>'.encode()
    if not value:
        return f'<c r="{coordinate}"{s} t="n"></c>'.encode()
    return f'<c r="{coordinate}"{s} t="inlineStr">'.encode() + _inline(value) + b"</c>"


def _writable(value: str) -> bool:
    """A text openpyxl keeps as it is (not cut, no character it refuses)."""
    return len(value) <= 32767 and ILLEGAL_CHARACTERS_RE.search(value) is None


def _plain_name(value: str) -> bool:
    return bool(value) and "\n" not in value and clean_text(value) == value and _writable(value)


class _Rows:
    """One municipality's form rows: each cell's kind and value, and each row's height."""

    def __init__(
        self, data: YearData, chosen: Sequence[TrackerRow], lang: str, texts: RowText
    ) -> None:
        self.cells: list[list[tuple[Kind, str | dt.date]]] = []
        self.heights: list[float] = []
        self.ok = True
        order: dict[Kind, None] = {}
        for row in chosen:
            cells: list[tuple[Kind, str | dt.date]] = []
            shown: list[tuple[str, int]] = []
            for _, column, width in layout.COLUMNS:
                value = cell_value(data, row, column, lang, texts)
                dated = isinstance(value, dt.date) or column == "Päivitetty"
                kind = (column in _EDITABLE, dated)
                order.setdefault(kind, None)
                if not isinstance(value, dt.date):
                    shown.append((value, width))
                    self.ok = self.ok and _writable(value)
                cells.append((kind, value))
            self.cells.append(cells)
            self.heights.append(row_height_of(shown))
        #: the kinds in the order openpyxl numbers their styles
        self.signature = tuple(order)

    def xml(self, styles: dict[Kind, int]) -> bytes:
        out = bytearray()
        letters = [letter for letter, _, _ in layout.COLUMNS]
        for index, (cells, height) in enumerate(zip(self.cells, self.heights, strict=True)):
            r = layout.FIRST_ROW + index
            out += f'<row r="{r}" ht="{safe_string(height)}" customHeight="1">'.encode()
            for letter, (kind, value) in zip(letters, cells, strict=True):
                out += _cell(f"{letter}{r}", styles[kind], value)
            out += b"</row>"
        return bytes(out)


def _marker_rows(rows: list[tuple[str, str]]) -> bytes:
    out = bytearray()
    for r, (label, value) in enumerate(rows, start=1):
        out += f'<row r="{r}">'.encode()
        out += _cell(f"A{r}", None, label) + _cell(f"B{r}", None, value)
        out += b"</row>"
    return bytes(out)


def _split(xml: bytes, start: bytes, end: bytes) -> tuple[bytes, bytes, bytes]:
    """(before ``start``, from it to ``end``, from ``end`` on); ValueError if not once each."""
    if xml.count(start) != 1 or xml.count(end) != 1:
        raise ValueError(start)
    a, b = xml.index(start), xml.index(end)
    return xml[:a], xml[a:b], xml[b:]


def _once(xml: bytes, old: bytes, new: bytes) -> bytes:
    if xml.count(old) != 1:
        raise ValueError(old)
    return xml.replace(old, new)


class _Prototype:
    """A form made by openpyxl with placeholders, cut where a copy puts its own parts."""

    def __init__(self, package: bytes, rows: _Rows, last: int, when: dt.datetime) -> None:
        self.when = when
        with zipfile.ZipFile(io.BytesIO(package)) as zf:
            entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
        self.names = [name for name, _ in entries]
        parts = dict(entries)
        first = f'<row r="{layout.FIRST_ROW}"'.encode()
        head, body, tail = _split(parts[_FORM_PART], first, b"</sheetData>")
        self.styles = self._styles(body, rows)
        self.form_head = _DIMENSION.sub(
            f'<dimension ref="A1:{layout.LAST_COLUMN}'.encode() + _LAST + b'"/>', head, count=1
        )
        # the validations' ranges: "H8:H<last>"; openpyxl writes one row's as "H8", which
        # copies of a one-row prototype (its own kind, :meth:`FormCopies.form`) keep as it is
        for letter in (layout.COL_STATUS, layout.COL_UPDATED) if last > layout.FIRST_ROW else ():
            old = f'sqref="{letter}{layout.FIRST_ROW}:{letter}{last}"'.encode()
            tail = _once(tail, old, old.replace(f"{last}".encode(), _LAST))
        self.form_tail = tail
        marker_head, _, self.marker_tail = _split(
            parts[_MARKER_PART], b"<sheetData>", b"</sheetData>"
        )
        self.marker_head = _DIMENSION.sub(b'<dimension ref="A1:B' + _LAST + b'"/>', marker_head, 1)
        self.marker_head += b"<sheetData>"
        area = f"${layout.LAST_COLUMN}${last}</definedName>".encode()
        self.book = _once(parts[_BOOK_PART], area, area.replace(f"{last}".encode(), _LAST))
        self.core = parts[_CORE_PART]
        variable = {_FORM_PART, _MARKER_PART, _BOOK_PART, _CORE_PART}
        self.fixed = {
            name: zipwrite.deflate(name, xml) for name, xml in entries if name not in variable
        }

    @staticmethod
    def _styles(body: bytes, rows: _Rows) -> dict[Kind, int]:
        """The style number of each kind of cell, as the prototype's rows have them."""
        kinds = {
            (letter, layout.FIRST_ROW + i): kind
            for i, cells in enumerate(rows.cells)
            for (letter, _, _), (kind, _) in zip(layout.COLUMNS, cells, strict=True)
        }
        styles: dict[Kind, int] = {}
        for letter, r, s in _STYLE.findall(body):
            kind = kinds[(letter.decode(), int(r))]
            if styles.setdefault(kind, int(s)) != int(s):
                raise ValueError(kind)
        if len(kinds) != len(_STYLE.findall(body)):
            raise ValueError("cells")
        return styles

    def copy(self, rows: _Rows, marker: list[tuple[str, str]], name: str) -> bytes:
        """The form of ``rows``, its marker rows and the municipality's ``name`` as shown."""
        last = str(layout.FIRST_ROW + len(rows.cells) - 1).encode()
        shown = _inline(name)
        form = self.form_head.replace(_LAST, last)
        form = form.replace(_inline(_NAME_SLOT), shown).replace(_inline(_NAME_SV_SLOT), shown)
        form += rows.xml(self.styles) + self.form_tail.replace(_LAST, last)
        marker_xml = (
            self.marker_head.replace(_LAST, str(len(marker)).encode())
            + _marker_rows(marker)
            + self.marker_tail
        )
        title = escape(name).encode()
        core = self.core.replace(_NAME_SLOT.encode(), title).replace(_NAME_SV_SLOT.encode(), title)
        made = {
            _FORM_PART: form,
            _MARKER_PART: marker_xml,
            _BOOK_PART: self.book.replace(_LAST, last),
            _CORE_PART: core,
        }
        entries = [
            self.fixed[name] if name in self.fixed else zipwrite.deflate(name, made[name])
            for name in self.names
        ]
        return zipwrite.write_zip(entries, self.when)


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


def parts(package: bytes) -> list[tuple[str, bytes]]:
    """The package's parts, as the build settles them: the time openpyxl saved it left out
    (the build stamps its own, :func:`pipeline.output.reproducible.normalize_xlsx`)."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return [
            (
                info.filename,
                _MODIFIED.sub(b"", zf.read(info)) if info.filename == _CORE_PART else zf.read(info),
            )
            for info in zf.infolist()
        ]


class FormCopies:
    """The progress forms of one build: openpyxl once per kind of form, copies for the rest."""

    def __init__(
        self, data: YearData, rows: Sequence[TrackerRow], texts: RowText, properties: Properties
    ) -> None:
        self.data, self.rows, self.texts, self.properties = data, rows, texts, properties
        self._prototypes: dict[tuple[str, tuple[Kind, ...], bool], _Prototype | None] = {}

    def slow(self, m: Municipality, chosen: Sequence[TrackerRow]) -> bytes:
        """The form as openpyxl makes it."""
        lang = m.main_language
        wb = form_workbook(self.data, m, self.rows, self.texts, chosen=chosen)
        set_properties(wb, self.properties(form_title(self.data, m), "seurantalomake", lang))
        return workbook_bytes(wb)

    def cells(self, m: Municipality, chosen: Sequence[TrackerRow]) -> _Rows:
        """The cells of the form of ``m`` showing ``chosen``: what its rows show."""
        return _Rows(self.data, chosen, m.main_language, self.texts)

    def form(
        self, m: Municipality, chosen: Sequence[TrackerRow], rows: _Rows | None = None
    ) -> bytes:
        """The progress form of ``m`` showing ``chosen`` (``rows``: its :meth:`cells`, if
        worked out already)."""
        lang = m.main_language
        shown = m.name_in(lang)
        if not chosen or not openpyxl.LXML or not all(map(_plain_name, (m.name, shown))):
            return self.slow(m, chosen)
        rows = self.cells(m, chosen) if rows is None else rows
        marker = self._marker(m, chosen)
        if not rows.ok or not all(_writable(v) and v for _, v in marker):
            return self.slow(m, chosen)
        key = (lang, rows.signature, len(chosen) == 1)  # one row: ranges of one cell
        if key not in self._prototypes:
            made = self.slow(m, chosen)
            self._prototypes[key] = self._prototype(m, chosen, rows)
            prototype = self._prototypes[key]
            if prototype is not None and parts(prototype.copy(rows, marker, shown)) != parts(made):
                self._prototypes[key] = None  # not what openpyxl writes: openpyxl it is
            return made
        prototype = self._prototypes[key]
        return self.slow(m, chosen) if prototype is None else prototype.copy(rows, marker, shown)

    def _marker(self, m: Municipality, chosen: Sequence[TrackerRow]) -> list[tuple[str, str]]:
        s = self.data.settings
        return [
            (layout.MARKER_KIND, layout.FORM_VERSION),
            (layout.M_YEAR, str(s.year)),
            (layout.M_COUNTY, s.county),
            (layout.M_MUNICIPALITY, m.name),
            (layout.M_LANG, m.main_language),
            (layout.M_SHEET, layout.text("title", m.main_language)),
            (layout.M_ROWS, layout.M_ROWS_VALUE),
            *((row.id, str(layout.FIRST_ROW + i)) for i, row in enumerate(chosen)),
        ]

    def _prototype(
        self, m: Municipality, chosen: Sequence[TrackerRow], rows: _Rows
    ) -> _Prototype | None:
        slots = replace(m, name=_NAME_SLOT, name_sv=_NAME_SV_SLOT)
        props = self.properties(form_title(self.data, slots), "seurantalomake", m.main_language)
        try:
            return _Prototype(
                self.slow(slots, chosen), rows, layout.FIRST_ROW + len(chosen) - 1, props.created
            )
        except (ValueError, KeyError):
            return None


def progress_forms(
    inputs: BuildInputs, rows: Sequence[TrackerRow] | None, texts: RowText | None = None
) -> Made:
    """Producer: one form per municipality, pre-filled with the merged tracker ``rows``
    (texts: :func:`register_texts` unless given)."""
    from pipeline.documents.inputs import Made

    data = inputs.data
    texts = register_texts(data) if texts is None else texts
    if not data.decisions or rows is None:
        return Made.nothing(
            "seurantalomake: päätösrekisterissä (Päätökset) ei ole päätöksiä, joten "
            "seurantalomakkeita ei tehty."
        )
    forms = FormCopies(data, rows, texts, inputs.properties)
    outputs = []
    for m in data.municipalities:
        lang = m.main_language
        title = form_title(data, m)
        chosen = rows_for(data, m, rows)
        # a rebuild takes the form that shows the same (#17): what it is made of besides the
        # rows' cells is the county's settings, the municipality and the properties
        cells = forms.cells(m, chosen)
        content = inputs.reuse(
            functools.partial(forms.form, m, chosen, cells),
            "seurantalomake",
            data.settings,
            m,
            inputs.properties(title, "seurantalomake", lang),
            [row.id for row in chosen],
            cells.cells,
        )
        outputs.append(
            Output(
                path=form_path(m),
                doc_type="seurantalomake",
                title=title,
                content=content,
                municipality=m.name,
                lang=lang,
            )
        )
    return Made.of(outputs)
