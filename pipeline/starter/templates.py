"""``hytetu templates [DIR]``: the shipped Word templates copied for the county to edit (SPEC §2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.errors import OutputProblem
from pipeline.render.word import TEMPLATE_ROOT

LANGS = ("fi", "sv")


def copy_templates(target: Path) -> list[Path]:
    """Copy ``fi/`` and ``sv/`` into ``target``; refuses when any of them is already there."""
    existing = [target / lang for lang in LANGS if (target / lang).exists()]
    if existing:
        raise OutputProblem(
            f"{existing[0]}: kansio on jo olemassa, eikä sitä korvata. "
            "Anna toinen kansio tai siirrä vanhat pohjat ensin muualle."
        )
    copied = []
    for lang in LANGS:
        (target / lang).mkdir(parents=True, exist_ok=True)
        for source in sorted((TEMPLATE_ROOT / lang).glob("*.docx")):
            dest = target / lang / source.name
            shutil.copyfile(source, dest)
            copied.append(dest)
    return copied
