"""The summary's chart picture (Pillow, Liberation Sans): readable, reproducible, light."""

from __future__ import annotations

import io
import subprocess
import sys

from PIL import Image, ImageChops

from pipeline.documents import bar_chart
from pipeline.documents.chart import EMU_PER_CM, chart_png
from pipeline.documents.summary_stats import StatusCount
from pipeline.documents.vocab import STATUS_COLOURS

GROUPS = [
    StatusCount("Äänekoski", 3, 2, 1, 0, 1, 0, 7, 0),
    StatusCount("Koko palvelualue: Pohjoinen", 0, 5, 0, 2, 0, 1, 8, 0),
    StatusCount("Ålö stad", 12, 4, 6, 3, 0, 0, 25, 0),
]


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour for _, colour in image.getcolors(maxcolors=1 << 20) or []}


def test_the_chart_is_the_same_png_every_time_and_fits_its_frame():
    png, cx, cy = chart_png(GROUPS, "sv", "Överenskommelser per status")
    assert chart_png(GROUPS, "sv", "Överenskommelser per status")[0] == png
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert cx == 16 * EMU_PER_CM
    assert abs(image.width / image.height - cx / cy) < 0.01
    assert not image.info.get("Software") and "Creation Time" not in image.info


def test_every_status_with_agreements_has_its_colour_in_the_bars():
    png, _, _ = chart_png(GROUPS, "fi")
    seen = _colours(png)
    for colour in STATUS_COLOURS.values():  # every status occurs in GROUPS
        assert bar_chart._rgb(colour) in seen, colour
    one = [StatusCount("Pikkula", 1, 0, 0, 0, 0, 0, 1, 0)]
    only = _colours(chart_png(one, "fi")[0])
    # the coloured statuses (greys could come from smoothing the black numbers)
    absent = [c for s, c in STATUS_COLOURS.items() if s in ("Käynnissä", "Valmis", "Viivästynyt")]
    assert len(absent) == 3
    assert all(bar_chart._rgb(c) not in only for c in absent)  # no legend swatch either


def test_the_font_draws_finnish_and_swedish_letters():
    font = bar_chart._font(8)

    def glyph(text: str) -> Image.Image:
        image = Image.new("L", (80, 80), 0)
        from PIL import ImageDraw

        ImageDraw.Draw(image).text((10, 10), text, font=font, fill=255)
        return image

    missing = glyph("\ue000")  # a private-use character: the font's "missing" box
    for letter, plain in zip("äöåÄÖÅ", "aoaAOA", strict=True):
        drawn = glyph(letter)
        assert ImageChops.difference(drawn, missing).getbbox() is not None, letter
        assert ImageChops.difference(drawn, glyph(plain)).getbbox() is not None, letter


def test_the_command_line_and_the_chart_import_no_heavy_libraries():
    code = (
        "import sys; import pipeline.cli; "
        "from pipeline.documents.chart import chart_png; "
        "from pipeline.documents.summary_stats import StatusCount as S; "
        "chart_png([S('A', 1, 0, 0, 0, 0, 0, 1, 0)], 'fi'); "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('matplotlib', 'numpy', 'pyparsing', 'kiwisolver'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_command_line_starts_without_the_document_libraries():
    """``hytetu --help`` stays fast: the CLI imports the build's libraries only when it builds."""
    code = (
        "import sys; import pipeline.cli; "
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'docx', "
        "'docxtpl', 'lxml', 'babel', 'jinja2', 'PIL', 'matplotlib', 'numpy'})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
