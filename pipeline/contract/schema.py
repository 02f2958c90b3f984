"""The coordinator's workbook contract (SPEC §1): sheets, columns, vocabularies.

Everything that names a sheet, a column or a fixed value lives here, so the
reader, the validator, `hytetu init` and the example all agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    optional: bool = False
    help: str = ""
    #: every extra column is data (the survey sheet's questions), never "unknown"
    open_columns: bool = False

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


# ---------------------------------------------------------------- vocabularies

#: the plan's four priorities, by their Finnish names (the form every stage keeps)
Theme = Literal["Mielen hyvinvointi", "Elintavat", "Arjen turvallisuus", "Ehkäisevä päihdetyö"]
#: the same names as plain text: what typed cells and tracker rows are compared with
THEMES_FI: tuple[str, ...] = get_args(Theme)
THEMES_SV = (
    "Psykiskt välbefinnande",
    "Levnadsvanor",
    "Vardagssäkerhet",
    "Förebyggande rusmedelsarbete",  # Act 523/2015
)
#: Finnish theme name -> Swedish theme name
THEME_SV: dict[str, str] = dict(zip(THEMES_FI, THEMES_SV, strict=True))
#: older Swedish theme names still accepted as input -> Finnish name
THEME_SV_ALIASES: dict[str, str] = {"Förebyggande missbruksarbete": "Ehkäisevä päihdetyö"}

#: a canonical `Kieli` value: one language, or two with the main one first
LanguageCode = Literal["fi", "sv", "fi-sv", "sv-fi"]
#: accepted spellings of `Kieli` -> canonical code
LANGUAGE_VALUES: dict[str, LanguageCode] = {
    "suomi": "fi",
    "fi": "fi",
    "ruotsi": "sv",
    "sv": "sv",
    "suomi-ruotsi": "fi-sv",
    "fi-sv": "fi-sv",
    "ruotsi-suomi": "sv-fi",
    "sv-fi": "sv-fi",
}
LANGUAGE_CHOICES = ("suomi", "ruotsi", "suomi-ruotsi", "ruotsi-suomi")
#: which document languages each canonical code needs, main language first
DOCUMENT_LANGUAGES: dict[LanguageCode, tuple[str, ...]] = {
    "fi": ("fi",),
    "sv": ("sv",),
    "fi-sv": ("fi", "sv"),
    "sv-fi": ("sv", "fi"),
}

Role = Literal["neuvottelija", "varajäsen", "asiantuntija", "yhdyshenkilö"]
ROLES: tuple[Role, ...] = get_args(Role)
DEFAULT_ROLE: Role = "neuvottelija"

AnswerType = Literal["teksti", "kyllä/ei", "valinta"]
ANSWER_TYPES: tuple[AnswerType, ...] = get_args(AnswerType)

YES_NO_CHOICES = ("kyllä", "ei")

#: organisation values with a meaning of their own in `Osallistujat.Organisaatio`
ORG_COUNTY = "Hyvinvointialue"
ORG_NGO = "Järjestöneuvottelukunta"

ALL_NEGOTIATIONS = "kaikki"

#: a tracker row's `Tila` (rows typed otherwise are kept as typed, so records hold ``str``)
Status = Literal["Ei aloitettu", "Käynnissä", "Valmis", "Viivästynyt", "Peruttu"]
TRACKER_STATUSES: tuple[Status, ...] = get_args(Status)
DEFAULT_STATUS: Status = "Ei aloitettu"

#: survey-tool metadata columns that are not questions (SPEC §1 Ennakkokysely)
SURVEY_METADATA = ("ID", "Aloitusaika", "Valmistumisaika", "Sähköposti", "Nimi", "Vastaaja")

DEFAULT_PERIOD = "2026–2029"
DEFAULT_PUBLICITY = "Julkinen"

# ---------------------------------------------------------------- settings

SETTING_COUNTY = "Hyvinvointialue"
SETTING_COUNTY_SV = "Hyvinvointialue ruotsiksi"
SETTING_YEAR = "Vuosi"
SETTING_THEME = "Teema"
SETTING_PERIOD = "Suunnitelmakausi"
SETTING_PRETASK_DEADLINE = "Ennakkotehtävien määräpäivä"
SETTING_SURVEY_DEADLINE = "Ennakkokyselyn määräpäivä"
SETTING_COORDINATOR = "Koordinaattori"
SETTING_COORDINATOR_EMAIL = "Koordinaattorin sähköposti"
SETTING_COORDINATOR_PHONE = "Koordinaattorin puhelin"
SETTING_PREVIOUS_TRACKER = "Edellisen vuoden seurantataulukko"
SETTING_TEMPLATES = "Pohjakansio"
SETTING_LOGO = "Logo"
SETTING_RECORD_CLASS = "Tehtäväluokka"
SETTING_PUBLICITY = "Julkisuusluokka"
SETTING_RETENTION = "Säilytysaika"
SETTING_RECORD_NUMBER = "Diaarinumero"
SETTING_PRESS_QUOTE = "Tiedotteen lainaus"
SETTING_PRESS_QUOTE_BY = "Lainauksen antaja"
SETTING_PRESS_QUOTE_SV = "Tiedotteen lainaus ruotsiksi"
SETTING_PRESS_QUOTE_BY_SV = "Lainauksen antaja ruotsiksi"

#: (setting, required, help) in the order `init` writes them
SETTINGS: tuple[tuple[str, bool, str], ...] = (
    (SETTING_COUNTY, True, "Hyvinvointialueen nimi suomeksi, esim. Pirkanmaan hyvinvointialue"),
    (
        SETTING_COUNTY_SV,
        False,
        "Nimi ruotsiksi; pakollinen, jos yksikin asiakirja tehdään ruotsiksi",
    ),
    (SETTING_YEAR, True, "Neuvotteluvuosi, esim. 2027"),
    (SETTING_THEME, True, "Yksi suunnitelman neljästä painopisteestä"),
    (
        SETTING_PERIOD,
        False,
        f"Alueellisen hyvinvointi- ja turvallisuussuunnitelman kausi (oletus {DEFAULT_PERIOD})",
    ),
    (SETTING_PRETASK_DEADLINE, False, "Päivämäärä, esim. 15.3.2027"),
    (SETTING_SURVEY_DEADLINE, False, "Päivämäärä, esim. 15.3.2027"),
    (SETTING_COORDINATOR, False, "Koordinaattorin nimi allekirjoitukseen"),
    (SETTING_COORDINATOR_EMAIL, False, "Koordinaattorin sähköposti"),
    (SETTING_COORDINATOR_PHONE, False, "Koordinaattorin puhelinnumero"),
    (
        SETTING_PREVIOUS_TRACKER,
        False,
        "Edellisen vuoden seurantataulukon polku työkirjan kansiosta lähtien",
    ),
    (
        SETTING_TEMPLATES,
        False,
        "Kansio, jossa ovat alueen omat Word-pohjat (fi/kutsu.docx, sv/kutsu.docx …), polku "
        "työkirjan kansiosta lähtien, esim. pohjat. Pohjat saa komennolla hytetu templates; "
        "kansiossa oleva pohja korvaa ohjelman oman, puuttuvan tilalla käytetään ohjelman omaa",
    ),
    (
        SETTING_LOGO,
        False,
        "Logon kuvatiedosto (PNG tai JPEG) työkirjan kansiosta lähtien, esim. pohjat/logo.png; "
        "logo tulee jokaisen Word-asiakirjan ylätunnisteeseen",
    ),
    (SETTING_RECORD_CLASS, False, "Tiedonohjaussuunnitelman tehtäväluokka"),
    (SETTING_PUBLICITY, False, f"Julkisuusluokka (oletus {DEFAULT_PUBLICITY})"),
    (SETTING_RETENTION, False, "Säilytysaika, esim. pysyvä tai 10 vuotta"),
    (
        SETTING_RECORD_NUMBER,
        False,
        "Asian diaarinumero, esim. HVA/123/00.01.02/2027; näkyy asiakirjojen ylätunnisteessa",
    ),
    (SETTING_PRESS_QUOTE, False, "Tiedotteeseen lainaus, esim. hyvinvointialuejohtajan sanoin"),
    (SETTING_PRESS_QUOTE_BY, False, "Lainauksen antaja, esim. Hanna Virtanen, aluejohtaja"),
    (
        SETTING_PRESS_QUOTE_SV,
        False,
        "Lainaus ruotsiksi; käytetään ruotsinkielisessä tiedotteessa "
        "(tyhjä: suomenkielinen lainaus, ja koonti varoittaa)",
    ),
    (
        SETTING_PRESS_QUOTE_BY_SV,
        False,
        "Antaja ruotsiksi, esim. Hanna Virtanen, områdesdirektör; käytetään ruotsinkielisessä "
        "tiedotteessa (tyhjä: suomenkielinen, ja koonti varoittaa)",
    ),
)

# ---------------------------------------------------------------- sheets

SHEET_SETTINGS = "Asetukset"
SHEET_MUNICIPALITIES = "Kunnat"
SHEET_NEGOTIATIONS = "Neuvottelut"
SHEET_PARTICIPANTS = "Osallistujat"
SHEET_PHENOMENA = "Ilmiöt"
SHEET_QUESTIONS = "Kyselyn kysymykset"
SHEET_RESPONSES = "Ennakkokysely"
SHEET_RAISED = "Nostot"
SHEET_DECISIONS = "Päätökset"
SHEET_NOTES = "Muistiinpanot"
SHEET_INSTRUCTIONS = "Ohjeet"

C = Column

#: a text column's Swedish twin is named ``<column> ruotsiksi`` (SPEC §1 Swedish texts)
SV_SUFFIX = " ruotsiksi"


def sv_column(column: str) -> str:
    """The name of ``column``'s Swedish twin: ``Päätös`` -> ``Päätös ruotsiksi``."""
    return f"{column}{SV_SUFFIX}"


