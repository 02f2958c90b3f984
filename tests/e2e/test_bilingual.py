"""A bilingual year read back file by file: Swedish documents are Swedish (SPEC §1 "Swedish texts").

The workbook (:mod:`tests.helpers.bilingual`) marks every text of a twin column
``FI-<field>-<n>`` and its Swedish twin ``SV-<field>-<n>``, so each file of the build
can be read as a person sees it (python-docx, openpyxl, icalendar, email) and its
markers compared: a Swedish document shows the twins of exactly the texts its
Finnish version shows, and no Finnish text of those fields.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from pipeline import cli
from pipeline.app import BuildResult
from pipeline.contract.outputs import Output
from pipeline.errors import WARNING
from tests.helpers import bilingual
from tests.helpers.builds import build_of
from tests.helpers.docs import docx_text, header_footer_text

Marker = tuple[str, str, str]


def readable(path: Path) -> str:
    """What a person sees in ``path``: text, cells (visible sheets), choice lists, mail."""
    if path.suffix == ".docx":
        return docx_text(path) + "\n" + header_footer_text(path)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb:
            if ws.sheet_state != "visible":  # the form's marker sheet is for the reader
                continue
            out.append(ws.title)
            out += [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
            out += [str(dv.formula1) for dv in ws.data_validations.dataValidation]
        return "\n".join(out)
    if path.suffix == ".ics":
        (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return "\n".join(str(event.get(k, "")) for k in ("summary", "description", "location"))
    if path.suffix == ".eml":
        message = _message(path)
        body = message.get_body(("plain",))
        assert isinstance(body, EmailMessage)
        return f"{message['subject']}\n{body.get_content()}"
    return path.read_text(encoding="utf-8")


def _message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _sv(markers: set[Marker]) -> set[Marker]:
    return {("SV", field, n) for lang, field, n in markers if lang == "FI"}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_of(tmp_path_factory.mktemp("bilingual"), bilingual.sheets())


@pytest.fixture(scope="module")
def seen(filled: BuildResult) -> dict[str, tuple[Output, str, set[Marker]]]:
    """path -> (output, its text as read back, its markers), every file of the build."""
    out = {}
    for o in filled.outputs:
        text = readable(filled.target / o.path)
        out[o.path] = (o, text, bilingual.markers(text))
    return out


#: the one warning a fresh year's build gives whatever its languages: no statuses yet
NO_STATUSES = "4_seuranta/seurantataulukko_2027.xlsx"


def _about_texts(warnings):
    """The warnings about the workbook's texts (not the tracker advice of :data:`NO_STATUSES`)."""
    return [w for w in warnings if w.where != NO_STATUSES]


def test_a_complete_bilingual_workbook_builds_without_warnings(filled: BuildResult) -> None:
    assert [w.where for w in filled.warnings] == [NO_STATUSES]
    assert "seurantataulukkoon ei ole vielä kirjattu tiloja" in filled.warnings[0].message
    langs = {o.lang for o in filled.outputs}
    assert langs >= {"fi", "sv"}


def test_swedish_documents_show_no_finnish_text_of_a_twinned_field(
    seen: dict[str, tuple[Output, str, set[Marker]]],
) -> None:
    swedish = {p: m for p, (o, _, m) in seen.items() if o.lang == "sv"}
    assert len(swedish) >= 20  # docx, xlsx forms, ics and eml
    assert {p.rsplit(".", 1)[1] for p in swedish} == {"docx", "xlsx", "ics", "eml"}
    for path, markers in swedish.items():
        assert {m for m in markers if m[0] == "FI"} == set(), path


def test_finnish_and_working_documents_show_no_swedish_text(
    seen: dict[str, tuple[Output, str, set[Marker]]],
) -> None:
    """Finnish documents and the county's Finnish working files (tracker, distribution list)."""
    for path, (o, _, markers) in seen.items():
        if o.lang != "sv":
            assert {m for m in markers if m[0] == "SV"} == set(), path


