"""The tracker is a living document: every value people type survives every rebuild.

Random registers and random sequences of register edits (reorder, insert,
delete, edit text) interleaved with tracker edits (typing Tila, Tilannekuvaus,
Päivitetty, commenting a cell, adding a column or a row of one's own, sorting) — first through the
pure merge with many examples, then end to end through real files and
``build()``, and finally the merged tracker opened in LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.app import build
from pipeline.contract import schema
from pipeline.contract.tracker import (
    IN_REGISTER,
    OWN_ROW,
    REGISTER_COLUMN,
    REGISTER_OWNED,
    REMOVED,
    SHEET,
    USER_COLUMNS,
)
from pipeline.contract.values import key
from pipeline.documents.tracker.merge import merge_rows
from pipeline.documents.tracker.rows import TrackerRow
from pipeline.workbook.model import derived_decision_id
from tests.helpers import workbooks as wbs
from tests.helpers.office import soffice_or_skip

# ------------------------------------------------------------------ model


@dataclass
class Decision:
    given: str  # the register's Tunnus, or "" for a derived id
    negotiation: str
    municipality: str
    text: str
    follow_up: str = ""


def register_ids(register: list[Decision]) -> list[str]:
    """The ids validate gives: the Tunnus, else derived (duplicates get -2, -3, …)."""
    seen: dict[str, int] = {}
    ids = []
    for d in register:
        if d.given:
            ids.append(d.given)
            continue
        base = derived_decision_id(d.negotiation, d.municipality, d.text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def fresh_rows(register: list[Decision]) -> list[TrackerRow]:
    return [
        TrackerRow(
            {
                "Tunnus": ident,
                "Neuvottelu": d.negotiation,
                "Kunta": d.municipality or "Koko palvelualue",
                "Asiakohta": "",
                "Painopiste": "",
                "Päätös": d.text,
                "Jatkotoimi": d.follow_up,
                "Vastuutaho": "",
                "Yhteistyöfoorumi": "",
                "Seurantavastuu": "",
                "Määräaika": None,
                "Tila": schema.DEFAULT_STATUS,
                "Tilannekuvaus": "",
                "Päivitetty": None,
                REGISTER_COLUMN: IN_REGISTER,
            }
        )
        for ident, d in zip(register_ids(register), register, strict=True)
    ]


def identity(row: TrackerRow) -> str:
    """Who a row is, for the test's ledger: its Tunnus, or the marker of an own row."""
    return key(row.id) if row.id else f"own:{row.values.get('Päätös')}"


@dataclass
class World:
    register: list[Decision]
    tracker: list[TrackerRow] = field(default_factory=list)
    extra_headers: list[str] = field(default_factory=list)
    #: (row identity, column) -> what was typed last
    typed: dict[tuple[str, str], object] = field(default_factory=dict)
    seen_ids: set[str] = field(default_factory=set)
    own: int = 0

    def rebuild(self) -> None:
        fresh = fresh_rows(self.register)
        before = {key(i) for i in self.seen_ids}
        self.tracker, report = merge_rows(fresh, self.tracker)
        self.seen_ids |= {r.id for r in fresh}
        self.check(fresh, before, report)

    def check(self, fresh: list[TrackerRow], before: set[str], report) -> None:
        rows = {identity(r): r for r in self.tracker}
        assert len(rows) == len(self.tracker), "a row appears twice"
        # every value typed is still there, in its row
        for (who, column), value in self.typed.items():
            row = rows[who]
            if column.startswith("comment:"):
                got = row.comments.get(column.removeprefix("comment:"))
            elif column in USER_COLUMNS:
                got = row.values.get(column)
            else:
                got = row.extra.get(column)
            assert got == value, (who, column)
        # every decision of the register: one row, register columns from the register
        current = {key(r.id) for r in fresh}
        for new in fresh:
            row = rows[key(new.id)]
            assert row.values[REGISTER_COLUMN] == IN_REGISTER
            for name in REGISTER_OWNED:
                assert row.values.get(name) == new.values.get(name)
            if key(new.id) not in before:
                assert row.values["Tila"] == schema.DEFAULT_STATUS
        # nothing ever seen is dropped: gone from the register = kept and marked
        for ident in self.seen_ids:
            if key(ident) not in current:
                assert rows[key(ident)].values[REGISTER_COLUMN] == REMOVED
        assert len(self.tracker) == len({key(i) for i in self.seen_ids}) + self.own
        assert sum(r.values.get(REGISTER_COLUMN) == OWN_ROW for r in self.tracker) == self.own
        assert len(report.carried) + len(report.added) == len(fresh)


