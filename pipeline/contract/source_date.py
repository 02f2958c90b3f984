"""``SOURCE_DATE_EPOCH``: the build date reproducible builds fix from outside."""

from __future__ import annotations

import datetime as dt
import os

from pipeline.errors import InputError, Problem


def source_date_epoch() -> dt.date | None:
    """The date ``SOURCE_DATE_EPOCH`` gives, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise InputError(
            [
                Problem(
                    "SOURCE_DATE_EPOCH",
                    f"arvo ”{epoch}” ei ole sekuntimäärä. Poista muuttuja tai anna kokonaisluku.",
                )
            ]
        ) from None
