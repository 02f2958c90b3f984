"""Stage 5: put the build in place, all of it or nothing.

Files are written into a staging folder next to the target and moved into
place at the end; a crash or an error before that leaves the previous output
exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import OutputProblem


def _safe_join(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    if root.resolve() not in target.parents:
        raise OutputProblem(f"{relative}: tiedostonimi osoittaa tulostekansion ulkopuolelle.")
    return target


def commit_build(target: Path, files: dict[str, bytes]) -> None:
    """Replace the folder ``target`` with exactly ``files`` (relative path -> content)."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-uusi-", dir=parent))
    except OSError as exc:
        raise OutputProblem(
            f"{parent}: tulostekansiota ei voi luoda ({exc.strerror}). "
            "Tarkista kansion oikeudet tai anna toinen kansio valitsimella --out."
        ) from None
    old: Path | None = None
    try:
        for relative, content in files.items():
            path = _safe_join(staging, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}-vanha-", dir=parent))
            os.replace(target, old / target.name)
        os.replace(staging, target)
    except OSError as exc:
        if old is not None and not target.exists():
            os.replace(old / target.name, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputProblem(
            f"{target}: tulosteita ei voitu kirjoittaa ({exc.strerror or exc}). "
            "Sulje kansion tiedostot muista ohjelmista ja aja komento uudelleen. "
            "Aiemmat tulosteet ovat ennallaan."
        ) from None
    except BaseException:
        if old is not None and not target.exists():
            os.replace(old / target.name, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
