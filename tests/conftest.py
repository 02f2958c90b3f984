from __future__ import annotations

import shutil

import pytest

from tests import workbooks as wbs


@pytest.fixture
def base_sheets():
    return wbs.base()


@pytest.fixture
def workbook(tmp_path):
    """A small valid workbook on disk."""
    return wbs.write(tmp_path / "hytetu.xlsx")


def soffice_or_skip() -> str:
    exe = shutil.which("soffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) ei ole asennettu")
    return exe
