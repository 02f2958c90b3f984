"""The archive list ``arkistoluettelo.csv`` (SPEC §3): one row per file of the build."""

from __future__ import annotations

import csv
import datetime as dt
import io

from pipeline.contract.outputs import Output
from pipeline.workbook.model import Settings

FILE_NAME = "arkistoluettelo.csv"
COLUMNS = (
    "tiedosto",
    "asiakirjatyyppi",
    "nimeke",
    "neuvottelu",
    "kunta",
    "kieli",
    "tila",
    "laadittu",
    "laatija",
    "julkisuusluokka",
    "henkilotietoja",
    "sailytysaika",
    "tehtavaluokka",
    "sha256",
    "koko",
)


#: a field starting with one of these is a formula to Excel (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A field as Excel must show it: text that would start a formula gets a leading ``'``."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _uncell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def archive_list(outputs: list[Output], settings: Settings, build_date: dt.date) -> bytes:
    """UTF-8 with BOM, ``;``-separated, CRLF: what Excel in a Finnish locale opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    author = settings.coordinator or settings.county
    for out in sorted(outputs, key=lambda o: o.path):
        writer.writerow(
            _cell(value)
            for value in (
                out.path,
                out.doc_type,
                out.title,
                out.negotiation,
                out.municipality,
                out.lang,
                out.status,
                (out.date or build_date).isoformat(),
                author,
                settings.publicity,
                "kyllä" if out.personal_data else "ei",
                settings.retention,
                settings.record_class,
                out.sha256,
                out.size,
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_archive_list(data: bytes) -> list[dict[str, str]]:
    """The rows of an archive list, fields as they were before :func:`_cell` protected them."""
    text = data.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return [{k: _uncell(v or "") for k, v in row.items()} for row in rows]
