"""One file of a build: what producers make and the output stage writes (SPEC §3)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass


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
    #: who a pre-task is for (``kunnat``, ``sote``, ``jarjestot``); empty for other documents
    audience: str = ""
    #: the date the document carries (``laadittu``), when a producer chose one (minutes: the
    #: negotiation's date); None: the build date. A rebuild keeps the date of a file it keeps.
    date: dt.date | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()
