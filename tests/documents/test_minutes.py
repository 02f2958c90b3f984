"""The minutes read as minutes (SPEC §1 "Minutes data", §3): built, then read back.

A workbook with three negotiations: ``pohjoinen`` (Finnish, final, checked),
``rannikko`` (Finnish and Swedish, final, not yet checked) and ``saari`` (Finnish
and Swedish, a draft: no decisions, though checkers, a checking date and
attendance are typed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import docx
import pytest

from pipeline.app import BuildResult, check
from pipeline.render.word import DocProperties, Renderer
from tests.helpers import workbooks as wbs
from tests.helpers.builds import build_of
from tests.helpers.office import soffice_or_skip

ROOT = Path(__file__).resolve().parents[2]

#: Läsnä per participant (base rows, by name), and the extra people of ``saari``
ATTENDED = {
    "Aino Aaltonen": "kyllä",
    "Antti Virta": "ei",
    "Paula Pikkarainen": "kyllä",
    "Björn Berg": "kyllä",
    "Bodil Ek": "kyllä",
    "Cecilia Lund": "ei",
    "Heikki Hva": "kyllä",
    "Hanna Valtuutettu": "rannikko",
    "Jaana Järjestö": "pohjoinen, rannikko",
}


def minutes_workbook(*, attendance: bool = True) -> dict[str, list[wbs.Row]]:
    sheets = wbs.base()
    sheets["Kunnat"].append(["Dalby", "Dalby", "ruotsi-suomi", "Saari", ""])
    neuvottelut = sheets["Neuvottelut"]
    neuvottelut[0] += ["Pöytäkirjan tarkastajat", "Tarkastettu", "Ilmoittautuminen"]
    neuvottelut[1] += ["Aino Aaltonen, Paula Pikkarainen", dt.date(2027, 4, 21), ""]
    neuvottelut[2] += ["Björn Berg, Bodil Ek", "", dt.date(2027, 4, 28)]
    neuvottelut.append(
        ["saari", "Saari", "12.5.2027", "9.00", "12.00", "Byhuset", "", "Pia Puheenjohtaja",
         "Sara Sekreterare", "", "Dora Dal", dt.date(2027, 5, 20), ""]
    )  # fmt: skip
    people = sheets["Osallistujat"]
    people[0].append("Läsnä")
    for row in people[1:]:
        while len(row) < 8:
            row.append("")
        row.append(ATTENDED[str(row[0])] if attendance else "")
    people.append(["Dora Dal", "Dalby", "kommundirektör", "", "", "", "ja", "", "kyllä"])
    sheets["Päätökset"].append(
        ["P-3", "rannikko", "4", "Bykulla", "Seniorernas motionsgrupper startas",
         "Grupperna planeras", "Bykulla", "Motionsnätverket", "HVA", "30.9.2027", ""]
    )  # fmt: skip
    sheets["Muistiinpanot"] = [
        ["Neuvottelu", "Asiakohta", "Teksti", "Teksti ruotsiksi"],
        ["pohjoinen", "2", "Esiteltiin suunnitelman seuranta.", ""],
        [
            "rannikko",
            "Alueellinen hyvinvointi- ja turvallisuussuunnitelma",
            "Keskusteltiin suunnitelman mittareista.",
            "Planens mätare diskuterades.",
        ],
        ["saari", "1", "Todettiin, että kokous on laillinen.", "Mötet konstaterades lagligt."],
    ]
    return sheets


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_of(tmp_path_factory.mktemp("minutes"), minutes_workbook())


def paragraphs(built: BuildResult, name: str) -> list[str]:
    path = built.target / "3_neuvottelut" / name
    doc = docx.Document(str(path))
    return [p.text for p in doc.paragraphs]


def items(texts: list[str]) -> dict[str, list[str]]:
    """The minutes' §-numbered items: heading -> the paragraphs under it (up to the next one)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for text in texts:
        number, _, rest = text.partition(" § ")
        if number.isdigit() and rest:
            current = found.setdefault(text, [])
        elif text in ("Vakuudeksi", "Underskrifter"):
            current = None
        elif current is not None:
            current.append(text)
    return found


def section(texts: list[str], heading: str, stops: tuple[str, ...]) -> list[str]:
    start = texts.index(heading) + 1
    end = next(i for i in range(start, len(texts)) if texts[i] in stops)
    return texts[start:end]


