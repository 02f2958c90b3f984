"""The real client: LibreOffice, or a clear skip where it is missing."""

from __future__ import annotations

import shutil

import pytest


def soffice_or_skip() -> str:
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) ei ole asennettu")
    return exe
