"""The names each document type's template may use, read off the real context classes.

A template sees its context's fields, ``common``'s flattened in (``as_mapping``);
a field that is a record has that record's fields, a list its items'. Deriving
them here from the dataclasses the documents are filled from means the check of a
county's template (:mod:`pipeline.render.lint`) can never drift from the code.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping

from pipeline.documents.contexts.common import Common
from pipeline.documents.contexts.negotiation import NegotiationDoc
from pipeline.documents.contexts.phase1 import PreMaterialDoc, PreTaskDoc
from pipeline.documents.contexts.phase4 import PressReleaseDoc, SummaryDoc
from pipeline.render.lint import Shape

#: document type (the template's file name) -> the class of the context it is filled with
CONTEXTS: Mapping[str, type] = {
    "ennakkotehtava": PreTaskDoc,
    "kutsu": NegotiationDoc,
    "asialista": NegotiationDoc,
    "ennakkomateriaali": PreMaterialDoc,
    "poytakirja": NegotiationDoc,
    "tiedote": PressReleaseDoc,
    "yhteenveto": SummaryDoc,
}

#: names an older version's templates used -> the name now (``nimi X on nyt Y``), as paths
#: (``negotiation.when``, ``delegations.people.name``). Add a line whenever a context field a
#: template can read is renamed or moved. Found by linting every version of every template in
#: the history against today's names, and by comparing every context class's fields over it.
RENAMED: dict[str, str] = {
    # 7e4a856 (issue 15): the press release's "ja 3 muuta sopimusta" after the list became
    # the sentence before it that counts them all ("Neuvottelussa sovittiin kuudesta asiasta,
    # muun muassa seuraavista:"); the old tiedote templates read it in
    # {% if n.more %}{{ n.more }}{% endif %}
    "negotiations.more": "negotiations.agreements_intro",
}


@functools.cache
def names_of(doc_type: str) -> Mapping[str, Shape]:
    """The top-level names of ``doc_type``'s template, each with what it holds."""
    cls = CONTEXTS[doc_type]
    names: dict[str, Shape] = {}
    for name, hint in _fields(cls).items():
        if hint is Common:
            names.update(_record(Common, ""))
        else:
            names[name] = _shape(hint, name)
    return names


def _fields(cls: type) -> dict[str, object]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _record(cls: type, prefix: str) -> dict[str, Shape]:
    return {name: _shape(hint, f"{prefix}{name}") for name, hint in _fields(cls).items()}


def _shape(hint: object, path: str) -> Shape:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # X | None: what X holds
        real = [a for a in args if a is not type(None)]
        return _shape(real[0], path) if len(real) == 1 else Shape(path)
    if origin in (list, tuple) and args:
        return Shape(path, items=_shape(args[0], path))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return Shape(path, fields=_record(hint, f"{path}."))
    if hint in (str, int, bool):
        return Shape(path, plain=hint)
    return Shape(path)
