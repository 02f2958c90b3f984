"""Reading and editing the parts of a saved .xlsx (or any output folder) in tests."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file and folder under ``folder`` (hidden ones too) with its bytes."""
    out: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = path.read_bytes() if path.is_file() else b"<kansio>"
    return out


def sheet_part(path: Path, title: str) -> str:
    """The zip part of sheet ``title`` (``xl/worksheets/sheet2.xml``)."""
    wb = load_workbook(path, read_only=True)
    try:
        sheet: Any = wb[title]  # _worksheet_path is openpyxl's own, not in its stubs
        part: str = sheet._worksheet_path
        return part
    finally:
        wb.close()


def rewrite_parts(path: Path, changes: dict[str, bytes | None]) -> None:
    """Replace (or add, or with ``None`` drop) parts of the zip at ``path``."""
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    seen = set()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            seen.add(name)
            new = changes.get(name, data)
            if new is not None:
                zf.writestr(name, new)
        for name, added in changes.items():
            if name not in seen and added is not None:
                zf.writestr(name, added)


def add_shared_strings(path: Path, sst: str) -> None:
    """Give the workbook the shared-string table ``sst`` (its XML), as Excel would write one."""
    with zipfile.ZipFile(path) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    rewrite_parts(
        path,
        {
            "[Content_Types].xml": types.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "xl/sharedStrings.xml": sst.encode(),
        },
    )


def edit_sheet_xml(path: Path, title: str, edit: Callable[[str], str]) -> None:
    part = sheet_part(path, title)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode("utf-8")
    rewrite_parts(path, {part: edit(xml).encode("utf-8")})
