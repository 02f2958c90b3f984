"""Archive metadata: core properties of every file and every column of the archive list.

Iterates over whatever a full build of the example workbook makes, so document
types added later are covered without changing this file.
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.app import build, build_date, load
from pipeline.output.archive_list import COLUMNS, read_archive_list
from pipeline.output.metadata import name_pattern
from tests.helpers import workbooks as wbs
from tests.helpers.builds import EXAMPLE
from tests.helpers.docs import docx_text, header_footer_text

LANG_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
#: columns that are empty where they do not apply (a county-wide file has no negotiation)
OPTIONAL = {"neuvottelu", "kunta", "kieli"}


@pytest.fixture(scope="module")
def example(example_build):
    result = example_build
    rows = read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    data, _ = load(EXAMPLE)
    return result, {r["tiedosto"]: r for r in rows}, data


def _core(out):
    if out.path.endswith(".docx"):
        p = docx.Document(io.BytesIO(out.content)).core_properties
        return {
            "title": p.title,
            "subject": p.subject,
            "author": p.author,
            "keywords": p.keywords,
            "language": p.language,
            "created": p.created,
        }
    p = load_workbook(io.BytesIO(out.content)).properties
    return {
        "title": p.title,
        "subject": p.subject,
        "author": p.creator,
        "keywords": p.keywords,
        "language": p.language,
        "created": p.created,
    }


def _text(out) -> str:
    if out.path.endswith(".docx"):
        return docx_text(out.content) + "\n" + header_footer_text(out.content)
    wb = load_workbook(io.BytesIO(out.content))
    return "\n".join(
        str(value)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value
    )


def test_every_docx_and_xlsx_carries_core_properties(example):
    result, _, data = example
    made = [o for o in result.outputs if o.path.endswith((".docx", ".xlsx"))]
    assert made
    for out in made:
        # a document's own date (minutes: the negotiation's), else the build date
        created = dt.datetime.combine(out.date or build_date(data), dt.time())
        core = _core(out)
        assert core["title"] == out.title, out.path
        assert core["subject"] and str(data.settings.year) in core["subject"], out.path
        assert core["author"] in (data.settings.county, data.settings.county_sv), out.path
        assert out.doc_type in core["keywords"], out.path
        langs = {out.lang} if out.lang else {"fi", "sv"}
        assert core["language"] in {LANG_TAGS[lang] for lang in langs}, out.path
        assert core["created"].replace(tzinfo=None) == created, out.path


def test_archive_list_fills_every_column(example):
    result, rows, data = example
    assert set(rows) == {o.path for o in result.outputs}
    for out in result.outputs:
        row = rows[out.path]
        assert list(row) == list(COLUMNS)
        for column in COLUMNS:
            if column not in OPTIONAL:
                assert row[column], (out.path, column)
        assert row["asiakirjatyyppi"] == out.doc_type
        assert row["nimeke"] == out.title
        assert row["kieli"] in ("fi", "sv", "")
        assert row["tila"] in ("luonnos", "valmis")
        assert row["laadittu"] == (out.date or build_date(data)).isoformat()
        assert row["julkisuusluokka"] == data.settings.publicity
        assert row["sailytysaika"] == data.settings.retention
        assert row["tehtavaluokka"] == data.settings.record_class
        assert row["henkilotietoja"] in ("kyllä", "ei")
        assert int(row["koko"]) == len(out.content)


def test_documents_that_name_people_are_marked_as_holding_personal_data(example):
    result, rows, data = example
    names = {p.name for p in data.participants}
    names |= {n for neg in data.negotiations for n in (neg.chair, neg.secretary) if n}
    if data.settings.coordinator:
        names.add(data.settings.coordinator)
    naming_people = 0
    for out in result.outputs:
        if not out.path.endswith((".docx", ".xlsx")):
            continue
        text = _text(out)
        named = sorted(n for n in names if n in text)
        if named:
            naming_people += 1
            assert rows[out.path]["henkilotietoja"] == "kyllä", (out.path, named[:3])
    assert naming_people, "the example's documents name people"


def test_publicity_defaults_to_julkinen(tmp_path):
    sheets = wbs.base()
    assert not any(r[0] == "Julkisuusluokka" for r in sheets["Asetukset"])
    result = build(wbs.write(tmp_path / "hytetu.xlsx", sheets), tmp_path / "out")
    rows = read_archive_list((result.target / "arkistoluettelo.csv").read_bytes())
    assert rows and {r["julkisuusluokka"] for r in rows} == {"Julkinen"}
    assert {r["sailytysaika"] for r in rows} == {"pysyvä"}
    assert {r["tehtavaluokka"] for r in rows} == {"00.01.02"}
    assert {r["laatija"] for r in rows} == {"Kaisa Koordinaattori"}


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.text(st.sampled_from("Anä &<ö😀 "), min_size=1, max_size=6), max_size=12),
    text=st.text(st.sampled_from("Anä &<ö😀 x"), max_size=60),
)
def test_one_pattern_finds_a_name_exactly_when_a_name_is_there(names, text):
    """The single scan over all names gives what looking for each name in turn gives."""
    xml = escape(text).encode()
    wanted = [escape(n).encode() for n in names]
    pattern = name_pattern(names)
    found = pattern is not None and pattern.search(xml) is not None
    assert found == any(w in xml for w in wanted)
