"""Words the code puts into documents, in Finnish and Swedish.

Running text lives in the Word templates (``templates_docx/fi|sv``) where
coordinators can edit it; what is here are the labels the code itself must
choose: agenda item titles, roles, organisation names, document titles.
"""

from __future__ import annotations

from . import schema

TEXT: dict[str, dict[str, str]] = {
    # agenda items, in order; the keys are referred to from context.py
    "item_opening": {
        "fi": "Neuvottelun avaus ja osallistujat",
        "sv": "Öppnande av förhandlingen och deltagare",
    },
    "item_opening_text": {
        "fi": "Puheenjohtaja avaa neuvottelun. Todetaan osallistujat ja valitaan pöytäkirjan tarkastajat.",
        "sv": "Ordföranden öppnar förhandlingen. Deltagarna konstateras och protokolljusterare väljs.",
    },
    "item_plan": {
        "fi": "Alueellinen hyvinvointi- ja turvallisuussuunnitelma",
        "sv": "Den regionala välfärds- och säkerhetsplanen",
    },
    "item_plan_text": {
        "fi": "Suunnitelman {period} tilannekatsaus, seuranta ja arviointi.",
        "sv": "Lägesöversikt, uppföljning och utvärdering av planen {period}.",
    },
    "item_coefficient": {
        "fi": "Hyte-kerroin",
        "sv": "Hyte-koefficienten",
    },
    "item_coefficient_text": {
        "fi": "Hyte-kertoimen tilannekatsaus, yhteiskehittäminen ja toiminnan arviointi.",
        "sv": "Lägesöversikt, gemensam utveckling och utvärdering av verksamheten.",
    },
    "item_theme": {"fi": "Teema: {theme}", "sv": "Tema: {theme}"},
    "item_theme_text": {
        "fi": "Kuntien ja hyvinvointialueen teemaan liittyvät nostot ja niistä sopiminen.",
        "sv": "Kommunernas och välfärdsområdets frågor inom temat och överenskommelser om dem.",
    },
    "item_previous": {
        "fi": "Edellisen vuoden sopimusten toteutuminen",
        "sv": "Uppföljning av föregående års överenskommelser",
    },
    "item_previous_text": {
        "fi": "Katsaus edellisen vuoden neuvotteluissa sovittujen asioiden etenemiseen.",
        "sv": "Översikt över hur det som överenskoms i fjolårets förhandlingar har framskridit.",
    },
    "item_followup": {"fi": "Jatkotoimet ja seuranta", "sv": "Fortsatta åtgärder och uppföljning"},
    "item_followup_text": {
        "fi": "Sovitaan jatkotoimet, yhteistyöfoorumit, seurantavastuut ja määräajat.",
        "sv": "Fortsatta åtgärder, samarbetsforum, uppföljningsansvar och tidsfrister avtalas.",
    },
    "item_closing": {"fi": "Neuvottelun päättäminen", "sv": "Avslutning av förhandlingen"},
    "item_closing_text": {
        "fi": "Puheenjohtaja päättää neuvottelun.",
        "sv": "Ordföranden avslutar förhandlingen.",
    },
    # people and organisations
    "whole_area": {"fi": "Koko palvelualue", "sv": "Hela serviceområdet"},
    "ngo": {"fi": "Järjestöneuvottelukunta", "sv": "Organisationsdelegationen"},
    "role_neuvottelija": {"fi": "neuvottelija", "sv": "förhandlare"},
    "role_varajäsen": {"fi": "varajäsen", "sv": "ersättare"},
    "role_asiantuntija": {"fi": "asiantuntija", "sv": "sakkunnig"},
    "role_yhdyshenkilö": {"fi": "yhdyshenkilö", "sv": "kontaktperson"},
    "elected": {"fi": "luottamushenkilö", "sv": "förtroendevald"},
    # document titles
    "title_kutsu": {"fi": "Kutsu hytetu-neuvotteluun", "sv": "Kallelse till hytetu-förhandling"},
    "title_asialista": {"fi": "Asialista", "sv": "Föredragningslista"},
    "title_poytakirja": {"fi": "Pöytäkirja", "sv": "Protokoll"},
    "title_poytakirja_draft": {"fi": "Pöytäkirjaluonnos", "sv": "Protokollsutkast"},
    "title_seurantataulukko": {
        "fi": "Hytetu-neuvottelujen seurantataulukko",
        "sv": "Uppföljningstabell",
    },
    "subject": {"fi": "Hytetu-neuvottelut", "sv": "Hytetu-förhandlingarna"},
}


def t(name: str, lang: str, **values: object) -> str:
    text = TEXT[name][lang]
    return text.format(**values) if values else text


def role_label(role: str, lang: str) -> str:
    return t(f"role_{role}", lang)


def organisation_label(organisation: str, lang: str, county: str, municipality_sv: str = "") -> str:
    """The organisation as a document in ``lang`` names it."""
    if organisation == schema.ORG_COUNTY:
        return county
    if organisation == schema.ORG_NGO:
        return t("ngo", lang)
    if lang == "sv" and municipality_sv:
        return municipality_sv
    return organisation
