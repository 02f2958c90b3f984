"""One file of a build: what producers make and the output stage writes (SPEC §3).

A producer makes an :class:`Output` with its bytes in memory. Once the output stage
has written the file (into the work area, later the year folder), the build keeps
only its record: :meth:`Output.stored` drops the bytes and keeps where the file is,
its SHA-256 and its size; ``content`` then reads the bytes back from there when
asked (an e-mail draft attaching it, a test), so a national build never holds
every file in memory at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import overload


class Folder:
    """Where stored files are now: the work area while the build runs, the year folder
    after the swap (the output stage moves ``root`` with the folder)."""

    def __init__(self, root: Path) -> None:
        self.root = root


@dataclass(frozen=True)
class _Where:
    folder: Folder
    sha256: str
    size: int


class _Content:
    """``Output.content``: the bytes in memory, or read back from where the file was stored."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}"

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _Content: ...
    @overload
    def __get__(self, obj: Output, objtype: type | None = None) -> bytes: ...
    def __get__(self, obj: Output | None, objtype: type | None = None) -> bytes | _Content:
        if obj is None:
            raise AttributeError  # no default: a dataclass field that must be given
        held = obj.__dict__[self._slot]
        if isinstance(held, _Where):
            return (held.folder.root / obj.path).read_bytes()
        assert isinstance(held, bytes)
        return held

    def __set__(self, obj: Output, value: bytes) -> None:
        obj.__dict__[self._slot] = value


@dataclass(frozen=True)
class Output:
    """One file of the build, with what the archive list says about it."""

    path: str  # relative to DIR/<Vuosi>/, with "/"
    doc_type: str  # asiakirjatyyppi
    title: str
    content: _Content = _Content()
    negotiation: str = ""
    municipality: str = ""
    lang: str = ""
    status: str = "valmis"
    personal_data: bool = False
    #: who a pre-task is for (``kunnat``, ``sote``, ``jarjestot``); empty for other documents
    audience: str = ""
    #: the date the document carries (``laadittu``), when a producer chose one (minutes: the
    #: negotiation's date); None: the build date. A rebuild keeps the date of a file it keeps.
    date: dt.date | None = None

    @property
    def _where(self) -> _Where | None:
        held = self.__dict__["_content"]
        return held if isinstance(held, _Where) else None

    @property
    def sha256(self) -> str:
        where = self._where
        return where.sha256 if where else hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        where = self._where
        return where.size if where else len(self.content)

    @property
    def in_memory(self) -> bool:
        return self._where is None

    @property
    def folder(self) -> Folder | None:
        """Where the file was stored (None: its bytes are in memory)."""
        where = self._where
        return where.folder if where else None

    def stored(self, folder: Folder, sha256: str, size: int) -> Output:
        """This record without its bytes: the file is ``folder.root / path`` (checksum, size)."""
        copy = dataclasses.replace(self, content=b"")
        copy.__dict__["_content"] = _Where(folder, sha256, size)
        return copy
