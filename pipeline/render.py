"""Stage 4: fill the Word templates.

docxtpl renders through *our* Jinja environment: sandboxed (a template a
coordinator edited cannot reach Python internals), strict (a misspelt
variable is an error, not an empty gap) and escaping every value, so ``&``,
``<`` or ``{{ x }}`` typed in the workbook reach the document as typed.
Each template file is read and compiled once per build and rendered many times.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from .errors import TemplateProblem

TEMPLATE_ROOT = Path(__file__).resolve().parent.parent / "templates_docx"

# docxtpl rewrites "{_{" and friends after rendering and would alter such text in a value;
# numeric references for the braces keep every value exactly as typed.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return Markup(str(escape(value)).translate(_BRACES))


def make_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    return env


class _CachingTemplate(DocxTemplate):
    """A DocxTemplate whose XML parts are compiled once and shared between renders."""

    def __init__(self, blob: bytes, compiled: dict[str, Any]) -> None:
        super().__init__(io.BytesIO(blob))
        self._compiled = compiled

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.current_rendering_part = part
        template = self._compiled.get(src_xml)
        if template is None:
            template = self._compiled[src_xml] = jinja_env.from_string(src_xml)
        dst_xml = template.render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        dst_xml = (
            dst_xml.replace("{_{", "{{")
            .replace("}_}", "}}")
            .replace("{_%", "{%")
            .replace("%_}", "%}")
        )
        return self.resolve_listing(dst_xml)

    def render_properties(self, context, jinja_env=None):
        """Core properties are set from the build, never templated."""


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
    """Renders every Word document of one build; holds the compiled templates."""

    root: Path = TEMPLATE_ROOT
    env: SandboxedEnvironment = field(default_factory=make_environment)
    _blobs: dict[Path, bytes] = field(default_factory=dict)
    _compiled: dict[Path, dict[str, Any]] = field(default_factory=dict)

    def template_path(self, lang: str, name: str) -> Path:
        return self.root / lang / f"{name}.docx"

    def render(
        self, lang: str, name: str, context: dict[str, object], props: DocProperties
    ) -> bytes:
        path = self.template_path(lang, name)
        blob = self._blobs.get(path)
        if blob is None:
            try:
                blob = self._blobs[path] = path.read_bytes()
            except OSError:
                raise TemplateProblem(
                    f"{path}: Word-pohjaa ei löydy. Palauta pohja kansioon templates_docx/{lang}/."
                ) from None
        doc = _CachingTemplate(blob, self._compiled.setdefault(path, {}))
        try:
            doc.render(context, jinja_env=self.env)
        except SecurityError as exc:
            raise TemplateProblem(
                f"{path}: pohja yrittää käyttää kiellettyä toimintoa ({exc}). "
                "Poista pohjasta tunniste, joka viittaa ohjelman sisäisiin tietoihin."
            ) from None
        except UndefinedError as exc:
            raise TemplateProblem(
                f"{path}: pohjassa on tuntematon muuttuja ({exc}). "
                "Korjaa tunnisteen nimi tai poista se pohjasta."
            ) from None
        except TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"{path}: pohjan tunnisteessa on kirjoitusvirhe ({exc.message}) kohdassa "
                f"”{_around(exc)}”. Korjaa {{{{ }}}}- ja {{% %}}-merkinnät."
            ) from None
        except TemplateError as exc:
            raise TemplateProblem(f"{path}: pohjaa ei voi täyttää ({exc}). Korjaa pohja.") from None
        _set_properties(doc.docx, props)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def _around(exc: TemplateSyntaxError) -> str:
    source = exc.source or ""
    lines = source.splitlines()
    if exc.lineno and 0 < exc.lineno <= len(lines):
        text = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1])
        return text.strip()[:120]
    return ""


def _set_properties(document, props: DocProperties) -> None:
    core = document.core_properties
    core.title = props.title
    core.subject = props.subject
    core.author = props.author
    core.last_modified_by = props.author
    core.keywords = props.keywords
    core.language = props.language
    core.category = props.category
    core.comments = props.comments
    core.created = props.created
    core.modified = props.created
    core.revision = 1
