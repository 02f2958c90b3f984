"""The sources stamp a Word document or workbook carries in its zip archive's comment.

``hytetu sources-sha256=<stamp> list-sha256=<checksum of the file list>``: the stamp says
what the document was made from (:mod:`pipeline.documents.reuse`), the second checksum
binds it to the archive's central directory as written, so that an archive whose parts
were changed afterwards (their sizes and CRCs are in that list) carries no stamp.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pipeline.render import zipwrite

#: what the archive comment starts with: the tool's name and what the stamp is
PREFIX = b"hytetu sources-sha256="
_LIST = b" list-sha256="


def _list_sum(file_list: bytes) -> bytes:
    return hashlib.sha256(file_list).hexdigest()[:32].encode()


def comment_of(sources: str) -> Callable[[bytes], bytes]:
    """The archive comment, given the central directory, of a document stamped ``sources``."""
    return lambda file_list: PREFIX + sources.encode("ascii") + _LIST + _list_sum(file_list)


def _sources(found: tuple[bytes, bytes] | None) -> str | None:
    """The stamp in an archive (comment, file list), if its file list is the one it was
    written with; None otherwise."""
    if found is None:
        return None
    comment, file_list = found
    if not comment.startswith(PREFIX) or _LIST not in comment:
        return None
    sources, _, listed = comment[len(PREFIX) :].partition(_LIST)
    if _list_sum(file_list) != listed or not sources.isalnum():
        return None
    return sources.decode("ascii")


def stamp_of(path: Path) -> str | None:
    """The sources stamp ``path`` carries, if its archive comment is one and its file list
    is still the one the stamp was written with; None otherwise (or when unreadable)."""
    try:
        return _sources(zipwrite.read_tail(str(path)))
    except OSError:
        return None


def stamp_in(content: bytes) -> str | None:
    """:func:`stamp_of` the zip file ``content`` in memory."""
    return _sources(zipwrite.tail_of(content))


def stamped(content: bytes, sources: str) -> bytes:
    """The zip file ``content`` (a workbook as openpyxl saved it) stamped ``sources``;
    ``content`` as it is when its end is not as a zip writer leaves it."""
    made = zipwrite.with_comment(content, comment_of(sources))
    return content if made is None else made


def unstamped(content: bytes) -> bytes:
    """``content`` without the sources stamp in its archive comment (the same package with
    no comment), to tell whether two documents differ in more than the stamp; ``content``
    as it is when it carries none (or something follows its comment: not as written)."""
    found = zipwrite.tail_of(content)
    if found is None or not found[0].startswith(PREFIX):
        return content
    bare = zipwrite.with_comment(content, lambda _file_list: b"")
    return content if bare is None else bare
