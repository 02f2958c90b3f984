"""The command line: exit codes, messages, progress and the closing summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pipeline import cli
from pipeline.cli import progress as progress_line
from pipeline.cli.progress import Progress
from tests.helpers import workbooks as wbs


def run(*args: str):
    return CliRunner().invoke(cli.main, list(args))


def test_build_prints_summary_per_type_and_language(workbook, tmp_path):
    result = run("build", str(workbook), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "2_valmistelu/kutsu_rannikko_sv.docx" in result.output
    assert f"tiedostoa kansiossa {tmp_path / 'out' / '2027'}" in result.output
    assert "  kutsu (fi): 2" in result.output and "  kutsu (sv): 1" in result.output
    assert "Arkistoluettelo:" in result.output


def test_quiet_build_keeps_the_summary_only(workbook, tmp_path):
    result = run("build", str(workbook), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0
    assert "kutsu_rannikko_sv.docx" not in result.output
    assert "  kutsu (sv): 1" in result.output
    assert "\r" not in result.output  # no progress line outside a terminal


def test_validate_ok_and_with_errors(tmp_path):
    good = wbs.write(tmp_path / "good.xlsx")
    result = run("validate", str(good))
    assert result.exit_code == 0 and "kunnossa" in result.output
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 1, "Kieli", "englanti")
    bad = wbs.write(tmp_path / "bad.xlsx", sheets)
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "Virhe – Kunnat!C2: ”englanti” ei ole sallittu kieli" in result.output
    assert "Traceback" not in result.output


def test_build_with_errors_exits_1_and_writes_nothing(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Neuvottelut", 1, "Päivämäärä", "huomenna")
    bad = wbs.write(tmp_path / "bad.xlsx", sheets)
    result = run("build", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "Neuvottelut!C2" in result.output and "Mitään ei kirjoitettu" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_workbook_is_a_finnish_message(tmp_path):
    result = run("build", str(tmp_path / "puuttuu.xlsx"))
    assert result.exit_code == 1
    assert "tiedostoa ei löydy" in result.output


def test_wrong_usage_exits_2():
    assert run("build", "--ei-tallaista").exit_code == 2
    assert run("tuntematon").exit_code == 2


def test_init_refuses_to_overwrite(tmp_path):
    target = tmp_path / "uusi.xlsx"
    assert run("init", str(target)).exit_code == 0
    before = target.read_bytes()
    result = run("init", str(target))
    assert result.exit_code == 1 and "on jo olemassa" in result.output
    assert target.read_bytes() == before


def test_progress_line_on_a_terminal(monkeypatch):
    class Tty:
        def __init__(self):
            self.text = ""

        def isatty(self):
            return True

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    tty = Tty()
    monkeypatch.setattr(progress_line.sys, "stderr", tty)
    monkeypatch.setattr(
        progress_line.click, "echo", lambda msg="", nl=True, err=False: tty.write(msg)
    )
    monkeypatch.setattr(Progress, "DELAY", 0)
    monkeypatch.setattr(Progress, "EVERY", 0)
    with Progress() as progress:
        for name in ("2_valmistelu/kutsu_a_fi.docx", "2_valmistelu/kutsu_b_fi.docx"):
            progress(name)
    assert "Tehdään asiakirjoja: 2 – kutsu_b_fi.docx" in tty.text
    assert tty.text.endswith("\r\x1b[K")
    quiet = Progress(enabled=False)
    assert not quiet.enabled


def test_help_starts_without_heavy_imports():
    code = (
        "import sys; from pipeline.cli import main\n"
        "heavy = [m for m in ('docxtpl', 'openpyxl', 'docx', 'babel', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_usage_errors_and_help_are_in_finnish():
    result = run("build", "--ei-tallaista")
    assert result.exit_code == 2
    assert "Tuntematon valitsin ”--ei-tallaista”" in result.output
    assert "Käyttö: " in result.output and "Usage" not in result.output
    result = run("validate", "a.xlsx", "ylimaarainen")
    assert result.exit_code == 2 and "Ylimääräinen argumentti (ylimaarainen)" in result.output
    assert "Tuntematon komento ”tuntematon”" in run("tuntematon").output
    help_text = run("--help").output
    assert "Valitsimet:" in help_text and "Komennot:" in help_text
    assert "Näytä tämä ohje ja lopeta." in help_text
    assert "Options" not in help_text and "Show this" not in help_text


def test_counts_agree_in_number(tmp_path):
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 1, "Kieli", "englanti")
    wbs.set_cell(sheets, "Neuvottelut", 1, "Puheenjohtaja", "")
    bad = wbs.write(tmp_path / "bad.xlsx", sheets)
    result = run("validate", str(bad))
    assert "1 virhe, 1 varoitus." in result.output


def test_defaults_agree_with_the_core():
    from pipeline import app as build
    from pipeline.errors import EXIT_USAGE

    assert Path(cli.DEFAULT_WORKBOOK) == build.DEFAULT_WORKBOOK
    assert run("build", "--ei-tallaista").exit_code == EXIT_USAGE


def test_init_wants_an_xlsx_name(tmp_path):
    result = run("init", str(tmp_path / "tyokirja.txt"))
    assert result.exit_code == 1 and "pitää päättyä .xlsx" in result.output
    assert not (tmp_path / "tyokirja.txt").exists()
