"""Ctrl+C and SIGTERM: noticed even when a library swallows the exception.

While :func:`handled` is in force, SIGINT and SIGTERM set a flag and raise
:class:`KeyboardInterrupt`. Some clean-up code (a zip writer's ``close`` in a
``finally``, a finaliser that Python reports as "Exception ignored") can
lose that exception (and the report is silenced); the flag is not lost, so the commit asks
:func:`check` before it swaps the new output in, and swaps only when no
interrupt came. Inside :func:`deferred` (the swap itself) a signal only sets
the flag, so the two renames are never separated by a signal.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

_SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None)


class _State:
    requested = False
    deferring = 0


def _handler(signum: int, frame: FrameType | None) -> None:
    _State.requested = True
    if not _State.deferring:
        raise KeyboardInterrupt


@contextmanager
def handled() -> Iterator[None]:
    """SIGINT and SIGTERM become a remembered :class:`KeyboardInterrupt` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in _SIGNALS}
    previous_hook = sys.unraisablehook
    _State.requested, _State.deferring = False, 0
    for s in _SIGNALS:
        signal.signal(s, _handler)

    def unraisable(info: Any) -> None:
        # raised in a finaliser (a weak reference's callback, a zip file's __del__):
        # Python would print a traceback and go on; the flag already stops the swap
        if not isinstance(info.exc_value, KeyboardInterrupt):
            previous_hook(info)

    sys.unraisablehook = unraisable
    try:
        yield
    finally:
        sys.unraisablehook = previous_hook
        for s, old in previous.items():
            signal.signal(s, old)
        _State.requested = False  # a later call (a library user, a test) starts afresh


def requested() -> bool:
    """Whether an interrupt came since :func:`handled` started (swallowed or not)."""
    return _State.requested


def check() -> None:
    """Raise :class:`KeyboardInterrupt` if an interrupt came, even one someone swallowed."""
    if _State.requested:
        raise KeyboardInterrupt


@contextmanager
def deferred() -> Iterator[None]:
    """A signal arriving inside only sets the flag; ask :func:`requested` afterwards."""
    _State.deferring += 1
    try:
        yield
    finally:
        _State.deferring -= 1
