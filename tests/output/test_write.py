"""Writing a build: all or nothing, and nothing people made is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.app import build, load
from pipeline.cli import main
from pipeline.contract.outputs import Output
from pipeline.errors import OutputProblem
from pipeline.output import commit as write
from pipeline.output import workspace
from pipeline.output.archive_list import FILE_NAME, archive_list
from pipeline.output.commit import backup_root, commit_build, locked_files
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of

TRACKER = "4_seuranta/seurantataulukko_2027.xlsx"


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> sha256): what "unchanged" means."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def settings(tmp_path):
    data, _ = load(wbs.write(tmp_path / "hytetu.xlsx"))
    return data.settings


def files_of(settings, contents: dict[str, bytes]) -> dict[str, bytes]:
    """A build's files: ``contents`` plus their archive list."""
    outputs = [Output(path=p, doc_type="kutsu", title=p, content=c) for p, c in contents.items()]
    return {**contents, FILE_NAME: archive_list(outputs, settings, dt.date(2027, 1, 1))}


def test_first_build_writes_exactly_the_files(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    report = commit_build(target, files_of(settings, {"2_valmistelu/a.docx": b"A"}))
    assert set(tree(target)) == {"2_valmistelu/a.docx", FILE_NAME}
    assert report.kept == [] and report.backups == [] and report.replaced == []


def test_files_people_added_are_carried_over(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"2_valmistelu/a.docx": b"A"}))
    (target / "muistio.txt").write_text("oma")
    (target / "2_valmistelu" / "liite.pdf").write_bytes(b"%PDF")
    report = commit_build(target, files_of(settings, {"2_valmistelu/a.docx": b"A2"}))
    assert (target / "muistio.txt").read_text() == "oma"
    assert (target / "2_valmistelu" / "liite.pdf").read_bytes() == b"%PDF"
    assert (target / "2_valmistelu" / "a.docx").read_bytes() == b"A2"
    assert sorted(report.kept) == ["2_valmistelu/liite.pdf", "muistio.txt"]


def test_hand_edited_file_stops_the_build_and_changes_nothing(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"3_neuvottelut/p.docx": b"generated"}))
    (target / "3_neuvottelut" / "p.docx").write_bytes(b"corrected by hand")
    before = tree(tmp_path / "out")
    with pytest.raises(OutputProblem) as exc:
        commit_build(target, files_of(settings, {"3_neuvottelut/p.docx": b"new build"}))
    message = str(exc.value)
    assert str(target / "3_neuvottelut" / "p.docx") in message
    assert "--replace-edited" in message
    assert tree(tmp_path / "out") == before
    assert [p.name for p in tmp_path.joinpath("out").iterdir()] == ["2027"]  # no staging left


def test_replacing_hand_edited_file_keeps_a_copy_outside_the_year(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"3_neuvottelut/p.docx": b"generated"}))
    (target / "3_neuvottelut" / "p.docx").write_bytes(b"corrected by hand")
    report = commit_build(
        target, files_of(settings, {"3_neuvottelut/p.docx": b"new build"}), replace_edited=True
    )
    assert (target / "3_neuvottelut" / "p.docx").read_bytes() == b"new build"
    assert report.replaced == ["3_neuvottelut/p.docx"]
    (copy,) = report.backups
    assert copy.read_bytes() == b"corrected by hand"
    assert copy.parent == backup_root(target) / "3_neuvottelut"
    sha = hashlib.sha256(b"corrected by hand").hexdigest()
    assert copy.name == f"p_{sha[:8]}.docx"
    assert set(tree(target)) == {"3_neuvottelut/p.docx", FILE_NAME}


def test_edited_file_the_build_no_longer_makes_is_kept(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"4_seuranta/tiedote_fi.docx": b"generated"}))
    (target / "4_seuranta" / "tiedote_fi.docx").write_bytes(b"edited")
    report = commit_build(target, files_of(settings, {"2_valmistelu/a.docx": b"A"}))
    assert (target / "4_seuranta" / "tiedote_fi.docx").read_bytes() == b"edited"
    assert report.kept == ["4_seuranta/tiedote_fi.docx"]


def test_unedited_file_is_replaced_without_asking_and_backed_up(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"a.docx": b"1", "b.docx": b"B"}))
    report = commit_build(target, files_of(settings, {"a.docx": b"2", "b.docx": b"B"}))
    assert (target / "a.docx").read_bytes() == b"2"
    assert report.changed == ["a.docx"]
    assert [p.read_bytes() for p in report.backups] == [b"1"]
    assert [p.parent for p in report.backups] == [backup_root(target)]
    assert not (tmp_path / "out" / ".hytetu-kesken").exists()


