"""What the commands print: problem lines, the build summary, what a rebuild kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from pipeline.contract.grammar import count, join_words, quote
from pipeline.errors import Problem

if TYPE_CHECKING:  # the core is imported only when a command runs
    from pipeline.app import BuildResult


__all__ = ["build_summary", "count", "living", "problems"]


def problems(found: Iterable[Problem]) -> None:
    """Errors first, then warnings, one line each on standard error."""
    items = list(found)
    for p in items:
        if p.is_error:
            click.echo(f"Virhe – {p}", err=True)
    for p in items:
        if not p.is_error:
            click.echo(f"Varoitus – {p}", err=True)


def build_summary(result: BuildResult, *, quiet: bool) -> None:
    """Warnings, what was not made, the files (unless quiet) and the counts per type."""
    problems(result.warnings)
    for line in result.skipped:
        click.echo(f"Ei tehty: {line}")
    if not quiet:
        for o in result.outputs:
            click.echo(f"  {o.path}")
    counts = Counter(
        (o.doc_type + (" PDF" if o.path.endswith(".pdf") else ""), o.lang) for o in result.outputs
    )
    click.echo(
        f"Valmiina {count(len(result.outputs), 'tiedosto', 'tiedostoa')} kansiossa {result.target}:"
    )
    for (doc_type, lang), n in sorted(counts.items()):
        click.echo(f"  {doc_type}{' (' + lang + ')' if lang else ''}: {n}")
    if result.warnings:
        click.echo(f"Varoituksia: {len(result.warnings)}.")
    click.echo(f"Arkistoluettelo: {result.target / 'arkistoluettelo.csv'}")
    living(result)


def living(result: BuildResult) -> None:
    """What a rebuild carried over, added, marked, kept and backed up."""
    for line in result.progress:
        click.echo(f"Seurantalomake: {line}")
    m = result.merge
    if m is not None:
        edited = len(m.overwritten_rows)
        click.echo(
            f"Seurantataulukko päivitetty: {count(len(m.carried) - edited, 'rivi', 'riviä')} "
            "säilyi kirjoitettuine tietoineen, "
            + (
                # adessive: the same after every number
                f"{edited} rivillä rekisterin sarakkeisiin kirjoitetut tiedot korvattiin "
                "rekisterin tiedoilla (katso varoitukset), "
                if edited
                else ""
            )
            + f"{count(len(m.added), 'uusi päätös', 'uutta päätöstä')} "
            f"(tila ”Ei aloitettu”), "
            f"{len(m.removed)} merkitty poistetuksi rekisteristä"
            + (f" (ennestään {m.removed_before})" if m.removed_before else "")
            + f", {count(m.own_rows, 'oma rivi', 'omaa riviä')} säilytetty."
        )
        for ident in m.removed:
            click.echo(f"  poistettu rekisteristä, rivi säilytetty: {ident}")
        if m.extra_columns:
            click.echo(
                "  lisätyt sarakkeet säilytetty: "
                + join_words([quote(c) for c in m.extra_columns], "fi")
            )
        if m.extra_sheets:
            click.echo(
                "  lisätyt välilehdet säilytetty: "
                + join_words([quote(c) for c in m.extra_sheets], "fi")
                + " (arvot, kaavat ja muotoilut; kaaviot ja kuvat eivät siirry)"
            )
    w = result.written
    if w is not None:
        for line in w.leftovers:
            click.echo(line)
        for rel in w.kept:
            click.echo(f"Säilytetty itse lisätty tai muokattu tiedosto: {rel}")
        if w.rebuild:
            changed(result)
        for rel in w.replaced:
            click.echo(f"Korvattu käsin muokattu tiedosto: {rel}")
        for rel in w.dropped:
            click.echo(
                f"Poistettu, koska hytetu build ei enää tee sitä (kopio varmuuskopioissa): {rel}"
            )
        for path in w.backups:
            click.echo(f"Varmuuskopio: {path}")


def changed(result: BuildResult) -> None:
    """Which generated files a rebuild wrote anew because their content changed."""
    w = result.written
    assert w is not None
    if not w.changed:
        click.echo("Ei muuttuneita tiedostoja: edellisen ajon tiedostot säilyivät ennallaan.")
        return
    backups = result.target.parent / "varmuuskopiot" / result.target.name
    one = len(w.changed) == 1
    click.echo(
        f"Muuttui {count(len(w.changed), 'tiedosto', 'tiedostoa')} "
        f"({'edellinen versio' if one else 'edelliset versiot'} kansiossa {backups}):"
    )
    for rel in w.changed:
        click.echo(f"  {rel}")
