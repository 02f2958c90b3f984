"""The archive list ``arkistoluettelo.csv`` (SPEC §3): one row per file of the build."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from .model import Settings

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


@dataclass(frozen=True)
class Output:
    """One file of the build, with what the archive list says about it."""

    path: str  # relative to DIR/<Vuosi>/, with "/"
    doc_type: str  # asiakirjatyyppi
    title: str
    content: bytes
    negotiation: str = ""
    municipality: str = ""
    lang: str = ""
    status: str = "valmis"
    personal_data: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def archive_list(outputs: list[Output], settings: Settings, build_date: dt.date) -> bytes:
    """UTF-8 with BOM, ``;``-separated, CRLF: what Excel in a Finnish locale opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    author = settings.coordinator or settings.county
    for out in sorted(outputs, key=lambda o: o.path):
        writer.writerow(
            (
                out.path,
                out.doc_type,
                out.title,
                out.negotiation,
                out.municipality,
                out.lang,
                out.status,
                build_date.isoformat(),
                author,
                settings.publicity,
                "kyllä" if out.personal_data else "ei",
                settings.retention,
                settings.record_class,
                out.sha256,
                len(out.content),
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def read_archive_list(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))
