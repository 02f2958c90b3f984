"""``Logo`` (SPEC §2): the county's logo in the header of every Word document, with alt text."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image, ImageDraw

from pipeline import cli
from pipeline.app import BuildResult, build, check
from pipeline.checks.accessibility import check_bytes
from pipeline.render.logo import Logo
from pipeline.render.word import DocProperties, Renderer
from pipeline.workbook.validate import files
from tests.helpers import workbooks as wbs

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
COUNTY = {"fi": "Testilän hyvinvointialue", "sv": "Testby välfärdsområde"}


def png(path: Path, size: tuple[int, int] = (400, 100)) -> Path:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rectangle((5, 5, size[1] - 5, size[1] - 5), fill=(0, 90, 160))
    image.save(path, format="PNG")
    return path


def with_logo(folder: Path, logo: str) -> Path:
    sheets = wbs.base()
    sheets["Asetukset"].append(["Logo", logo])
    return wbs.write(folder / "hytetu.xlsx", sheets)


def header_pictures(content: bytes) -> list[tuple[str, int, int, bytes]]:
    """(alt text, width, height, image bytes) of every picture in the document's headers."""
    found = []
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        names = zf.namelist()
        for part in sorted(n for n in names if re.fullmatch(r"word/header\d+\.xml", n)):
            rels_name = part.replace("word/", "word/_rels/") + ".rels"
            rels = etree.fromstring(zf.read(rels_name)) if rels_name in names else None
            targets = {r.get("Id"): r.get("Target") for r in rels} if rels is not None else {}
            header = etree.fromstring(zf.read(part))
            for inline in header.iterfind(".//wp:inline", NS):
                pr = inline.find("wp:docPr", NS)
                extent = inline.find("wp:extent", NS)
                blip = inline.find(".//a:blip", NS)
                assert pr is not None and extent is not None and blip is not None
                target = targets[blip.get(f"{{{NS['r']}}}embed")]
                found.append(
                    (
                        pr.get("descr", ""),
                        int(extent.get("cx", "0")),
                        int(extent.get("cy", "0")),
                        zf.read(f"word/{target}"),
                    )
                )
    return found


@pytest.fixture(scope="module")
def logo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, bytes]:
    folder = tmp_path_factory.mktemp("logo")
    logo = png(folder / "logo.png").read_bytes()
    return build(with_logo(folder, "logo.png"), folder / "out"), logo


def test_the_logo_is_in_every_word_documents_header_with_the_county_as_alt_text(
    logo_build: tuple[BuildResult, bytes],
) -> None:
    result, logo = logo_build
    documents = [o for o in result.outputs if o.path.endswith(".docx")]
    assert {o.doc_type for o in documents} >= {
        "ennakkotehtava",
        "kutsu",
        "asialista",
        "ennakkomateriaali",
        "poytakirja",
        "tiedote",
        "yhteenveto",
    }
    assert {o.lang for o in documents} == {"fi", "sv"}
    for o in documents:
        pictures = header_pictures((result.target / o.path).read_bytes())
        assert pictures, o.path
        for alt, cx, cy, data in pictures:
            assert alt == COUNTY[o.lang], o.path
            assert data == logo
            assert cy == 540_000 and cx == 4 * 540_000  # 1.5 cm high, 400 × 100 kept


def test_the_documents_with_a_logo_pass_the_accessibility_check(
    logo_build: tuple[BuildResult, bytes],
) -> None:
    result, _ = logo_build
    for o in result.outputs:
        if o.path.endswith(".docx"):
            assert check_bytes(o.path, (result.target / o.path).read_bytes()) == [], o.path


def test_word_opens_the_header_and_a_rebuild_gives_the_same_bytes(
    logo_build: tuple[BuildResult, bytes], tmp_path: Path
) -> None:
    result, _ = logo_build
    png(tmp_path / "logo.png")
    again = build(with_logo(tmp_path, "logo.png"), tmp_path / "out")
    for o in again.outputs:
        if o.path.endswith(".docx"):
            assert (again.target / o.path).read_bytes() == (result.target / o.path).read_bytes()
    first = next(o for o in again.outputs if o.doc_type == "kutsu")
    document = docx.Document(str(again.target / first.path))
    header = document.sections[0].header
    assert header.paragraphs[0]._p.xpath(".//wp:docPr/@descr") == [COUNTY["fi"]]


