"""The catalogue of broken, hostile and oversized workbooks, run through the real command.

Every case: exit status 1, a Finnish message naming the sheet and cell (or the
file) and what to do, no traceback, and the output folder exactly as it was.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.workbook import container, read
from tests.helpers import workbooks as wbs
from tests.helpers.xlsx_parts import (
    add_shared_strings,
    edit_sheet_xml,
    rewrite_parts,
    sheet_part,
    snapshot,
)
from tests.workbook.test_validate import ERRORS

# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory) -> Path:
    """An output folder as a coordinator has it: last year's files plus a file of their own.

    Made by hand, so the catalogue does not depend on every document type building.
    """
    out = tmp_path_factory.mktemp("previous") / "out"
    folder = out / "2027" / "2_valmistelu"
    folder.mkdir(parents=True)
    (folder / "kutsu_pohjoinen_fi.docx").write_bytes(b"PK\x03\x04 edellinen kutsu")
    (out / "2027" / "arkistoluettelo.csv").write_bytes("\ufefftiedosto;koko\n".encode())
    (out / "muistiinpanot.txt").write_text("koordinaattorin omat muistiinpanot\n")
    return out


def prepared_out(tmp_path: Path, previous: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    return out


def run_build(workbook: Path, out: Path, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["build", str(workbook), "--out", str(out)], env=env)


def with_openpyxl(path: Path, edit: Callable[[object], None]) -> None:
    wb = load_workbook(path)
    edit(wb)
    wb.save(path)


def valid(tmp_path: Path, name: str = "hytetu.xlsx") -> Path:
    return wbs.write(tmp_path / name)


def from_sheets(mutate: Callable[[dict], None]) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        sheets = wbs.base()
        mutate(sheets)
        return wbs.write(tmp_path / "hytetu.xlsx", sheets)

    return make


def raw_bytes(data: bytes, name: str = "hytetu.xlsx") -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def then(edit: Callable[[Path], None], name: str = "hytetu.xlsx") -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = valid(tmp_path, name)
        edit(path)
        return path

    return make


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DTD_BOMB = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>\n'
)


def bomb_prolog(padding: int) -> str:
    """XML declaration, ``padding`` characters of comment (past any prefix scan), the bomb."""
    comment = f"<!--{'x' * padding}-->\n" if padding else ""
    return '<?xml version="1.0"?>\n' + comment + DTD_BOMB


def _entity_bomb_in_sheet(padding: int = 0) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        def inject(xml: str) -> str:
            body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
            body = body.replace(
                "<sheetData>",
                '<sheetData><row r="1000"><c r="A1000" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                1,
            )
            return bomb_prolog(padding) + body

        edit_sheet_xml(path, "Nostot", inject)

    return edit


def _entity_bomb_in_shared_strings(padding: int = 0) -> Callable[[Path], None]:
    """A shared-string table (referenced by Nostot!C2) that declares an entity bomb."""

    def edit(path: Path) -> None:
        edit_sheet_xml(
            path,
            "Nostot",
            lambda xml: xml.replace(
                "</sheetData>", '<row r="9"><c r="C9" t="s"><v>0</v></c></row></sheetData>', 1
            ),
        )
        add_shared_strings(
            path,
            bomb_prolog(padding)
            + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>',
        )

    return edit


def _zip_bomb(total_mb: int) -> Callable[[Path], None]:
    """A sheet whose XML inflates to ``total_mb`` megabytes of spaces (a few hundred KB packed)."""

    def edit(path: Path) -> None:
        part = sheet_part(path, "Nostot")
        with zipfile.ZipFile(path) as zf:
            entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
        chunk = b" " * (1024 * 1024)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                if name != part:
                    zf.writestr(name, data)
                    continue
                with zf.open(name, "w", force_zip64=True) as fh:
                    head, rest = data.split(b"<sheetData>", 1)
                    fh.write(head)
                    for _ in range(total_mb):
                        fh.write(chunk)
                    fh.write(b"<sheetData>" + rest)

    return edit


def _many_rows(n: int) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        def inject(xml: str) -> str:
            rows = "".join(
                f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Henkilö {r}</t></is></c>'
                f'<c r="B{r}" t="inlineStr"><is><t>Pikkula</t></is></c></row>'
                for r in range(20, 20 + n)
            )
            return xml.replace("</sheetData>", rows + "</sheetData>", 1)

        edit_sheet_xml(path, "Osallistujat", inject)

    return edit


def _formula_without_value(path: Path) -> None:
    # openpyxl writes a formula without a cached result, as many tools do
    with_openpyxl(path, lambda wb: wb["Nostot"].__setitem__("E2", "=A1&B1"))


def _error_value(ref: str, value: str) -> Callable[[Path], None]:
    def edit(wb) -> None:
        cell = wb["Neuvottelut"][ref]
        cell.value = value
        cell.data_type = "e"

    return lambda path: with_openpyxl(path, edit)


def _hide_sheet(path: Path) -> None:
    def edit(wb) -> None:
        wb["Nostot"].sheet_state = "hidden"

    with_openpyxl(path, edit)


def _hide_row(path: Path) -> None:
    with_openpyxl(path, lambda wb: setattr(wb["Osallistujat"].row_dimensions[5], "hidden", True))


def _hide_column(path: Path) -> None:
    with_openpyxl(
        path, lambda wb: setattr(wb["Osallistujat"].column_dimensions["C"], "hidden", True)
    )


def _merge(path: Path) -> None:
    with_openpyxl(path, lambda wb: wb["Osallistujat"].merge_cells("C5:D5"))


def _vba(path: Path) -> None:
    rewrite_parts(path, {"xl/vbaProject.bin": OLE + b"\0" * 504})


def _only_headers(sheets: dict) -> None:
    for name in list(sheets):
        sheets[name] = sheets[name][:1]


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage_sheet(path: Path) -> None:
    rewrite_parts(path, {sheet_part(path, "Kunnat"): b"<worksheet><sheetData><row>"})


def _no_workbook_part(path: Path) -> None:
    rewrite_parts(path, {"xl/workbook.xml": None})


def _oversized(path: Path) -> None:
    with path.open("r+b") as fh:  # sparse: no real disk space used
        fh.truncate(container.MAX_FILE_BYTES + 1)


def _random_bytes() -> bytes:
    import random

    rnd = random.Random(6)
    return bytes(rnd.randrange(256) for _ in range(4096))


def _settings_row(name: str, value: object) -> Callable[[dict], None]:
    return lambda s: s["Asetukset"].append([name, value])


def _set(sheet: str, row: int, column: str, value: object) -> Callable[[dict], None]:
    return lambda s: wbs.set_cell(s, sheet, row, column, value)


def _add_sheet(name: str, rows: list[list[object]]) -> Callable[[dict], None]:
    return lambda s: s.update({name: rows})


# ---------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]
    #: where the message points: "Sheet!Cell", a sheet, or "FILE" for the workbook path
    where: str
    #: words of the message that say what is wrong and what to do
    says: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


CASES: list[Case] = [
    # --- not a workbook at all
    Case("random bytes", raw_bytes(_random_bytes()), "FILE", ("ei ole Excel-työkirja", "tallenna")),
    Case(
        "renamed csv",
        raw_bytes(b"Kunta;Kieli\nPikkula;suomi\n"),
        "FILE",
        ("ei ole Excel-työkirja", "tallenna muodossa Excel-työkirja (.xlsx)"),
    ),
    Case("old xls", raw_bytes(OLE + b"\0" * 2000), "FILE", (".xls", "tallenna Excelissä")),
    Case(
        "password protected",
        raw_bytes(OLE + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 900),
        "FILE",
        ("salasanalla suojattu", "Poista salasana"),
    ),
    Case("zero bytes", raw_bytes(b""), "FILE", ("tyhjä (0 tavua)", "Tallenna")),
    Case(
        "missing file",
        lambda tmp: tmp / "ei_ole.xlsx",
        "FILE",
        ("tiedostoa ei löydy", "hytetu init"),
    ),
    Case("a folder", lambda tmp: tmp, "FILE", ("on kansio", "Anna .xlsx-tiedoston polku")),
    Case(
        "xlsm by name",
        then(lambda p: None, "hytetu.xlsm"),
        "FILE",
        ("makroja", "tallenna työkirja .xlsx-muodossa"),
    ),
    Case("macros inside xlsx", then(_vba), "FILE", ("makroja", ".xlsx-muodossa")),
    Case(
        "zip without workbook",
        then(_no_workbook_part),
        "FILE",
        ("ei ole Excel-työkirja", "tallenna"),
    ),
    Case("truncated file", then(_truncate), "FILE", ("Excel-työkirja", "tallenna")),
    Case("broken sheet xml", then(_garbage_sheet), "FILE", ("vioittunut", "tallenna uudelleen")),
    # --- resource safety
    Case("over 50 MB", then(_oversized), "FILE", ("liian suuri", "Poista ylimääräiset")),
    Case("zip bomb", then(_zip_bomb(120)), "FILE", ("purkautuu liian suureksi", "uusi tiedosto")),
    Case(
        "zip bomb under the total limit",
        then(_zip_bomb(40)),
        "FILE",
        ("purkautuu liian suureksi", "vahingollinen"),
    ),
    Case(
        "entity bomb in sheet",
        then(_entity_bomb_in_sheet()),
        "FILE",
        ("DOCTYPE/ENTITY", "Pyydä lähettäjältä uusi tiedosto"),
    ),
    Case(
        "entity bomb after padding",
        then(_entity_bomb_in_sheet(padding=100_000)),
        "FILE",
        ("DOCTYPE/ENTITY", "uusi tiedosto"),
    ),
    Case(
        "entity bomb in shared strings",
        then(_entity_bomb_in_shared_strings()),
        "FILE",
        ("DOCTYPE/ENTITY", "uusi tiedosto"),
    ),
    Case(
        "entity bomb in shared strings after padding",
        then(_entity_bomb_in_shared_strings(padding=100_000)),
        "FILE",
        ("DOCTYPE/ENTITY", "uusi tiedosto"),
    ),
    Case(
        "100 000 rows",
        then(_many_rows(100_000)),
        "Osallistujat!A",
        ("yli 10 000 tietoriviä", "poista ylimääräiset rivit"),
    ),
    # --- shapes Excel allows but this tool cannot trust
    Case(
        "only header rows",
        from_sheets(_only_headers),
        "Asetukset!A2",
        ("asetus ”Hyvinvointialue” puuttuu", "Kirjoita Asetus-sarakkeeseen"),
    ),
    Case(
        "only header rows: no municipalities",
        from_sheets(_only_headers),
        "Kunnat!A2",
        ("ei ole yhtään kuntaa", "Lisää alueen kunnat"),
    ),
    Case(
        "merged cells",
        then(_merge),
        "Osallistujat!C5:D5",
        ("yhdistetyt solut", "Pura yhdistäminen"),
    ),
    Case("#N/A", then(_error_value("B2", "#N/A")), "Neuvottelut!B2", ("#N/A", "Korjaa kaava")),
    Case(
        "#DIV/0!",
        then(_error_value("D3", "#DIV/0!")),
        "Neuvottelut!D3",
        ("#DIV/0!", "kirjoita soluun arvo"),
    ),
    Case(
        "formula without cached value",
        then(_formula_without_value),
        "Nostot!E2",
        ("kaava, jonka tulosta ei ole tallennettu", "tallenna se"),
    ),
    Case("hidden sheet", then(_hide_sheet), "Nostot", ("piilotettu", "Näytä välilehti")),
    Case("hidden row", then(_hide_row), "Osallistujat!A5", ("piilotettu", "näytä rivi")),
    Case("hidden column", then(_hide_column), "Osallistujat!C1", ("piilotettu", "Näytä sarake")),
    Case(
        "32 767 characters",
        from_sheets(_set("Päätökset", 1, "Päätös", "x" * 32_767)),
        "Päätökset!E2",
        ("liian pitkä (32767 merkkiä, enintään 5000)", "Lyhennä"),
    ),
    Case(
        "a name too long",
        from_sheets(_set("Osallistujat", 1, "Nimi", "Aino " * 60)),
        "Osallistujat!A2",
        ("enintään 200", "Lyhennä"),
    ),
    # --- rules beyond the function-level list of tests/workbook/test_validate.py
    Case(
        "duplicated header",
        from_sheets(lambda s: s["Kunnat"][0].append("kunta")),
        "Kunnat!F1",
        ("on välilehdellä kahdesti", "Poista tai nimeä"),
    ),
    Case(
        "setting given twice",
        from_sheets(_settings_row("Vuosi", 2028)),
        "Asetukset!A13",
        ("annettu kahdesti", "Poista toinen rivi"),
    ),
    Case(
        "negotiation code gives no file name",
        from_sheets(_set("Neuvottelut", 2, "Tunnus", "!!!")),
        "Neuvottelut!A3",
        ("ei saa tiedostonimeä", "Käytä kirjaimia ja numeroita"),
    ),
    Case(
        "negotiation codes give the same file name",
        from_sheets(_set("Neuvottelut", 2, "Tunnus", "pohjoinen!")),
        "Neuvottelut!A3",
        ("saman tiedostonimen", "Valitse"),
    ),
    Case(
        "two negotiations for one area",
        from_sheets(_set("Neuvottelut", 2, "Palvelualue", "Pohjoinen")),
        "Neuvottelut!B3",
        ("on jo neuvottelu", "yksi neuvottelu"),
    ),
    Case(
        "bad answer type",
        from_sheets(
            _add_sheet(
                "Kyselyn kysymykset",
                [["Nro", "Kysymys", "Vastaustyyppi", "Vaihtoehdot"], [1, "Mitä?", "numero", ""]],
            )
        ),
        "Kyselyn kysymykset!C2",
        ("ei ole vastaustyyppi", "Valitse"),
    ),
    Case(
        "question twice",
        from_sheets(
            _add_sheet(
                "Kyselyn kysymykset",
                [["Nro", "Kysymys"], [1, "Mitä?"], [2, "mitä?"]],
            )
        ),
        "Kyselyn kysymykset!B3",
        ("sama kysymys", "Poista toinen"),
    ),
    Case(
        "phenomenon without name",
        from_sheets(_add_sheet("Ilmiöt", [["Ilmiö", "Kuvaus"], ["", "kuvaus ilman nimeä"]])),
        "Ilmiöt!A2",
        ("sarake ”Ilmiö” on pakollinen", "Täytä se tai poista rivi"),
    ),
    Case(
        "decision for an unknown municipality",
        from_sheets(_set("Päätökset", 2, "Kunta", "Tuntemattomala")),
        "Päätökset!D3",
        ("ei ole Kunnat-välilehdellä", "jätä tyhjäksi"),
    ),
    Case(
        "bad SOURCE_DATE_EPOCH",
        lambda tmp: valid(tmp),
        "SOURCE_DATE_EPOCH",
        ("ei ole sekuntimäärä", "Poista muuttuja"),
        env=(("SOURCE_DATE_EPOCH", "eilen"),),
    ),
]

# every validation rule of tests/workbook/test_validate.py, now through the command
CASES += [Case(f"rule: {e[0]}", from_sheets(e[1]), e[2], (e[3],)) for e in ERRORS]


def test_catalogue_is_large_enough():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_workbook_is_refused(tmp_path, previous_build, case: Case):
    workbook = case.make(tmp_path)
    out = prepared_out(tmp_path, previous_build)
    before = snapshot(out)
    started = time.monotonic()
    result = run_build(workbook, out, env=dict(case.env) or None)
    elapsed = time.monotonic() - started

    output = result.output
    assert result.exit_code == 1, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    where = str(workbook) if case.where == "FILE" else case.where
    lines = [line for line in output.splitlines() if line.startswith("Virhe – ") and where in line]
    assert lines, f"no error naming {where}:\n{output}"
    for words in case.says:
        assert any(words in line for line in lines), f"{words!r} not in {lines}"
    assert snapshot(out) == before, "the output folder changed"
    assert elapsed < 20, f"took {elapsed:.1f} s"


# ---------------------------------------------------------------- resource safety, timed


@pytest.mark.parametrize(
    "edit,limit",
    [(_zip_bomb(120), 3.0), (_entity_bomb_in_sheet(), 3.0), (_many_rows(100_000), 10.0)],
    ids=["zip bomb", "entity bomb", "100 000 rows"],
)
def test_hostile_sizes_are_refused_quickly(tmp_path, edit, limit):
    from pipeline.app import check
    from pipeline.errors import WorkbookUnreadable

    path = valid(tmp_path)
    edit(path)
    started = time.monotonic()
    with pytest.raises(WorkbookUnreadable):
        check(path)
    assert time.monotonic() - started < limit


def test_zip_bomb_is_refused_before_anything_is_inflated(tmp_path, monkeypatch):
    path = valid(tmp_path)
    _zip_bomb(120)(path)

    def no_inflating(*args, **kwargs):
        raise AssertionError("a part was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    from pipeline.errors import WorkbookUnreadable

    with pytest.raises(WorkbookUnreadable, match="purkautuu liian suureksi"):
        read.read_workbook(path)


def test_openpyxl_parses_through_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_xlsm_decision_is_explicit_even_for_a_clean_file(tmp_path):
    """A macro-free file named .xlsm is refused too: the format itself says "macros"."""
    path = valid(tmp_path, "puhdas.xlsm")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "tallenna työkirja .xlsx-muodossa" in result.output


def test_the_valid_base_builds(tmp_path):
    """The catalogue's baseline: without the breakage the same workbook builds."""
    out = tmp_path / "out"
    result = run_build(valid(tmp_path), out)
    assert result.exit_code == 0, result.output
    assert (out / "2027" / "arkistoluettelo.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not any(p.name.startswith(".") for p in out.iterdir()), "staging folders left behind"
