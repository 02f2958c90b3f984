"""LibreOffice, headless: the real client for PDF/A copies and for tests.

One ``soffice`` process converts a whole batch, with a throw-away user
profile (so a desktop LibreOffice that is open does not interfere) and a
timeout (so a stuck conversion cannot hang a build).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ToolMissing

INSTALL_HINT = (
    "Asenna LibreOffice: Debianissa ja Ubuntussa "
    "sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui, "
    "Windowsissa ja macOS:ssä osoitteesta libreoffice.org."
)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    files: list[Path], target: str, outdir: Path, *, timeout: float = 600
) -> tuple[dict[Path, Path], str]:
    """Convert ``files`` with ``--convert-to target`` into ``outdir`` in one process.

    Returns the source -> result map of the files that were converted, and what
    LibreOffice printed. Raises :class:`ToolMissing` without LibreOffice.
    """
    exe = find_soffice()
    if exe is None:
        raise ToolMissing(f"LibreOfficea (soffice) ei löydy. {INSTALL_HINT}")
    outdir.mkdir(parents=True, exist_ok=True)
    ext = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="hytetu-lo-") as profile:
        cmd = [
            exe,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *(str(f) for f in files),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
            log = proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            log = f"LibreOffice ei valmistunut {timeout:.0f} sekunnissa."
    done = {}
    for f in files:
        result = outdir / f"{f.stem}.{ext}"
        if result.exists() and result.stat().st_size > 0:
            done[f] = result
    return done, log