def test_a_template_without_a_header_gets_one(tmp_path: Path) -> None:
    root = tmp_path / "pohjat"
    (root / "fi").mkdir(parents=True)
    plain = docx.Document()
    plain.add_paragraph("Hei {{ county }}")
    plain.save(str(root / "fi" / "kutsu.docx"))
    logo = Logo.read(png(tmp_path / "logo.png", (100, 200)), "A & B {{ x }}")
    renderer = Renderer(root=root, logos={"fi": logo})
    props = DocProperties("t", "s", "a", "k", "fi-FI", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    content = renderer.render("fi", "kutsu", {"county": "C"}, props)
    assert header_pictures(content) == [
        ("A & B {{ x }}", 270_000, 540_000, (tmp_path / "logo.png").read_bytes())
    ]
    assert docx.Document(io.BytesIO(content)).paragraphs[0].text == "Hei C"


def test_a_header_picture_without_alt_text_fails_the_check(tmp_path: Path) -> None:
    logo = Logo.read(png(tmp_path / "logo.png"), "")
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as zf:
        for name, data in Renderer(logos={"fi": logo}).prepared("fi", "tiedote").entries:
            zf.writestr(name, data)
    findings = check_bytes("tiedote.docx", blob.getvalue())
    assert [f.message for f in findings if "vaihtoehtoinen teksti" in f.message] == [
        "kuvalta tai kaaviolta ”Logo” puuttuu vaihtoehtoinen teksti."
    ]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (None, "Logo: kuvaa ”logo.png” ei löydy"),
        (lambda p: p.write_bytes(b"not an image at all"), "ei ole luettava PNG- tai JPEG-kuva"),
        (
            lambda p: p.write_bytes(png(p).read_bytes()[:200]),
            "ei ole luettava PNG- tai JPEG-kuva",
        ),
        (lambda p: Image.new("RGB", (10, 10)).save(p, format="GIF"), "kuva on GIF-muotoa"),
        (lambda p: p.mkdir(), "on kansio, ei kuvatiedosto"),
    ],
)
def test_a_logo_that_cannot_be_used_is_an_error_at_its_cell(
    tmp_path: Path, make: object, expected: str
) -> None:
    if callable(make):
        make(tmp_path / "logo.png")
    workbook = with_logo(tmp_path, "logo.png")
    row = len(wbs.base()["Asetukset"]) + 1
    result = CliRunner().invoke(cli.main, ["build", str(workbook), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1, result.output
    assert f"Virhe – Asetukset!B{row}: " in result.output and expected in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_a_too_large_logo_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    png(tmp_path / "logo.png")
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    _, problems = check(with_logo(tmp_path, "logo.png"))
    assert [p.message.split(" (")[0] for p in problems.errors] == [
        "Logo: ”logo.png”: kuva on liian suuri"
    ]


def test_a_template_that_already_has_the_logo_stays_a_valid_package(tmp_path: Path) -> None:
    """A generated document used as a template: new names and ids, no duplicate parts."""
    logo = Logo.read(png(tmp_path / "logo.png"), "Alue")
    first = Renderer(logos={"fi": logo}).prepared("fi", "kutsu").entries
    root = tmp_path / "pohjat"
    (root / "fi").mkdir(parents=True)
    with zipfile.ZipFile(root / "fi" / "kutsu.docx", "w") as zf:
        for name, data in first:
            zf.writestr(name, data)
    twice = Renderer(root=root, logos={"fi": logo}).prepared("fi", "kutsu").entries
    names = [name for name, _ in twice]
    assert len(names) == len(set(names))
    header = dict(twice)["word/header1.xml"].decode()
    ids = re.findall(r'<wp:docPr id="(\d+)"', header)
    assert len(ids) == 2 and len(set(ids)) == 2
    rels = dict(twice)["word/_rels/header1.xml.rels"].decode()
    assert rels.count('Id="rIdHytetuLogo"') == 1 and 'Id="rIdHytetuLogo2"' in rels
