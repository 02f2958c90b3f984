"""The progress form's recognisable layout (SPEC §3 ``seurantalomake``): what the build writes
and a returned form in ``seurantavastaukset/`` is read by.

A form lists the agreements that concern one municipality, one row each; the
municipality updates ``Tila``, ``Tilannekuvaus`` and ``Päivitetty``. The hidden
marker sheet says which county, year and municipality the form is for, and in
which row each agreement (``Tunnus``) stands.
"""

from __future__ import annotations

from pipeline.contract import schema
from pipeline.contract.i18n import t
from pipeline.contract.values import key

#: the folder next to the workbook where returned forms are put
FOLDER = "seurantavastaukset"
#: the hidden sheet a form is recognised by (as on the survey form; the kind tells them apart)
MARKER_SHEET = "hytetu"
#: what the marker's first cell says, and the layout version after it
MARKER_KIND = "hytetu-seurantalomake"
FORM_VERSION = "1"

#: rows of the form sheet
ROW_TITLE = 1
ROW_COUNTY = 2
ROW_INSTRUCTIONS = 3
ROW_RETURN = 4
ROW_MUNICIPALITY = 5
ROW_HEADER = 7
FIRST_ROW = ROW_HEADER + 1

#: the form's columns in sheet order: (letter, the tracker column it shows, width)
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("A", "Tunnus", 12),
    ("B", "Kunta", 16),
    ("C", "Päätös", 40),
    ("D", "Jatkotoimi", 34),
    ("E", "Yhteistyöfoorumi", 20),
    ("F", "Vastuutaho", 18),
    ("G", "Määräaika", 11),
    ("H", "Tila", 15),
    ("I", "Tilannekuvaus", 42),
    ("J", "Päivitetty", 12),
)
COL_ID, COL_STATUS, COL_NOTE, COL_UPDATED = "A", "H", "I", "J"
#: the only cells a municipality can change, by tracker column
EDITABLE = ("Tila", "Tilannekuvaus", "Päivitetty")
LAST_COLUMN = COLUMNS[-1][0]

#: marker labels (column A of the marker sheet); values are in column B
M_YEAR, M_COUNTY, M_MUNICIPALITY, M_LANG, M_SHEET = (
    "vuosi",
    "hyvinvointialue",
    "kunta",
    "kieli",
    "lomake",
)
#: the label after which each marker row is (Tunnus, row number of the form sheet)
M_ROWS = "tunnus"
M_ROWS_VALUE = "rivi"

#: the form's own words, by language (statuses: ``i18n`` ``status_<Tila>``)
TEXT: dict[str, dict[str, str]] = {
    "title": {"fi": "Seurantalomake", "sv": "Uppföljningsblankett"},
    "instructions": {
        "fi": "Päivitä kunkin päätöksen tilanne: valitse tila Tila-sarakkeen "
        "pudotusvalikosta, kirjoita Tilannekuvaus-sarakkeeseen lyhyesti, mitä on tehty ja mitä "
        "seuraavaksi tehdään (rivinvaihto solun sisällä: Alt+Enter), ja kirjoita "
        "Päivitetty-sarakkeeseen päivämäärä, jolta tieto on (esim. 14.9.2027). Muut solut on "
        "suojattu. Lomakkeessa ovat valmiina seurantataulukon nykyiset tiedot. Tallenna "
        "tiedosto Excel-työkirjana (.xlsx) ja palauta se sähköpostin liitteenä. Älä kopioi "
        "tietoja toiseen tiedostoon: lomake luetaan suoraan seurantataulukkoon, ja rivin tieto "
        "otetaan käyttöön, kun sen Päivitetty-päivämäärä on myöhäisempi kuin taulukossa.",
        "sv": "Uppdatera läget för varje överenskommelse: välj status i rullgardinslistan i "
        "kolumnen Status, skriv kort i kolumnen Lägesbeskrivning vad som har gjorts och vad "
        "som görs härnäst (radbrytning i cellen: Alt+Enter) och skriv i kolumnen Uppdaterad "
        "det datum uppgiften gäller (t.ex. 14.9.2027). Övriga celler är skyddade. Blanketten "
        "innehåller uppföljningstabellens nuvarande uppgifter. Spara filen som Excel-arbetsbok "
        "(.xlsx) och returnera den som bilaga till e-post. Kopiera inte uppgifterna till en "
        "annan fil: blanketten läses direkt in i uppföljningstabellen, och radens uppgift tas i "
        "bruk när dess datum i kolumnen Uppdaterad är senare än i tabellen.",
    },
    "Tunnus": {"fi": "Tunnus", "sv": "Beteckning"},
    "Kunta": {"fi": "Kunta", "sv": "Kommun"},
    "Päätös": {"fi": "Päätös", "sv": "Överenskommelse"},
    "Jatkotoimi": {"fi": "Jatkotoimi", "sv": "Fortsatt åtgärd"},
    "Yhteistyöfoorumi": {"fi": "Yhteistyöfoorumi", "sv": "Samarbetsforum"},
    "Vastuutaho": {"fi": "Vastuutaho", "sv": "Ansvarig"},
    "Määräaika": {"fi": "Määräaika", "sv": "Tidsfrist"},
    "Tila": {"fi": "Tila", "sv": "Status"},
    "Tilannekuvaus": {"fi": "Tilannekuvaus", "sv": "Lägesbeskrivning"},
    "Päivitetty": {"fi": "Päivitetty", "sv": "Uppdaterad"},
    "status_prompt": {
        "fi": "Valitse päätöksen tila luettelosta.",
        "sv": "Välj överenskommelsens status i listan.",
    },
    "status_error": {
        "fi": "Valitse jokin luettelon tiloista.",
        "sv": "Välj en av statusarna i listan.",
    },
    "updated_prompt": {
        "fi": "Päivämäärä, jolta tilannekuvaus on, esim. 14.9.2027.",
        "sv": "Datum som lägesbeskrivningen gäller, t.ex. 14.9.2027.",
    },
    "updated_error": {
        "fi": "Kirjoita päivämäärä, esim. 14.9.2027.",
        "sv": "Skriv ett datum, t.ex. 14.9.2027.",
    },
    "none": {
        "fi": "Kuntaa koskevia päätöksiä ei ole seurantataulukossa.",
        "sv": "Uppföljningstabellen har inga överenskommelser som gäller kommunen.",
    },
}


def text(name: str, lang: str) -> str:
    return TEXT[name]["sv" if lang == "sv" else "fi"]


#: the five statuses as the dropdown of a form in each language offers them, in SPEC's order
STATUS_LABELS: dict[str, tuple[str, ...]] = {
    lang: tuple(t(f"status_{status}", lang) for status in schema.TRACKER_STATUSES)
    for lang in ("fi", "sv")
}


def status_label(status: str, lang: str) -> str:
    """A canonical (Finnish) status as a form in ``lang`` shows it."""
    return STATUS_LABELS["sv" if lang == "sv" else "fi"][schema.TRACKER_STATUSES.index(status)]


def canonical_status(label: str) -> str | None:
    """The tracker's Finnish status for a status as either language's form writes it; else None."""
    wanted = key(label)
    for labels in STATUS_LABELS.values():
        for canonical, shown in zip(schema.TRACKER_STATUSES, labels, strict=True):
            if key(shown) == wanted:
                return canonical
    return None
