"""Stage 4: fill the Word templates.

docxtpl renders through *our* Jinja environment: sandboxed (a template a
coordinator edited cannot reach Python internals), strict (a misspelt
variable is an error, not an empty gap) and escaping every value, so ``&``,
``<`` or ``{{ x }}`` typed in the workbook reach the document as typed.
Each template file is read and compiled once per build and rendered many times.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from pipeline.errors import TemplateProblem
from pipeline.render import zipwrite
from pipeline.render.logo import Logo, with_logo
from pipeline.render.stamp import comment_of


def _template_root() -> Path:
    """The shipped templates: package data ``pipeline.templates_docx`` (the repository's
    top-level ``templates_docx/``, mapped into the package by ``pyproject.toml``)."""
    from importlib.resources import files

    return Path(str(files("pipeline.templates_docx")))


TEMPLATE_ROOT = _template_root()

# Braces and percent signs in values become numeric references: whatever a value holds,
# it can never read as a template tag, and it reaches the document exactly as typed.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    escaped = escape(value)
    if "{" in escaped or "}" in escaped or "%" in escaped:
        return Markup(str(escaped).translate(_BRACES))
    return escaped


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, its verdict on each attribute remembered by the object's type.

    Whether an attribute is safe depends only on the object's type and the attribute's
    name (:func:`jinja2.sandbox.is_internal_attribute` asks ``isinstance`` questions of
    the object, and about the name); a build asks it some 80,000 times for a few dozen
    (type, name) pairs.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        found = self._safe.get((type(obj), attr))
        if found is None:
            found = self._safe[(type(obj), attr)] = super().is_safe_attribute(obj, attr, value)
        return found


def make_environment() -> SandboxedEnvironment:
    env = _Sandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    return env


_WORD_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
#: the parts that may hold tags: the body, headers and footers
WORD_PART = _WORD_PART
_CORE = "docProps/core.xml"
#: a text run holding a tab, line, paragraph or page break that docxtpl turns into Word's own
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


def _breaks(xml: str) -> bool:
    """Whether ``xml`` holds any character :data:`_LISTING` looks for after its XML
    declaration's line (no ``<w:t>`` text is before it): a quick test before the regex."""
    start = xml.find("?>") + 3 if xml.startswith("<?xml") else 0  # and its line break
    return any(xml.find(char, start) != -1 for char in "\n\t\a\f")


class _Listing(DocxTemplate):  # type: ignore[misc]  # docxtpl publishes no types
    """docxtpl's own XML helpers (tag clean-up, line breaks), without its document model."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())


_HELPER = _Listing()


def template_identity(blob: bytes, logo: Logo | None) -> str:
    """What a template makes depends on: the file ``blob`` and the ``logo`` put in it."""
    found = hashlib.sha256(blob).hexdigest()
    return found if logo is None else f"{found} {logo.identity()}"


class PreparedTemplate:
    """A Word template read, cleaned and compiled once, then rendered many times.

    docxtpl's ``DocxTemplate`` re-reads the file, re-parses it with python-docx
    and recompiles every XML part for each document. Here the package is read
    once; each render only runs the compiled Jinja templates of the parts that
    hold tags and writes a new zip around them, every other part copied as is.
    """

    def __init__(self, path: Path, env: SandboxedEnvironment, logo: Logo | None = None) -> None:
        """``logo``: put in the header of the document (every template gets it the same way)."""
        self.path = path
        try:
            blob = path.read_bytes()
            #: what this template makes depends on: its file and the logo put in it
            self.identity = template_identity(blob, logo)
            with zipfile.ZipFile(io.BytesIO(blob)) as zf:
                self.entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
            if logo is not None:
                self.entries = with_logo(self.entries, logo)
            #: parts no render changes, compressed once for every document
            self.packed = {
                name: zipwrite.deflate(name, data)
                for name, data in self.entries
                if not _WORD_PART.match(name) and name != _CORE
            }
        except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
            raise TemplateProblem(
                f"{path}: Word-pohjaa ei löydy tai se ei ole Word-tiedosto (.docx). "
                f"Palauta pohja kansioon {path.parent}."
            ) from None
        self.parts: dict[str, Template] = {}
        for name, data in self.entries:
            if not _WORD_PART.match(name):
                continue
            xml = template_source(data)
            if "{{" not in xml and "{%" not in xml:
                continue
            self.parts[name] = _compile(env, xml, path)

    def render(
        self,
        context: dict[str, object],
        props: DocProperties,
        media: dict[str, bytes] | None = None,
        sources: str | None = None,
    ) -> bytes:
        """``media``: package parts (``word/media/image1.png``) replaced by these bytes;
        ``sources``: the document's sources stamp (:mod:`pipeline.render.stamp`), if any."""
        entries = []
        for name, data in self.entries:
            if media and name in media:
                entries.append(zipwrite.deflate(name, media[name]))
                continue
            if name in self.packed:
                entries.append(self.packed[name])
                continue
            if name in self.parts:
                data = self._render_part(name, context)
            elif name == _CORE:
                data = core_properties_xml(props)
            entries.append(zipwrite.deflate(name, data))
        return zipwrite.write_zip(entries, props.created, comment_of(sources) if sources else None)

    def _render_part(self, name: str, context: dict[str, object]) -> bytes:
        try:
            xml = self.parts[name].render(context)
        except SecurityError as exc:
            raise TemplateProblem(
                f"{self.path}: pohja yrittää käyttää kiellettyä tai tuntematonta tietoa "
                f"kohdassa ”{self._around(name, exc)}”. Pohjat saavat käyttää vain "
                "työkirjan tietoja: poista tunniste, joka viittaa ohjelman sisäisiin tietoihin. "
                f"Tekninen tieto: {exc}"
            ) from None
        except UndefinedError as exc:
            raise TemplateProblem(
                f"{self.path}: pohjassa on tuntematon muuttuja kohdassa "
                f"”{self._around(name, exc)}”. Korjaa tunnisteen nimi tai poista se pohjasta. "
                f"Tekninen tieto: {exc}"
            ) from None
        except TemplateError as exc:
            raise TemplateProblem(
                f"{self.path}: pohjaa ei voi täyttää kohdassa "
                f"”{self._around(name, exc)}”. Korjaa pohjan tunniste. Tekninen tieto: {exc}"
            ) from None
        except Exception as exc:  # a tag computing something impossible: {{ 1/0 }}, a huge range
            raise TemplateProblem(
                f"{self.path}: pohjan tunnistetta ei voi laskea "
                f"kohdassa ”{self._around(name, exc)}”. Korjaa tai poista tunniste. "
                f"Tekninen tieto: {exc}"
            ) from None
        # the line breaks template_source put before each paragraph (not a regex: faster)
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        if _breaks(xml) and _LISTING.search(xml):  # else resolve_listing would change nothing
            xml = _HELPER.resolve_listing(xml)
        data = xml.encode("utf-8")
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise TemplateProblem(
                f"{self.path}: täytetty pohja ei ole kelvollinen Word-asiakirja. "
                "Tarkista, että jokainen {%p if %} ja {%p for %} on suljettu samalla tasolla. "
                f"Tekninen tieto: {exc}"
            ) from None
        return data

    def _around(self, name: str, exc: BaseException) -> str:
        """The text of the template line where ``exc`` arose (Jinja keeps template line numbers)."""
        line = 0
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<template>":
                line = tb.tb_lineno
            tb = tb.tb_next
        data = dict(self.entries).get(name, b"")
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", _HELPER.patch_xml(data.decode("utf-8")))
        lines = xml.splitlines()
        if 0 < line <= len(lines):
            return re.sub(r"<[^>]+>", "", lines[line - 1]).strip()[:120]
        return ""


