"""Shared fixtures: the workbook factory, one example build per session, the marker guard.

Helpers that are not fixtures live in ``tests/helpers/`` (workbooks, builds, docs, office,
tools, xlsx_parts).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.app import BuildResult, build
from pipeline.output import office as production_office
from tests.helpers import office as office_helper
from tests.helpers import workbooks as wbs
from tests.helpers.builds import EXAMPLE
from tests.helpers.builds import build_of as _build_of

# Property tests check what holds for all inputs, not how fast one example runs: on a
# loaded 2-core CI machine a per-example deadline would only add flaky failures.
settings.register_profile("hytetu", deadline=None)
# In CI (CI=true) the examples are derived from each test, not drawn at random: a run
# passes or fails the same way every time. Locally every run explores new inputs, and
# what it finds becomes a plain regression test.
settings.register_profile("hytetu-ci", deadline=None, derandomize=True)
settings.load_profile("hytetu-ci" if os.environ.get("CI") else "hytetu")

Sheets = dict[str, list[wbs.Row]]


# ------------------------------------------------------------------ LibreOffice marker


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures run (module fixtures included): is it marked?"""
    office_helper.current = (
        item.nodeid,
        item.get_closest_marker(office_helper.MARKER) is not None,
    )


_real_find_soffice = production_office.find_soffice


def _guarded_find_soffice() -> str | None:
    office_helper.require_marker()
    return _real_find_soffice()


# every LibreOffice run of the build goes through find_soffice (require_soffice calls it)
production_office.find_soffice = _guarded_find_soffice


# ------------------------------------------------------------------ workbooks and builds


@pytest.fixture
def base_sheets() -> Sheets:
    return wbs.base()


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A small valid workbook on disk."""
    return wbs.write(tmp_path / "hytetu.xlsx")


@pytest.fixture
def workbook_from(tmp_path: Path) -> Callable[..., Path]:
    """``workbook_from(sheets, name="hytetu.xlsx")``: the sheets written into tmp_path."""

    def write(sheets: Sheets | None = None, name: str = "hytetu.xlsx") -> Path:
        return wbs.write(tmp_path / name, sheets)

    return write


@pytest.fixture
def build_of(tmp_path: Path) -> Callable[..., BuildResult]:
    """``build_of(sheets, pdf=False)``: the sheets written and built, inside tmp_path.

    Module-scoped fixtures use :func:`tests.helpers.builds.build_of` with their own folder.
    """

    def make(sheets: Sheets | None = None, *, pdf: bool = False) -> BuildResult:
        return _build_of(tmp_path, sheets, pdf=pdf)

    return make


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """The committed example workbook built once per session (per xdist worker).

    Shared: read it, never write into ``example_build.target``.
    """
    yield build(EXAMPLE, tmp_path_factory.mktemp("example") / "out")
