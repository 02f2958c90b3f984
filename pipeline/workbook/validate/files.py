"""The settings that name a folder or a file beside the workbook: ``Pohjakansio`` and ``Logo``.

Each is a path relative to the workbook's folder (Windows backslashes work too);
a missing folder or an image that cannot be a logo is an error at the setting's
cell, so a build never stops half-way on it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Protocol

from pipeline.contract import schema
from pipeline.contract.values import clean_text
from pipeline.errors import Problems, os_reason


class _Raw(Protocol):
    def raw(self, name: str, required: bool = False) -> tuple[object, str] | None: ...


def _given(values: _Raw, name: str, workbook: Path) -> tuple[str, Path, str] | None:
    """The setting ``name`` as typed, the path it names, and its cell; None when not given."""
    from pipeline.workbook.validate.settings import typed_path

    given = values.raw(name)
    if given is None:
        return None
    typed = clean_text(given[0])
    return typed, typed_path(workbook, typed), given[1]


def templates_folder(values: _Raw, workbook: Path, problems: Problems) -> Path | None:
    """``Pohjakansio``: the county's own templates (``fi/``, ``sv/`` inside)."""
    name = schema.SETTING_TEMPLATES
    given = _given(values, name, workbook)
    if given is None:
        return None
    typed, path, cell = given
    if path.is_file():
        problems.error(
            cell,
            f"{name}: ”{typed}” on tiedosto, ei kansio (haettiin {path}). Kirjoita kansion "
            "nimi, jossa ovat alikansiot fi ja sv, esim. pohjat.",
        )
        return None
    if not path.is_dir():
        problems.error(
            cell,
            f"{name}: kansiota ”{typed}” ei löydy (haettiin {path}). Tee pohjat komennolla "
            f"hytetu templates {typed}, kirjoita polku työkirjan kansiosta lähtien tai "
            "tyhjennä asetus.",
        )
        return None
    return path


def logo_file(values: _Raw, workbook: Path, problems: Problems) -> Path | None:
    """``Logo``: a PNG or JPEG image that can be read."""
    name = schema.SETTING_LOGO
    given = _given(values, name, workbook)
    if given is None:
        return None
    typed, path, cell = given
    if path.is_dir():
        problems.error(
            cell,
            f"{name}: ”{typed}” on kansio, ei kuvatiedosto (haettiin {path}). Kirjoita polun "
            "loppuun kuvan nimi, esim. pohjat/logo.png.",
        )
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.error(
            cell,
            f"{name}: kuvaa ”{typed}” ei löydy (haettiin {path}). Kirjoita polku työkirjan "
            "kansiosta lähtien tai tyhjennä asetus.",
        )
        return None
    except OSError as exc:
        problems.error(cell, f"{name}: kuvaa ”{typed}” ei voi lukea ({os_reason(exc)}).")
        return None
    problem = image_problem(data)
    if problem is not None:
        problems.error(cell, f"{name}: ”{typed}”: {problem}")
        return None
    return path


#: what a logo may be: formats Word shows everywhere, and a sensible size
FORMATS = ("PNG", "JPEG")
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000


def image_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be a logo (in Finnish), or None when it can."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        size = f"{len(data) / (1024 * 1024):.1f}".replace(".", ",")
        return (
            f"kuva on liian suuri ({size} Mt; enintään {MAX_BYTES // (1024 * 1024)} Mt). "
            "Tallenna logosta pienempi PNG- tai JPEG-kuva."
        )
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            if fmt not in FORMATS:
                return (
                    f"kuva on {fmt}-muotoa; logon pitää olla PNG- tai JPEG-kuva. "
                    "Tallenna logo kuvankäsittelyohjelmassa PNG-muodossa."
                )
            width, height = img.size
            if width * height > MAX_PIXELS:
                return f"kuvassa on liikaa pikseleitä ({width} × {height}). Pienennä kuvaa."
            img.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return (
            "tiedosto ei ole luettava PNG- tai JPEG-kuva (se on vioittunut tai muuta muotoa). "
            "Tallenna logo uudelleen PNG-muodossa."
        )
    if width == 0 or height == 0:
        return "kuvassa ei ole yhtään pikseliä."
    return None
