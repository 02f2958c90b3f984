"""The real client: LibreOffice, or a clear skip where it is missing.

A test that runs LibreOffice must be marked ``@pytest.mark.libreoffice`` (so the fast tier
can leave it out with ``-m "not libreoffice"``). ``tests/conftest.py`` records whether the
running test is marked; :func:`soffice_or_skip` and the build's own
``pipeline.output.office.find_soffice`` fail an unmarked test instead of running soffice.
"""

from __future__ import annotations

import shutil

import pytest

MARKER = "libreoffice"

#: set by tests/conftest.py before each test's fixtures are set up: (node id, marked?)
current: tuple[str, bool] = ("", True)


def require_marker() -> None:
    nodeid, marked = current
    if not marked:
        pytest.fail(
            f"{nodeid} runs LibreOffice but is not marked @pytest.mark.{MARKER}", pytrace=False
        )


def soffice_or_skip() -> str:
    require_marker()
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) ei ole asennettu")
    return exe
