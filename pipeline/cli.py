"""The ``hytetu`` command: a thin layer over :mod:`pipeline.build`.

This is the one place where errors become messages and exit codes. Heavy
libraries are imported inside the commands, so ``hytetu --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .errors import EXIT_INPUT, EXIT_OK, HytetuError, Problem

DEFAULT_WORKBOOK = "input/hytetu.xlsx"


def _report(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    for p in errors:
        click.echo(f"VIRHE {p}", err=True)
    for p in warnings:
        click.echo(f"Varoitus {p}", err=True)


def _friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error a user can cause into a Finnish message and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import InputError

        try:
            return func(*args, **kwargs)
        except InputError as exc:
            _report(exc.problems)
            n = len([p for p in exc.problems if p.is_error])
            click.echo(
                f"Työkirjassa on {n} {'virhe' if n == 1 else 'virhettä'}. "
                "Mitään ei kirjoitettu. Korjaa virheet ja aja komento uudelleen.",
                err=True,
            )
            sys.exit(EXIT_INPUT)
        except HytetuError as exc:
            for line in exc.messages():
                click.echo(f"VIRHE {line}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hytetu", message="hytetu %(version)s")
def main() -> None:
    """Hytetu-neuvottelujen asiakirjat yhdestä Excel-työkirjasta.

    Täytä työkirja (hytetu init luo pohjan), tarkista se (hytetu validate) ja
    tee vuoden asiakirjat (hytetu build).
    """


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_WORKBOOK)
@click.option(
    "--example",
    is_flag=True,
    help="Täytä työkirja kuvitteellisen hyvinvointialueen esimerkkitiedoilla.",
)
@_friendly
def init(path: Path, example: bool) -> None:
    """Luo uusi, tyhjä työkirja PATH (ei korvaa olemassa olevaa)."""
    if example:
        from .example import write_example

        write_example(path)
        click.echo(f"Esimerkkityökirja luotu: {path}")
    else:
        from .workbook_init import write_blank

        write_blank(path)
        click.echo(f"Työkirja luotu: {path}. Täytä se ja aja: hytetu validate {path}")


@main.command(name="validate")
@click.argument("workbook", type=click.Path(path_type=Path), default=DEFAULT_WORKBOOK)
@_friendly
def validate_command(workbook: Path) -> None:
    """Tarkista työkirja ja luettele kaikki virheet ja varoitukset."""
    from .build import check

    _, problems = check(workbook)
    _report(problems.items)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if errors:
        click.echo(f"{workbook}: {errors} virhettä, {warnings} varoitusta.", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"{workbook}: kunnossa ({warnings} varoitusta).")
    sys.exit(EXIT_OK)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path), default=DEFAULT_WORKBOOK)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default="output",
    show_default=True,
    help="Tulostekansio; asiakirjat menevät sen alikansioon <Vuosi>.",
)
@_friendly
def build(workbook: Path, out: Path) -> None:
    """Tarkista työkirja ja tee kaikki asiakirjat, jotka tiedoista voi tehdä."""
    from .build import build as run_build

    result = run_build(workbook, out)
    _report(result.warnings)
    for line in result.skipped:
        click.echo(f"Ei tehty: {line}")
    counts = Counter((o.doc_type, o.lang) for o in result.outputs)
    click.echo(f"Tehty {len(result.outputs)} tiedostoa kansioon {result.target}:")
    for (doc_type, lang), n in sorted(counts.items()):
        click.echo(f"  {doc_type}{' (' + lang + ')' if lang else ''}: {n}")
    for o in result.outputs:
        click.echo(f"  {o.path}")
    click.echo(f"Arkistoluettelo: {result.target / 'arkistoluettelo.csv'}")