def test_added_file_where_the_build_now_writes_needs_permission(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"a.docx": b"1"}))
    (target / "b.docx").write_bytes(b"mine")
    with pytest.raises(OutputProblem, match="ei ole arkistoluettelossa"):
        commit_build(target, files_of(settings, {"a.docx": b"1", "b.docx": b"generated"}))
    assert (target / "b.docx").read_bytes() == b"mine"


def test_merged_tracker_is_backed_up_only_when_it_changes(tmp_path, settings):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {TRACKER: b"v1"}))
    (target / TRACKER).write_bytes(b"v1 typed")  # people typed into it: not a conflict
    report = commit_build(target, files_of(settings, {TRACKER: b"v2"}), merged=[TRACKER])
    (copy,) = report.backups
    assert copy.read_bytes() == b"v1 typed"
    assert (
        copy.relative_to(tmp_path / "out").as_posix().startswith("varmuuskopiot/2027/4_seuranta/")
    )
    again = commit_build(target, files_of(settings, {TRACKER: b"v2"}), merged=[TRACKER])
    assert again.backups == []


@pytest.mark.parametrize(
    ("lock", "owner"),
    [
        ("4_seuranta/~$seurantataulukko_2027.xlsx", TRACKER),
        ("4_seuranta/.~lock.seurantataulukko_2027.xlsx#", TRACKER),
        (
            "3_neuvottelut/~$ytakirja_pohjoinen_fi.docx",
            "3_neuvottelut/poytakirja_pohjoinen_fi.docx",
        ),
    ],
)
def test_open_file_stops_the_build(tmp_path, settings, lock, owner):
    target = tmp_path / "out" / "2027"
    contents = {TRACKER: b"t", "3_neuvottelut/poytakirja_pohjoinen_fi.docx": b"p"}
    commit_build(target, files_of(settings, contents))
    (target / lock).write_bytes(b"")
    assert locked_files(target) == [(owner, lock)]
    before = tree(tmp_path / "out")
    with pytest.raises(OutputProblem) as exc:
        commit_build(target, files_of(settings, {TRACKER: b"t2"}), merged=[TRACKER])
    assert str(target / owner) in str(exc.value) and "auki" in str(exc.value)
    assert tree(tmp_path / "out") == before


def test_backups_move_only_with_the_swap_and_a_died_build_s_move_is_finished(
    tmp_path, settings, monkeypatch
):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"a.docx": b"1"}))
    real = workspace.publish_backups

    def dying(out, year):  # the swap was done; the build dies before moving the backups
        raise PermissionError(13, "Permission denied", str(out))

    monkeypatch.setattr(workspace, "publish_backups", dying)
    report = commit_build(target, files_of(settings, {"a.docx": b"2"}))
    assert (target / "a.docx").read_bytes() == b"2"
    assert not backup_root(target).exists()  # none in place yet: they wait in the work area
    assert "seuraava ajo siirtää ne" in report.leftovers[-1]
    monkeypatch.setattr(workspace, "publish_backups", real)
    report = commit_build(target, files_of(settings, {"a.docx": b"2"}))
    sha = hashlib.sha256(b"1").hexdigest()[:8]
    assert (backup_root(target) / f"a_{sha}.docx").read_bytes() == b"1"
    assert any("varmuuskopio siirrettiin paikalleen" in line for line in report.leftovers)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2027", "varmuuskopiot"]


def test_failing_swap_leaves_previous_output(tmp_path, settings, monkeypatch):
    target = tmp_path / "out" / "2027"
    commit_build(target, files_of(settings, {"a.docx": b"1"}))
    before = tree(tmp_path / "out")
    real = os.replace

    def failing(src, dst):
        if Path(src).parent.name == "uusi":  # moving the new folder into place
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", failing)
    with pytest.raises(OutputProblem, match="Aiemmat tulosteet ovat ennallaan"):
        commit_build(target, files_of(settings, {"a.docx": b"2"}))
    assert tree(tmp_path / "out") == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2027"]


# ------------------------------------------------------------ the command


@pytest.fixture
def built(tmp_path):
    build_of(tmp_path)
    return tmp_path / "hytetu.xlsx", tmp_path / "out"


