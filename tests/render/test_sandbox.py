"""Templates a coordinator edited run in a sandbox and fail with a message naming the template.

Each test copies the real templates into a temporary folder, injects a tag into
``word/document.xml`` of one template and renders through the build's own
:class:`pipeline.render.Renderer`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from pipeline.app import load
from pipeline.cli import main
from pipeline.documents.inputs import BuildInputs
from pipeline.documents.word import negotiation_documents
from pipeline.errors import TemplateProblem
from pipeline.render.word import TEMPLATE_ROOT, Renderer
from tests.helpers import workbooks as wbs
from tests.helpers.xlsx_parts import snapshot


def inject(root: Path, lang: str, name: str, tag: str) -> Path:
    """Put a paragraph holding ``tag`` first in the body of ``root/lang/name.docx``."""
    path = root / lang / f"{name}.docx"
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for filename, data in entries:
            if filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index(">", xml.index("<w:body")) + 1
                para = f"<w:p><w:r><w:t>Ennen {escape(tag)} jälkeen</w:t></w:r></w:p>"
                data = (xml[:start] + para + xml[start:]).encode("utf-8")
            zf.writestr(filename, data)
    return path


@pytest.fixture
def templates(tmp_path) -> Path:
    root = tmp_path / "templates_docx"
    shutil.copytree(TEMPLATE_ROOT, root)
    return root


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sandbox")
    data, _ = load(wbs.write(tmp / "hytetu.xlsx"))
    return data


def render_invitations(data, root: Path) -> list:
    inputs = BuildInputs(data=data, build_date=dt.date(2027, 3, 1), renderer=Renderer(root=root))
    return list(negotiation_documents(inputs, "kutsu", None).outputs)


def problem_of(data, root: Path) -> str:
    with pytest.raises(TemplateProblem) as info:
        render_invitations(data, root)
    return str(info.value)


def test_unchanged_copy_renders(data, templates):
    assert len(render_invitations(data, templates)) == 3


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ joiner.__init__.__globals__.os }}",
        "{{ negotiation.__class__.__init__.__globals__ }}",
        "{{ common.__dict__ }}",
    ],
)
def test_reaching_for_python_internals_is_refused(data, templates, tag):
    path = inject(templates, "fi", "kutsu", tag)
    message = problem_of(data, templates)
    assert str(path) in message
    assert "kiellettyä tai tuntematonta" in message or "tuntematon muuttuja" in message
    assert "Ennen" in message and "jälkeen" in message, "the text around the tag is shown"
    assert "poista" in message.lower() or "korjaa" in message.lower()


def test_forbidden_message_says_what_to_do(data, templates):
    path = inject(templates, "fi", "kutsu", "{{ ''.__class__.__mro__ }}")
    message = problem_of(data, templates)
    assert message.startswith(f"{path}: pohja yrittää käyttää kiellettyä tai tuntematonta tietoa")
    assert "__class__" in message
    assert "poista tunniste, joka viittaa ohjelman sisäisiin tietoihin" in message


def test_unknown_variable_names_template_and_tag(data, templates):
    path = inject(templates, "sv", "kutsu", "{{ negotiation.whenn }}")
    message = problem_of(data, templates)
    assert message.startswith(f"{path}: pohjassa on tuntematon muuttuja")
    assert "whenn" in message
    assert "kohdassa ”Ennen {{ negotiation.whenn }} jälkeen”" in message
    assert "Korjaa tunnisteen nimi" in message


def test_syntax_error_names_template_and_text_around(data, templates):
    path = inject(templates, "fi", "kutsu", "{{ negotiation.when }")
    message = problem_of(data, templates)
    assert message.startswith(f"{path}: pohjan tunnisteessa on kirjoitusvirhe")
    assert "Ennen {{ negotiation.when } jälkeen" in message
    assert "Korjaa {{ }}- ja {% %}-merkinnät" in message


def test_unclosed_block_is_a_syntax_error(data, templates):
    path = inject(templates, "fi", "kutsu", "{% if negotiation %}")
    message = problem_of(data, templates)
    assert str(path) in message and "kirjoitusvirhe" in message


@pytest.mark.parametrize("tag", ["{{ 1/0 }}", "{% for i in range(10**9) %}{% endfor %}"])
def test_impossible_computation_is_reported_not_crashed(data, templates, tag):
    path = inject(templates, "fi", "kutsu", tag)
    message = problem_of(data, templates)
    assert str(path) in message
    assert "pohjan tunnistetta ei voi laskea" in message and "Korjaa tai poista" in message


def test_cli_reports_template_problem_and_writes_nothing(tmp_path, templates, monkeypatch):
    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    out = tmp_path / "out"
    first = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert first.exit_code == 0, first.output
    before = snapshot(out)

    path = inject(templates, "fi", "asialista", "{{ ''.__class__.__mro__ }}")
    monkeypatch.setattr(
        Renderer, "template_path", lambda self, lang, name: templates / lang / f"{name}.docx"
    )
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Virhe – {path}: pohja yrittää käyttää kiellettyä" in result.output
    assert snapshot(out) == before


def test_sandbox_is_the_environment_in_use():
    from jinja2.sandbox import SandboxedEnvironment

    renderer = Renderer()
    assert isinstance(renderer.env, SandboxedEnvironment)
    assert renderer.env.autoescape is True
