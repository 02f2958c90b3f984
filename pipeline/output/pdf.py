"""``hytetu build --pdf``: a tagged PDF/A-2b copy of every Word document, for the archive.

LibreOffice converts the rendered documents in one headless batch — at national
scale one equal batch per core (:func:`pipeline.output.office.run_batches`), each
with its own temporary profile and a timeout — in a temporary folder, before anything is
written to the output folder: a document that fails stops the build with
nothing written. LibreOffice writes each PDF to that folder as it goes; each is
read back, normalised, written to the build's work area and its file removed, one at
a time (:mod:`.staging`): no more than one PDF is in memory at once. Each PDF goes beside its .docx with the same name and the
same archive metadata (its own size and SHA-256), and is stamped with the
build's time instead of the clock (:func:`pipeline.reproducible.normalize_pdf`).

A rebuild converts only what changed (SPEC "Document dates and rebuilds"): a Word
document whose bytes are those the previous build recorded in ``arkistoluettelo.csv``
keeps the PDF copy that build made, when that PDF is still in the year folder with
the checksum recorded for it (:func:`previous_copies`). A build without ``--pdf``
keeps such copies too, in place and in the archive list; only the copy of a changed
document is dropped (and backed up).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pipeline.contract.outputs import Output
from pipeline.errors import ConversionProblem
from pipeline.output.archive_list import FILE_NAME, read_archive_list
from pipeline.output.office import default_workers, plan_batches, require_soffice, run_batches
from pipeline.output.reproducible import normalize_pdf
from pipeline.output.staging import Staging
from pipeline.output.year_folder import is_link, read_regular
from pipeline.output.year_folder import sha256 as file_sha256

#: LibreOffice's PDF export: PDF/A-2b (``SelectPdfVersion`` 2) and tagged (structure for
#: screen readers). JSON filter options need LibreOffice 7.4 or newer.
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)
#: seconds for one batch: LibreOffice's start-up plus a generous time per document
BASE_TIMEOUT = 120.0
PER_DOCUMENT = 20.0


def pdf_path(docx_path: str) -> str:
    """``3_neuvottelut/poytakirja_etela_fi.docx`` -> ``3_neuvottelut/poytakirja_etela_fi.pdf``."""
    return docx_path[: -len(".docx")] + ".pdf"


def check_available() -> None:
    """:class:`~pipeline.errors.ToolMissing` (how to install) when LibreOffice is missing."""
    require_soffice()


def previous_copies(
    outputs: list[Output],
    target: Path,
    recorded: Mapping[str, str] | None = None,
    staging: Staging | None = None,
) -> dict[str, Output]:
    """Word document path -> its PDF copy from the previous build in ``target``, still valid.

    Valid: the Word document's bytes are those the previous build recorded (its
    SHA-256 in the archive list), and the PDF beside it is a regular file whose
    SHA-256 is the one recorded for it (not edited, not replaced). The copy keeps
    its bytes and takes the Word document's archive metadata, as a fresh copy would.
    ``recorded`` (path -> SHA-256 of the previous archive list) when the caller has
    read it already; else it is read here. With ``staging`` each copy is copied there
    from disk and kept as a stored record, never read into memory.
    """
    if is_link(target):
        return {}
    if recorded is None:
        recorded = _recorded_checksums(target)
    kept: dict[str, Output] = {}
    for out in outputs:
        if not out.path.lower().endswith(".docx") or recorded.get(out.path) != out.sha256:
            continue
        copy, sha = pdf_path(out.path), recorded.get(pdf_path(out.path))
        disk = target / copy
        if not sha or is_link(disk) or not disk.is_file():
            continue
        if staging is not None:
            try:
                if file_sha256(disk) != sha or staging.put_file(copy, disk)[0] != sha:
                    continue
            except OSError:
                continue
            kept[out.path] = staging.record(replace(out, path=copy, content=b""))
            continue
        try:
            content = read_regular(disk)
        except OSError:
            continue
        if hashlib.sha256(content).hexdigest() == sha:
            kept[out.path] = replace(out, path=copy, content=content)
    return kept


def _recorded_checksums(target: Path) -> dict[str, str]:
    """Path -> SHA-256 in the previous build's archive list; empty when there is none."""
    listing = target / FILE_NAME
    if not listing.is_file() or is_link(listing):
        return {}
    try:
        return {
            r.get("tiedosto", ""): (r.get("sha256") or "").strip().lower()
            for r in read_archive_list(read_regular(listing))
        }
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}


