"""``hytetu templates``: the shipped templates copied for editing; a copy reaches the renderer."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import OutputProblem
from pipeline.render.word import TEMPLATE_ROOT, Renderer
from pipeline.starter.templates import copy_templates


def test_copies_fi_and_sv_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "pohjat"
    copied = copy_templates(target)
    assert {p.relative_to(target).as_posix() for p in copied} == {
        p.relative_to(TEMPLATE_ROOT).as_posix() for p in TEMPLATE_ROOT.glob("*/*.docx")
    }
    (target / "fi" / "kutsu.docx").write_bytes(b"muokattu")
    with pytest.raises(OutputProblem, match="on jo olemassa"):
        copy_templates(target)
    assert (target / "fi" / "kutsu.docx").read_bytes() == b"muokattu"


def test_cli_templates_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["templates", str(tmp_path / "p")])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["templates", str(tmp_path / "p")])
    assert again.exit_code == 1 and "Traceback" not in again.output


def test_an_override_wins_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "kutsu.docx").write_bytes(b"x")
    renderer = Renderer(overrides=tmp_path)
    assert renderer.template_path("fi", "kutsu") == tmp_path / "fi" / "kutsu.docx"
    assert renderer.template_path("sv", "kutsu") == TEMPLATE_ROOT / "sv" / "kutsu.docx"
    assert renderer.template_path("fi", "asialista") == TEMPLATE_ROOT / "fi" / "asialista.docx"
