"""One cause, one message: a missing sheet or an empty key cell is reported once.

Every other row that refers to what went missing (a municipality, a service area,
a negotiation) would look wrong too; those consequences are not reported. The
counts are pinned: a new rule that reports a consequence again fails here.
"""

from __future__ import annotations

import pytest

from pipeline.app import check
from tests.helpers import workbooks as wbs


def _problems(tmp_path, sheets):
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    return [str(p) for p in problems.items]


def _renamed(sheet: str):
    def change(sheets):
        sheets[sheet + " 2027"] = sheets.pop(sheet)

    return change


def _emptied(sheet: str, column: str):
    def change(sheets):
        wbs.set_cell(sheets, sheet, 1, column, "")

    return change


@pytest.mark.parametrize(
    ("change", "only"),
    [
        (
            _renamed("Kunnat"),
            "Kunnat: välilehti ”Kunnat” puuttuu työkirjasta. Tarkoititko ”Kunnat 2027”? "
            "Lisää välilehti tai luo mallityökirja komennolla hytetu init.",
        ),
        (
            _renamed("Neuvottelut"),
            "Neuvottelut: välilehti ”Neuvottelut” puuttuu työkirjasta. Tarkoititko "
            "”Neuvottelut 2027”? Lisää välilehti tai luo mallityökirja komennolla hytetu init.",
        ),
        (
            _emptied("Kunnat", "Kunta"),
            "Kunnat!A2: sarake ”Kunta” on pakollinen. Täytä se tai poista rivi.",
        ),
        (
            _emptied("Kunnat", "Palvelualue"),
            "Kunnat!D2: sarake ”Palvelualue” on pakollinen. Täytä se tai poista rivi.",
        ),
        (
            _emptied("Neuvottelut", "Tunnus"),
            "Neuvottelut!A2: sarake ”Tunnus” on pakollinen. Täytä se tai poista rivi.",
        ),
        (
            _emptied("Neuvottelut", "Palvelualue"),
            "Neuvottelut!B2: sarake ”Palvelualue” on pakollinen. Täytä se tai poista rivi.",
        ),
        (
            _emptied("Osallistujat", "Organisaatio"),
            "Osallistujat!B2: sarake ”Organisaatio” on pakollinen. Täytä se tai poista rivi.",
        ),
        (
            _emptied("Päätökset", "Neuvottelu"),
            "Päätökset!B2: sarake ”Neuvottelu” on pakollinen. Täytä se tai poista rivi.",
        ),
    ],
    ids=[
        "renamed-Kunnat",
        "renamed-Neuvottelut",
        "empty-Kunta",
        "empty-municipality-area",
        "empty-Tunnus",
        "empty-negotiation-area",
        "empty-Organisaatio",
        "empty-decision-negotiation",
    ],
)
def test_one_cause_gives_exactly_one_message(tmp_path, change, only):
    sheets = wbs.base()
    change(sheets)
    assert _problems(tmp_path, sheets) == [only]


def test_a_real_second_mistake_is_still_reported_beside_the_first(tmp_path):
    """Only consequences are left out: an unrelated error elsewhere is still named."""
    sheets = wbs.base()
    wbs.set_cell(sheets, "Kunnat", 1, "Kunta", "")
    wbs.set_cell(sheets, "Neuvottelut", 1, "Päättyy", "8.00")
    found = _problems(tmp_path, sheets)
    assert len(found) == 2
    assert found[0] == "Kunnat!A2: sarake ”Kunta” on pakollinen. Täytä se tai poista rivi."
    assert found[1] == (
        "Neuvottelut!E2: päättymisaika (klo 8.00) on aikaisempi kuin alkamisaika (klo 9.00). "
        "Korjaa kellonajat."
    )


def test_after_the_fix_the_references_are_checked_again(tmp_path):
    """A reference that is really wrong is reported once the gap is gone."""
    sheets = wbs.base()
    wbs.set_cell(sheets, "Nostot", 1, "Kunta", "Alajärvi")
    found = _problems(tmp_path, sheets)
    assert [p for p in found if p.startswith("Nostot!")] == [
        "Nostot!A2: kuntaa ”Alajärvi” ei ole Kunnat-välilehdellä. Tarkoititko ”Alajärvenkylä”? "
        "Korjaa kunnan nimi."
    ]


def test_a_participant_in_no_negotiation_is_named_with_the_consequence(tmp_path):
    sheets = wbs.base()
    header = sheets["Osallistujat"][0]
    row = [""] * len(header)
    row[header.index("Nimi")] = "Olli Ulkopuolinen"
    row[header.index("Organisaatio")] = "Kuntaliitto"
    sheets["Osallistujat"].append(row)
    number = len(sheets["Osallistujat"])
    column = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index("Neuvottelut")]
    found = _problems(tmp_path, sheets)
    assert (
        f"Osallistujat!{column}{number}: Olli Ulkopuolinen (Kuntaliitto) ei osallistu mihinkään "
        "neuvotteluun, joten häntä ei ole yhdessäkään kutsussa, asialistassa eikä "
        "pöytäkirjassa. Kirjoita sarakkeeseen neuvottelujen tunnukset tai ”kaikki”."
    ) in found


def test_a_file_where_the_answers_folder_belongs_is_named(tmp_path):
    (tmp_path / "kyselyvastaukset").write_text("ei kansio")
    data, problems = check(wbs.write(tmp_path / "hytetu.xlsx"))
    assert data is not None
    assert [str(w) for w in problems.warnings if w.where == "kyselyvastaukset"] == [
        f"kyselyvastaukset: {tmp_path / 'kyselyvastaukset'} on tiedosto, ei kansio, joten "
        "palautettuja lomakkeita ei luettu. Luo kansio kyselyvastaukset työkirjan viereen ja "
        "tallenna lomakkeet sinne."
    ]
