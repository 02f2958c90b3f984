"""Stages 1–3 in one call: from the workbook's path to one frozen :class:`YearData`.

read (container guards, sheets) → validate (every sheet, last year's tracker the
settings name, checks across sheets) → the survey forms returned into
``kyselyvastaukset/`` and the progress forms in ``seurantavastaukset/`` → the data handed over, never changed afterwards.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline.errors import Problem, Problems
from pipeline.workbook.model import YearData
from pipeline.workbook.read import read_workbook
from pipeline.workbook.returned_forms import read_returned_forms
from pipeline.workbook.returned_progress import read_returned_progress
from pipeline.workbook.validate import validate


def check(workbook: Path) -> tuple[YearData | None, Problems]:
    """Read and validate; never raises for problems in the data (see ``Problems``).

    Survey forms returned into ``kyselyvastaukset/`` next to the workbook are read
    too (once the workbook itself has no errors); their problems are warnings, and
    their responses follow the ``Ennakkokysely`` sheet's in the data returned.
    """
    raw = read_workbook(Path(workbook))
    data, problems = validate(raw)
    if data is None:
        return None, problems
    returned = read_returned_forms(data, problems)
    if returned:
        responses = data.responses + tuple(form.response for form in returned)
        data = dataclasses.replace(data, responses=responses)
    # progress forms returned into seurantavastaukset/: merged into the tracker by the build
    progress = read_returned_progress(data, problems)
    if progress:
        data = dataclasses.replace(data, progress=tuple(progress))
    return data, problems


def load(workbook: Path) -> tuple[YearData, list[Problem]]:
    """Validated data and its warnings; :class:`InputError` listing everything otherwise."""
    data, problems = check(workbook)
    problems.raise_if_errors()
    assert data is not None
    return data, problems.warnings
