"""Words the code puts into documents, in Finnish and Swedish.

Running text lives in the Word templates (``templates_docx/fi|sv``) where
coordinators can edit it; what is here are the labels the code itself must
choose: agenda item titles, roles, organisation names, document titles.
"""

from __future__ import annotations

from pipeline.contract import schema

TEXT: dict[str, dict[str, str]] = {
    # agenda items, in order; the keys are referred to from context.py
    "item_opening": {
        "fi": "Neuvottelun avaus ja osallistujat",
        "sv": "Öppnande av förhandlingen och deltagare",
    },
    "item_opening_text": {
        "fi": "Puheenjohtaja avaa neuvottelun. Todetaan osallistujat, valitaan pöytäkirjan "
        "tarkastajat ja hyväksytään asialista.",
        "sv": "Ordföranden öppnar förhandlingen. Deltagarna konstateras, protokolljusterare väljs "
        "och föredragningslistan godkänns.",
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
        "fi": "Edellisen vuoden neuvotteluissa sovittujen asioiden toteutuminen",
        "sv": "Uppföljning av föregående års överenskommelser",
    },
    "item_previous_text": {
        "fi": "Katsaus edellisen vuoden neuvotteluissa sovittujen asioiden etenemiseen.",
        "sv": "Översikt över hur de överenskommelser som ingicks vid föregående års förhandlingar "
        "har framskridit.",
    },
    "item_followup": {"fi": "Jatkotoimet ja seuranta", "sv": "Fortsatta åtgärder och uppföljning"},
    "item_followup_text": {
        "fi": "Sovitaan jatkotoimet, yhteistyöfoorumit, seurantavastuut ja määräajat.",
        "sv": "Man kommer överens om fortsatta åtgärder, samarbetsforum, uppföljningsansvar och tidsfrister.",
    },
    "item_closing": {"fi": "Neuvottelun päättäminen", "sv": "Avslutning av förhandlingen"},
    "item_closing_text": {
        "fi": "Puheenjohtaja päättää neuvottelun.",
        "sv": "Ordföranden avslutar förhandlingen.",
    },
    # the final minutes' fixed sentences, past tense (language plan C1); {at} = " klo 9.00" or ""
    "minutes_opened": {
        "fi": "Puheenjohtaja avasi neuvottelun{at}.",
        "sv": "Ordföranden öppnade förhandlingen{at}.",
    },
    "minutes_present_noted": {"fi": "Todettiin läsnäolijat.", "sv": "De närvarande konstaterades."},
    "minutes_checker_chosen": {
        "fi": "Pöytäkirjan tarkastajaksi valittiin {names}.",
        "sv": "Till protokolljusterare valdes {names}.",
    },
    "minutes_checkers_chosen": {
        "fi": "Pöytäkirjan tarkastajiksi valittiin {names}.",
        "sv": "Till protokolljusterare valdes {names}.",
    },
    "minutes_agenda_approved": {
        "fi": "Asialista hyväksyttiin.",
        "sv": "Föredragningslistan godkändes.",
    },
    "minutes_followup": {
        "fi": "Sovittiin jatkotoimista, yhteistyöfoorumeista, seurantavastuista ja määräajoista.",
        "sv": "Parterna kom överens om fortsatta åtgärder, samarbetsforum, uppföljningsansvar och"
        " tidsfrister.",
    },
    "minutes_closed": {
        "fi": "Puheenjohtaja päätti neuvottelun{at}.",
        "sv": "Ordföranden avslutade förhandlingen{at}.",
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
    "title_asialista": {
        "fi": "Hytetu-neuvottelun asialista",
        "sv": "Föredragningslista för hytetu-förhandlingen",
    },
    "title_poytakirja": {
        "fi": "Hytetu-neuvottelun pöytäkirja",
        "sv": "Protokoll från hytetu-förhandlingen",
    },
    "title_poytakirja_draft": {
        "fi": "Hytetu-neuvottelun pöytäkirjaluonnos",
        "sv": "Protokollsutkast från hytetu-förhandlingen",
    },
    #: the label before a typed service-area name in titles (never inflected): "palvelualue Etelä"
    "area_label": {"fi": "palvelualue", "sv": "serviceområde"},
    "title_seurantataulukko": {
        "fi": "Hytetu-neuvottelujen seurantataulukko",
        "sv": "Uppföljningstabell",
    },
    "title_ennakkokysely": {"fi": "Ennakkokysely", "sv": "Förhandsenkät"},
    "title_jakelulista": {"fi": "Jakelulista", "sv": "Distributionslista"},
    # the survey form (ennakkokysely.xlsx); see survey.py
    "survey_instructions": {
        "fi": "Vastaa kysymyksiin Vastaus-sarakkeeseen: kirjoita vastaus tai valitse se solun "
        "pudotusvalikosta (rivinvaihto solun sisällä: Alt+Enter). Muut solut on suojattu. "
        "Tallenna tiedosto Excel-työkirjana (.xlsx) ja palauta se sähköpostin liitteenä. "
        "Älä kopioi vastauksia toiseen tiedostoon äläkä muuta kysymyksiä: vastaukset luetaan "
        "tästä tiedostosta suoraan neuvottelun ennakkomateriaaliin.",
        "sv": "Besvara frågorna i kolumnen Svar: skriv svaret eller välj det i listrutan i "
        "cellen (radbrytning i cellen: Alt+Enter). Övriga celler är skyddade. "
        "Spara filen som Excel-arbetsbok (.xlsx) och skicka tillbaka den som e-postbilaga. "
        "Kopiera inte svaren till en annan fil och ändra inte frågorna: svaren läses från "
        "den här filen direkt in i förhandlingens förhandsmaterial.",
    },
    "survey_deadline": {
        "fi": "Palauta vastaukset viimeistään {date}.",
        "sv": "Skicka svaren senast {date}.",
    },
    "survey_no_deadline": {
        "fi": "Palauta vastaukset mahdollisimman pian.",
        "sv": "Skicka svaren så snart som möjligt.",
    },
    "survey_return_to": {
        "fi": "Vastausten vastaanottaja: {who}",
        "sv": "Svaren skickas till: {who}",
    },
    "survey_municipality": {"fi": "Kunta", "sv": "Kommun"},
    "survey_number": {"fi": "Nro", "sv": "Nr"},
    "survey_question": {"fi": "Kysymys", "sv": "Fråga"},
    "survey_answer": {"fi": "Vastaus", "sv": "Svar"},
    "survey_yes": {"fi": "kyllä", "sv": "ja"},
    "survey_no": {"fi": "ei", "sv": "nej"},
    "survey_pick": {"fi": "Valitse vastaus luettelosta.", "sv": "Välj svaret i listan."},
    "survey_pick_error": {
        "fi": "Valitse jokin luettelon vaihtoehdoista.",
        "sv": "Välj ett av alternativen i listan.",
    },
    # phases 1 and 4 (pipeline/phase_docs.py)
    "title_ennakkotehtava": {"fi": "Ennakkotehtävä", "sv": "Förhandsuppgift"},
    "title_ennakkomateriaali": {
        "fi": "Hytetu-neuvottelun ennakkomateriaali",
        "sv": "Förhandsmaterial för hytetu-förhandlingen",
    },
    "title_tiedote": {"fi": "Tiedoteluonnos", "sv": "Utkast till pressmeddelande"},
    "title_yhteenveto": {
        "fi": "Vuosiyhteenveto: hytetu-neuvotteluissa sovittujen asioiden toteutuminen",
        "sv": "Årssammanfattning: hur hytetu-förhandlingarnas överenskommelser har genomförts",
    },
    "audience_kunnat": {"fi": "Kunnat", "sv": "Kommunerna"},
    "audience_sote": {
        "fi": "Sosiaali- ja terveyspalvelut",
        "sv": "Social- och hälsovårdstjänsterna",
    },
    "audience_jarjestot": {"fi": "Järjestöneuvottelukunta", "sv": "Organisationsdelegationen"},
    "status_Ei aloitettu": {"fi": "Ei aloitettu", "sv": "Ej påbörjad"},
    "status_Käynnissä": {"fi": "Käynnissä", "sv": "Pågår"},
    "status_Valmis": {"fi": "Valmis", "sv": "Klar"},
    "status_Viivästynyt": {"fi": "Viivästynyt", "sv": "Försenad"},
    "status_Peruttu": {"fi": "Peruttu", "sv": "Avbruten"},
    "whole_area_of": {"fi": "Koko palvelualue: {area}", "sv": "Hela serviceområdet: {area}"},
    "no_priority": {"fi": "Painopiste puuttuu", "sv": "Prioritering saknas"},
    "total": {"fi": "Yhteensä", "sv": "Totalt"},
    # the chart groups by municipality, or, when there are too many, by service area or priority
    "chart_title": {
        "fi": "Sovittujen asioiden tila {by}",
        "sv": "Överenskommelserna per {by} och status",
    },
    "chart_by_municipality": {"fi": "kunnittain", "sv": "kommun"},
    "chart_by_area": {"fi": "palvelualueittain", "sv": "serviceområde"},
    "chart_by_priority": {"fi": "painopisteittäin", "sv": "prioritering"},
    "chart_other_area": {
        "fi": "Muu tai tuntematon palvelualue",
        "sv": "Annat eller okänt serviceområde",
    },
    "chart_axis": {"fi": "Sovittujen asioiden määrä", "sv": "Antal överenskommelser"},
    "chart_description": {
        "fi": "Pinottu palkkikaavio: sovittujen asioiden määrä {by} ja tiloittain. "
        "Yhteensä {total}. {groups}. Samat luvut ovat taulukossa.",
        "sv": "Liggande staplat stapeldiagram: antalet överenskommelser per status och {by}. "
        "Totalt {total}. {groups}. Samma siffror finns i tabellen.",
    },
    # the press release: typed names only as subjects or after a label, never inflected
    "press_headline": {
        "fi": "{county} ja {municipalities} sopivat yhteisistä toimista – teemana {theme}",
        "sv": "{county} och {municipalities} enades om gemensamma åtgärder – temat var {theme}",
    },
    "press_headline_ahead": {
        "fi": "{county} ja {municipalities} neuvottelevat yhteisistä toimista – teemana {theme}",
        "sv": "{county} och {municipalities} förhandlar om gemensamma åtgärder – temat är {theme}",
    },
    "press_municipalities": {"fi": "{n} kuntaa", "sv": "{n} kommuner"},
    "press_municipality": {"fi": "kunta {municipality}", "sv": "kommunen {municipality}"},
    "press_area_agreed": {
        "fi": "Neuvottelussa sovittiin {agreements}, muun muassa seuraavista:",
        "sv": "Vid förhandlingen ingicks {agreements}, bland annat följande:",
    },
    "press_area_agreed_all": {
        "fi": "Neuvottelussa sovittiin {agreements}:",
        "sv": "Vid förhandlingen ingicks {agreements}:",
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
