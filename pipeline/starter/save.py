"""Writing a new workbook: never over an existing file, never half a file, and with
a fixed time, the same bytes every time.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from pipeline.errors import OutputProblem, os_reason


class _FixedTimeZipFile(zipfile.ZipFile):
    """A zip archive whose members all carry one timestamp (reproducible bytes)."""

    def __init__(self, *args: Any, date_time: tuple[int, int, int, int, int, int], **kw: Any):
        super().__init__(*args, **kw)
        self._date_time = date_time

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kw: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._date_time)
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, *args, **kw)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kw: Any) -> None:
        with open(filename, "rb") as src:
            self.writestr(arcname or os.path.basename(filename), src.read())


def _save(wb: Workbook, target: Path, fixed_time: dt.datetime | None) -> None:
    if fixed_time is None:
        wb.save(target)
        return
    # openpyxl's save stamps "modified" with the current time; write it ourselves
    wb.properties.modified = fixed_time
    date_time = fixed_time.timetuple()[:6]
    with _FixedTimeZipFile(
        target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, date_time=date_time
    ) as archive:
        ExcelWriter(wb, archive).write_data()


def _already_exists(path: Path) -> OutputProblem:
    return OutputProblem(
        f"Tiedosto {path} on jo olemassa. Valitse toinen nimi tai poista vanha tiedosto ensin."
    )


def save_new(wb: Workbook, path: Path, *, fixed_time: dt.datetime | None = None) -> None:
    """Write ``wb`` to ``path``, which must not exist yet.

    Parent folders are created. The file appears only when complete (written to
    a temporary file in the same folder, then renamed into place). With
    ``fixed_time`` the workbook's modification time and every zip member's
    timestamp are that time, so the same workbook always gives the same bytes.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise OutputProblem(
            f"{path}: työkirjan nimen pitää päättyä .xlsx, jotta Excel ja hytetu tunnistavat sen. "
            f"Anna nimi muodossa {path.with_suffix('.xlsx').name}."
        )
    if path.exists() or path.is_symlink():
        raise _already_exists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputProblem(f"Kansiota {path.parent} ei voi luoda: {os_reason(exc)}.") from exc
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        _save(wb, tmp, fixed_time)
        if path.exists() or path.is_symlink():  # appeared while we were writing
            raise _already_exists(path)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputProblem(f"Tiedostoa {path} ei voi kirjoittaa: {os_reason(exc)}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
