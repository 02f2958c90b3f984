"""The deterministic zip writer behind every Word document."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from pipeline.render import zipwrite

WHEN = dt.datetime(2027, 4, 14, 9, 30, 12)


@given(
    st.dictionaries(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö_/.", min_size=1, max_size=20).filter(
            lambda n: not n.startswith("/") and not n.endswith("/")
        ),
        st.binary(max_size=2000),
        min_size=1,
        max_size=8,
    )
)
def test_round_trip_with_zipfile(files):
    blob = zipwrite.write_zip([zipwrite.deflate(n, d) for n, d in files.items()], WHEN)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == list(files)
        for info in zf.infolist():
            assert zf.read(info) == files[info.filename]
            assert info.date_time == (2027, 4, 14, 9, 30, 12)


def test_same_content_same_bytes():
    entries = [
        zipwrite.deflate("[Content_Types].xml", b"<x/>"),
        zipwrite.deflate("a.xml", b"a" * 500),
    ]
    assert zipwrite.write_zip(entries, WHEN) == zipwrite.write_zip(list(entries), WHEN)
    assert zipwrite.write_zip(entries, WHEN) != zipwrite.write_zip(entries, WHEN.replace(minute=31))


def test_times_before_1980_are_clamped():
    blob = zipwrite.write_zip([zipwrite.deflate("a", b"x")], dt.datetime(1970, 1, 1))
    assert zipfile.ZipFile(io.BytesIO(blob)).infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
