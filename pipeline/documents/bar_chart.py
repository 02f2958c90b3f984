"""A stacked horizontal bar chart drawn with Pillow: the summary's picture.

Pillow draws it in a few milliseconds and imports in about 30 ms (matplotlib took
about 0.25 s to import and 29 MiB on every build that made a summary; performance
review §2, §8). The text is set in Liberation Sans (SIL Open Font License, shipped
unmodified in ``fonts/`` with its licence), which has every Finnish and Swedish
letter; Pillow's own default font has none beyond ASCII.

Deterministic: the same bars give the same PNG bytes (no timestamp, no software
tag), for the same Pillow and FreeType.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageDraw
    from PIL.ImageFont import FreeTypeFont

DPI = 200
FONT_FILE = "LiberationSans-Regular.ttf"
_INK = (0, 0, 0)
_EDGE = (64, 64, 64)


@dataclass(frozen=True)
class Segment:
    """One status in the bars: its legend label, colour (``RRGGBB``) and number colour."""

    label: str
    colour: str
    dark_text: bool
    values: tuple[int, ...]  # one per bar, top to bottom


def _px(points: float) -> int:
    return round(points * DPI / 72)


@cache
def _font(points: float) -> FreeTypeFont:
    from PIL import ImageFont

    font = resources.files("pipeline.documents").joinpath("fonts", FONT_FILE)
    with resources.as_file(font) as path:
        return ImageFont.truetype(str(path), _px(points))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[0:2], 16), int(hex_colour[2:4], 16), int(hex_colour[4:6], 16))


def _step(top: int) -> int:
    """An integer tick step giving at most about 8 ticks up to ``top``."""
    for magnitude in (1, 10, 100, 1000, 10000, 100000):
        for base in (1, 2, 5):
            if top / (base * magnitude) <= 8:
                return base * magnitude
    return 1_000_000


def draw(
    labels: list[str],
    segments: list[Segment],
    others: list[int],
    axis_label: str,
    width_cm: float,
    height_cm: float,
    title: str | None = None,
) -> bytes:
    """The PNG of ``labels`` (bars, top to bottom) stacked by ``segments``.

    ``others``: a white, outlined remainder per bar (statuses outside the legend).
    """
    from PIL import Image, ImageDraw

    width, height = round(width_cm / 2.54 * DPI), round(height_cm / 2.54 * DPI)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    pen = ImageDraw.Draw(image)
    small, tiny, big = _font(8), _font(7), _font(9)
    pad = _px(4)
    top = pad + (_px(9) + pad if title else _px(4))
    if title:
        pen.text((width / 2, pad), title, font=big, fill=_INK, anchor="ma")
    shown = [s for s in segments if any(s.values)]
    legend_h = _px(7) + pad if shown else 0
    bottom = height - pad - legend_h - _px(8) - pad - _px(8) - _px(6)  # legend, label, ticks
    left = pad + max((round(small.getlength(label)) for label in labels), default=0) + _px(6)
    right = width - pad - _px(6)  # room for the last tick number
    totals = [sum(s.values[i] for s in segments) + others[i] for i in range(len(labels))] or [0]
    step = _step(max(max(totals), 1))
    scale_top = max(step, -(-max(totals) // step) * step)
    span = (right - left) / scale_top
    row = (bottom - top) / max(len(labels), 1)
    for i, label in enumerate(labels):
        middle = top + row * (i + 0.5)
        pen.text((left - _px(5), middle), label, font=small, fill=_INK, anchor="rm")
        pen.line([(left - _px(3), middle), (left, middle)], fill=_INK, width=2)
        x = float(left)
        y0, y1 = middle - row * 0.3, middle + row * 0.3
        for s in segments:
            value = s.values[i]
            if not value:
                continue
            x1 = x + value * span
            pen.rectangle([(round(x), round(y0)), (round(x1), round(y1))], fill=_rgb(s.colour))
            ink = _INK if s.dark_text else (255, 255, 255)
            pen.text(((x + x1) / 2, middle), str(value), font=small, fill=ink, anchor="mm")
            x = x1
        if others[i]:
            x1 = x + others[i] * span
            pen.rectangle(
                [(round(x), round(y0)), (round(x1), round(y1))],
                fill=(255, 255, 255),
                outline=_EDGE,
                width=2,
            )
    # the axes: left and bottom only
    pen.line([(left, top - pad), (left, bottom)], fill=_INK, width=3)
    pen.line([(left, bottom), (right, bottom)], fill=_INK, width=3)
    for tick in range(0, scale_top + 1, step):
        x = round(left + tick * span)
        pen.line([(x, bottom), (x, bottom + _px(3))], fill=_INK, width=2)
        pen.text((x, bottom + _px(4)), str(tick), font=small, fill=_INK, anchor="ma")
    axis_y = bottom + _px(4) + _px(8) + pad
    pen.text(((left + right) / 2, axis_y), axis_label, font=small, fill=_INK, anchor="ma")
    if shown:
        _legend(pen, shown, tiny, width, height - pad - _px(7))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _legend(
    pen: ImageDraw.ImageDraw, shown: list[Segment], font: FreeTypeFont, width: int, y: int
) -> None:
    """One row of colour swatches with their labels, centred."""
    swatch, gap = _px(14), _px(4)
    widths = [swatch + gap + round(font.getlength(s.label)) for s in shown]
    x = (width - sum(widths) - gap * 3 * (len(shown) - 1)) / 2
    for s, w in zip(shown, widths, strict=True):
        box = [(round(x), y), (round(x) + swatch, y + _px(6))]
        pen.rectangle(box, fill=_rgb(s.colour))
        pen.text((x + swatch + gap, y + _px(3)), s.label, font=font, fill=_INK, anchor="lm")
        x += w + gap * 3
