"""Stage 1a: the .xlsx container, checked before any XML is parsed.

Size, zip-bomb, macro and DTD guards, and :func:`open_xlsx`, the one guarded way
into any workbook this tool reads (the coordinator's workbook, last year's tracker,
returned survey forms, the existing tracker of a rebuild).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import Workbook

from pipeline.errors import WorkbookLocked, WorkbookUnreadable, os_reason

#: a coordinator's workbook is a few hundred kilobytes; refuse what cannot be one
MAX_FILE_BYTES = 50 * 1024 * 1024
#: sheet XML this large would take minutes and gigabytes to parse
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: a zip entry inflating more than this many times over is a zip bomb, not a workbook
MAX_RATIO = 200
#: below this size the ratio does not matter (an empty sheet compresses very well)
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
#: a workbook has a few dozen parts; tens of thousands means a hostile archive
MAX_ENTRIES = 5000
#: how far into an XML part a DOCTYPE could hide (the prolog comes first)
_PROLOG_BYTES = 64 * 1024
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
_MACRO_CONTENT = b"macroEnabled"


def open_xlsx(path: Path, *, read_only: bool = True, data_only: bool = True) -> Workbook:
    """Open any .xlsx this tool reads: the one guarded way in.

    The container checks (:func:`check_container`: existence, size, zip bombs,
    macros, DTDs) come first; then every failure to parse the file becomes a
    :class:`WorkbookUnreadable` whose Finnish message names the file. A
    read-only workbook parses its sheets only when they are iterated: wrap that
    reading too and turn what it raises into :func:`unreadable`.
    """
    from openpyxl import load_workbook

    path = Path(path)
    check_container(path)
    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except PermissionError:
        raise _locked(path) from None
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: BaseException) -> WorkbookUnreadable:
    """What to raise when reading ``path`` failed with ``exc`` (hostile XML, or a broken file)."""
    if isinstance(exc, WorkbookUnreadable):
        return exc
    if isinstance(exc, PermissionError):
        return _locked(path)
    if _defused(exc):
        return _hostile_xml(path, None)
    return _broken(path, exc)


def _locked(path: Path) -> WorkbookLocked:
    return WorkbookLocked(
        f"{path}: tiedostoa ei voi avata: se on auki toisessa ohjelmassa tai sinulla ei ole "
        "siihen lukuoikeutta. Sulje tiedosto ja aja komento uudelleen."
    )


def check_container(path: Path) -> None:
    """:class:`WorkbookUnreadable` unless ``path`` is an .xlsx package that is safe to parse."""
    path = Path(path)
    try:
        _check_container(path)
    except PermissionError:
        raise _locked(path) from None
    except OSError as exc:
        raise WorkbookUnreadable(
            f"{path}: tiedostoa ei voi lukea ({os_reason(exc)}). "
            "Tarkista, että tiedosto on paikallaan ja luettavissa, ja aja komento uudelleen."
        ) from None


def _check_container(path: Path) -> None:
    if not path.exists():
        raise WorkbookUnreadable(
            f"{path}: tiedostoa ei löydy. Tarkista polku tai luo uusi työkirja: hytetu init {path}"
        )
    if path.is_dir():
        raise WorkbookUnreadable(
            f"{path}: on kansio, ei Excel-työkirja. Anna .xlsx-tiedoston polku."
        )
    size = path.stat().st_size
    if size == 0:
        raise WorkbookUnreadable(
            f"{path}: tiedosto on tyhjä (0 tavua). Tallenna työkirja uudelleen Excelissä."
        )
    if size > MAX_FILE_BYTES:
        raise WorkbookUnreadable(
            f"{path}: tiedosto on liian suuri ({size // (1024 * 1024)} Mt, enintään "
            f"{MAX_FILE_BYTES // (1024 * 1024)} Mt). Poista ylimääräiset välilehdet ja kuvat."
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookUnreadable(
            f"{path}: tiedosto on vanha .xls-työkirja tai salasanalla suojattu. "
            "Poista salasana ja tallenna Excelissä muodossa Excel-työkirja (.xlsx)."
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookUnreadable(
            f"{path}: tiedosto ei ole Excel-työkirja (.xlsx). "
            "Avaa se Excelissä ja tallenna muodossa Excel-työkirja (.xlsx)."
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookUnreadable(
            f"{path}: työkirja on vioittunut. Avaa se Excelissä ja tallenna uudelleen muodossa "
            f"Excel-työkirja (.xlsx). Tekninen tieto: {exc}"
        ) from None
    if "xl/workbook.xml" not in names:
        raise WorkbookUnreadable(
            f"{path}: tiedosto ei ole Excel-työkirja (.xlsx). "
            "Avaa se Excelissä ja tallenna muodossa Excel-työkirja (.xlsx)."
        )
    _check_sizes(path, infos)
    _check_macros(path, names)
    _check_prologs(path)


def _too_big(path: Path, size: int) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        f"{path}: työkirja purkautuu liian suureksi ({size // (1024 * 1024)} Mt, enintään "
        f"{MAX_UNPACKED_BYTES // (1024 * 1024)} Mt). Tiedosto voi olla vahingollinen; "
        "pyydä lähettäjältä uusi tiedosto tai kopioi tiedot uuteen työkirjaan (hytetu init)."
    )


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs from the zip directory alone, before anything is inflated.

    The sizes declared there bind: :mod:`zipfile` never inflates an entry beyond
    its declared size (it stops and reports a checksum error instead).
    """
    if len(infos) > MAX_ENTRIES:
        raise WorkbookUnreadable(
            f"{path}: työkirjassa on {len(infos)} osaa (enintään {MAX_ENTRIES}). "
            "Tiedosto voi olla vahingollinen; pyydä lähettäjältä uusi tiedosto."
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _too_big(path, unpacked)
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _too_big(path, unpacked)


def _check_macros(path: Path, names: set[str]) -> None:
    """Macros have no place in a data workbook: refuse .xlsm rather than guess."""
    macro = path.suffix.casefold() in _MACRO_SUFFIXES or "xl/vbaProject.bin" in names
    if not macro and "[Content_Types].xml" in names:
        with zipfile.ZipFile(path) as zf, zf.open("[Content_Types].xml") as fh:
            macro = _MACRO_CONTENT in fh.read(_PROLOG_BYTES)
    if macro:
        raise WorkbookUnreadable(
            f"{path}: työkirjassa on makroja (.xlsm). Hytetu ei käytä eikä aja makroja: "
            "tallenna työkirja .xlsx-muodossa (Tallenna nimellä → Excel-työkirja (.xlsx)) "
            "ja anna se komennolle."
        )


_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_prologs(path: Path) -> None:
    """No part of a real workbook declares a DTD; one that does is an entity bomb."""
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(_PROLOG_BYTES)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise WorkbookUnreadable(
                    f"{path}: työkirja on vioittunut. Avaa se Excelissä ja tallenna uudelleen "
                    f"muodossa Excel-työkirja (.xlsx). Tekninen tieto: {info.filename}: {exc}"
                ) from None
            if _DTD.search(head.replace(b"\x00", b"")):
                raise _hostile_xml(path, info.filename)


def _hostile_xml(path: Path, part: str | None) -> WorkbookUnreadable:
    where = f"työkirjan osassa {part}" if part else "työkirjassa"
    return WorkbookUnreadable(
        f"{path}: {where} on XML-määrittelyjä (DOCTYPE/ENTITY), joita "
        "Excel ei koskaan kirjoita. Tiedosto voi olla vahingollinen, eikä sitä lueta. "
        "Pyydä lähettäjältä uusi tiedosto tai kopioi tiedot uuteen työkirjaan (hytetu init)."
    )


def _defused(exc: BaseException | None) -> bool:
    """Whether defusedxml refused a DTD or entity somewhere in ``exc``'s chain."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _broken(path: Path, exc: BaseException) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        f"{path}: työkirjaa ei voi lukea, koska se on vioittunut. "
        "Avaa se Excelissä ja tallenna uudelleen muodossa Excel-työkirja (.xlsx)."
    )