LISTS_FI = ("Läsnä", "Muut läsnä olleet", "Poissa", "Puheenjohtaja\tPia Puheenjohtaja")
LISTS_SV = ("Närvarande", "Övriga närvarande", "Frånvarande", "Ordförande\tPia Puheenjohtaja")


def test_final_minutes_fi(built: BuildResult) -> None:
    texts = paragraphs(built, "poytakirja_pohjoinen_fi.docx")
    by_item = items(texts)
    assert list(by_item) == [
        "1 § Neuvottelun avaus ja osallistujat",
        "2 § Alueellinen hyvinvointi- ja turvallisuussuunnitelma",
        "3 § Hyte-kerroin",
        "4 § Teema: Elintavat",
        "5 § Jatkotoimet ja seuranta",
        "6 § Neuvottelun päättäminen",
    ]
    opening, plan, coefficient, theme, followup, closing = by_item.values()
    assert opening[0] == (
        "Puheenjohtaja avasi neuvottelun klo 9.00. Todettiin läsnäolijat. Pöytäkirjan "
        "tarkastajiksi valittiin Aino Aaltonen ja Paula Pikkarainen. Asialista hyväksyttiin."
    )
    assert plan == ["Esiteltiin suunnitelman seuranta."]  # a note, so not "Merkittiin tiedoksi."
    assert "Merkittiin tiedoksi." not in coefficient and "Päätökset ja jatkotoimet" in coefficient
    assert "Merkittiin tiedoksi." not in theme
    assert followup == ["Merkittiin tiedoksi."]
    assert closing == ["Puheenjohtaja päätti neuvottelun klo 11.30."]
    # present, absent and the others, as recorded; elected officials marked
    present = section(texts, "Läsnä", LISTS_FI)
    assert "Aino Aaltonen, hyvinvointikoordinaattori" in present
    assert "Paula Pikkarainen, sivistysjohtaja (luottamushenkilö)" in present
    assert "Heikki Hva, hyte-päällikkö" in present
    assert "Antti Virta, kunnanhallituksen pj (luottamushenkilö)" not in present
    others = section(texts, "Muut läsnä olleet", LISTS_FI)
    assert others == ["Järjestöneuvottelukunta", "Jaana Järjestö, puheenjohtaja"]
    absent = section(texts, "Poissa", LISTS_FI)
    assert "Antti Virta, kunnanhallituksen pj (luottamushenkilö)" in absent
    assert "Hanna Valtuutettu, aluevaltuutettu (luottamushenkilö)" in absent
    assert "Kutsutut" not in texts
    assert "Pöytäkirjaan on kirjattu kaksi päätöstä." in texts
    # signatures, then the checkers by name with the checking date
    tail = texts[texts.index("Vakuudeksi") :]
    assert "Pia Puheenjohtaja\tSami Sihteeri" in tail
    assert "Pöytäkirja on tarkastettu 21. huhtikuuta 2027." in tail
    assert "Aino Aaltonen\tPaula Pikkarainen" in tail
    assert "Pöytäkirjan tarkastaja\tPöytäkirjan tarkastaja" in tail
    assert not any(t.startswith("Paikka ja päivämäärä") for t in tail)
    assert texts[0] != "LUONNOS – päätöksiä ei ole vielä kirjattu."
    # past tense: none of the agenda's present-tense sentences
    body = "\n".join(texts)
    for present_tense in ("avaa neuvottelun", "Todetaan", "päättää neuvottelun", "Sovitaan"):
        assert present_tense not in body


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_final_minutes_not_yet_checked(built: BuildResult, lang: str) -> None:
    texts = paragraphs(built, f"poytakirja_rannikko_{lang}.docx")
    by_item = list(items(texts).items())
    noted = "Merkittiin tiedoksi." if lang == "fi" else "Antecknades för kännedom."
    heading, plan = by_item[1]
    assert heading.startswith("2 § ")
    assert plan == (
        ["Keskusteltiin suunnitelman mittareista."]
        if lang == "fi"
        else ["Planens mätare diskuterades."]
    )
    assert by_item[2][1] == [noted]  # hyte-kerroin: neither decisions nor notes
    assert noted not in by_item[3][1]  # the theme has this negotiation's decision
    lists = LISTS_FI if lang == "fi" else LISTS_SV
    present = section(texts, lists[0], lists)
    absent = section(texts, lists[2], lists)
    elected = "luottamushenkilö" if lang == "fi" else "förtroendevald"
    assert "Björn Berg, välfärdskoordinator" in present
    assert f"Bodil Ek, ordförande ({elected})" in present
    assert f"Hanna Valtuutettu, aluevaltuutettu ({elected})" in present
    assert "Cecilia Lund, kommundirektör" not in present
    assert f"Cecilia Lund, kommundirektör ({elected})" in absent
    assert "Jaana Järjestö, puheenjohtaja" in section(texts, lists[1], lists)
    if lang == "fi":
        assert by_item[0][1][0] == (
            "Puheenjohtaja avasi neuvottelun klo 13.00. Todettiin läsnäolijat. Pöytäkirjan "
            "tarkastajiksi valittiin Björn Berg ja Bodil Ek. Asialista hyväksyttiin."
        )
        assert by_item[-1][1] == ["Puheenjohtaja päätti neuvottelun klo 15.30."]
    else:
        assert by_item[0][1][0] == (
            "Ordföranden öppnade förhandlingen kl. 13.00. De närvarande konstaterades. Till "
            "protokolljusterare valdes Björn Berg och Bodil Ek. Föredragningslistan godkändes."
        )
        assert by_item[-1][1] == ["Ordföranden avslutade förhandlingen kl. 15.30."]
        assert "Protokollet innehåller ett beslut." in texts
    # named checkers, an empty line for the date, no claim of a checking date
    tail = texts[texts.index("Vakuudeksi" if lang == "fi" else "Underskrifter") :]
    assert "Björn Berg\tBodil Ek" in tail
    assert any(
        t.startswith("Paikka ja päivämäärä" if lang == "fi" else "Ort och datum") for t in tail
    )
    checked = "Pöytäkirja on tarkastettu" if lang == "fi" else "Protokollet har justerats den"
    assert not any(t.startswith(checked) for t in tail)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_draft_minutes(built: BuildResult, lang: str) -> None:
    texts = paragraphs(built, f"poytakirja_saari_{lang}.docx")
    mark = "LUONNOS" if lang == "fi" else "UTKAST"
    assert texts[0].startswith(mark + " – ")
    body = "\n".join(texts).lower()
    # never claims to be checked, though Tarkastettu is typed
    for claim in ("tarkastettu", "tarkastaneet", "justerat", "justerats"):
        assert claim not in body
    assert "merkittiin tiedoksi" not in body and "antecknades för kännedom" not in body
    tail = "\n".join(texts[texts.index("Vakuudeksi" if lang == "fi" else "Underskrifter") :])
    assert ("toukokuuta" if lang == "fi" else "maj") not in tail  # no checking date
    by_item = items(texts)
    assert next(iter(by_item)).startswith("1 § ")
    opening = next(iter(by_item.values()))
    note = (
        "Todettiin, että kokous on laillinen." if lang == "fi" else "Mötet konstaterades lagligt."
    )
    assert note in opening  # the typed note is kept in a draft too
    assert "Dora Dal" in "\n".join(texts)