def test_each_swedish_document_shows_the_twins_of_its_finnish_version(
    seen: dict[str, tuple[Output, str, set[Marker]]],
) -> None:
    pairs = 0
    for path, (o, _, markers) in seen.items():
        finnish = re.sub(r"_sv\.(\w+)$", r"_fi.\1", path)
        if o.lang != "sv" or finnish not in seen:
            continue
        fi_markers = seen[finnish][2]
        if o.doc_type != "sahkopostiluonnos" or fi_markers:  # pre-task mails name no field
            assert fi_markers, finnish
        assert markers == _sv(fi_markers), path
        pairs += 1
    assert pairs >= 20


def test_swedish_forms_are_swedish(seen: dict[str, tuple[Output, str, set[Marker]]]) -> None:
    """Saarela (ruotsi-suomi) gets its survey and progress forms in Swedish only."""
    assert "1_ennakko/ennakkokysely_saarela_fi.xlsx" not in seen
    _, survey, markers = seen["1_ennakko/ennakkokysely_saarela_sv.xlsx"]
    assert {f"{f}-{n}" for _, f, n in markers} == {
        "kysymys-1",
        "kysymys-2",
        "kysymys-3",
        "valinta-1a",
        "valinta-1b",
        "valinta-1c",
    }
    assert '"ja,nej"' in survey and "kyllä" not in survey
    # the choice list keeps the Finnish order, in Swedish
    assert '"förbättrats SV-valinta-1a,oförändrat SV-valinta-1b,försämrats SV-valinta-1c"' in (
        survey
    )
    _, progress, markers = seen["4_seuranta/seurantalomake_saarela_sv.xlsx"]
    assert {f"{f}-{n}" for _, f, n in markers} == {
        f"{field}-{n}" for field in ("paatos", "jatko", "vastuu", "foorumi") for n in "34"
    }
    assert "Parterna kommer överens om SV-paatos-3" in progress


def test_every_twinned_field_reaches_a_swedish_document(
    seen: dict[str, tuple[Output, str, set[Marker]]],
) -> None:
    fields = {f for o, _, markers in seen.values() if o.lang == "sv" for _, f, _ in markers}
    # Muistiinpanot.Teksti included: the minutes show each item's notes
    assert fields == set(bilingual.FIELDS.values())


def test_yes_no_answers_are_ja_nej_in_swedish(
    seen: dict[str, tuple[Output, str, set[Marker]]],
) -> None:
    """Alavesi answered kyllä, Koivula ei: the pre-material quotes them in its language."""
    fi_lines = seen["2_valmistelu/ennakkomateriaali_ita_fi.docx"][1].splitlines()
    sv_lines = seen["2_valmistelu/ennakkomateriaali_ita_sv.docx"][1].splitlines()
    assert {"kyllä", "ei"} <= set(fi_lines) and not {"ja", "nej"} & set(fi_lines)
    assert {"ja", "nej"} <= set(sv_lines) and not {"kyllä", "ei"} & set(sv_lines)
    for path, (o, text, _) in seen.items():
        if o.lang == "sv":
            assert not re.search(r"\b[Kk]yllä\b", text), path


def test_calendar_and_mail_in_swedish_carry_the_swedish_place_and_area(
    filled: BuildResult,
) -> None:
    ics = Calendar.from_ical((filled.target / "2_valmistelu/kutsu_ita_sv.ics").read_bytes())
    (event,) = ics.walk("VEVENT")
    assert str(event["location"]) == "Kommungården SV-paikka-1"
    assert "Öst SV-alue-1" in str(event["summary"])
    (event,) = Calendar.from_ical(
        (filled.target / "2_valmistelu/kutsu_ita_fi.ics").read_bytes()
    ).walk("VEVENT")
    assert str(event["location"]) == "Kunnantalo FI-paikka-1"
    mail = readable(filled.target / "viestit/kutsu_saaristo_sv.eml")
    assert "Skärgården SV-alue-2" in mail.splitlines()[0]  # the subject
    assert "Kommungården SV-paikka-2" in mail


# ------------------------------------------------------------------ twins left empty

