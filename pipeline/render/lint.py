"""Check a Word template before anything is rendered (SPEC §2: ``validate`` checks templates).

A county's own template (``Pohjakansio``) is read the way the renderer reads it
(docxtpl's tag clean-up, one paragraph a line) and its Jinja walked once:

* syntax errors, with the text of the paragraph at fault;
* names the document's context does not have, with the closest name it has;
* attributes of a record it does not have (``negotiation.wehn``), likewise;
* Python internals (``__class__``, ``_anything``), which the sandbox refuses at render;
* names an older version used, with the name to use now (``renamed``).

What a template may read is given as :class:`Shape` s (made by
:mod:`pipeline.documents.template_names` from the real context classes), so this
module knows nothing of any document type.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
    SandboxedEnvironment,
)

from pipeline.errors import Problem, Problems
from pipeline.render.word import WORD_PART, make_environment, template_source

_UNSAFE = (
    UNSAFE_FUNCTION_ATTRIBUTES
    | UNSAFE_METHOD_ATTRIBUTES
    | UNSAFE_GENERATOR_ATTRIBUTES
    | UNSAFE_COROUTINE_ATTRIBUTES
    | UNSAFE_ASYNC_GENERATOR_ATTRIBUTES
    | {"mro"}
)


@dataclass(frozen=True)
class Shape:
    """What a template may read of one value.

    ``fields``: a record, whose attributes are exactly these; ``items``: a list,
    whose loop variable has this shape; neither: text, a number or a yes/no,
    read as it is. ``path`` names the value in messages (``negotiation.when``).
    """

    path: str
    fields: Mapping[str, Shape] | None = None
    items: Shape | None = None
    #: a plain value's type (``str``, ``int``, ``bool``): its methods are what it has
    plain: type | None = None


@dataclass
class Lint:
    """What :func:`lint_template` found in one file, and every name it reads."""

    problems: list[Problem] = field(default_factory=list)
    #: every name read, as a path (``negotiation.when``, ``delegations.people.name``)
    used: set[str] = field(default_factory=set)


def lint_template(
    path: Path,
    where: str,
    names: Mapping[str, Shape],
    renamed: Mapping[str, str],
    env: SandboxedEnvironment | None = None,
) -> Lint:
    """Every fault of the template ``path`` (reported at ``where``) against ``names``."""
    env = env or make_environment()
    result = Lint()
    problems = Problems()
    try:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
            parts = [(i.filename, zf.read(i)) for i in zf.infolist() if WORD_PART.match(i.filename)]
    except (OSError, zipfile.BadZipFile):
        problems.error(
            where,
            "tiedosto ei ole Word-asiakirja (.docx) tai sitä ei voi lukea. Tallenna pohja "
            "Wordissa .docx-muodossa tai poista se pohjakansiosta.",
        )
        result.problems = problems.items
        return result
    if not any(name == "word/document.xml" for name, _ in parts):
        problems.error(
            where,
            "tiedostosta puuttuu Word-asiakirjan sisältö (word/document.xml). Tallenna pohja "
            "Wordissa .docx-muodossa.",
        )
    for _name, data in parts:
        try:
            source = template_source(data)
        except UnicodeDecodeError:
            problems.error(
                where, "pohjan sisältö on vioittunut. Tallenna pohja uudelleen Wordissa."
            )
            continue
        if "{{" not in source and "{%" not in source:
            continue
        lines = source.splitlines()
        try:
            tree = env.parse(source)
            env.compile(tree)  # unknown filters and tests are found here
        except TemplateSyntaxError as exc:
            problems.error(
                where,
                f"tunnisteessa on kirjoitusvirhe ({_syntax(exc, lines)}) kohdassa "
                f"”{_text_of(lines, exc.lineno)}”. Korjaa tunniste: {{ ja }} kuuluvat pariksi, "
                "samoin {% ja %}; jokaisella {% if %} -tunnisteella on oma {% endif %} ja "
                "jokaisella {% for %} -tunnisteella oma {% endfor %}.",
            )
            continue
        walker = _Walker(names, renamed, lines, where, problems, set(env.globals))
        walker.visit(tree, {})
        result.used |= walker.used
    result.problems = problems.items
    return result


_SYNTAX = {
    "unexpected end of template": "pohja loppuu kesken",
    "unexpected '}'": "ylimääräinen }",
    "unexpected char": "odottamaton merkki",
    "expected token": "odotettiin merkkiä",
    "No filter named": "tuntematon suodatin",
    "No test named": "tuntematon testi",
    "Encountered unknown tag": "tuntematon tunniste",
    "unexpected": "odottamaton",
}


def _syntax(exc: TemplateSyntaxError, lines: list[str]) -> str:
    """Jinja's English reason in a few Finnish words, its quoted part kept."""
    text = _text_of(lines, exc.lineno)
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        if text.count(opening) > text.count(closing):
            return f"tunnisteesta puuttuu loppumerkki {closing}"
    message = exc.message or ""
    for english, finnish in _SYNTAX.items():
        if message.startswith(english):
            quoted = re.findall(r"'([^']*)'", message[len(english) :])
            return f"{finnish} ”{quoted[0]}”" if quoted else finnish
    return "tunnistetta ei voi lukea"


