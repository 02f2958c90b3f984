"""The follow-up tracker's sheet as SPEC §3 fixes it: read by last year's tracker and rebuilds,
written by the tracker document."""

from __future__ import annotations

from pipeline.contract.areas import WHOLE_AREA_LABELS

SHEET = "Seuranta"
OVERVIEW_SHEET = "Yhteenveto"
WHOLE_AREA = WHOLE_AREA_LABELS["fi"]

#: (header, width) in sheet order; SPEC's columns plus Asiakohta for context
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Tunnus", 16),
    ("Neuvottelu", 14),
    ("Kunta", 18),
    ("Asiakohta", 18),
    ("Painopiste", 20),
    ("Päätös", 45),
    ("Jatkotoimi", 40),
    ("Vastuutaho", 22),
    ("Yhteistyöfoorumi", 24),
    ("Seurantavastuu", 22),
    ("Määräaika", 12),
    ("Tila", 14),
    ("Tilannekuvaus", 40),
    ("Päivitetty", 12),
    ("Rekisterissä", 16),
)
HEADERS = tuple(name for name, _ in COLUMNS)
#: columns people fill in during the year; a rebuild keeps what they typed
USER_COLUMNS = ("Tila", "Tilannekuvaus", "Päivitetty")
#: whether the row's decision is in the register; written by the build only
REGISTER_COLUMN = "Rekisterissä"
IN_REGISTER = "kyllä"
REMOVED = "poistettu rekisteristä"
OWN_ROW = "oma rivi"
#: columns the register owns: a rebuild refreshes them from the register
REGISTER_OWNED = tuple(h for h, _ in COLUMNS if h not in (*USER_COLUMNS, REGISTER_COLUMN))
DATE_COLUMNS = ("Määräaika", "Päivitetty")
#: very hidden sheet of what the build wrote into the register columns, so that a rebuild
#: tells a person's edit in the tracker from a change in the register
SNAPSHOT_SHEET = "hytetu-rekisteri"