# ------------------------------------------------------------ strategies

NEGOTIATIONS = ("pohjoinen", "rannikko")
MUNICIPALITIES = ("", "Alajärvenkylä", "Pikkula")
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("&<\n="),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() == s and s.strip())
decisions = st.builds(
    Decision,
    given=st.sampled_from(["", "", "P-1", "P-2", "P-3", "p-4"]),
    negotiation=st.sampled_from(NEGOTIATIONS),
    municipality=st.sampled_from(MUNICIPALITIES),
    text=st.sampled_from(["Sovitaan A", "Sovitaan B", "Sovitaan A "]) | texts,
    follow_up=st.sampled_from(["", "työpaja"]) | texts,
)
typed_values = {
    "Tila": st.sampled_from(schema.TRACKER_STATUSES),
    "Tilannekuvaus": texts | st.just("=SUMMA(A1) & <b>"),
    "Päivitetty": st.dates(dt.date(2027, 1, 1), dt.date(2028, 12, 31)),
}
operations = st.lists(
    st.one_of(
        st.tuples(st.just("reorder"), st.integers(0, 10**6)),
        st.tuples(st.just("insert"), st.integers(0, 50), decisions),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(
            st.just("edit"), st.integers(0, 50), st.sampled_from(["text", "follow_up"]), texts
        ),
        st.tuples(st.just("type"), st.integers(0, 50), st.sampled_from(USER_COLUMNS), st.data()),
        st.tuples(st.just("column"), st.integers(0, 50), texts),
        st.tuples(st.just("own_row"), st.integers(0, 50)),
        st.tuples(st.just("comment"), st.integers(0, 50), st.sampled_from(USER_COLUMNS), texts),
        st.tuples(st.just("sort"), st.integers(0, 10**6)),
        st.tuples(st.just("rebuild")),
    ),
    max_size=25,
)


def unique_given(register: list[Decision], d: Decision) -> bool:
    return not d.given or key(d.given) not in {key(x.given) for x in register if x.given}


def apply(world: World, op: tuple) -> None:
    kind = op[0]
    reg, tracker = world.register, world.tracker
    if kind == "reorder":
        random.Random(op[1]).shuffle(reg)
    elif kind == "insert":
        if unique_given(reg, op[2]):
            reg.insert(op[1] % (len(reg) + 1), op[2])
    elif kind == "delete" and reg:
        reg.pop(op[1] % len(reg))
    elif kind == "edit" and reg:
        setattr(reg[op[1] % len(reg)], op[2], op[3])
    elif kind == "type" and tracker:
        row = tracker[op[1] % len(tracker)]
        value = op[3].draw(typed_values[op[2]])
        row.values[op[2]] = value
        world.typed[(identity(row), op[2])] = value
    elif kind == "column" and tracker:
        name = f"Oma {len(world.extra_headers) + 1}"
        world.extra_headers.append(name)
        row = tracker[op[1] % len(tracker)]
        row.extra[name] = op[2]
        world.typed[(identity(row), name)] = op[2]
    elif kind == "comment" and tracker:
        row = tracker[op[1] % len(tracker)]
        row.comments[op[2]] = (op[3], "Kaisa")
        world.typed[(identity(row), f"comment:{op[2]}")] = (op[3], "Kaisa")
    elif kind == "own_row":
        world.own += 1
        tracker.insert(op[1] % (len(tracker) + 1), TrackerRow({"Päätös": f"oma {world.own}"}, {}))
    elif kind == "sort":
        random.Random(op[1]).shuffle(tracker)
    elif kind == "rebuild":
        world.rebuild()


@settings(max_examples=300, deadline=None)
@given(register=st.lists(decisions, max_size=8), ops=operations)
def test_every_typed_value_survives_every_rebuild(register, ops):
    unique: list[Decision] = []
    for d in register:
        if unique_given(unique, d):
            unique.append(d)
    world = World(unique)
    world.rebuild()
    for op in ops:
        apply(world, op)
    world.rebuild()


