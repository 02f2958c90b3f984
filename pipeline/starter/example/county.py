"""The example county: its settings (`Asetukset`), municipalities (`Kunnat`) and negotiations
(`Neuvottelut`).
"""

from __future__ import annotations

import datetime as dt

from pipeline.contract import schema

D = dt.date
T = dt.time

COORDINATOR = "Hanna Lehtinen"
#: fixed core properties, so a regenerated example is the same workbook
CREATED = dt.datetime(2027, 1, 15, 9, 0)

# ---------------------------------------------------------------- Asetukset

SETTINGS_VALUES: tuple[tuple[str, object], ...] = (
    (schema.SETTING_COUNTY, "Rannikon hyvinvointialue"),
    (schema.SETTING_COUNTY_SV, "Kustens välfärdsområde"),
    (schema.SETTING_YEAR, 2027),
    (schema.SETTING_THEME, "Mielen hyvinvointi"),
    (schema.SETTING_PERIOD, "2026–2029"),
    (schema.SETTING_PRETASK_DEADLINE, D(2027, 3, 12)),
    (schema.SETTING_SURVEY_DEADLINE, D(2027, 3, 5)),
    (schema.SETTING_COORDINATOR, COORDINATOR),
    (schema.SETTING_COORDINATOR_EMAIL, "hanna.lehtinen@rannikonhva.example"),
    (schema.SETTING_COORDINATOR_PHONE, "029 555 0100"),
    (schema.SETTING_PREVIOUS_TRACKER, None),
    (schema.SETTING_RECORD_CLASS, "00.01.02"),
    (schema.SETTING_PUBLICITY, "Julkinen"),
    (schema.SETTING_RETENTION, "pysyvä"),
    (schema.SETTING_RECORD_NUMBER, "RHVA/412/00.01.02/2026"),
    (
        schema.SETTING_PRESS_QUOTE,
        "Kunnissa tehdään arvokasta työtä mielen hyvinvoinnin eteen. Nyt sovitut toimet"
        " tuovat tuen lähemmäs nuoria ja ikäihmisiä.",
    ),
    (schema.SETTING_PRESS_QUOTE_BY, "Marja Salo, aluejohtaja"),
    (
        schema.SETTING_PRESS_QUOTE_SV,
        "Kommunerna gör ett värdefullt arbete för den psykiska hälsan. De åtgärder som vi"
        " nu har kommit överens om för stödet närmare unga och äldre.",
    ),
    (schema.SETTING_PRESS_QUOTE_BY_SV, "Marja Salo, områdesdirektör"),
)

# ---------------------------------------------------------------- Kunnat
# Kunta, Kunta ruotsiksi, Kieli, Palvelualue, Kirjaamon sähköposti

MUNICIPALITIES: tuple[tuple[str, str | None, str, str, str], ...] = (
    ("Karhunmaa", None, "suomi", "Pohjoinen", "kirjaamo@karhunmaa.example"),
    ("Routajärvi", None, "suomi", "Pohjoinen", "kirjaamo@routajarvi.example"),
    ("Lehtolahti", None, "suomi", "Pohjoinen", "kirjaamo@lehtolahti.example"),
    ("Peuravaara", None, "suomi", "Pohjoinen", "kirjaamo@peuravaara.example"),
    ("Kallioniemi", None, "suomi", "Pohjoinen", "kirjaamo@kallioniemi.example"),
    ("Koivusalmi", "Björksund", "suomi-ruotsi", "Etelä", "kirjaamo@koivusalmi.example"),
    ("Hietaranta", "Sandstrand", "suomi-ruotsi", "Etelä", "kirjaamo@hietaranta.example"),
    ("Mäntykylä", None, "suomi", "Etelä", "kirjaamo@mantykyla.example"),
    ("Kuusiniemi", None, "suomi", "Etelä", "kirjaamo@kuusiniemi.example"),
    ("Luotosaari", "Grundö", "ruotsi-suomi", "Saaristo", "registrator@grundo.example"),
    ("Kaislahti", "Vassvik", "ruotsi-suomi", "Saaristo", "registrator@vassvik.example"),
    ("Ulkoluoto", "Utskär", "ruotsi-suomi", "Saaristo", "registrator@utskar.example"),
)

# ---------------------------------------------------------------- Neuvottelut
# Tunnus, Palvelualue, Päivämäärä, Alkaa, Päättyy, Paikka, Etäyhteys,
# Puheenjohtaja, Sihteeri, Kieli

NEGOTIATIONS: tuple[tuple[object, ...], ...] = (
    (
        "pohjoinen",
        "Pohjoinen",
        D(2027, 4, 14),
        T(9, 0),
        T(11, 30),
        "Karhunmaan kunnantalo, valtuustosali, Kirkkotie 5, Karhunmaa",
        "https://teams.example.com/l/meetup-join/rannikko-pohjoinen-2027",
        "Ari Nieminen",
        "Hanna Lehtinen",
        None,
        "Riitta Heikkilä, Juha Mäkelä",
        D(2027, 4, 21),
        D(2027, 3, 1),
        D(2027, 4, 7),
    ),
    (
        "etela",
        "Etelä",
        D(2027, 4, 22),
        "klo 13.00",
        "klo 15.30",
        "Koivusalmen kaupungintalo, kokoushuone Merituuli, Rantakatu 12, Koivusalmi",
        "https://teams.example.com/l/meetup-join/rannikko-etela-2027",
        "Ari Nieminen",
        "Sanna Koskinen",
        None,
        "Henrik Blomqvist, Minna Kallio",
        None,
        None,
        D(2027, 4, 15),
    ),
    (
        "saaristo",
        "Saaristo",
        D(2027, 5, 6),
        T(9, 30),
        T(12, 0),
        "Luotosaaren kunnantalo, Satamatie 2, Luotosaari",
        "https://teams.example.com/l/meetup-join/rannikko-saaristo-2027",
        "Camilla Lindqvist",
        "Jonna Sjöberg",
        None,
    ),
)


# ---------------------------------------------------------------- Muistiinpanot
# Neuvottelu, Asiakohta, Teksti, Teksti ruotsiksi

NOTES: tuple[tuple[object, ...], ...] = (
    (
        "pohjoinen",
        "2",
        "Hyvinvointikoordinaattori esitteli suunnitelman seurantaindikaattorit.",
        "Välfärdskoordinatorn presenterade planens uppföljningsindikatorer.",
    ),
    (
        "pohjoinen",
        "Hyte-kerroin",
        "Keskusteltiin siitä, miten kuntien hyte-kertoimen indikaattorit saadaan seurantaan"
        " yhtä aikaa hyvinvointikertomusten kanssa.",
        "Diskuterades hur kommunernas hyte-koefficientindikatorer kan följas upp samtidigt"
        " med välfärdsberättelserna.",
    ),
    (
        "etela",
        "1",
        "Sovittiin, että neuvottelun esitykset toimitetaan osallistujille pöytäkirjan liitteinä.",
        "Parterna kom överens om att förhandlingens presentationer skickas till deltagarna"
        " som bilagor till protokollet.",
    ),
    (
        "etela",
        "2",
        "Hyvinvointisuunnittelija esitteli suunnitelman toimeenpanon tilanteen palvelualueella.",
        "Välfärdsplaneraren presenterade läget i genomförandet av planen i serviceområdet.",
    ),
)
