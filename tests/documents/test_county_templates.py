"""A county's own templates (``Pohjakansio``, SPEC §2): used file by file, linted by validate."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from pipeline import cli
from pipeline.app import build, check
from pipeline.documents import template_names
from pipeline.documents.template_check import check_templates
from pipeline.render.lint import paths
from pipeline.render.word import TEMPLATE_ROOT
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text

MARK = "Tämä kappale on vain alueen omassa kutsupohjassa 4711."


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli.main, list(args))


def county_workbook(folder: Path, **settings: str) -> Path:
    """The base workbook in ``folder`` with extra ``Asetukset`` rows (setting=value)."""
    sheets = wbs.base()
    for name, value in settings.items():
        sheets["Asetukset"].append([name, value])
    return wbs.write(folder / "hytetu.xlsx", sheets)


def own_templates(folder: Path) -> Path:
    """``hytetu templates`` into ``folder/pohjat``, as a coordinator runs it."""
    result = run("templates", str(folder / "pohjat"))
    assert result.exit_code == 0, result.output
    assert "14 Word-pohjaa kopioitu" in result.output
    return folder / "pohjat"


def add_paragraph(path: Path, text: str) -> None:
    document = docx.Document(str(path))
    document.add_paragraph(text)
    document.save(str(path))


def docx_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.docx"))}


def test_an_edited_finnish_invitation_reaches_the_finnish_invitations_and_nothing_else(
    tmp_path: Path,
) -> None:
    reference = build(county_workbook(tmp_path / "plain"), tmp_path / "plain" / "out")
    pohjat = own_templates(tmp_path / "own")
    add_paragraph(pohjat / "fi" / "kutsu.docx", MARK)
    own = build(county_workbook(tmp_path / "own", Pohjakansio="pohjat"), tmp_path / "own" / "out")
    before, after = docx_files(reference.target), docx_files(own.target)
    assert before.keys() == after.keys()
    invitations = [name for name in after if Path(name).name.startswith("kutsu_")]
    fi = [name for name in invitations if name.endswith("_fi.docx")]
    assert fi and len(fi) < len(invitations)  # the base has Swedish invitations too
    for name, content in after.items():
        if name in fi:
            assert MARK in docx_text(content), name
        else:  # Swedish invitations and every other type: the very same file as without it
            assert MARK not in docx_text(content), name
            assert content == before[name], name


def test_windows_backslashes_in_the_folder_setting(tmp_path: Path) -> None:
    own_templates(tmp_path)
    data, problems = check(county_workbook(tmp_path, Pohjakansio="pohjat\\fi\\..\\"))
    assert data is not None and data.settings.templates == (tmp_path / "pohjat").resolve()
    assert not problems.errors


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ negotiation.when ", "kirjoitusvirhe (tunnisteesta puuttuu loppumerkki }})"),
        ("{% if final %}ei suljettu", "kirjoitusvirhe"),
        ("{{ countyy }}", "tätä asiakirjaa varten ei ole nimeä ”countyy”. Tarkoititko ”county”?"),
        (
            "{% for d in delegations %}{{ d.organization }}{% endfor %}",
            "tiedolla ”delegations” ei ole kenttää ”organization”. Tarkoititko ”organisation”?",
        ),
        ("{{ county.__class__ }}", "ohjelman sisäistä tietoa ”__class__”"),
        ("{{ delegations.organisation }}", "”delegations” on luettelo, joten sen kenttää"),
        ("{{ county.nimi }}", "tiedolla ”county” ei ole kenttää ”nimi”"),
        ("{{ title|nosuchfilter }}", "tuntematon suodatin ”nosuchfilter”"),
    ],
)
def test_validate_reports_a_faulty_override_and_build_writes_nothing(
    tmp_path: Path, tag: str, expected: str
) -> None:
    pohjat = own_templates(tmp_path)
    add_paragraph(pohjat / "fi" / "kutsu.docx", f"Lisätieto: {tag}")
    workbook = county_workbook(tmp_path, Pohjakansio="pohjat")
    result = run("validate", str(workbook))
    assert result.exit_code == 1, result.output
    assert f"Virhe – {Path('pohjat') / 'fi' / 'kutsu.docx'}: " in result.output
    assert expected in result.output
    assert "Lisätieto:" in result.output  # the text around the fault
    assert "Traceback" not in result.output
    out = tmp_path / "out"
    result = run("build", str(workbook), "--out", str(out))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected in result.output
    assert not out.exists()


def test_a_renamed_name_says_what_it_is_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(template_names.RENAMED, "negotiation.pvm", "negotiation.date_long")
    pohjat = own_templates(tmp_path)
    add_paragraph(pohjat / "sv" / "kutsu.docx", "Datum: {{ negotiation.pvm }}")
    _, problems = check(county_workbook(tmp_path, Pohjakansio="pohjat"))
    messages = [str(p) for p in problems.errors]
    assert messages == [
        f"{Path('pohjat') / 'sv' / 'kutsu.docx'}: nimi ”negotiation.pvm” on nyt "
        "”negotiation.date_long” (pohja on tehty ohjelman vanhemmalle versiolle). Kirjoita "
        "tunnisteeseen ”negotiation.date_long”. Kohta: ”Datum: {{ negotiation.pvm }}”."
    ]


def test_a_press_release_template_of_an_older_version_is_told_the_name_now(
    tmp_path: Path,
) -> None:
    """The tiedote templates before issue 15 closed each list with ``n.more``."""
    pohjat = own_templates(tmp_path)
    add_paragraph(
        pohjat / "fi" / "tiedote.docx",
        "{% for n in negotiations %}{% if n.more %}{{ n.more }}{% endif %}{% endfor %}",
    )
    _, problems = check(county_workbook(tmp_path, Pohjakansio="pohjat"))
    assert [str(p) for p in problems.errors] == [
        f"{Path('pohjat') / 'fi' / 'tiedote.docx'}: nimi ”negotiations.more” on nyt "
        "”negotiations.agreements_intro” (pohja on tehty ohjelman vanhemmalle versiolle). "
        "Kirjoita tunnisteeseen ”n.agreements_intro”. Kohta: ”{% for n in negotiations %}"
        "{% if n.more %}{{ n.more }}{% endif %}{% endfor %}”."
    ]


def test_finnish_and_swedish_overrides_reading_different_names_warn(tmp_path: Path) -> None:
    pohjat = own_templates(tmp_path)
    add_paragraph(pohjat / "fi" / "asialista.docx", "Tunnus: {{ negotiation.code }}")
    data, problems = check(county_workbook(tmp_path, Pohjakansio="pohjat"))
    assert data is not None and not problems.errors
    warned = [str(p) for p in problems.warnings if "eri nimiä" in p.message]
    assert warned == [
        f"{Path('pohjat') / 'fi' / 'asialista.docx'}: suomen- ja ruotsinkielinen "
        "asialista-pohja käyttävät eri nimiä (vain suomenkielisessä: negotiation.code), joten "
        "asiakirjat näyttävät eri tiedot. Lisää sama tunniste kumpaankin pohjaan."
    ]


def test_files_the_build_would_not_use_are_named(tmp_path: Path) -> None:
    pohjat = own_templates(tmp_path)
    (pohjat / "fi" / "kutsu.docx").rename(pohjat / "fi" / "kutsut.docx")
    (pohjat / "sv" / "tiedote.docx").rename(pohjat / "tiedote.docx")
    problems = check_templates(pohjat, tmp_path)
    assert [(p.where, p.severity) for p in problems] == [
        ("pohjat/tiedote.docx", "varoitus"),
        ("pohjat/fi/kutsut.docx", "varoitus"),
    ]
    assert "Tarkoititko ”kutsu.docx”?" in problems[1].message


def test_a_missing_folder_is_an_error_at_its_cell(tmp_path: Path) -> None:
    result = run("validate", str(county_workbook(tmp_path, Pohjakansio="omat pohjat")))
    row = len(wbs.base()["Asetukset"]) + 1
    assert result.exit_code == 1
    assert (
        f"Virhe – Asetukset!B{row}: Pohjakansio: kansiota ”omat pohjat” ei löydy" in result.output
    )


def test_the_shipped_templates_use_only_their_documents_names() -> None:
    """The lint passes every default template: its names come from the real contexts."""
    assert {p.stem for p in (TEMPLATE_ROOT / "fi").glob("*.docx")} == set(template_names.CONTEXTS)
    assert check_templates(TEMPLATE_ROOT, TEMPLATE_ROOT) == []


def test_every_renamed_name_points_at_a_name_that_exists() -> None:
    known = {p for doc in template_names.CONTEXTS for p in paths(template_names.names_of(doc))}
    for old, new in template_names.RENAMED.items():
        assert new in known and old not in known, (old, new)


def test_the_guide_lists_every_name_of_every_document() -> None:
    """docs/pohjat.md names each name a template may use (so it cannot fall behind the code)."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "pohjat.md").read_text("utf-8")
    listed = set(re.findall(r"`([a-z_]+)`", guide))
    for doc_type in template_names.CONTEXTS:
        for path in paths(template_names.names_of(doc_type)):
            assert path.rsplit(".", 1)[-1] in listed, (doc_type, path)