def test_new_decision_goes_after_its_register_neighbour():
    register = [Decision("P-1", "pohjoinen", "", "a"), Decision("P-3", "pohjoinen", "", "c")]
    world = World(register)
    world.rebuild()
    world.tracker.reverse()  # people sorted the sheet: P-3 first
    world.register.insert(1, Decision("P-2", "pohjoinen", "", "b"))
    world.rebuild()
    assert [r.id for r in world.tracker] == ["P-3", "P-1", "P-2"]


def test_tracker_from_before_the_register_column():
    """An old tracker without Rekisterissä: its rows were all the register's."""
    old = fresh_rows([Decision("P-1", "pohjoinen", "", "a")])
    del old[0].values[REGISTER_COLUMN]
    merged, report = merge_rows([], old, marked=False)
    assert merged[0].values[REGISTER_COLUMN] == REMOVED and report.removed == ["P-1"]


def test_second_copy_of_a_row_is_kept_as_own_row():
    old = fresh_rows([Decision("P-1", "pohjoinen", "", "a")])
    copy = TrackerRow(dict(old[0].values), {})
    copy.values["Tilannekuvaus"] = "kopio"
    merged, report = merge_rows(fresh_rows([Decision("P-1", "pohjoinen", "", "a")]), [*old, copy])
    assert [r.values[REGISTER_COLUMN] for r in merged] == [IN_REGISTER, OWN_ROW]
    assert merged[1].values["Tilannekuvaus"] == "kopio" and report.own_rows == 1


# ------------------------------------------------------- through real files

HEADER = wbs.BASE["Päätökset"][0]


def register_sheet(register: list[Decision]) -> list[list[object]]:
    rows: list[list[object]] = [list(HEADER)]
    for d in register:
        row: list[object] = [""] * len(HEADER)
        row[HEADER.index("Tunnus")] = d.given
        row[HEADER.index("Neuvottelu")] = d.negotiation
        row[HEADER.index("Kunta")] = d.municipality
        row[HEADER.index("Päätös")] = d.text
        row[HEADER.index("Jatkotoimi")] = d.follow_up
        rows.append(row)
    return rows


def read_sheet(path: Path) -> tuple[list[str], list[dict[str, object]]]:
    ws = load_workbook(path)[SHEET]
    header = [c.value for c in ws[1]]
    rows = []
    for values in ws.iter_rows(min_row=2, values_only=True):
        if any(v is not None for v in values):
            rows.append(dict(zip(header, values, strict=False)))
    return header, rows


def file_identity(row: dict[str, object]) -> str:
    return key(str(row["Tunnus"])) if row.get("Tunnus") else f"own:{row.get('Päätös')}"


