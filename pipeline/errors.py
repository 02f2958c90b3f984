"""Every error a user can cause, in one place.

The core raises these; the command-line layer (``cli.py``) turns them into
Finnish messages and exit codes. Nothing else decides an exit status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

ERROR = "virhe"
WARNING = "varoitus"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about the input, located as precisely as we can."""

    #: where: ``"Osallistujat!B7"``, ``"Kunnat"`` (a whole sheet) or a file name
    where: str
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def at(sheet: str, cell: str | None = None) -> str:
    """``at("Kunnat", "B7")`` -> ``"Kunnat!B7"``."""
    return f"{sheet}!{cell}" if cell else sheet


@dataclass
class Problems:
    """Collects findings; validation reports them all, then aborts once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.items.append(Problem(where, message, ERROR))

    def warning(self, where: str, message: str) -> None:
        self.items.append(Problem(where, message, WARNING))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(list(self.items))


class HytetuError(Exception):
    """Base of every error whose message is meant for the user."""

    exit_code = EXIT_INPUT

    def messages(self) -> list[str]:
        return [str(self)]


class InputError(HytetuError):
    """The workbook (or a file it points to) has errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len([p for p in problems if p.is_error])} virhettä")

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


class WorkbookUnreadable(HytetuError):
    """The file is not a workbook we can open (not xlsx, broken, encrypted, too big)."""


class TemplateProblem(HytetuError):
    """A Word template is broken or reaches for something it must not."""


class OutputProblem(HytetuError):
    """The output cannot be written (locked file, hand-edited document, no permission)."""


class ToolMissing(HytetuError):
    """An outside program (LibreOffice) is needed but not installed."""


class ConversionProblem(HytetuError):
    """LibreOffice could not convert a document (PDF/A copies); nothing was written."""