def sv_twins(*columns: str) -> tuple[Column, ...]:
    """The twin columns of ``columns``, for a sheet's column list (appended after its own)."""
    return tuple(
        Column(
            sv_column(c),
            False,
            f"{c} ruotsiksi; käytetään ruotsinkielisissä asiakirjoissa ja lomakkeissa "
            "(tyhjä: suomenkielinen teksti, ja koonti varoittaa)",
        )
        for c in columns
    )


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        SHEET_SETTINGS,
        (C("Asetus", True, "Asetuksen nimi"), C("Arvo", False, "Asetuksen arvo")),
        help="Vuoden perustiedot: hyvinvointialue, vuosi, teema, määräpäivät, yhteystiedot.",
    ),
    SheetSpec(
        SHEET_MUNICIPALITIES,
        (
            C("Kunta", True, "Kunnan nimi suomeksi (yksilöllinen)"),
            C("Kunta ruotsiksi", False, "Kunnan nimi ruotsiksi"),
            C("Kieli", True, "suomi, ruotsi, suomi-ruotsi tai ruotsi-suomi"),
            C("Palvelualue", True, "Palvelualue, jonka neuvotteluun kunta kuuluu"),
            C("Kirjaamon sähköposti", False, "Kunnan kirjaamon sähköposti"),
            *sv_twins("Palvelualue"),
        ),
        help="Alueen kunnat: kieli ja palvelualue.",
    ),
    SheetSpec(
        SHEET_NEGOTIATIONS,
        (
            C("Tunnus", True, "Lyhyt yksilöllinen tunnus, käytetään tiedostonimissä"),
            C("Palvelualue", True, "Sama palvelualue kuin Kunnat-välilehdellä"),
            C("Päivämäärä", True, "Neuvottelupäivä, esim. 14.4.2027"),
            C("Alkaa", False, "Alkamisaika, esim. 9.00"),
            C("Päättyy", False, "Päättymisaika, esim. 11.30"),
            C("Paikka", False, "Kokouspaikka"),
            C("Etäyhteys", False, "Etäyhteyden linkki"),
            C("Puheenjohtaja", False, "Puheenjohtajan nimi"),
            C("Sihteeri", False, "Sihteerin (pöytäkirjanpitäjän) nimi"),
            C("Kieli", False, "Asiakirjojen kieli, jos eri kuin kuntien mukaan"),
            C(
                "Pöytäkirjan tarkastajat",
                False,
                "Pöytäkirjan tarkastajien nimet pilkuin eroteltuina",
            ),
            C("Tarkastettu", False, "Päivä, jona pöytäkirja tarkastettiin"),
            C("Kutsun päivämäärä", False, "Kutsun, asialistan ja ennakkomateriaalin päivämäärä"),
            C("Ilmoittautuminen", False, "Päivä, johon mennessä osallistujat ilmoittautuvat"),
            *sv_twins("Paikka"),
        ),
        help="Yksi neuvottelu palvelualuetta kohden.",
    ),
    SheetSpec(
        SHEET_PARTICIPANTS,
        (
            C("Nimi", True, "Henkilön nimi"),
            C(
                "Organisaatio",
                True,
                "Kunnan nimi, Hyvinvointialue, Järjestöneuvottelukunta tai muu",
            ),
            C("Tehtävä", False, "Tehtävänimike"),
            C("Sähköposti", False, "Sähköpostiosoite"),
            C("Puhelin", False, "Puhelinnumero"),
            C("Rooli", False, "neuvottelija, varajäsen, asiantuntija tai yhdyshenkilö"),
            C("Luottamushenkilö", False, "kyllä / ei"),
            C("Neuvottelut", False, "Neuvottelujen tunnukset pilkuin eroteltuina tai kaikki"),
            C("Läsnä", False, "kyllä / ei, tai niiden neuvottelujen tunnukset, joissa oli läsnä"),
            *sv_twins("Organisaatio", "Tehtävä"),
        ),
        help="Neuvottelukokoonpanot ja yhdyshenkilöt.",
    ),
    SheetSpec(
        SHEET_PHENOMENA,
        (
            C("Ilmiö", True, "Teemaan liittyvä ilmiö"),
            C("Kuvaus", False, "Lyhyt kuvaus"),
            C("Neuvotteluun", False, "kyllä / ei: tuodaanko neuvotteluun"),
            *sv_twins("Ilmiö", "Kuvaus"),
        ),
        optional=True,
        help="Teemaan liittyvät ilmiöt (vaihe 1).",
    ),
    SheetSpec(
        SHEET_QUESTIONS,
        (
            C("Nro", False, "Kysymyksen numero"),
            C("Kysymys", True, "Kysymyksen teksti"),
            C("Vastaustyyppi", False, "teksti, kyllä/ei tai valinta"),
            C("Vaihtoehdot", False, "Valintakysymyksen vaihtoehdot puolipisteillä eroteltuina"),
            *sv_twins("Kysymys", "Vaihtoehdot"),
        ),
        optional=True,
        help="Ennakkokyselyn kysymykset (vaihe 1).",
    ),
    SheetSpec(
        SHEET_RESPONSES,
        (C("Kunta", True, "Vastaajakunta"),),
        optional=True,
        open_columns=True,
        help="Ennakkokyselyn vastaukset: Kunta ja yksi sarake kysymystä kohden.",
    ),
    SheetSpec(
        SHEET_RAISED,
        (
            C("Kunta", True, "Kunta, joka nostaa asian"),
            C("Aihe", True, "Asia, josta halutaan sopia"),
            C("Kuvaus", False, "Tarkempi kuvaus"),
            C(
                "Toive hyvinvointialueelle",
                False,
                "Mihin toivotaan hyvinvointialueen valmistautuvan",
            ),
            C("Painopiste", False, "Suunnitelman painopiste"),
            *sv_twins("Aihe", "Kuvaus", "Toive hyvinvointialueelle"),
        ),
        optional=True,
        help="Kuntien nostot neuvotteluihin.",
    ),
    SheetSpec(
        SHEET_DECISIONS,
        (
            C("Tunnus", False, "Pysyvä tunnus (valinnainen)"),
            C("Neuvottelu", True, "Neuvottelun tunnus"),
            C("Asiakohta", False, "Asialistan kohta"),
            C("Kunta", False, "Kunta; tyhjä = koko palvelualue"),
            C("Päätös", True, "Päätös tai sopimus"),
            C("Jatkotoimi", False, "Sovittu jatkotoimi"),
            C("Vastuutaho", False, "Kuka toteuttaa"),
            C("Yhteistyöfoorumi", False, "Foorumi, joka vie asiaa eteenpäin"),
            C("Seurantavastuu", False, "Kuka seuraa"),
            C("Määräaika", False, "Päivämäärä"),
            C("Painopiste", False, "Suunnitelman painopiste"),
            *sv_twins("Päätös", "Jatkotoimi", "Vastuutaho", "Yhteistyöfoorumi", "Seurantavastuu"),
        ),
        optional=True,
        help="Päätösrekisteri: neuvotteluissa sovitut asiat.",
    ),
    SheetSpec(
        SHEET_NOTES,
        (
            C("Neuvottelu", True, "Neuvottelun tunnus"),
            C("Asiakohta", True, "Asialistan kohdan numero tai nimi"),
            C("Teksti", True, "Mitä pöytäkirjaan kirjataan kohdasta päätösten lisäksi"),
            C("Teksti ruotsiksi", False, "Sama teksti ruotsiksi"),
        ),
        optional=True,
        help="Pöytäkirjan muistiinpanot asiakohdittain.",
    ),
)

SHEETS_BY_NAME = {s.name: s for s in SHEETS}

#: sheet -> its columns that have a Swedish twin, in column order
SWEDISH_TWINS: dict[str, tuple[str, ...]] = {
    spec.name: tuple(
        c.name.removesuffix(SV_SUFFIX)
        for c in spec.columns
        if c.name.endswith(SV_SUFFIX) and c.name != "Kunta ruotsiksi"
    )
    for spec in SHEETS
}

#: the agenda items a decision's `Asiakohta` may name (fi), in agenda order
AGENDA_ITEMS_FI = (
    "Neuvottelun avaus ja osallistujat",
    "Alueellinen hyvinvointi- ja turvallisuussuunnitelma",
    "Hyte-kerroin",
    "Teema",
    "Edellisen vuoden neuvotteluissa sovitut asiat",
    "Jatkotoimet ja seuranta",
    "Neuvottelun päättäminen",
)