def template_source(data: bytes) -> str:
    """A part's XML as Jinja reads it: docxtpl's tag clean-up, each paragraph on a line of
    its own (so an error's line number points at its paragraph)."""
    xml = _HELPER.patch_xml(data.decode("utf-8"))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _compile(env: SandboxedEnvironment, xml: str, path: Path) -> Template:
    try:
        return env.from_string(xml)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"{path}: pohjan tunnisteessa on kirjoitusvirhe ({exc.message}) kohdassa "
            f"”{_around(exc, xml)}”. Korjaa {{{{ }}}}- ja {{% %}}-merkinnät."
        ) from None


@dataclass
class DocProperties:
    title: str
    subject: str
    author: str
    keywords: str
    language: str  # fi-FI / sv-FI
    created: dt.datetime
    category: str = ""
    comments: str = ""


@dataclass
class Renderer:
    """Renders every Word document of one build; prepares each template once."""

    root: Path = TEMPLATE_ROOT
    env: SandboxedEnvironment = field(default_factory=make_environment)
    _prepared: dict[Path, PreparedTemplate] = field(default_factory=dict)
    #: the county's own templates (``Pohjakansio``): a file found here wins over ``root``'s
    overrides: Path | None = None
    #: the county's logo (``Logo``), by document language: put in every document's header
    logos: Mapping[str, Logo] = field(default_factory=dict)
    _identities: dict[tuple[Path, str], str] = field(default_factory=dict)

    def template_path(self, lang: str, name: str) -> Path:
        if self.overrides is not None:
            own = self.overrides / lang / f"{name}.docx"
            if own.is_file():
                return own
        return self.root / lang / f"{name}.docx"

    def prepared(self, lang: str, name: str) -> PreparedTemplate:
        path = self.template_path(lang, name)
        template = self._prepared.get(path)
        if template is None:
            logo = self.logos.get(lang)
            template = self._prepared[path] = PreparedTemplate(path, self.env, logo)
        return template

    def render(
        self,
        lang: str,
        name: str,
        context: dict[str, object],
        props: DocProperties,
        media: dict[str, bytes] | None = None,
        sources: str | None = None,
    ) -> bytes:
        return self.prepared(lang, name).render(context, props, media, sources)

    def identity(self, lang: str, name: str) -> str:
        """What the template ``name`` in ``lang`` is: its file's checksum (and the logo's),
        without compiling it (a rebuild may take every document as the last build made it)."""
        path = self.template_path(lang, name)
        template = self._prepared.get(path)
        if template is not None:
            return template.identity
        key = (path, lang)
        if key not in self._identities:
            self._identities[key] = template_identity(path.read_bytes(), self.logos.get(lang))
        return self._identities[key]


def _around(exc: TemplateSyntaxError, source: str) -> str:
    lines = source.splitlines()
    if exc.lineno and 0 < exc.lineno <= len(lines):
        text = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1])
        return text.strip()[:120]
    return ""


def core_properties_xml(props: DocProperties) -> bytes:
    """``docProps/core.xml`` for ``props``: the metadata an archivist reads (JHS 191)."""
    stamp = props.created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = [
        ("dc:title", props.title),
        ("dc:subject", props.subject),
        ("dc:creator", props.author),
        ("cp:keywords", props.keywords),
        ("dc:description", props.comments),
        ("cp:lastModifiedBy", props.author),
        ("cp:revision", "1"),
        ("cp:category", props.category),
        ("dc:language", props.language),
    ]
    body = "".join(f"<{tag}>{xml_escape(value)}</{tag}>" for tag, value in fields if value)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()
