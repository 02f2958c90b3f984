"""A bilingual workbook whose every Swedish twin (SPEC §1 "Swedish texts") is traceable.

Each text of a column with a twin carries a marker ``FI-<field>-<n>`` in Finnish and the
same ``SV-<field>-<n>`` in its twin (``Kunnantalo FI-paikka-1`` / ``Kommungården
SV-paikka-1``), so a test can read any document back and tell which field's text it
shows and in which language (:func:`markers`). ``sheets(twins=False)`` leaves every twin
column empty: the Finnish texts then stand in, with one warning per column.

Three municipalities: Finnish-only Alavesi and bilingual Koivula (Björkby) in the
service area ``Itä FI-alue-1``, Swedish-majority Saarela (Holmby) in
``Saaristo FI-alue-2``; one negotiation per area, each with decisions (final minutes),
survey answers and raised items, and nothing else to warn about.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from tests.helpers.workbooks import BASE, Row

D = dt.date
T = dt.time

#: ``FI-paatos-1`` / ``SV-paatos-1``: language, field, number
MARKER = re.compile(r"\b(FI|SV)-([a-z]+)-(\d+[a-z]?)\b")

#: the Ilmoittautuminen date of negotiation ``ita``, for the registration sentence
REGISTRATION = D(2027, 4, 7)
#: its Kutsun päivämäärä
INVITATION_DATE = D(2027, 3, 31)

#: twin column -> the marker field its texts carry
FIELDS = {
    ("Kunnat", "Palvelualue"): "alue",
    ("Neuvottelut", "Paikka"): "paikka",
    ("Osallistujat", "Organisaatio"): "org",
    ("Osallistujat", "Tehtävä"): "tehtava",
    ("Ilmiöt", "Ilmiö"): "ilmio",
    ("Ilmiöt", "Kuvaus"): "ilmiokuvaus",
    ("Kyselyn kysymykset", "Kysymys"): "kysymys",
    ("Kyselyn kysymykset", "Vaihtoehdot"): "valinta",
    ("Nostot", "Aihe"): "aihe",
    ("Nostot", "Kuvaus"): "nostokuvaus",
    ("Nostot", "Toive hyvinvointialueelle"): "toive",
    ("Päätökset", "Päätös"): "paatos",
    ("Päätökset", "Jatkotoimi"): "jatko",
    ("Päätökset", "Vastuutaho"): "vastuu",
    ("Päätökset", "Yhteistyöfoorumi"): "foorumi",
    ("Päätökset", "Seurantavastuu"): "seuranta",
    ("Muistiinpanot", "Teksti"): "teksti",
}

AREA_1 = ("Itä FI-alue-1", "Öst SV-alue-1")
AREA_2 = ("Saaristo FI-alue-2", "Skärgården SV-alue-2")
Q1 = ("Onko kunnassanne FI-kysymys-1 nimetty?", "Har er kommun utsett SV-kysymys-1?")
Q2 = ("Miten FI-kysymys-2 on kehittynyt?", "Hur har SV-kysymys-2 utvecklats?")
Q3 = ("Mitä FI-kysymys-3 kunnassanne tehdään?", "Vad görs i er kommun för SV-kysymys-3?")
CHOICES = (
    "parantunut FI-valinta-1a; ennallaan FI-valinta-1b; heikentynyt FI-valinta-1c",
    "förbättrats SV-valinta-1a; oförändrat SV-valinta-1b; försämrats SV-valinta-1c",
)


def _people() -> list[Row]:
    rows: list[Row] = [
        # Nimi, Organisaatio, Tehtävä, Sähköposti, Puhelin, Rooli, Luottamushenkilö,
        # Neuvottelut, Läsnä, Organisaatio ruotsiksi, Tehtävä ruotsiksi
        ["Aino Aaltonen", "Alavesi", ("kunnanjohtaja FI-tehtava-1", "kommundirektör SV-tehtava-1"),
         "aino@alavesi.fi", "", "neuvottelija", "ei", "", "kyllä"],
        ["Antti Alho", "Alavesi", ("valtuuston puheenjohtaja FI-tehtava-2",
         "fullmäktiges ordförande SV-tehtava-2"), "antti@alavesi.fi", "", "neuvottelija",
         "kyllä", "", "kyllä"],
        ["Karin Koski", "Koivula", ("hyvinvointikoordinaattori FI-tehtava-3",
         "välfärdskoordinator SV-tehtava-3"), "karin@koivula.fi", "", "yhdyshenkilö", "ei",
         "", "kyllä"],
        ["Kalle Kuusi", "Björkby", ("hallituksen jäsen FI-tehtava-4",
         "ledamot i styrelsen SV-tehtava-4"), "kalle@koivula.fi", "", "neuvottelija", "kyllä",
         "", "ei"],
        ["Stina Sund", "Saarela", ("kunnanjohtaja FI-tehtava-5", "kommundirektör SV-tehtava-5"),
         "stina@holmby.fi", "", "yhdyshenkilö", "ei", "", "kyllä"],
        ["Sven Strand", "Holmby", ("valtuuston jäsen FI-tehtava-6",
         "fullmäktigeledamot SV-tehtava-6"), "sven@holmby.fi", "", "neuvottelija", "kyllä", "",
         "kyllä"],
        ["Heikki Hva", "Hyvinvointialue", ("hyte-päällikkö FI-tehtava-7",
         "hyte-chef SV-tehtava-7"), "heikki@testila.fi", "", "neuvottelija", "kyllä", "kaikki",
         "kyllä"],
        ["Kaisa Koordinaattori", "Hyvinvointialue", ("koordinaattori FI-tehtava-8",
         "koordinator SV-tehtava-8"), "kaisa.koordinaattori@testila.fi", "", "yhdyshenkilö",
         "ei", "kaikki", "kyllä"],
        ["Jaana Järjestö", "Järjestöneuvottelukunta", ("puheenjohtaja FI-tehtava-9",
         "ordförande SV-tehtava-9"), "jaana@jarjestot.fi", "", "asiantuntija", "ei", "kaikki",
         "kyllä"],
        ["Pasi Poliisi", ("Poliisilaitos FI-org-1", "Polisinrättningen SV-org-1"),
         ("komisario FI-tehtava-10", "kommissarie SV-tehtava-10"), "pasi@poliisi.fi", "",
         "asiantuntija", "ei", "ita, saaristo", "kyllä"],
    ]  # fmt: skip
    return rows


def _twinned(rows: list[Row], twin_columns: list[int], twins: bool) -> list[Row]:
    """Rows whose (fi, sv) pairs become the Finnish cell and, appended, the twin cells.

    ``twin_columns``: the positions (in a row) whose twins follow the row, in order.
    A plain value at such a position (a municipality's name) has no twin.
    """
    out: list[Row] = []
    for row in rows:
        plain = [v[0] if isinstance(v, tuple) else v for v in row]
        extra: Row = []
        for i in twin_columns:
            value = row[i]
            extra.append(value[1] if isinstance(value, tuple) and twins else "")
        out.append(plain + extra)
    return out


def sheets(*, twins: bool = True) -> dict[str, list[Row]]:
    """The workbook's sheets; ``twins=False``: every ``… ruotsiksi`` column empty."""
    s = copy.deepcopy(BASE)
    s["Asetukset"] = [r for r in s["Asetukset"] if r[0] != "Teema"] + [
        ["Teema", "Mielen hyvinvointi"]
    ]
    s["Kunnat"] = [
        ["Kunta", "Kunta ruotsiksi", "Kieli", "Palvelualue", "Kirjaamon sähköposti",
         "Palvelualue ruotsiksi"],
        *_twinned(
            [
                ["Alavesi", "", "suomi", AREA_1, "kirjaamo@alavesi.fi"],
                ["Koivula", "Björkby", "suomi-ruotsi", AREA_1, "kirjaamo@koivula.fi"],
                ["Saarela", "Holmby", "ruotsi-suomi", AREA_2, "registrator@holmby.fi"],
            ],
            [3],
            twins,
        ),
    ]  # fmt: skip
    s["Neuvottelut"] = [
        ["Tunnus", "Palvelualue", "Päivämäärä", "Alkaa", "Päättyy", "Paikka", "Etäyhteys",
         "Puheenjohtaja", "Sihteeri", "Kieli", "Pöytäkirjan tarkastajat", "Tarkastettu",
         "Kutsun päivämäärä", "Ilmoittautuminen", "Paikka ruotsiksi"],
        *_twinned(
            [
                ["ita", AREA_1[0], D(2027, 4, 14), T(9, 0), T(11, 30),
                 ("Kunnantalo FI-paikka-1", "Kommungården SV-paikka-1"),
                 "https://meet.example.fi/ita", "Heikki Hva", "Kaisa Koordinaattori", "",
                 "Aino Aaltonen, Karin Koski", D(2027, 4, 20), INVITATION_DATE, REGISTRATION],
                ["saaristo", AREA_2[0], D(2027, 5, 6), T(9, 30), T(12, 0),
                 ("Kunnantalo FI-paikka-2", "Kommungården SV-paikka-2"),
                 "https://meet.example.fi/saaristo", "Heikki Hva", "Kaisa Koordinaattori", "",
                 "Stina Sund", D(2027, 5, 12), "", ""],
            ],
            [5],
            twins,
        ),
    ]  # fmt: skip
    s["Osallistujat"] = [
        ["Nimi", "Organisaatio", "Tehtävä", "Sähköposti", "Puhelin", "Rooli",
         "Luottamushenkilö", "Neuvottelut", "Läsnä", "Organisaatio ruotsiksi",
         "Tehtävä ruotsiksi"],
        *_twinned(_people(), [1, 2], twins),
    ]  # fmt: skip
    s["Ilmiöt"] = [
        ["Ilmiö", "Kuvaus", "Neuvotteluun", "Ilmiö ruotsiksi", "Kuvaus ruotsiksi"],
        *_twinned(
            [
                [("Yksinäisyys FI-ilmio-1", "Ensamhet SV-ilmio-1"),
                 ("Nuoret kokevat FI-ilmiokuvaus-1", "Unga upplever SV-ilmiokuvaus-1"), "kyllä"],
                [("Uupumus FI-ilmio-2", "Utmattning SV-ilmio-2"),
                 ("Työikäiset kokevat FI-ilmiokuvaus-2", "Personer i arbetsför ålder upplever "
                  "SV-ilmiokuvaus-2"), "ei"],
            ],
            [0, 1],
            twins,
        ),
    ]  # fmt: skip
    s["Kyselyn kysymykset"] = [
        ["Nro", "Kysymys", "Vastaustyyppi", "Vaihtoehdot", "Kysymys ruotsiksi",
         "Vaihtoehdot ruotsiksi"],
        *_twinned(
            [
                [1, Q1, "kyllä/ei", ""],
                [2, Q2, "valinta", CHOICES],
                [3, Q3, "teksti", ""],
            ],
            [1, 3],
            twins,
        ),
    ]  # fmt: skip
    s["Ennakkokysely"] = [
        ["Kunta", Q1[0], Q2[0], Q3[0]],
        ["Alavesi", "kyllä", "heikentynyt FI-valinta-1c", "Liikuntaryhmiä nuorille."],
        ["Koivula", "ei", "ennallaan FI-valinta-1b", "Kerhoja kahdella kielellä."],
        ["Saarela", "kyllä", "parantunut FI-valinta-1a", "Stödgrupper på svenska."],
    ]
    s["Nostot"] = [
        ["Kunta", "Aihe", "Kuvaus", "Toive hyvinvointialueelle", "Painopiste",
         "Aihe ruotsiksi", "Kuvaus ruotsiksi", "Toive hyvinvointialueelle ruotsiksi"],
        *_twinned(
            [
                [municipality, (f"Aihe FI-aihe-{n}", f"Ämne SV-aihe-{n}"),
                 (f"Kuvaus FI-nostokuvaus-{n}", f"Beskrivning SV-nostokuvaus-{n}"),
                 (f"Toive FI-toive-{n}", f"Önskemål SV-toive-{n}"), "Mielen hyvinvointi"]
                for n, municipality in enumerate(("Alavesi", "Koivula", "Saarela"), start=1)
            ],
            [1, 2, 3],
            twins,
        ),
    ]  # fmt: skip
    decisions: list[Row] = []
    for n, (code, item, municipality) in enumerate(
        (
            ("ita", "Teema", "Koivula"),
            ("ita", "Hyte-kerroin", ""),
            ("saaristo", "Teema", "Saarela"),
            ("saaristo", "Jatkotoimet ja seuranta", ""),
        ),
        start=1,
    ):
        decisions.append(
            [f"P-{n}", code, item, municipality,
             (f"Päätetään FI-paatos-{n}", f"Parterna kommer överens om SV-paatos-{n}"),
             (f"Jatkotoimi FI-jatko-{n}", f"Fortsatt åtgärd SV-jatko-{n}"),
             (f"Toteuttaja FI-vastuu-{n}", f"Ansvarig SV-vastuu-{n}"),
             (f"Verkosto FI-foorumi-{n}", f"Nätverket SV-foorumi-{n}"),
             (f"Seuraaja FI-seuranta-{n}", f"Uppföljare SV-seuranta-{n}"),
             D(2027, 10, n), "Mielen hyvinvointi"]
        )  # fmt: skip
    s["Päätökset"] = [
        ["Tunnus", "Neuvottelu", "Asiakohta", "Kunta", "Päätös", "Jatkotoimi", "Vastuutaho",
         "Yhteistyöfoorumi", "Seurantavastuu", "Määräaika", "Painopiste", "Päätös ruotsiksi",
         "Jatkotoimi ruotsiksi", "Vastuutaho ruotsiksi", "Yhteistyöfoorumi ruotsiksi",
         "Seurantavastuu ruotsiksi"],
        *_twinned(decisions, [4, 5, 6, 7, 8], twins),
    ]  # fmt: skip
    s["Muistiinpanot"] = [
        ["Neuvottelu", "Asiakohta", "Teksti", "Teksti ruotsiksi"],
        *_twinned(
            [["ita", "2", ("Esiteltiin FI-teksti-1", "Presenterades SV-teksti-1")]], [2], twins
        ),
    ]
    return s


def markers(text: str) -> set[tuple[str, str, str]]:
    """The (language, field, number) markers in ``text``: ``{("SV", "paatos", "1")}``."""
    return {(m[1], m[2], m[3]) for m in MARKER.finditer(text)}
