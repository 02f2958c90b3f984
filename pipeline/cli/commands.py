"""The commands: click's options and arguments, each calling the core once.

This is the one place where errors become messages and exit codes. Heavy
libraries are imported inside the commands, so ``hytetu --help`` starts fast (so are
the reports and the interrupt handling: ``--help`` needs neither).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from pipeline.cli import finnish as clickfi

clickfi.install()

#: same as ``app.DEFAULT_WORKBOOK``; repeated so that ``--help`` need not import the core
DEFAULT_WORKBOOK = "input/hytetu.xlsx"


def _friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error a user can cause into a Finnish message and exit status 1.

    Ctrl+C and SIGTERM stop the command with ``Keskeytetty.`` and status 130,
    without a traceback; a build interrupted before its swap leaves the previous
    output as it was (see :mod:`pipeline.output.interrupt`).
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from pipeline.cli import report
        from pipeline.errors import EXIT_INPUT, EXIT_INTERRUPTED, HytetuError, InputError
        from pipeline.output import interrupt

        try:
            with interrupt.handled():
                try:
                    return func(*args, **kwargs)
                except BaseException:
                    # a library can turn the interrupt into its own error (openpyxl's
                    # descriptors re-raise anything as TypeError): the user's Ctrl+C wins
                    if interrupt.requested():
                        raise KeyboardInterrupt from None
                    raise
        except KeyboardInterrupt:
            click.echo("Keskeytetty.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except InputError as exc:
            report.problems(exc.problems)
            n = len([p for p in exc.problems if p.is_error])
            click.echo(
                f"Työkirjassa on {report.count(n, 'virhe', 'virhettä')}. "
                "Mitään ei kirjoitettu. Korjaa virheet ja aja komento uudelleen.",
                err=True,
            )
            sys.exit(EXIT_INPUT)
        except HytetuError as exc:
            for line in exc.messages():
                click.echo(f"Virhe – {line}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[VALITSIMET]",
    subcommand_metavar="KOMENTO [ARGUMENTIT]...",
)
@click.version_option(package_name="hytetu", message="hytetu %(version)s")
def main() -> None:
    """Hytetu-neuvottelujen asiakirjat yhdestä Excel-työkirjasta.

    Täytä työkirja (hytetu init luo pohjan), tarkista se (hytetu validate) ja
    tee vuoden asiakirjat (hytetu build).
    """


@main.command(options_metavar="[VALITSIMET]")
@click.argument(
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_WORKBOOK,
    metavar="[POLKU]",
)
@click.option(
    "--example",
    is_flag=True,
    help="Täytä työkirja kuvitteellisen hyvinvointialueen esimerkkitiedoilla.",
)
@_friendly
def init(path: Path, example: bool) -> None:
    """Luo uusi, tyhjä työkirja POLKU (ei korvaa olemassa olevaa)."""
    if example:
        from pipeline.starter.example import write_example

        write_example(path)
        click.echo(f"Esimerkkityökirja luotu: {path}")
    else:
        from pipeline.starter.blank import write_blank

        write_blank(path)
        click.echo(f"Työkirja luotu: {path}. Täytä se ja aja: hytetu validate {path}")


@main.command(name="templates", options_metavar="[VALITSIMET]")
@click.argument(
    "folder",
    type=click.Path(path_type=Path),
    default=str(Path(DEFAULT_WORKBOOK).parent / "pohjat"),
    metavar="[KANSIO]",
)
@_friendly
def templates_command(folder: Path) -> None:
    """Kopioi Word-pohjat (fi/, sv/) KANSIOON muokattaviksi (ei korvaa olemassa olevia)."""
    from pipeline.starter.templates import copy_templates

    copied = copy_templates(folder)
    click.echo(
        f"{len(copied)} Word-pohjaa kopioitu kansioon {folder}. Ota ne käyttöön kirjoittamalla "
        "työkirjan Asetukset-välilehdelle Pohjakansio ja kansion polku työkirjan kansiosta "
        "lukien (ohje: docs/pohjat.md)."
    )


@main.command(name="validate", options_metavar="[VALITSIMET]")
@click.argument(
    "workbook", type=click.Path(path_type=Path), default=DEFAULT_WORKBOOK, metavar="[TYÖKIRJA]"
)
@_friendly
def validate_command(workbook: Path) -> None:
    """Tarkista työkirja ja luettele kaikki virheet ja varoitukset."""
    from pipeline.app import check
    from pipeline.cli import report
    from pipeline.cli.report import count
    from pipeline.errors import EXIT_INPUT, EXIT_OK

    _, problems = check(workbook)
    report.problems(problems.items)
    errors, warnings = len(problems.errors), len(problems.warnings)
    if errors:
        click.echo(
            f"{workbook}: {count(errors, 'virhe', 'virhettä')}, "
            f"{count(warnings, 'varoitus', 'varoitusta')}.",
            err=True,
        )
        sys.exit(EXIT_INPUT)
    click.echo(f"{workbook}: kunnossa ({count(warnings, 'varoitus', 'varoitusta')}).")
    sys.exit(EXIT_OK)


@main.command(options_metavar="[VALITSIMET]")
@click.argument(
    "workbook", type=click.Path(path_type=Path), default=DEFAULT_WORKBOOK, metavar="[TYÖKIRJA]"
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default="output",
    show_default=True,
    help="Tulostekansio; asiakirjat menevät sen alikansioon <Vuosi>.",
)
@click.option(
    "--replace-edited",
    "replace_edited",
    is_flag=True,
    help="Korvaa käsin muokatut asiakirjat; muokatut versiot tallennetaan kansioon "
    "varmuuskopiot/<Vuosi>.",
)
# the old Finnish spelling keeps working, unlisted in --help
@click.option("--korvaa-muokatut", "replace_edited_fi", is_flag=True, hidden=True)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Ei edistymispalkkia eikä tiedostoluetteloa; vain yhteenveto, varoitukset ja virheet.",
)
@click.option(
    "--pdf",
    "pdf",
    is_flag=True,
    help="Tee jokaisesta Word-asiakirjasta myös saavutettava PDF/A-2-arkistokopio "
    "(tarvitsee LibreOfficen).",
)
@_friendly
def build(
    workbook: Path, out: Path, replace_edited: bool, replace_edited_fi: bool, quiet: bool, pdf: bool
) -> None:
    """Tarkista työkirja ja tee kaikki asiakirjat, jotka tiedoista voi tehdä."""
    from pipeline.app import build as run_build
    from pipeline.cli import report
    from pipeline.cli.progress import Progress

    replace_edited = replace_edited or replace_edited_fi
    with Progress(enabled=not quiet) as progress:
        result = run_build(workbook, out, replace_edited=replace_edited, progress=progress, pdf=pdf)
    report.build_summary(result, quiet=quiet)


@main.command(name="check-accessibility", options_metavar="[VALITSIMET]")
@click.argument("folder", type=click.Path(path_type=Path), default="output", metavar="[KANSIO]")
@_friendly
def accessibility_command(folder: Path) -> None:
    """Tarkista asiakirjojen saavutettavuus (kansio tai yksi .docx, .xlsx tai .pdf).

    Kieli ja nimeke, otsikkorakenne, toistuvat taulukon otsikkorivit, tyhjät
    kappaleet, kuvien ja kaavioiden vaihtoehtoiset tekstit ja PDF:n tagit.
    """
    from pipeline.checks.accessibility import SUFFIXES, check_bytes, check_folder
    from pipeline.cli.report import count
    from pipeline.errors import EXIT_INPUT, EXIT_OK, OutputProblem

    if folder.is_dir():
        results = check_folder(folder)
    elif folder.is_file() and folder.suffix.lower() in SUFFIXES:
        results = {folder.name: check_bytes(folder.name, folder.read_bytes())}
    else:
        raise OutputProblem(
            f"{folder}: kansiota tai asiakirjaa (.docx, .xlsx, .pdf) ei löydy. Anna komennon "
            "hytetu build tulostekansio (esim. output/2027) tai yksi asiakirja."
        )
    if not results:
        raise OutputProblem(
            f"{folder}: kansiossa ei ole yhtään asiakirjaa (.docx, .xlsx, .pdf). "
            "Tee ensin asiakirjat komennolla hytetu build."
        )
    failing = {name: found for name, found in results.items() if found}
    for name, found in failing.items():
        for finding in found:
            click.echo(f"{name}: {finding.rule}: {finding.message}")
    ok = len(results) - len(failing)
    click.echo(
        f"Tarkistettu {count(len(results), 'asiakirja', 'asiakirjaa')}: {ok} kunnossa, "
        f"{count(len(failing), 'puutteellinen', 'puutteellista')}."
    )
    sys.exit(EXIT_INPUT if failing else EXIT_OK)


# the old Finnish command name keeps working, unlisted in --help
main.add_command(
    click.Command(
        name="tarkista-saavutettavuus",
        callback=accessibility_command.callback,
        params=accessibility_command.params,
        help=accessibility_command.help,
        options_metavar="[VALITSIMET]",
        hidden=True,
    )
)