def test_cli_hand_edited_minutes_never_block_the_build(built):
    workbook, out = built
    minutes = out / "2027" / "3_neuvottelut" / "poytakirja_pohjoinen_fi.docx"
    minutes.write_bytes(minutes.read_bytes() + b"\0")
    edited = minutes.read_bytes()
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Varoitus – {minutes}: tiedostoa on muokattu käsin" in result.output
    assert "Traceback" not in result.output
    assert minutes.read_bytes() == edited

    result = CliRunner().invoke(
        main, ["build", str(workbook), "--out", str(out), "--korvaa-muokatut"]
    )
    assert result.exit_code == 0, result.output
    assert "Korvattu käsin muokattu tiedosto: 3_neuvottelut/poytakirja_pohjoinen_fi.docx" in (
        result.output
    )
    (copy,) = (out / "varmuuskopiot" / "2027" / "3_neuvottelut").iterdir()
    assert copy.read_bytes().endswith(b"\0")


def test_cli_tracker_open_in_excel_exit_1_changes_nothing(built):
    workbook, out = built
    (out / "2027" / "4_seuranta" / "~$seurantataulukko_2027.xlsx").write_bytes(b"\0" * 165)
    before = tree(out)
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert result.exit_code == 1
    assert "seurantataulukko_2027.xlsx" in result.output and "auki" in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before


def test_cli_broken_tracker_exit_1_changes_nothing(built):
    workbook, out = built
    (out / "2027" / TRACKER).write_bytes(b"tallennus keskeytyi")
    before = tree(out)
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert result.exit_code == 1
    assert "seurantataulukko_2027.xlsx" in result.output and "varmuuskopiot" in result.output
    assert tree(out) == before


def test_cli_rebuild_reports_what_it_carried_over(built):
    workbook, out = built
    result = CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Seurantataulukko päivitetty: 2 riviä säilyi" in result.output
    assert "0 uutta päätöstä" in result.output


def test_rebuild_keeps_the_year_folders_permissions_and_backs_up_dropped_files(tmp_path):
    import os

    from tests.helpers import workbooks as wbs

    workbook = wbs.write(tmp_path / "hytetu.xlsx")
    out = tmp_path / "out"
    first = build(workbook, out)
    year = first.target
    os.chmod(year, 0o775)
    extra = (
        year / "2_valmistelu" / "kutsu_poistettu_fi.pdf"
    )  # as if an earlier build had made it (its negotiation since removed)
    extra.write_bytes(b"%PDF-1.7 vanha")
    import hashlib

    from pipeline.output.archive_list import FILE_NAME, read_archive_list

    listing = (year / FILE_NAME).read_text(encoding="utf-8-sig")
    sha = hashlib.sha256(extra.read_bytes()).hexdigest()
    row = f"2_valmistelu/kutsu_poistettu_fi.pdf;kutsu;Kutsu;pohjoinen;;fi;valmis;2027-01-01;x;Julkinen;kyllä;;;{sha};14\r\n"
    (year / FILE_NAME).write_bytes(("\ufeff" + listing + row).encode("utf-8"))
    assert any(
        r["tiedosto"].endswith(".pdf") for r in read_archive_list((year / FILE_NAME).read_bytes())
    )
    second = build(workbook, out)
    assert (year.stat().st_mode & 0o777) == 0o775
    assert "2_valmistelu/kutsu_poistettu_fi.pdf" in second.written.dropped
    assert not extra.exists()
    backups = list(
        (out / "varmuuskopiot" / "2027" / "2_valmistelu").glob("kutsu_poistettu_fi_*.pdf")
    )
    assert len(backups) == 1 and backups[0].read_bytes() == b"%PDF-1.7 vanha"


def test_a_file_where_the_year_folder_goes_is_never_replaced(tmp_path):
    from pipeline.errors import OutputProblem
    from tests.helpers import workbooks as wbs

    out = tmp_path / "out"
    out.mkdir()
    (out / "2027").write_text("muistiinpano")
    with pytest.raises(OutputProblem, match="tulostekansion paikalla on tiedosto"):
        build(wbs.write(tmp_path / "hytetu.xlsx"), out)
    assert (out / "2027").read_text() == "muistiinpano"
    assert sorted(p.name for p in out.iterdir()) == ["2027"]


def test_operating_system_reasons_are_in_finnish():
    import errno

    from pipeline.errors import os_reason

    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "ei käyttöoikeutta"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "levy on täynnä"
