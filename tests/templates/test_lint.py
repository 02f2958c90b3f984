"""Every shipped Word template, through the production renderer, against what the build passes.

The contexts are the ones a real build of the example workbook hands to
``pipeline.render.word.Renderer`` (recorded on the way, so the test follows the
document builders wherever they live). For each of the 7 document types in fi and sv:

- every name a template uses exists in every context the build passes for that type,
  and every ``name.attribute`` it reads exists on that value;
- the Finnish and Swedish templates use the same names;
- each rendered document passes the accessibility check with no findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from jinja2 import nodes

from pipeline.app import build
from pipeline.checks.accessibility import check_bytes
from pipeline.render import word
from tests.helpers.builds import EXAMPLE

LANGS = ("fi", "sv")
DOC_TYPES = (
    "kutsu",
    "asialista",
    "poytakirja",
    "ennakkotehtava",
    "ennakkomateriaali",
    "tiedote",
    "yhteenveto",
)
TEMPLATES = [(lang, doc_type) for lang in LANGS for doc_type in DOC_TYPES]

Key = tuple[str, str]
Render = tuple[dict[str, object], bytes]


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, list[Render]]:
    """(lang, doc type) -> every (context, rendered bytes) of one build of the example."""
    seen: dict[Key, list[Render]] = defaultdict(list)
    real = word.Renderer.render

    def recording(
        self: word.Renderer,
        lang: str,
        name: str,
        context: dict[str, object],
        props: word.DocProperties,
        media: dict[str, bytes] | None = None,
        sources: str | None = None,
    ) -> bytes:
        content = real(self, lang, name, context, props, media, sources)
        seen[(lang, name)].append((context, content))
        return content

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(word.Renderer, "render", recording)
        build(EXAMPLE, tmp_path_factory.mktemp("lint") / "out")
    return dict(seen)


def _template(lang: str, doc_type: str) -> Path:
    return word.Renderer().template_path(lang, doc_type)


def _asts(path: Path) -> Iterator[nodes.Template]:
    """The parsed Jinja of every part the renderer fills (body, headers, footers)."""
    env = word.make_environment()
    prepared = word.PreparedTemplate(path, env)
    helper = DocxTemplate(path)  # docxtpl's own tag clean-up, as the renderer applies it
    for name, data in prepared.entries:
        if name in prepared.parts:
            yield env.parse(helper.patch_xml(data.decode("utf-8")))


def _chains(ast: nodes.Template) -> set[str]:
    """``a``, ``a.b``, ``a.b.c``: every name and attribute path the template reads."""
    found: set[str] = set()
    for node in ast.find_all((nodes.Getattr, nodes.Name)):
        path: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr):
            path.insert(0, current.attr)
            current = current.node
        if isinstance(current, nodes.Name) and current.ctx == "load":
            found.add(".".join([current.name, *path]))
    return found


def _local_names(ast: nodes.Template) -> set[str]:
    """Names the template binds itself (loop variables, {% set %}), plus Jinja's ``loop``."""
    bound = {"loop"}
    for node in ast.find_all(nodes.Name):
        if node.ctx in ("store", "param"):
            bound.add(node.name)
    return bound


def _names(lang: str, doc_type: str) -> tuple[set[str], set[str]]:
    """(the dotted names the template reads, the names it binds itself)"""
    chains: set[str] = set()
    local: set[str] = set()
    for ast in _asts(_template(lang, doc_type)):
        chains |= _chains(ast)
        local |= _local_names(ast)
    return chains, local


_MISSING = object()


def _resolve(context: dict[str, object], chain: str) -> object:
    """The value at ``chain``, :data:`_MISSING` where a name or attribute does not exist,
    None where the path passes through an empty value (nothing more to check there)."""
    head, *rest = chain.split(".")
    if head not in context:
        return _MISSING
    value = context[head]
    for attr in rest:
        if value is None or isinstance(value, (list, tuple)):
            return None
        if isinstance(value, dict):
            value = value.get(attr, _MISSING)
        else:
            value = getattr(value, attr, _MISSING)
        if value is _MISSING:
            return _MISSING
    return value


def test_the_build_renders_every_shipped_template(renders: dict[Key, list[Render]]) -> None:
    shipped = {(p.parent.name, p.stem) for p in word.TEMPLATE_ROOT.glob("*/*.docx")}
    assert shipped == set(TEMPLATES)
    assert set(renders) == shipped


@pytest.mark.parametrize(("lang", "doc_type"), TEMPLATES)
def test_every_name_a_template_uses_is_in_its_context(
    renders: dict[Key, list[Render]], lang: str, doc_type: str
) -> None:
    chains, local = _names(lang, doc_type)
    assert chains, f"{lang}/{doc_type}.docx uses no names: is it a template at all?"
    free = {c for c in chains if c.split(".")[0] not in local}
    for context, _ in renders[(lang, doc_type)]:
        missing = sorted(c for c in free if _resolve(context, c) is _MISSING)
        assert missing == [], f"{lang}/{doc_type}.docx: not in the build's context: {missing}"


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_finnish_and_swedish_templates_use_the_same_names(doc_type: str) -> None:
    fi, _ = _names("fi", doc_type)
    sv, _ = _names("sv", doc_type)
    assert sorted(fi - sv) == [] and sorted(sv - fi) == [], (
        f"{doc_type}: only fi {sorted(fi - sv)}, only sv {sorted(sv - fi)}"
    )


@pytest.mark.parametrize(("lang", "doc_type"), TEMPLATES)
def test_rendered_documents_pass_the_accessibility_check(
    renders: dict[Key, list[Render]], lang: str, doc_type: str
) -> None:
    for i, (_, content) in enumerate(renders[(lang, doc_type)]):
        name = f"{doc_type}_{i}_{lang}.docx"
        assert check_bytes(name, content) == [], name
