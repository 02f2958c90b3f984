"""scripts/make_templates.py: reproduces the committed templates, never overwrites an edit,
and makes lean packages (only the styles a template uses)."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pytest
from defusedxml import ElementTree
from pypdf import PdfReader

from pipeline.output import office
from tests.helpers.office import soffice_or_skip

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates_docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_templates", ROOT / "scripts" / "make_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_templates", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def generated(generator) -> dict[str, bytes]:
    return generator.generate()


@pytest.fixture
def fast(generator, generated, monkeypatch):
    """The generator's main() with the module's generated files instead of a rerun."""
    monkeypatch.setattr(generator, "generate", lambda: dict(generated))
    return generator


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_committed_templates_are_what_the_generator_makes(generator, generated, capsys):
    assert sorted(generated) == sorted(
        str(p.relative_to(TEMPLATES)) for p in TEMPLATES.glob("*/*.docx")
    )
    for name, content in generated.items():
        assert (TEMPLATES / name).read_bytes() == content, name
    assert generator.main(["make_templates.py", "--check"]) == 0
    assert "14 templates match" in capsys.readouterr().out


def test_without_a_flag_nothing_is_written(fast, tmp_path, capsys):
    assert fast.main(["make_templates.py", str(tmp_path / "t")]) == 2
    assert "--write" in capsys.readouterr().out
    assert not (tmp_path / "t").exists()


def test_write_then_check_and_a_rerun_changes_nothing(fast, generated, tmp_path):
    target = tmp_path / "t"
    assert fast.main(["make_templates.py", "--check", str(target)]) == 1
    assert fast.main(["make_templates.py", "--write", str(target)]) == 0
    first = _tree(target)
    assert {k: v for k, v in first.items() if k != "MANIFEST.sha256"} == generated
    manifest = first["MANIFEST.sha256"].decode().splitlines()
    assert len(manifest) == len(generated)
    assert manifest[0].endswith("  fi/asialista.docx")
    assert fast.main(["make_templates.py", "--check", str(target)]) == 0
    assert fast.main(["make_templates.py", "--write", str(target)]) == 0
    assert _tree(target) == first


def test_a_hand_edited_template_is_never_overwritten_without_force(
    fast, generated, tmp_path, capsys
):
    target = tmp_path / "t"
    assert fast.main(["make_templates.py", "--write", str(target)]) == 0
    edited = target / "sv" / "kutsu.docx"
    edited.write_bytes(edited.read_bytes() + b"edited in Word")
    stale = target / "fi" / "asialista.docx"  # what an older generator wrote: replaceable
    stale.write_bytes(b"older generator output")
    manifest = target / "MANIFEST.sha256"
    manifest.write_text(
        manifest.read_text().replace(
            fast.template_store.sha256(generated["fi/asialista.docx"]),
            fast.template_store.sha256(b"older generator output"),
        )
    )
    before = _tree(target)
    capsys.readouterr()
    assert fast.main(["make_templates.py", "--write", str(target)]) == 1
    err = capsys.readouterr().err
    assert str(edited) in err and "--force" in err
    assert str(stale) not in err
    assert _tree(target) == before  # nothing written, not even the replaceable file
    assert fast.main(["make_templates.py", "--check", str(target)]) == 1

    edited.write_bytes(generated["sv/kutsu.docx"])  # the edit undone: the write goes ahead
    assert fast.main(["make_templates.py", "--write", str(target)]) == 0
    assert stale.read_bytes() == generated["fi/asialista.docx"]

    edited.write_bytes(b"edited again")
    assert fast.main(["make_templates.py", "--write", "--force", str(target)]) == 0
    assert edited.read_bytes() == generated["sv/kutsu.docx"]
    assert fast.main(["make_templates.py", "--check", str(target)]) == 0


def test_a_template_with_no_manifest_entry_counts_as_edited(fast, tmp_path):
    target = tmp_path / "t"
    (target / "fi").mkdir(parents=True)
    (target / "fi" / "kutsu.docx").write_bytes(b"somebody's own template")
    assert fast.main(["make_templates.py", "--write", str(target)]) == 1
    assert (target / "fi" / "kutsu.docx").read_bytes() == b"somebody's own template"
    assert not (target / "MANIFEST.sha256").exists()


def _style_refs(root) -> set[str]:
    tags = ("pStyle", "rStyle", "tblStyle")
    return {el.get(f"{W}val") for tag in tags for el in root.iter(f"{W}{tag}")}


@pytest.mark.parametrize(
    "name", sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.glob("*/*.docx"))
)
def test_templates_carry_only_the_styles_they_use(name):
    with zipfile.ZipFile(TEMPLATES / name) as zf:
        parts = zf.namelist()
        styles = ElementTree.fromstring(zf.read("word/styles.xml"))
        content = [
            ElementTree.fromstring(zf.read(p))
            for p in parts
            if p.startswith("word/") and p.endswith(".xml") and p != "word/styles.xml"
        ]
    assert "word/stylesWithEffects.xml" not in parts
    assert styles.find(f"{W}latentStyles") is None
    defined = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    used = set().union(*(_style_refs(root) for root in content))
    assert used <= set(defined), used - set(defined)  # nothing the template uses is missing
    reachable = set(used) | {sid for sid, s in defined.items() if s.get(f"{W}default") == "1"}
    while True:
        more = {
            el.get(f"{W}val")
            for sid in reachable
            if sid in defined
            for tag in ("basedOn", "next", "link")
            for el in defined[sid].iter(f"{W}{tag}")
        }
        if more <= reachable:
            break
        reachable |= more
    assert set(defined) <= reachable, set(defined) - reachable  # and nothing else
    assert len(defined) <= 25
    document = docx.Document(str(TEMPLATES / name))  # python-docx still reads it
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


@pytest.mark.libreoffice
def test_libreoffice_opens_every_lean_template(tmp_path):
    soffice_or_skip()
    sources = []
    for path in sorted(TEMPLATES.glob("*/*.docx")):
        copy = tmp_path / "src" / f"{path.parent.name}_{path.name}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(path.read_bytes())
        sources.append(copy)
    done, log = office.convert(sources, "pdf", tmp_path / "pdf", timeout=300)
    assert sorted(done) == sources, log
    for source, pdf in done.items():
        headings = [
            " ".join(p.text.split())
            for p in docx.Document(str(source)).paragraphs
            if p.style.name.startswith("Heading") and p.text.strip()
        ]
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
        assert len(headings) >= 2, source.name
        for heading in headings:  # the template's own words, Jinja tags as typed
            assert heading.replace("\u00ad", "") in text.replace("\u00ad", ""), (
                source.name,
                heading,
            )