def test_invitation_asks_to_register(built: BuildResult) -> None:
    def kutsu(name: str) -> str:
        return "\n".join(
            p.text for p in docx.Document(str(built.target / "2_valmistelu" / name)).paragraphs
        )

    assert (
        "Ilmoittautumiset 28. huhtikuuta 2027 mennessä koordinaattorille: Kaisa Koordinaattori, "
        "kaisa.koordinaattori@testila.fi." in kutsu("kutsu_rannikko_fi.docx")
    )
    assert (
        "Anmälningar senast den 28 april 2027 till koordinatorn: Kaisa Koordinaattori, "
        "kaisa.koordinaattori@testila.fi." in kutsu("kutsu_rannikko_sv.docx")
    )
    pohjoinen = kutsu("kutsu_pohjoinen_fi.docx")
    assert "Ilmoittautumiset" not in pohjoinen


def test_warning_when_attendance_is_not_recorded(tmp_path: Path) -> None:
    _, problems = check(wbs.write(tmp_path / "a.xlsx", minutes_workbook(attendance=False)))
    found = [p for p in problems.warnings if "läsnäoloa ei ole kirjattu" in p.message]
    # the two negotiations with final minutes; the draft (saari) has Dora Dal's Läsnä anyway
    assert {p.message.split("”")[1] for p in found} == {"pohjoinen", "rannikko"}
    for p in found:
        assert p.where.startswith("Osallistujat!")
        assert "Läsnä-sarakkeeseen" in p.message and "kyllä tai ei" in p.message
    _, recorded = check(wbs.write(tmp_path / "b.xlsx", minutes_workbook()))
    assert not [p for p in recorded.warnings if "läsnäoloa ei ole kirjattu" in p.message]


