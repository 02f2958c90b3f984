"""The progress line: one line on the terminal that counts documents while a build runs."""

from __future__ import annotations

import sys
import time

import click


class Progress:
    """Counts documents on one terminal line, for builds that take a moment.

    Silent when standard error is not a terminal (a log, a pipe, CI) or with ``--quiet``.
    """

    DELAY = 0.5  # seconds before the line appears: a quick build shows nothing
    EVERY = 0.1  # seconds between redraws

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self.shown = False
        self.started = self.drawn = time.monotonic()

    def __enter__(self) -> Progress:
        self.started = self.drawn = time.monotonic()
        return self

    def __call__(self, path: str) -> None:
        self.count += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started >= self.DELAY and now - self.drawn >= self.EVERY:
            self.drawn = now
            self.shown = True
            name = path.rsplit("/", 1)[-1][:50]
            click.echo(f"\r\x1b[KTehdään asiakirjoja: {self.count} – {name}", nl=False, err=True)

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            click.echo("\r\x1b[K", nl=False, err=True)
