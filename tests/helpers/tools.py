"""Command-line tools a test needs besides LibreOffice: present, or a skip that says why."""

from __future__ import annotations

import shutil

import pytest

#: tool -> the Debian/Ubuntu package that has it (.ci/run installs these)
PACKAGES = {"pdftotext": "poppler-utils"}


def tool_or_skip(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        package = PACKAGES.get(name, name)
        pytest.skip(f"{name} ei ole asennettu (Debian/Ubuntu: apt-get install {package})")
    return exe
