"""The archive list: what Excel shows is what was typed, never a formula."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from pipeline.contract.outputs import Output
from pipeline.output.archive_list import archive_list, read_archive_list
from pipeline.workbook.model import Settings

SETTINGS = Settings(
    county="=Alue", county_sv="", year=2027, theme="Elintavat", coordinator="@koordinaattori"
)


def test_fields_that_excel_would_calculate_get_an_apostrophe():
    out = Output(
        path="2_valmistelu/kutsu_x_fi.docx",
        doc_type="kutsu",
        title="Kutsu",
        content=b"x",
        negotiation="=1+1",
        municipality="-Kunta",
    )
    text = archive_list([out], SETTINGS, dt.date(2027, 1, 15)).decode("utf-8-sig")
    row = text.splitlines()[1].split(";")
    assert row[3] == "'=1+1" and row[4] == "'-Kunta" and row[8] == "'@koordinaattori"
    back = read_archive_list(text.encode("utf-8-sig"))[0]
    assert back["neuvottelu"] == "=1+1" and back["kunta"] == "-Kunta"
    assert back["laatija"] == "@koordinaattori"


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
        max_size=30,
    )
)
def test_any_field_round_trips(value):
    out = Output(path="a.docx", doc_type="kutsu", title=value, content=b"", negotiation=value)
    back = read_archive_list(archive_list([out], SETTINGS, dt.date(2027, 1, 15)))[0]
    assert back["nimeke"] == value and back["neuvottelu"] == value
