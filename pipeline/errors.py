"""Every error a user can cause, in one place.

The core raises these; the command-line layer (``cli.py``) turns them into
Finnish messages and exit codes. Nothing else decides an exit status.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass, field

EXIT_OK = 0
#: the input has errors; nothing was written
EXIT_INPUT = 1
#: wrong usage: click exits with this status itself (unknown option, extra argument)
EXIT_USAGE = 2
#: stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it); nothing was swapped in
EXIT_INTERRUPTED = 130

ERROR = "virhe"
WARNING = "varoitus"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about the input, located as precisely as we can."""

    #: where: ``"Osallistujat!B7"``, ``"Kunnat"`` (a whole sheet) or a file name
    where: str
    message: str
    severity: str = ERROR
    #: the lookups (:data:`Problems.gaps`) this finding takes as complete; when one of
    #: them has a gap, the finding is a consequence of an error already reported
    relies_on: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


_OS_REASONS = {
    errno.EACCES: "ei käyttöoikeutta",
    errno.EPERM: "ei käyttöoikeutta",
    errno.ENOENT: "kansiota tai tiedostoa ei ole",
    errno.ENOTDIR: "polun osa ei ole kansio",
    errno.EISDIR: "on kansio",
    errno.ENOSPC: "levy on täynnä",
    errno.EROFS: "levy on vain luku -tilassa",
    errno.EEXIST: "on jo olemassa",
    errno.EBUSY: "tiedosto on toisen ohjelman käytössä",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Finnish (its own text is English)."""
    return _OS_REASONS.get(exc.errno or 0, f"käyttöjärjestelmän virhe {exc.errno or ''}".strip())


def at(sheet: str, cell: str | None = None) -> str:
    """``at("Kunnat", "B7")`` -> ``"Kunnat!B7"``."""
    return f"{sheet}!{cell}" if cell else sheet


@dataclass
class Problems:
    """Collects findings; validation reports them all, then aborts once."""

    items: list[Problem] = field(default_factory=list)
    #: lookups with rows missing because of an error already reported (``"Kunnat"``)
    gaps: set[str] = field(default_factory=set)

    def error(self, where: str, message: str, *, relies_on: Iterable[str] = ()) -> None:
        self.items.append(Problem(where, message, ERROR, tuple(relies_on)))

    def warning(self, where: str, message: str, *, relies_on: Iterable[str] = ()) -> None:
        self.items.append(Problem(where, message, WARNING, tuple(relies_on)))

    def gap(self, lookup: str) -> None:
        """``lookup`` lacks rows: an error about them is already reported."""
        self.gaps.add(lookup)

    def drop_consequences(self) -> None:
        """One cause, one message: drop findings that only follow from a gap.

        A municipality row without its name makes every reference to that
        municipality look wrong; those references are not reported, the empty
        cell is. After the fix, the next check reports whatever is still wrong.
        """
        if self.gaps:
            self.items = [p for p in self.items if not self.gaps.intersection(p.relies_on)]

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
        n = len([p for p in problems if p.is_error])
        # the bottom layer imports nothing: grammar.count's rule inline
        super().__init__(f"{n} virhe" if n == 1 else f"{n} virhettä")

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


class WorkbookUnreadable(HytetuError):
    """The file is not a workbook we can open (not xlsx, broken, encrypted, too big)."""


class WorkbookLocked(WorkbookUnreadable):
    """The file is there but cannot be opened: another program holds it, or no read permission."""


class TooManyRows(WorkbookUnreadable):
    """A sheet holds more data rows than any county's year can.

    Raised while the sheet is read, before the file's path is known to the
    reader; ``read.read_workbook`` puts the path in front of the message.
    """

    def __init__(self, sheet: str, row: int, limit: int) -> None:
        self.sheet = sheet
        self.row = row
        shown = f"{limit:,}".replace(",", " ")
        super().__init__(
            f"välilehdellä {sheet} on yli {shown} tietoriviä (raja ylittyi kohdassa "
            f"{sheet}!A{row}). Näin paljon rivejä ei tarvita yhden vuoden neuvotteluihin: "
            "poista ylimääräiset rivit ja tallenna työkirja uudelleen."
        )


class PreviousTrackerError(WorkbookUnreadable):
    """Last year's tracker (setting ``Edellisen vuoden seurantataulukko``) cannot be used.

    The message says why and how to fix it; ``previous.check_previous`` turns it
    into a validation error at the setting's cell.
    """


class BrokenForm(WorkbookUnreadable):
    """A file in ``kyselyvastaukset/`` that cannot be read as a survey form.

    The message says why; ``survey`` reports it as a warning naming the file,
    since one bad returned form never stops a build.
    """


class TemplateProblem(HytetuError):
    """A Word template is broken or reaches for something it must not."""


class OutputProblem(HytetuError):
    """The output cannot be written (locked file, hand-edited document, no permission)."""


class ToolMissing(HytetuError):
    """An outside program (LibreOffice) is needed but not installed."""


class ConversionProblem(HytetuError):
    """LibreOffice could not convert a document (PDF/A copies); nothing was written."""


class BuildRunning(OutputProblem):
    """Another build holds the output folder's lock; this one wrote nothing."""

    def __init__(self, out: object, holder: object | None) -> None:
        who = f" ({holder})" if holder is not None else ""
        super().__init__(
            f"{out}: toinen hytetu build -ajo on käynnissä samaan tulostekansioon{who}. Odota, että se "
            "valmistuu, ja aja komento sitten uudelleen. Mitään ei kirjoitettu."
        )