def _text_of(lines: list[str], lineno: int | None, near: str = "") -> str:
    """The text of the paragraph on ``lineno`` (Word's XML stripped), at most 120 characters:
    its start, or the stretch around the first ``near`` in it."""
    if not (lineno and 0 < lineno <= len(lines)):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
    at = text.find(near) if near else -1
    if len(text) <= 120 or at < 60:
        return text[:120] + ("…" if len(text) > 120 else "")
    start = at - 50
    return "…" + text[start : start + 118] + ("…" if start + 118 < len(text) else "")


Scope = dict[str, "Shape | None"]


class _Walker:
    """One pass over a parsed template: every name resolved against the shapes."""

    def __init__(
        self,
        names: Mapping[str, Shape],
        renamed: Mapping[str, str],
        lines: list[str],
        where: str,
        problems: Problems,
        globals_: set[str],
    ) -> None:
        self.names = names
        self.renamed = renamed
        self.lines = lines
        self.where = where
        self.problems = problems
        self.globals = globals_
        self.used: set[str] = set()
        self.reported: set[tuple[str, int]] = set()

    # ------------------------------------------------------------ statements

    def visit(self, node: nodes.Node, scope: Scope) -> None:
        if isinstance(node, nodes.For):
            listed = self.shape(node.iter, scope)
            inner = dict(scope)
            self.bind(node.target, listed.items if listed else None, inner)
            inner["loop"] = None
            for child in [node.test, *node.body]:
                if child is not None:
                    self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.shape(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self.visit(child, scope)
            self.bind(node.target, None, scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            inner.update(dict.fromkeys(("varargs", "kwargs", "caller")))
            if isinstance(node, nodes.Macro):
                scope[node.name] = None
                inner[node.name] = None
            else:
                self.visit(node.call, scope)
            for child in node.body:
                self.visit(child, inner)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.shape(value, scope), inner)
            for child in node.body:
                self.visit(child, inner)
        elif isinstance(node, nodes.Expr):
            self.shape(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def bind(self, target: nodes.Node, shape: Shape | None, scope: Scope) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = None

    # ----------------------------------------------------------- expressions

    def shape(self, node: nodes.Node, scope: Scope) -> Shape | None:
        """What ``node`` gives, reporting every unknown or forbidden name on the way."""
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, node.attr, self.shape(node.node, scope))
        if isinstance(node, nodes.Getitem):
            base = self.shape(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, node.arg.value, base)
            self.shape(node.arg, scope)
            return base.items if base is not None else None
        if isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            name = node.args[0]
            if isinstance(name, nodes.Const) and isinstance(name.value, str):
                base = self.shape(node.node, scope) if node.node is not None else None
                return self.attribute(node, name.value, base)
        if isinstance(node, nodes.Filter) and node.node is not None:
            base = self.shape(node.node, scope)
            self.children(node, scope, skip=node.node)
            if node.name in ("first", "last", "random"):
                return base.items if base is not None else None
            if node.name in ("sort", "reverse", "unique", "list", "batch", "slice"):
                return base
            return None
        self.children(node, scope)
        return None

    def children(self, node: nodes.Node, scope: Scope, skip: nodes.Node | None = None) -> None:
        for child in node.iter_child_nodes():
            if child is not skip:
                self.shape(child, scope)

    def name(self, node: nodes.Name, scope: Scope) -> Shape | None:
        if node.ctx != "load":
            return None
        if node.name in scope:
            return scope[node.name]
        shape = self.names.get(node.name)
        if shape is not None:
            self.used.add(shape.path)
            return shape
        if node.name in self.globals:
            return None
        self.unknown(node, node.name, node.name, [*scope, *self.names])
        return None

    def attribute(self, node: nodes.Node, attr: str, base: Shape | None) -> Shape | None:
        if attr.startswith("_") or attr in _UNSAFE:
            self.report(
                node,
                f"tunniste yrittää käyttää ohjelman sisäistä tietoa ”{attr}”. Pohjat saavat "
                "käyttää vain työkirjan tietoja: poista tunniste.",
                attr,
            )
            return None
        if base is None:
            return None
        if base.fields is None:
            self.not_a_record(node, attr, base)
            return None
        shape = base.fields.get(attr)
        if shape is not None:
            self.used.add(shape.path)
            return shape
        self.unknown(node, attr, f"{base.path}.{attr}", list(base.fields), of=base.path)
        return None

    def not_a_record(self, node: nodes.Node, attr: str, base: Shape) -> None:
        """``attr`` of a list or of a plain value: its own methods, or a mistake."""
        kind = list if base.items is not None else base.plain
        if kind is None or hasattr(kind, attr):
            return
        item_fields = base.items.fields if base.items is not None else None
        if item_fields is not None and attr in item_fields:
            self.report(
                node,
                f"”{base.path}” on luettelo, joten sen kenttää ”{attr}” luetaan silmukassa: "
                f"{{% for x in {base.path.rsplit('.', 1)[-1]} %}}{{{{ x.{attr} }}}}{{% endfor %}}.",
                attr,
            )
        else:
            self.unknown(node, attr, f"{base.path}.{attr}", [], of=base.path)

    def unknown(
        self, node: nodes.Node, name: str, path: str, candidates: list[str], of: str = ""
    ) -> None:
        new = self.renamed.get(path)
        if new is not None:
            self.report(
                node,
                f"nimi ”{path}” on nyt ”{new}” (pohja on tehty ohjelman vanhemmalle "
                f"versiolle). Kirjoita tunnisteeseen ”{_as_typed(node, path, new)}”.",
                name,
            )
            return
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
        hint = f" Tarkoititko ”{close[0]}”?" if close else ""
        owner = f"tiedolla ”{of}” ei ole kenttää" if of else "tätä asiakirjaa varten ei ole nimeä"
        self.report(
            node,
            f"{owner} ”{name}”.{hint} Asiakirjan nimet on lueteltu ohjeessa docs/pohjat.md.",
            name,
        )

    def report(self, node: nodes.Node, message: str, near: str = "") -> None:
        lineno = node.lineno or 0
        if (message, lineno) in self.reported:
            return
        self.reported.add((message, lineno))
        text = _text_of(self.lines, lineno, near)
        self.problems.error(self.where, f"{message} Kohta: ”{text}”.")


def _as_typed(node: nodes.Node, old: str, new: str) -> str:
    """``new`` as the tag writes it: ``n.agreements_intro`` for ``n.more`` in a loop."""
    parent, _, field = new.rpartition(".")
    if (
        isinstance(node, nodes.Getattr)
        and isinstance(node.node, nodes.Name)
        and parent == old.rpartition(".")[0]
    ):
        return f"{node.node.name}.{field}"
    return new


def paths(shapes: Mapping[str, Shape]) -> Iterator[str]:
    """Every name a template may read, as a path, parents before their fields."""
    for shape in shapes.values():
        yield shape.path
        if shape.fields is not None:
            yield from paths(shape.fields)
        elif shape.items is not None and shape.items.fields is not None:
            yield from paths(shape.items.fields)