def add_pdf_copies(
    outputs: list[Output],
    when: dt.datetime,
    *,
    timeout: float | None = None,
    previous: dict[str, Output] | None = None,
    staging: Staging | None = None,
) -> list[Output]:
    """The PDF/A copies of the ``.docx`` in ``outputs`` (not the outputs themselves).

    ``previous`` (from :func:`previous_copies`): copies kept as they are instead of
    converting their Word documents again; only the others go to LibreOffice.
    ``staging``: each PDF is written there as soon as it is read back from LibreOffice
    and only its record kept (a stored Word document is copied to LibreOffice from disk).

    Raises :class:`~pipeline.errors.ConversionProblem` naming every document
    LibreOffice could not convert, and :class:`~pipeline.errors.ToolMissing`
    without LibreOffice.
    """
    previous = previous or {}
    word = [o for o in outputs if o.path.lower().endswith(".docx")]
    converted = _convert([o for o in word if o.path not in previous], when, timeout, staging)
    return [previous[o.path] if o.path in previous else converted[o.path] for o in word]


def _convert(
    documents: list[Output], when: dt.datetime, timeout: float | None, staging: Staging | None
) -> dict[str, Output]:
    """Word document path -> its fresh PDF/A copy, converted by LibreOffice."""
    if not documents:
        return {}
    if timeout is None:  # for one batch: the longest planned
        longest = max(
            len(b) for b in plan_batches([Path(o.path) for o in documents], default_workers())
        )
        timeout = BASE_TIMEOUT + PER_DOCUMENT * longest
    with tempfile.TemporaryDirectory(prefix="hytetu-pdf-") as temp:
        source, target = Path(temp) / "docx", Path(temp) / "pdf"
        source.mkdir()
        files: dict[Path, Output] = {}
        for i, out in enumerate(documents):
            # a flat, unique, ASCII name: LibreOffice names the PDF after it
            path = source / f"{i:04d}_{Path(out.path).stem}.docx"
            if out.folder is not None:
                shutil.copyfile(out.folder.root / out.path, path)
            else:
                path.write_bytes(out.content)
            files[path] = out
        batch = run_batches(list(files), PDF_FILTER, target, timeout=timeout)
        failed = [files[f].path for f in batch.failed(list(files))]
        if batch.timed_out and not failed:  # finished files may be cut short: trust none
            failed = [o.path for o in documents]
        if failed:
            raise ConversionProblem(_failure_message(failed, batch.log, batch.timed_out, timeout))
        copies = {}
        for f in files:  # in the documents' order, whichever batch finished first
            result = batch.done[f]
            content = normalize_pdf(result.read_bytes(), when)
            result.unlink()
            copy = replace(files[f], path=pdf_path(files[f].path), content=content)
            copies[files[f].path] = staging.store([copy])[0] if staging else copy
        return copies


def _failure_message(failed: list[str], log: str, timed_out: bool, timeout: float) -> str:
    if timed_out:
        lines = [
            f"LibreOffice ei saanut PDF-kopioita valmiiksi {timeout:.0f} sekunnissa; "
            "keskeytettiin. Asiakirjat, joista PDF jäi tekemättä:"
        ]
    else:
        lines = ["LibreOffice ei pystynyt tekemään PDF/A-kopiota näistä asiakirjoista:"]
    lines += [f"  {path}" for path in failed]
    detail = [line.strip() for line in log.splitlines() if line.strip()][-5:]
    lines.append(
        "Mitään ei kirjoitettu; aiemmat tulosteet ovat ennallaan. Sulje muut LibreOffice-"
        "ikkunat ja aja komento uudelleen; jos sama asiakirja epäonnistuu uudelleen, tarkista "
        "sen Word-pohja (avaa pohja Wordissa tai LibreOfficessa ja tallenna), tai aja hytetu "
        "build ilman valitsinta --pdf."
    )
    if detail:
        lines.append("Tekninen tieto (LibreOfficen tuloste): " + " | ".join(detail))
    return "\n".join(lines)