#: (column, rows without Swedish) of the twins-empty workbook, in sheet and column order
MISSING = (
    ("Kunnat", "Palvelualue", 3),
    ("Neuvottelut", "Paikka", 2),
    ("Osallistujat", "Organisaatio", 1),
    ("Osallistujat", "Tehtävä", 10),
    ("Ilmiöt", "Ilmiö", 2),
    ("Ilmiöt", "Kuvaus", 2),
    ("Kyselyn kysymykset", "Kysymys", 3),
    ("Kyselyn kysymykset", "Vaihtoehdot", 1),
    ("Nostot", "Aihe", 3),
    ("Nostot", "Kuvaus", 3),
    ("Nostot", "Toive hyvinvointialueelle", 3),
    ("Päätökset", "Päätös", 4),
    ("Päätökset", "Jatkotoimi", 4),
    ("Päätökset", "Vastuutaho", 4),
    ("Päätökset", "Yhteistyöfoorumi", 4),
    ("Päätökset", "Seurantavastuu", 4),
    ("Muistiinpanot", "Teksti", 1),
)


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    folder = tmp_path_factory.mktemp("bilingual-empty")
    return folder, build_of(folder, bilingual.sheets(twins=False))


def test_without_twins_one_warning_per_column(empty: tuple[Path, BuildResult]) -> None:
    _, result = empty
    assert len(MISSING) == len(bilingual.FIELDS)  # every twin column of SPEC §1
    assert [(w.where, w.severity) for w in _about_texts(result.warnings)] == [
        (f"{sheet}, sarake {column} ruotsiksi", WARNING) for sheet, column, _ in MISSING
    ]
    for w, (_, column, rows) in zip(_about_texts(result.warnings), MISSING, strict=True):
        assert w.message == (
            f"{rows} riviltä puuttuu ruotsinkielinen teksti, vaikka ruotsinkielisiä "
            "asiakirjoja tehdään. Ruotsinkielisissä asiakirjoissa käytetään suomenkielistä "
            f"tekstiä; kirjoita käännökset sarakkeeseen ”{column} ruotsiksi”."
        )


def test_without_twins_the_swedish_documents_show_the_finnish_texts(
    empty: tuple[Path, BuildResult],
) -> None:
    _, result = empty
    kutsu = readable(result.target / "2_valmistelu/kutsu_ita_sv.docx")
    assert "Kunnantalo FI-paikka-1" in kutsu and "Kallelse" in kutsu
    assert not {m for m in bilingual.markers(kutsu) if m[0] == "SV"}


def test_without_twins_the_command_exits_0_and_prints_each_warning_once(
    empty: tuple[Path, BuildResult], tmp_path: Path
) -> None:
    folder, _ = empty
    result = CliRunner().invoke(
        cli.main, ["build", str(folder / "hytetu.xlsx"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    for sheet, column, _ in MISSING:
        where = f"Varoitus – {sheet}, sarake {column} ruotsiksi:"
        assert result.output.count(where) == 1, where
    assert f"Varoituksia: {len(MISSING) + 1}." in result.output


# ------------------------------------------------------------------ registration (issue 13)


def test_invitation_mails_ask_to_register_by_the_date_in_their_language(
    filled: BuildResult,
) -> None:
    fi = readable(filled.target / "viestit/kutsu_ita_fi.eml")
    sv = readable(filled.target / "viestit/kutsu_ita_sv.eml")
    assert (
        "Pyydämme ilmoittautumaan viimeistään keskiviikkona 7. huhtikuuta 2027 "
        "vastaamalla tähän viestiin." in " ".join(fi.split())
    )
    assert (
        "Vi ber er anmäla er senast onsdagen den 7 april 2027 genom att svara på detta "
        "meddelande." in " ".join(sv.split())
    )
    # saaristo has no Ilmoittautuminen: no registration sentence
    for lang, word in (("fi", "ilmoittau"), ("sv", "anmäla")):
        assert word not in readable(filled.target / f"viestit/kutsu_saaristo_{lang}.eml")


def test_calendar_file_carries_the_invitation_date(filled: BuildResult) -> None:
    (event,) = Calendar.from_ical(
        (filled.target / "2_valmistelu/kutsu_ita_sv.ics").read_bytes()
    ).walk("VEVENT")
    assert event.decoded("dtstamp").date() == bilingual.INVITATION_DATE
