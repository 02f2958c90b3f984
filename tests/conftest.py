from __future__ import annotations

import pytest
from hypothesis import settings

from tests.helpers import workbooks as wbs

# Property tests check what holds for all inputs, not how fast one example runs: on a
# loaded 2-core CI machine a per-example deadline would only add flaky failures.
settings.register_profile("hytetu", deadline=None)
settings.load_profile("hytetu")


@pytest.fixture
def base_sheets():
    return wbs.base()


@pytest.fixture
def workbook(tmp_path):
    """A small valid workbook on disk."""
    return wbs.write(tmp_path / "hytetu.xlsx")
