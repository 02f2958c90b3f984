"""The build plan's hand-offs: each producer gets what it needs as arguments and returns
what it makes; nothing travels through shared state or file names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from pipeline.app import check
from pipeline.contract.outputs import Output
from pipeline.contract.tracker import REGISTER_COLUMN, REMOVED
from pipeline.documents.contexts.common import municipality_name
from pipeline.documents.distribution.recipients import recipients
from pipeline.documents.inputs import BuildInputs
from pipeline.documents.plan import make_documents
from pipeline.documents.tracker.existing import read_tracker, status_date
from pipeline.documents.tracker.layout import tracker_file, write_tracker
from pipeline.documents.tracker.produce import tracker
from pipeline.documents.tracker.rows import rows_from_register
from pipeline.documents.word import press_release, summary
from tests.helpers import workbooks as wbs
from tests.helpers.docs import docx_text, table_rows

DAY = dt.date(2027, 3, 1)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    found, problems = check(wbs.write(tmp_path_factory.mktemp("plan") / "hytetu.xlsx"))
    assert found is not None, problems.errors
    return found


@pytest.fixture(scope="module")
def documents(data):
    heard: list[str] = []
    made = make_documents(BuildInputs(data=data, build_date=DAY), heard.append)
    return made, heard


def test_the_plan_makes_the_phases_in_order_and_lists_them_last(documents):
    made, heard = documents
    paths = [o.path for o in made.outputs]
    assert heard == paths  # progress hears every file, as it is made
    phases = [p.split("/", 1)[0] for p in paths]
    assert phases == sorted(phases)  # 1_ennakko … 4_seuranta
    # the drafts come last (viestit/), right after the distribution list that names them
    drafts = [o for o in made.outputs if o.doc_type == "sahkopostiluonnos"]
    assert drafts and made.outputs[-len(drafts) :] == tuple(drafts)
    listing = made.outputs[-len(drafts) - 1]
    assert listing.doc_type == "jakelulista"
    listed = load_workbook(io.BytesIO(listing.content))["Jakelulista"]
    everything = "\n".join(str(c.value or "") for row in listed.iter_rows() for c in row)
    # the distribution list was handed every file made before it
    assert "2_valmistelu/kutsu_pohjoinen_fi.docx" in everything


def test_pre_tasks_carry_their_audience(documents):
    made, _ = documents
    pretasks = [o for o in made.outputs if o.doc_type == "ennakkotehtava"]
    assert {o.audience for o in pretasks} == {"kunnat", "sote", "jarjestot"}
    # a pre-task's draft carries it too; nothing else does
    kept = ("ennakkotehtava", "sahkopostiluonnos")
    assert all(o.audience == "" for o in made.outputs if o.doc_type not in kept)


def _pretask(path: str, lang: str, audience: str) -> Output:
    return Output(
        path=path, doc_type="ennakkotehtava", title=path, content=b"", lang=lang, audience=audience
    )


def test_distribution_routes_pre_tasks_by_audience_not_by_file_name(data):
    made = [
        # named like the NGO pre-task, but meant for the county's own services
        _pretask("1_ennakko/ennakkotehtava_jarjestot_fi.docx", "fi", "sote"),
        # a name that says nothing: its audience still decides
        _pretask("1_ennakko/liite.docx", "fi", "jarjestot"),
    ]
    people = {r.name: r for r in recipients(data, made)}
    county = next(p for p in data.participants if p.is_county)
    assert people[county.name].documents == ("1_ennakko/ennakkotehtava_jarjestot_fi.docx",)
    ngo = [r for r in people.values() if "1_ennakko/liite.docx" in r.documents]
    assert ngo and all(r.organisation == "Järjestöneuvottelukunta" for r in ngo)


def test_producers_say_why_they_made_nothing_instead_of_writing_it_down(data):
    no_decisions = dataclasses.replace(data, decisions=type(data.decisions)())
    inputs = BuildInputs(data=no_decisions, build_date=DAY)
    made = press_release(inputs)
    assert made.outputs == () and made.skipped[0].startswith("tiedote:")
    tracked = tracker(inputs, DAY)
    assert tracked.rows is None and tracked.merge is None
    assert tracked.made.skipped[0].startswith("seurantataulukko:")
    skipped = summary(inputs, tracked.rows, DAY)
    assert skipped.outputs == () and skipped.skipped[0].startswith("yhteenveto:")


def test_the_summary_counts_the_rows_it_is_handed(data):
    rows = rows_from_register(data)
    assert len(rows) == 2
    rows[0].values["Tila"] = "valmis"  # typed in lower case: still the status Valmis
    rows[1].values[REGISTER_COLUMN] = REMOVED  # left the register: not counted
    made = summary(BuildInputs(data=data, build_date=DAY), rows, dt.date(2027, 9, 1))
    fi = next(o for o in made.outputs if o.lang == "fi")
    text = docx_text(fi.content)
    assert "Sovittuja asioita yhteensä 1, joista valmiina 1 (100\u00a0%)." in text
    assert "1.9.2027" in text or "1. syyskuuta 2027" in text  # dated by the status date given
    table = table_rows(fi.content)
    assert ["Alajärvenkylä", "0", "0", "1", "0", "0", "1", "0"] in table
    assert not any(row[0].startswith("Koko palvelualue") for row in table)  # the removed row


def _tracker_with(data, path, updated: dt.date | None):
    rows = rows_from_register(data)
    rows[0].values["Päivitetty"] = updated
    path.write_bytes(tracker_file(write_tracker(data, rows)))
    return read_tracker(path)


def test_the_status_date_is_worked_out_when_the_old_tracker_is_read(data, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    autumn = dt.date(2027, 10, 15)
    old = _tracker_with(data, tmp_path / "t.xlsx", autumn)
    assert old.as_of is not None and old.as_of >= autumn
    assert status_date(DAY, old) == old.as_of  # later than the build date: the tracker's
    assert status_date(dt.date(2099, 1, 1), old) == dt.date(2099, 1, 1)
    assert status_date(DAY, None) == DAY
    # fixed from outside (SOURCE_DATE_EPOCH): always the build date, whatever the tracker says
    assert status_date(dt.date(2027, 5, 2), old, fixed=True) == dt.date(2027, 5, 2)


def test_the_tracker_hands_on_its_rows_and_what_the_merge_did(data, tmp_path):
    old = _tracker_with(data, tmp_path / "t.xlsx", None)
    tracked = tracker(BuildInputs(data=data, build_date=DAY, current_tracker=old), DAY)
    assert tracked.rows is not None and [r.id for r in tracked.rows] == [
        d.id for d in data.decisions
    ]
    assert tracked.merge is not None and tracked.merge.carried == [d.id for d in data.decisions]
    assert tracked.merge.extra_columns == [] and tracked.merge.extra_sheets == []
    # the old tracker is read, not changed
    assert [r.values.get("Tila") for r in old.rows] == ["Ei aloitettu"] * len(old.rows)


def test_build_inputs_cannot_change_during_a_build(data):
    inputs = BuildInputs(data=data, build_date=DAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        inputs.build_date = dt.date(2030, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "lang", "shown"),
    [
        ("", "sv", "Hela serviceområdet"),
        ("Koko palvelualue", "sv", "Hela serviceområdet"),
        ("hela serviceområdet", "fi", "Koko palvelualue"),
        ("Tuntematon", "sv", "Tuntematon"),  # not in Kunnat: as typed
    ],
)
def test_the_whole_service_area_reads_the_same_in_both_languages(data, typed, lang, shown):
    assert municipality_name(data, typed, lang) == shown


def test_a_municipality_is_found_by_its_swedish_name_too(data):
    m = next(m for m in data.municipalities if m.name_sv and m.name_sv != m.name)
    assert municipality_name(data, m.name_sv.upper(), "fi") == m.name
    assert municipality_name(data, m.name, "sv") == m.name_sv
