"""Words of the calendar files and e-mail drafts, in Finnish and Swedish (SPEC §3).

Written as a county's letters are: a greeting, what the message is about, what
is attached, the deadline, and the coordinator's signature block. Typed names
(municipalities, service areas, places) are never inflected: they stand after a
colon or in brackets with their noun (``(kunta Kuusiniemi)``).
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ shared
    "greeting": {"fi": "Hyvä vastaanottaja", "sv": "Bästa mottagare"},
    "closing": {"fi": "Ystävällisin terveisin", "sv": "Med vänlig hälsning"},
    "attachments": {"fi": "Liitteet:", "sv": "Bilagor:"},
    "phone": {"fi": "puh. {phone}", "sv": "tfn {phone}"},
    "place": {"fi": "Paikka: {place}", "sv": "Plats: {place}"},
    "remote": {"fi": "Etäyhteys: {link}", "sv": "Distansanslutning: {link}"},
    "time": {"fi": "Aika: {when}", "sv": "Tid: {when}"},
    "time_open": {
        "fi": "{day} (kellonaika ilmoitetaan myöhemmin)",
        "sv": "{day} (tiden meddelas senare)",
    },
    "register_to": {
        "fi": "Pyydämme ilmoittautumaan viimeistään {date}: {who}.",
        "sv": "Vi ber er anmäla er senast {date}: {who}.",
    },
    "more_info": {"fi": "Lisätietoja: {who}", "sv": "Mer information: {who}"},
    "register_reply": {
        "fi": "Pyydämme ilmoittautumaan viimeistään {date} vastaamalla tähän viestiin.",
        "sv": "Vi ber er anmäla er senast {date} genom att svara på detta meddelande.",
    },
    # ---------------------------------------------------------------- calendar
    "event_summary": {
        "fi": "Hytetu-neuvottelu: {area}",
        "sv": "Hytetu-förhandling: {area}",
    },
    "event_intro": {
        "fi": "{county}: hytetu-neuvottelu {year} (palvelualue {area}). Teema: {theme}.",
        "sv": "{county}: hytetu-förhandling {year} (serviceområde {area}). Tema: {theme}.",
    },
    "event_documents": {
        "fi": "Kutsu, asialista ja ennakkomateriaali lähetetään sähköpostilla.",
        "sv": "Kallelsen, föredragningslistan och förhandsmaterialet skickas per e-post.",
    },
    "event_title": {"fi": "Kalenterikutsu", "sv": "Kalenderinbjudan"},
    # --------------------------------------------------------------- invitation
    "invite_subject": {
        "fi": "Kutsu hytetu-neuvotteluun: {area} {date}",
        "sv": "Kallelse till hytetu-förhandling: {area} {date}",
    },
    "invite_intro": {
        "fi": "{county} kutsuu teidät hyvinvoinnin ja terveyden edistämisen (hytetu) "
        "neuvotteluun. Neuvottelun teema on {theme}.",
        "sv": "{county} kallar er till förhandling om främjande av välfärd och hälsa "
        "(hytetu). Förhandlingens tema är {theme}.",
    },
    "area": {"fi": "Palvelualue: {area}", "sv": "Serviceområde: {area}"},
    "registry": {"fi": "Kirjaamo, {name}", "sv": "Registratur, {name}"},
    "invite_attached": {
        "fi": "Liitteenä ovat neuvottelun asiakirjat.",
        "sv": "Förhandlingens handlingar finns som bilagor.",
    },
    "invite_calendar": {
        "fi": "Kalenterikutsun (.ics) voi avata ja tallentaa omaan kalenteriin.",
        "sv": "Kalenderinbjudan (.ics) kan öppnas och sparas i den egna kalendern.",
    },
    "invite_registries": {
        "fi": "Pyydämme kuntien kirjaamoja välittämään kutsun ja ennakkomateriaalin "
        "tiedoksi kunnan toimielimille.",
        "sv": "Vi ber kommunernas registraturer att vidarebefordra kallelsen och "
        "förhandsmaterialet till kommunens organ för kännedom.",
    },
    # ----------------------------------------------------------------- pre-task
    "pretask_subject": {
        "fi": "Hytetu-neuvottelujen {year} ennakkotehtävä ({who})",
        "sv": "Förhandsuppgift inför hytetu-förhandlingarna {year} ({who})",
    },
    "pretask_who_municipality": {"fi": "kunta {name}", "sv": "kommun {name}"},
    "pretask_intro": {
        "fi": "{county} valmistelee vuoden {year} hytetu-neuvotteluja, joiden teema on "
        "{theme}. Liitteenä on neuvottelujen ennakkotehtävä.",
        "sv": "{county} förbereder hytetu-förhandlingarna {year} med temat {theme}. "
        "Förhandsuppgiften inför förhandlingarna finns som bilaga.",
    },
    "pretask_deadline": {
        "fi": "Pyydämme tekemään ennakkotehtävän viimeistään {date}.",
        "sv": "Vi ber er göra förhandsuppgiften senast {date}.",
    },
    "pretask_no_deadline": {
        "fi": "Pyydämme tekemään ennakkotehtävän ennen neuvottelua.",
        "sv": "Vi ber er göra förhandsuppgiften före förhandlingen.",
    },
    "survey_attached": {
        "fi": "Liitteenä on myös kunnan ennakkokyselylomake. Pyydämme täyttämään sen ja "
        "palauttamaan sen Excel-tiedostona vastaamalla tähän viestiin viimeistään {date}.",
        "sv": "Kommunens förhandsenkät finns också som bilaga. Vi ber er fylla i den och "
        "returnera den som Excel-fil genom att svara på detta meddelande senast {date}.",
    },
    "survey_attached_no_deadline": {
        "fi": "Liitteenä on myös kunnan ennakkokyselylomake. Pyydämme täyttämään sen ja "
        "palauttamaan sen Excel-tiedostona vastaamalla tähän viestiin.",
        "sv": "Kommunens förhandsenkät finns också som bilaga. Vi ber er fylla i den och "
        "returnera den som Excel-fil genom att svara på detta meddelande.",
    },
    "pretask_registries": {
        "fi": "Pyydämme kirjaamoa välittämään viestin kunnan hytetu-yhdyshenkilölle.",
        "sv": "Vi ber registraturen att vidarebefordra meddelandet till kommunens "
        "kontaktperson för hytetu.",
    },
    # ------------------------------------------------------------------ minutes
    "minutes_subject": {
        "fi": "Hytetu-neuvottelun pöytäkirja: {area} {date}",
        "sv": "Protokoll från hytetu-förhandlingen: {area} {date}",
    },
    "minutes_intro": {
        "fi": "Kiitämme osallistumisesta hytetu-neuvotteluun (palvelualue {area}) {day}. "
        "Liitteenä on neuvottelun pöytäkirja.",
        "sv": "Tack för ert deltagande i hytetu-förhandlingen (serviceområde {area}) {day}. "
        "Protokollet från förhandlingen finns som bilaga.",
    },
    "minutes_follow_up": {
        "fi": "Neuvottelussa sovittujen asioiden etenemistä seurataan vuoden aikana. "
        "Pyydämme tilannetiedot myöhemmin erikseen.",
        "sv": "Hur det som överenskoms i förhandlingen framskrider följs upp under året. "
        "Vi ber om lägesuppgifter senare separat.",
    },
    "minutes_registries": {
        "fi": "Pyydämme kuntien kirjaamoja välittämään pöytäkirjan tiedoksi kunnan toimielimille.",
        "sv": "Vi ber kommunernas registraturer att vidarebefordra protokollet till "
        "kommunens organ för kännedom.",
    },
}


def t(text_key: str, lang: str, /, **values: object) -> str:
    text = TEXT[text_key][lang]
    return text.format(**values) if values else text
