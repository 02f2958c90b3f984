"""A rebuild takes the documents it would make again from the year folder (#12, #17).

A Word document is a function of what it is made from: the tool itself, its template
(and the logo put in it), the data filled in and its properties. Each Word document
the build makes carries a checksum of all of that, its *sources stamp*, in its zip
archive's comment (ZIP's own field after the file list, which Word and LibreOffice
read past), together with a checksum of the archive's file list, so that the stamp
only ever speaks for the very contents it was written with.

A rebuild meeting a document whose stamp is that of a file the previous build left in
the year folder, unchanged since (its checksum still the one the archive list records,
not a hand edit the build kept, :mod:`pipeline.output.edits`), takes that file as it
is: rendering again would give the same bytes. Anything else is rendered as before,
so a stamp can only save work, never change a result; what the rebuild then decides
about each file (:mod:`pipeline.rebuild`) is the same either way.

The workbooks that cost most to make, the distribution list and the progress forms, are
stamped the same way, with what their cells show
(:meth:`~pipeline.documents.inputs.BuildInputs.reuse`). A stamp has to be of canonical
values: the same document, the same sources, whichever way a build came to them. The
tracker rows a rebuild reads back from the tracker are not (an empty cell reads as
nothing where a first build has an empty text, and each row knows its row in the file),
so a form is stamped with the cells it shows of them, not with the rows.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import pickle
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.render.stamp import stamp_of

#: the libraries whose code shapes a stamped document's bytes
_LIBRARIES = (
    "docxtpl",
    "python-docx",
    "Jinja2",
    "MarkupSafe",
    "lxml",
    "babel",
    "pillow",
    "openpyxl",
    "et_xmlfile",
)


@functools.cache
def tool_identity() -> bytes:
    """The tool's own code (every file of the package) and the versions of the libraries
    and the Python it renders with: a new release or a changed file is a new identity."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name}={version}".encode())
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def stamp(*sources: object) -> str | None:
    """The sources stamp of a document made from ``sources``; None when they cannot be
    written down the same way every time (then the document is always rendered).

    The sources are pickled without pickle's memo (``fast``) and with sets sorted: equal
    values give equal bytes whichever objects share them, and equal bytes mean equal values.
    """
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, protocol=5)
    pickler.fast = True  # no back-references: the bytes depend on the values only
    try:
        pickler.dump((tool_identity(), *map(_sorted, sources)))
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(buffer.getvalue()).hexdigest()


class _Pickler(pickle.Pickler):
    """Values only: a dataclass goes as its fields, so what it keeps besides them (a
    cached property's value, kept or not depending on what ran before) changes nothing;
    a set among them goes sorted (a set's own order changes from one run to the next:
    string hashing is randomised per process). Built-in values go as pickle has them,
    at C speed: pickle asks :meth:`reducer_override` of other objects only."""

    def reducer_override(self, obj: object) -> Any:
        names = _field_names(type(obj))
        if names is None:
            return NotImplemented
        kind = type(obj)
        values = tuple(_sorted(getattr(obj, name)) for name in names)
        return _Fields, (f"{kind.__module__}.{kind.__qualname__}", values)


class _Fields(tuple[object, ...]):
    """What a dataclass is pickled as in a stamp (never unpickled)."""


class _Sorted(tuple[object, ...]):
    """What a set is pickled as in a stamp: never the same as a tuple of the same items."""


def _sorted(value: object) -> object:
    """A set's items in order (TypeError when they have none: no stamp); else ``value``."""
    if isinstance(value, set | frozenset):
        return _Sorted((type(value).__name__, *sorted(value)))
    return value


#: dataclass -> its field names; any other type -> None
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of the dataclass ``kind``; None when it is none."""
    if kind not in _FIELDS:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _FIELDS[kind] = None if fields is None else tuple(f.name for f in fields)
    return _FIELDS[kind]


#: the files that carry a sources stamp: Word documents, and the workbooks made with
#: :meth:`~pipeline.documents.inputs.BuildInputs.reuse`
STAMPED = (".docx", ".xlsx")


class Previous:
    """The Word documents and workbooks of the previous build that a rebuild may take as they are.

    ``candidates``: the year folder's files by their path in it, each unchanged since the
    previous build recorded it (the caller knows: archive list, hand-edit note);
    ``content``: reads a candidate and returns its bytes if they are still what the archive
    list records, None otherwise. The stamps are read at the first :meth:`find`.
    """

    def __init__(
        self,
        candidates: Iterable[tuple[str, Path]] = (),
        content: Callable[[str], bytes | None] | None = None,
    ) -> None:
        self._candidates = [(rel, path) for rel, path in candidates if rel.endswith(STAMPED)]
        self._content = content
        self._by_stamp: dict[str, str] | None = None
        #: how many documents were taken as they were (tests and the benchmark ask)
        self.taken = 0

    def find(self, sources: str) -> bytes | None:
        """The bytes of the previous build's document made from ``sources``, if any."""
        if self._content is None:
            return None
        if self._by_stamp is None:
            self._by_stamp = {}
            for rel, path in self._candidates:
                stamped = stamp_of(path)
                if stamped is not None:
                    self._by_stamp.setdefault(stamped, rel)
        made = self._by_stamp.get(sources)
        if made is None:
            return None
        content = self._content(made)
        if content is not None:
            self.taken += 1
        return content


#: a first build's: nothing to take
NOTHING = Previous()
