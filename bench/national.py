"""A national-scale workbook: 300 municipalities, 60 negotiations, 1,200 participants,
600 raised items, 900 decisions and a 6-question survey with 300 responses.

``write_national(path, scale=k)`` multiplies every count by ``k`` (3 and 10 for the
growth runs; a fraction for a toy). Participants stop at :data:`MAX_PARTICIPANTS`,
the reader's 10,000-row limit less the header, so 10× has 9,999 (8.3×). The county's
own representatives are one per negotiation, whatever the scale.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook

from pipeline.contract import schema
from pipeline.render.xlsx import set_value

MUNICIPALITIES = 300
NEGOTIATIONS = 60
PARTICIPANTS = 1200
RAISED = 600
DECISIONS = 900
#: a sheet holds at most 10,000 rows (``pipeline.workbook.read.MAX_ROWS``) besides its header
MAX_PARTICIPANTS = 9_999
QUESTIONS = (
    ("Mitkä ovat kuntanne tärkeimmät mielen hyvinvoinnin haasteet?", "teksti", ""),
    ("Onko kunnassanne hyvinvointisuunnitelma?", "kyllä/ei", ""),
    (
        "Miten arvioitte yhteistyön hyvinvointialueen kanssa?",
        "valinta",
        "Hyvä; Kohtalainen; Heikko",
    ),
    ("Mihin toivotte hyvinvointialueen valmistautuvan?", "teksti", ""),
    ("Onko kunnassanne hyte-työryhmä?", "kyllä/ei", ""),
    ("Mitä hyte-kertoimen indikaattoreita seuraatte?", "teksti", ""),
)


def _sheet(
    wb: Workbook, name: str, rows: list[list[object]], header: list[str] | None = None
) -> None:
    """Sheet ``name`` with its header (the contract's columns, in schema order) and ``rows``."""
    ws = wb.create_sheet(name)
    rows = [header or [c.name for c in schema.SHEETS_BY_NAME[name].columns], *rows]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                set_value(ws.cell(row=r, column=c), value)


def write_national(path: Path, seed: int = 2027, scale: float = 1) -> Path:
    rnd = random.Random(seed)
    n_munis = max(2, round(MUNICIPALITIES * scale))
    n_negotiations = max(1, round(NEGOTIATIONS * scale))
    n_people = min(MAX_PARTICIPANTS, max(n_negotiations + 1, round(PARTICIPANTS * scale)))
    n_raised, n_decisions = round(RAISED * scale), round(DECISIONS * scale)
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        schema.SHEET_SETTINGS,
        [
            ["Hyvinvointialue", "Valtakunnallinen testialue"],
            ["Hyvinvointialue ruotsiksi", "Nationella testområdet"],
            ["Vuosi", 2027],
            ["Teema", "Mielen hyvinvointi"],
            ["Ennakkotehtävien määräpäivä", dt.date(2027, 3, 12)],
            ["Ennakkokyselyn määräpäivä", dt.date(2027, 3, 5)],
            ["Koordinaattori", "Testi Koordinaattori"],
            ["Koordinaattorin sähköposti", "koordinaattori@example.fi"],
        ],
    )
    languages = ["suomi"] * 8 + ["suomi-ruotsi", "ruotsi-suomi"]
    munis = []
    for i in range(n_munis):
        area = f"Alue {i % n_negotiations + 1:02d}"
        lang = rnd.choice(languages)
        munis.append((f"Kunta {i + 1:03d}", f"Kommun {i + 1:03d}", lang, area))
    _sheet(
        wb,
        schema.SHEET_MUNICIPALITIES,
        [
            [n, sv, lang, area, f"kirjaamo{i}@example.fi"]
            for i, (n, sv, lang, area) in enumerate(munis)
        ],
    )
    negotiations = []
    for i in range(n_negotiations):
        day = dt.date(2027, 4, 1) + dt.timedelta(days=i % 55)
        negotiations.append(
            [
                f"alue{i + 1:02d}",
                f"Alue {i + 1:02d}",
                day,
                dt.time(9),
                dt.time(11, 30),
                f"Kunnantalo {i + 1}",
                "https://meet.example.fi/x",
                "Pia Puheenjohtaja",
                "Sami Sihteeri",
                "",
            ]
        )
    _sheet(
        wb,
        schema.SHEET_NEGOTIATIONS,
        negotiations,
    )
    people = []
    for i in range(n_people):
        if i < n_negotiations:
            people.append(
                [
                    f"Hva Edustaja {i}",
                    "Hyvinvointialue",
                    "asiantuntija",
                    f"hva{i}@example.fi",
                    "",
                    "neuvottelija",
                    "kyllä" if i % 10 == 0 else "ei",
                    f"alue{i + 1:02d}",
                ]
            )
        else:
            m = munis[i % n_munis]
            people.append(
                [
                    f"Henkilö {i}",
                    m[0],
                    "hyvinvointikoordinaattori",
                    f"h{i}@example.fi",
                    "",
                    rnd.choice(schema.ROLES),
                    "kyllä" if i % 4 == 0 else "ei",
                    "",
                ]
            )
    _sheet(
        wb,
        schema.SHEET_PARTICIPANTS,
        people,
    )
    _sheet(
        wb,
        schema.SHEET_PHENOMENA,
        [[f"Ilmiö {i}", "Kuvaus ilmiöstä", "kyllä" if i % 2 else "ei"] for i in range(8)],
    )
    _sheet(
        wb,
        schema.SHEET_QUESTIONS,
        [[i + 1, q, kind, choices] for i, (q, kind, choices) in enumerate(QUESTIONS)],
    )
    answers = {"teksti": "Vastausteksti & lisätietoa", "kyllä/ei": "kyllä", "valinta": "Hyvä"}
    _sheet(
        wb,
        schema.SHEET_RESPONSES,
        [
            [i + 1, "1.3.2027", m[0], *(answers[k] for _, k, _ in QUESTIONS)]
            for i, m in enumerate(munis)
        ],
        header=["ID", "Aloitusaika", "Kunta", *(q for q, _, _ in QUESTIONS)],
    )
    _sheet(
        wb,
        schema.SHEET_RAISED,
        [
            [
                munis[i % n_munis][0],
                f"Nosto {i}",
                "Kuvaus <tärkeä> & kiireellinen",
                "Toive",
                "Mielen hyvinvointi",
            ]
            for i in range(n_raised)
        ],
    )
    decisions = []
    for i in range(n_decisions):
        m = munis[i % n_munis]
        code = f"alue{int(m[3].split()[1]):02d}"
        decisions.append(
            [
                f"P-{i + 1:04d}",
                code,
                "Teema",
                m[0] if i % 3 else "",
                f"Päätös numero {i}",
                "Jatkotoimi",
                "Vastuutaho",
                "Foorumi",
                "Seurantavastuu",
                dt.date(2027, 12, 31),
                "Mielen hyvinvointi",
            ]
        )
    _sheet(
        wb,
        schema.SHEET_DECISIONS,
        decisions,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
