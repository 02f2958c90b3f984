"""A regular install builds: the wheel, in a fresh venv, used from another folder.

An editable install finds the Word templates in the source tree; a wheel has only what
pyproject.toml packages. This test builds the wheel (``pip wheel . --no-deps``), installs
it into a new venv (its dependencies from the package index or pip's cache), and runs the
coordinator's first two commands in an empty folder, as SPEC's quick start promises.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: what the wheel is built from (copied, so the build leaves nothing in the working tree)
SOURCES = ("pyproject.toml", "README.md", "pipeline", "templates_docx")
DOC_TYPES = (
    "kutsu",
    "asialista",
    "poytakirja",
    "ennakkotehtava",
    "ennakkomateriaali",
    "tiedote",
    "yhteenveto",
)

pytestmark = pytest.mark.e2e


def _run(args: list[str | Path], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, src / name)
    dist = tmp_path_factory.mktemp("dist")
    _ok(_run([sys.executable, "-m", "pip", "wheel", "-q", ".", "--no-deps", "-w", dist], src))
    (found,) = dist.glob("hytetu-*.whl")
    return found


def test_the_wheel_carries_every_template_in_both_languages(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    shipped = {
        f"pipeline/templates_docx/{p.parent.name}/{p.name}"
        for p in (ROOT / "templates_docx").glob("*/*.docx")
    }
    assert len(shipped) == 14
    assert shipped <= names


def test_installed_wheel_inits_and_builds_the_example_from_another_folder(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    _ok(_run([sys.executable, "-m", "venv", venv], tmp_path))
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    _ok(_run([bindir / "python", "-m", "pip", "install", "-q", wheel], tmp_path))

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _ok(_run([bindir / "python", "-c", "import pipeline; print(pipeline.__file__)"], work))
    assert Path(where.strip()).is_relative_to(venv), "pipeline must come from the installed wheel"

    hytetu = bindir / "hytetu"
    _ok(_run([hytetu, "init", "--example", "x.xlsx"], work))
    assert (work / "x.xlsx").is_file()
    _ok(_run([hytetu, "build", "x.xlsx"], work))

    year = work / "output" / "2027"
    assert (year / "arkistoluettelo.csv").is_file()
    made = {p.name.split("_")[0] for p in year.rglob("*.docx")}
    assert set(DOC_TYPES) <= made, sorted(made)
    assert any(year.glob("4_seuranta/seurantataulukko_*.xlsx"))
