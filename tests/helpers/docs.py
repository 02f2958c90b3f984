"""Reading generated files back the way a person sees them."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx


def _blocks(container: Any) -> list[str]:
    """``container``: a python-docx Document or table cell (docx publishes no types)."""
    out: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    out.extend(_blocks(cell))
        else:
            out.append(block.text)
    return out


def docx_text(source: Path | bytes) -> str:
    """Body text of a .docx (paragraphs and table cells, in order), one block per line."""
    doc = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return "\n".join(_blocks(doc))


def header_footer_text(source: Path | bytes) -> str:
    doc = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    parts: list[str] = []
    for section in doc.sections:
        for hf in (section.header, section.footer):
            parts.extend(p.text for p in hf.paragraphs)
            for t in hf.tables:
                parts.extend(c.text for row in t.rows for c in row.cells)
    return "\n".join(parts)


def table_rows(source: Path | bytes) -> list[list[str]]:
    """Every table row of the body as a list of cell texts."""
    doc = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