def test_unrecorded_attendance_lists_the_invited(tmp_path: Path) -> None:
    result = build_of(tmp_path, minutes_workbook(attendance=False))
    texts = paragraphs(result, "poytakirja_pohjoinen_fi.docx")
    assert "Kutsutut" in texts and "Läsnä" not in texts and "Poissa" not in texts
    assert "Antti Virta, kunnanhallituksen pj (luottamushenkilö)" in texts


# ---------------------------------------------------------------------- LibreOffice


def _padded_minutes(lang: str, lines: int) -> bytes:
    """The full test context of the template tests, with ``lines`` notes before the signatures."""
    from tests.documents.test_templates import make_context

    ctx = make_context(lang, True)
    agenda = list(ctx["agenda"])  # type: ignore[call-overload]
    agenda[-1] = dataclasses.replace(agenda[-1], notes=[f"Rivi {i}." for i in range(lines)])
    ctx["agenda"] = agenda
    props = DocProperties(
        title="T",
        subject="S",
        author="A",
        keywords="K",
        language=f"{lang}-FI",
        created=dt.datetime(2027, 3, 2, tzinfo=dt.UTC),
    )
    return Renderer(root=ROOT / "templates_docx").render(lang, "poytakirja", ctx, props)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_signature_block_on_one_page(
    built: BuildResult, tmp_path: Path
) -> None:
    soffice = soffice_or_skip()
    folder = built.target / "3_neuvottelut"
    files = [
        folder / "poytakirja_pohjoinen_fi.docx",
        folder / "poytakirja_rannikko_sv.docx",
        folder / "poytakirja_saari_fi.docx",
        folder / "poytakirja_saari_sv.docx",
    ]
    # the signature block starting at every height of a page, in steps of four lines
    for lang in ("fi", "sv"):
        for lines in range(0, 52, 4):
            path = tmp_path / f"padded_{lang}_{lines:02d}.docx"
            path.write_bytes(_padded_minutes(lang, lines))
            files.append(path)
    out = tmp_path / "pdf"
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        check=True, timeout=300, capture_output=True,
    )  # fmt: skip
    moved = 0
    for path in files:
        pdf = out / (path.stem + ".pdf")
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
        sv = path.stem.endswith("sv") or "_sv_" in path.stem
        first = "Underskrifter" if sv else "Vakuudeksi"
        # the checkers' label, not "Pöytäkirjan tarkastajiksi valittiin" in 1 §
        last = re.compile(r"Protokolljusterare|Pöytäkirjan tarkastaja(?!\w)")
        pages = _pages(pdf)
        holding = [i for i, page in enumerate(pages) if first in page or last.search(page)]
        assert len(holding) == 1, f"{path.name}: signature block split over pages {holding}"
        block = pages[holding[0]]
        assert block.index(first) < [m.start() for m in last.finditer(block)][-1]
        chair = "Ordförande" if sv else "Puheenjohtaja"
        assert chair in block[block.index(first) :]
        if holding[0] > 0 and "Rivi" in pages[holding[0] - 1] and "Rivi" not in block:
            moved += 1  # the whole block went to the next page
    assert moved, "no padding pushed the block over a page break: the test proves nothing"


def test_signature_paragraphs_keep_together(built: BuildResult) -> None:
    doc = docx.Document(str(built.target / "3_neuvottelut" / "poytakirja_pohjoinen_fi.docx"))
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Vakuudeksi")
    end = max(i for i, t in enumerate(texts) if t.startswith("Pöytäkirjan tarkastaja"))
    for p in doc.paragraphs[start:end]:
        fmt = p.paragraph_format
        keep = fmt.keep_with_next
        if keep is None:  # from the style
            keep = p.style.paragraph_format.keep_with_next
        assert keep, f"{p.text!r} does not keep with the next line"
        assert fmt.keep_together, f"{p.text!r} may split"
