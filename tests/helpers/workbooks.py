"""Small workbooks built in code for tests: a valid base and ways to break it."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from pipeline.render.xlsx import set_value

Row = list[object]

#: the tracker's columns SPEC §3 promises, spelled as SPEC spells them
SPEC_TRACKER_COLUMNS = (
    "Tunnus",
    "Neuvottelu",
    "Kunta",
    "Painopiste",
    "Päätös",
    "Jatkotoimi",
    "Vastuutaho",
    "Yhteistyöfoorumi",
    "Seurantavastuu",
    "Määräaika",
    "Tila",
    "Tilannekuvaus",
    "Päivitetty",
)

BASE: dict[str, list[Row]] = {
    "Asetukset": [
        ["Asetus", "Arvo"],
        ["Hyvinvointialue", "Testilän hyvinvointialue"],
        ["Hyvinvointialue ruotsiksi", "Testby välfärdsområde"],
        ["Vuosi", 2027],
        ["Teema", "Elintavat"],
        ["Ennakkotehtävien määräpäivä", dt.date(2027, 3, 12)],
        ["Ennakkokyselyn määräpäivä", "5.3.2027"],
        ["Koordinaattori", "Kaisa Koordinaattori"],
        ["Koordinaattorin sähköposti", "kaisa.koordinaattori@testila.fi"],
        ["Koordinaattorin puhelin", "040 123 4567"],
        ["Tehtäväluokka", "00.01.02"],
        ["Säilytysaika", "pysyvä"],
    ],
    "Kunnat": [
        ["Kunta", "Kunta ruotsiksi", "Kieli", "Palvelualue", "Kirjaamon sähköposti"],
        ["Alajärvenkylä", "", "suomi", "Pohjoinen", "kirjaamo@alajarvenkyla.fi"],
        ["Pikkula", "", "fi", "Pohjoinen", "kirjaamo@pikkula.fi"],
        ["Bykulla", "Bykulla stad", "ruotsi-suomi", "Rannikko", "registratur@bykulla.fi"],
        ["Cedervik", "Cedervik", "suomi-ruotsi", "Rannikko", ""],
    ],
    "Neuvottelut": [
        [
            "Tunnus",
            "Palvelualue",
            "Päivämäärä",
            "Alkaa",
            "Päättyy",
            "Paikka",
            "Etäyhteys",
            "Puheenjohtaja",
            "Sihteeri",
            "Kieli",
        ],
        [
            "pohjoinen",
            "Pohjoinen",
            dt.date(2027, 4, 14),
            dt.time(9, 0),
            "11.30",
            "Kaupungintalo",
            "https://meet.example.fi/pohjoinen",
            "Pia Puheenjohtaja",
            "Sami Sihteeri",
            "",
        ],
        [
            "rannikko",
            "Rannikko",
            "5.5.2027",
            "klo 13.00",
            "15:30",
            "Stadshuset",
            "",
            "Pia Puheenjohtaja",
            "Sara Sekreterare",
            "",
        ],
    ],
    "Osallistujat": [
        [
            "Nimi",
            "Organisaatio",
            "Tehtävä",
            "Sähköposti",
            "Puhelin",
            "Rooli",
            "Luottamushenkilö",
            "Neuvottelut",
        ],
        [
            "Aino Aaltonen",
            "Alajärvenkylä",
            "hyvinvointikoordinaattori",
            "aino@alajarvenkyla.fi",
            "",
            "neuvottelija",
            "ei",
            "",
        ],
        ["Antti Virta", "Alajärvenkylä", "kunnanhallituksen pj", "", "", "", "kyllä", ""],
        ["Paula Pikkarainen", "Pikkula", "sivistysjohtaja", "", "", "", "k", ""],
        ["Björn Berg", "Bykulla", "välfärdskoordinator", "bjorn@bykulla.fi", "", "", "nej", ""],
        ["Bodil Ek", "Bykulla", "ordförande", "", "", "", "ja", ""],
        ["Cecilia Lund", "Cedervik", "kommundirektör", "", "", "", "x", ""],
        [
            "Heikki Hva",
            "Hyvinvointialue",
            "hyte-päällikkö",
            "heikki@testila.fi",
            "",
            "",
            "",
            "kaikki",
        ],
        ["Hanna Valtuutettu", "Hyvinvointialue", "aluevaltuutettu", "", "", "", "kyllä", "kaikki"],
        [
            "Jaana Järjestö",
            "Järjestöneuvottelukunta",
            "puheenjohtaja",
            "",
            "",
            "asiantuntija",
            "",
            "pohjoinen, rannikko",
        ],
    ],
    "Nostot": [
        ["Kunta", "Aihe", "Kuvaus", "Toive hyvinvointialueelle", "Painopiste"],
        [
            "Alajärvenkylä",
            "Liikuntaneuvonta",
            "Neuvonnan saatavuus",
            "Yhteinen palvelupolku",
            "Elintavat",
        ],
        ["Bykulla", "Motion för seniorer", "Gruppverksamhet", "Gemensam plan", ""],
    ],
    "Päätökset": [
        [
            "Tunnus",
            "Neuvottelu",
            "Asiakohta",
            "Kunta",
            "Päätös",
            "Jatkotoimi",
            "Vastuutaho",
            "Yhteistyöfoorumi",
            "Seurantavastuu",
            "Määräaika",
            "Painopiste",
        ],
        [
            "P-1",
            "pohjoinen",
            "Teema",
            "Alajärvenkylä",
            "Liikuntaneuvonnan palvelupolku sovitaan",
            "Kuvataan palvelupolku",
            "Hyvinvointialue",
            "Elintapaverkosto",
            "Hyte-koordinaattori",
            dt.date(2027, 10, 31),
            "Elintavat",
        ],
        [
            "",
            "pohjoinen",
            "Hyte-kerroin",
            "",
            "Kerroinindikaattorit käydään läpi yhdessä",
            "Työpaja syksyllä",
            "Kunnat ja HVA",
            "Hytetu-yhdyshenkilöverkosto",
            "HVA",
            "15.11.2027",
            "",
        ],
    ],
}


def base() -> dict[str, list[Row]]:
    return copy.deepcopy(BASE)


def write(path: Path, sheets: dict[str, list[Row]] | None = None) -> Path:
    """Write ``sheets`` (sheet name -> rows, first row the header) as an .xlsx file."""
    sheets = base() if sheets is None else sheets
    wb = Workbook()
    for default in wb.worksheets:
        wb.remove(default)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    set_value(ws.cell(row=r, column=c), value)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def set_cell(
    sheets: dict[str, list[Row]], sheet: str, row: int, column: str, value: object
) -> None:
    """Set the value under header ``column`` in data row ``row`` (1 = first data row)."""
    header = sheets[sheet][0]
    index = header.index(column)
    target = sheets[sheet][row]
    while len(target) <= index:
        target.append("")
    target[index] = value
