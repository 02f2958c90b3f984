"""click's own words (usage errors, help headings) in Finnish.

click marks its messages for gettext but ships no Finnish catalogue; the
command line speaks Finnish throughout, so its messages are looked up here.
A message without a translation stays as click wrote it.
"""

from __future__ import annotations

import importlib

FI: dict[str, str] = {
    "Usage:": "Käyttö:",
    "Options": "Valitsimet",
    "Commands": "Komennot",
    "Show this message and exit.": "Näytä tämä ohje ja lopeta.",
    "Show the version and exit.": "Näytä versio ja lopeta.",
    "Error: {message}": "Virhe: {message}",
    "Try '{command} {option}' for help.": "Ohje: {command} {option}",
    "No such option {name!r}.": "Tuntematon valitsin ”{name}”.",
    "No such command {name!r}.": "Tuntematon komento ”{name}”.",
    "Missing command.": "Komento puuttuu.",
    "Missing argument": "Argumentti puuttuu",
    "Missing option": "Valitsin puuttuu",
    "Missing parameter": "Arvo puuttuu",
    "Missing parameter: {param_name}": "Arvo puuttuu: {param_name}",
    "Invalid value for {param_hint}: {message}": "Virheellinen arvo kohdassa {param_hint}: {message}",
    "Invalid value: {message}": "Virheellinen arvo: {message}",
    "Option {name!r} does not take a value.": "Valitsimelle ”{name}” ei anneta arvoa.",
    "Aborted!": "Keskeytetty.",
    "default: {default}": "oletus: {default}",
    "{name} {filename!r} does not exist.": "{name} ”{filename}” ei ole olemassa.",
    "{name} {filename!r} is a directory.": "{name} ”{filename}” on kansio.",
    "{name} {filename!r} is a file.": "{name} ”{filename}” on tiedosto.",
    "{name} {filename!r} is not readable.": "{name} ”{filename}” ei ole luettavissa.",
    "{name} {filename!r} is not writable.": "{name} ”{filename}” ei ole kirjoitettavissa.",
    "file": "tiedosto",
    "directory": "kansio",
    "path": "polku",
    "%(prog)s, version %(version)s": "%(prog)s, versio %(version)s",
}

FI_PLURAL: dict[str, tuple[str, str]] = {
    "Did you mean {possibility}?": (
        "Tarkoititko {possibility}?",
        "(Tarkoititko jotakin näistä: {possibilities}?)",
    ),
    "Got unexpected extra argument ({args})": (
        "Ylimääräinen argumentti ({args})",
        "Ylimääräisiä argumentteja ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Valitsin {name!r} tarvitsee arvon.",
        "Valitsin {name!r} tarvitsee {nargs} arvoa.",
    ),
}


def gettext(message: str) -> str:
    return FI.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in FI_PLURAL:
        one, many = FI_PLURAL[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


def install() -> None:
    """Point click's message look-ups at the Finnish texts above."""
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