file_decisions = st.builds(
    Decision,
    given=st.sampled_from(["", "P-1", "P-2", "P-3"]),
    negotiation=st.sampled_from(NEGOTIATIONS),
    municipality=st.just(""),
    text=st.sampled_from(["Sovitaan A", "Sovitaan B", "Sovitaan C", "=SUMMA(A1)", "R&D <b>"]),
    follow_up=st.sampled_from(["", "työpaja", "{{ x }}"]),
)
file_steps = st.lists(
    st.tuples(
        st.sampled_from(["reorder", "insert", "delete", "edit"]),
        st.integers(0, 20),
        file_decisions,
        st.sampled_from(USER_COLUMNS),
        st.data(),
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(register=st.lists(file_decisions, min_size=1, max_size=4), steps=file_steps)
def test_typed_values_survive_real_rebuilds(tmp_path_factory, register, steps):
    tmp = tmp_path_factory.mktemp("living")
    reg: list[Decision] = []
    for d in register:
        if unique_given(reg, d):
            reg.append(d)
    sheets = wbs.base()
    workbook, out = tmp / "hytetu.xlsx", tmp / "out"
    typed: dict[tuple[str, str], object] = {}
    for n, (kind, where, decision, column, data) in enumerate(steps):
        sheets["Päätökset"] = register_sheet(reg)
        wbs.write(workbook, sheets)
        build(workbook, out)
        path = out / "2027" / "4_seuranta" / "seurantataulukko_2027.xlsx"
        header, rows = read_sheet(path)
        for (who, name), value in typed.items():
            (row,) = [r for r in rows if file_identity(r) == who]
            got = row[name]
            if isinstance(value, dt.date) and isinstance(got, dt.datetime):
                got = got.date()
            assert got == value, (who, name)
        # people work in the tracker: type a value, add a column
        wb = load_workbook(path)
        ws = wb[SHEET]
        r = 2 + where % max(len(rows), 1)
        value = data.draw(typed_values[column])
        ws.cell(r, header.index(column) + 1).value = value
        if isinstance(value, str):
            ws.cell(r, header.index(column) + 1).data_type = "s"
        extra = f"Huomio {n}"
        ws.cell(1, ws.max_column + 1).value = extra
        ws.cell(r, len(header) + 1).value = f"huomio {n}"
        wb.save(path)
        who = file_identity(rows[r - 2])
        typed[(who, column)] = value
        typed[(who, extra)] = f"huomio {n}"
        # and the coordinator edits the register
        if kind == "reorder":
            random.Random(where).shuffle(reg)
        elif kind == "insert" and unique_given(reg, decision):
            reg.insert(where % (len(reg) + 1), decision)
        elif kind == "delete" and len(reg) > 1:
            reg.pop(where % len(reg))
        elif kind == "edit":
            reg[where % len(reg)].follow_up = decision.follow_up
    sheets["Päätökset"] = register_sheet(reg)
    wbs.write(workbook, sheets)
    result = build(workbook, out)
    _, rows = read_sheet(out / "2027" / "4_seuranta" / "seurantataulukko_2027.xlsx")
    for (who, name), value in typed.items():
        (row,) = [r for r in rows if file_identity(r) == who]
        got = row[name]
        if isinstance(value, dt.date) and isinstance(got, dt.datetime):
            got = got.date()
        assert got == value, (who, name)
    ids = {key(i) for i in register_ids(reg)}
    for row in rows:
        expected = IN_REGISTER if file_identity(row) in ids else REMOVED
        assert row[REGISTER_COLUMN] == expected
    assert result.merge is not None
    assert len(result.merge.carried) + len(result.merge.added) == len(reg)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_merged_tracker(tmp_path):
    soffice_or_skip()
    from pipeline.output.office import convert

    sheets = wbs.base()
    workbook, out = wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out"
    build(workbook, out)
    path = out / "2027" / "4_seuranta" / "seurantataulukko_2027.xlsx"
    wb = load_workbook(path)
    ws = wb[SHEET]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Tila") + 1).value = "Käynnissä"
    ws.cell(2, header.index("Tilannekuvaus") + 1).value = "Työpaja pidetty 3.9."
    ws.cell(1, len(header) + 1).value = "Huomiot"
    ws.cell(2, len(header) + 1).value = "oma huomio"
    wb.create_sheet("Muistio")["A1"] = "muistiinpano"
    wb.save(path)
    sheets["Päätökset"].pop(1)  # P-1 leaves the register
    wbs.write(workbook, sheets)
    build(workbook, out)
    done, log = convert([path], "csv:Text - txt - csv (StarCalc):59,34,76", tmp_path / "lo")
    assert path in done, log
    text = done[path].read_text(encoding="utf-8")
    assert "Työpaja pidetty 3.9." in text and "Käynnissä" in text and "oma huomio" in text
    assert REMOVED in text and "Huomiot" in text
    done, log = convert([path], "pdf", tmp_path / "pdf")
    assert path in done and done[path].read_bytes().startswith(b"%PDF"), log


def test_given_tunnus_may_not_take_a_derived_id(tmp_path):
    """Ids stay unique: a Tunnus typed equal to another decision's derived id is an error."""
    from pipeline.app import check

    sheets = wbs.base()
    derived = derived_decision_id("pohjoinen", "", "Kerroinindikaattorit käydään läpi yhdessä")
    sheets["Päätökset"][1][0] = derived.upper()
    _, problems = check(wbs.write(tmp_path / "hytetu.xlsx", sheets))
    assert [str(p) for p in problems.errors] == [
        f"Päätökset!A2: tunnus ”{derived.upper()}” on varattu ohjelman luomille tunnuksille. "
        "Valitse toinen tunnus."
    ]
