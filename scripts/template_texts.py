"""The words of the Word templates, per language: the one place to edit a fixed text.

A key maps to literal text or to a Jinja expression the template keeps as is.
"""

from __future__ import annotations

SHY = "\u00ad"  # soft hyphen in a table heading -> <w:softHyphen/>

# ------------------------------------------------------------------------- texts

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "lang": "fi-FI",
        "decimal": ",",
        "type_kutsu": "KUTSU",
        "type_asialista": "ASIALISTA",
        "type_poytakirja": "{% if final %}PÖYTÄKIRJA{% else %}PÖYTÄKIRJALUONNOS{% endif %}",
        "record_number": "Dnro",
        # info lines
        "addressees": "Vastaanottajat",
        "service_area": "Palvelualue",
        "time": "Aika",
        "place": "Paikka",
        "remote": "Etäyhteys",
        "theme": "Teema",
        "municipalities": "Kunnat",
        "chair": "Puheenjohtaja",
        "secretary": "Sihteeri",
        "attachment": "Liite",
        "attachment_agenda": "Asialista",
        # kutsu
        "invite": "{{ county }} kutsuu palvelualueen kunnat vuosittaiseen hyvinvoinnin, terveyden"
        " ja turvallisuuden edistämisen neuvotteluun (hytetu-neuvottelu). Neuvottelu on osa"
        " sosiaali- ja terveydenhuollon järjestämisestä annetun lain (612/2021) 6 ja 7 §:ssä"
        " säädettyä hyvinvoinnin ja terveyden edistämisen yhteistyötä.",
        "contents": "Neuvottelussa käsitellään alueellisen hyvinvointi- ja turvallisuussuunnitelman"
        "{% if period %} {{ period }}{% endif %} tilannetta, hyte-kerrointa sekä teemaan liittyviä"
        " kuntien ja hyvinvointialueen nostoja. Tavoitteena on sopia yhteisistä jatkotoimista,"
        " niitä eteenpäin vievistä yhteistyöfoorumeista ja seurantavastuista.",
        "delegation": "Pyydämme, että kunnan neuvottelukokoonpanoon kuuluu myös luottamushenkilö"
        " ja että kokoonpanolla on valtuudet sopia neuvottelussa käsiteltävistä asioista.",
        "pre_tasks": "Pyydämme kuntia toimittamaan ennakkotehtävät sekä nostot eli asiat, joista"
        " kunta toivoo neuvottelussa sovittavan, hyvinvointialueelle viimeistään"
        " {{ pre_deadline }}.",
        "participants": "Osallistujat",
        "no_participants": "Osallistujaluettelo täydentyy kuntien ja hyvinvointialueen"
        " ilmoitusten mukaan.",
        "agenda_heading": "Asialista",
        "agenda_note": "Neuvottelun asialista on tämän kutsun liitteenä. Ennakkomateriaali"
        " toimitetaan osallistujille ennen neuvottelua.",
        "welcome": "Tervetuloa neuvotteluun!",
        "distribution": "Jakelu: osallistujat, kuntien kirjaamot",
        "regards": "Ystävällisin terveisin",
        "phone": "puh.",
        "elected": "luottamushenkilö",
        # asialista / poytakirja
        "raised_heading": "Kuntien nostot",
        "previous_heading": "Edellisen vuoden neuvotteluissa sovitut asiat",
        "decisions_heading": "Päätökset ja jatkotoimet",
        "col_municipality": "Kunta",
        "col_topic": "Aihe",
        "col_description": "Kuvaus",
        "col_wish": "Toive hyvinvointi" + SHY + "alueelle",
        "col_decision": "Päätös",
        "col_follow_up": "Jatko" + SHY + "toimi",
        "col_status": "Tila",
        "col_note": "Tilanne" + SHY + "kuvaus",
        "col_responsible": "Vastuu" + SHY + "taho",
        "col_deadline": "Määräaika",
        "col_status_deadline": "Tila ja määräaika",
        "col_decision_follow_up": "Sovittu asia ja jatkotoimi",
        "col_follow_up_responsible": "Jatkotoimi ja vastuutaho",
        "col_forum_monitoring": "Yhteistyöfoorumi ja seurantavastuu",
        "present": "Läsnä",
        "no_present": "Läsnäolijat kirjataan neuvottelussa.",
        "nobody_present": "Neuvottelukokoonpanoista ei ollut läsnä ketään.",
        "others_present": "Muut läsnä olleet",
        "absent": "Poissa",
        "invited": "Kutsutut",
        "draft": "LUONNOS – päätöksiä ei ole vielä kirjattu.",
        "final": "Pöytäkirjaan on kirjattu {{ decisions_text }}.",
        "minutes_noted": "Merkittiin tiedoksi.",
        "signatures": "Vakuudeksi",
        "checking_heading": "Pöytäkirjan tarkastus",
        "checked": "Olemme tarkastaneet pöytäkirjan ja todenneet sen neuvottelun kulun mukaiseksi.",
        "checked_on": "Pöytäkirja on tarkastettu {{ checked }}.",
        "place_date": "Paikka ja päivämäärä",
        "checker": "Pöytäkirjan tarkastaja",
        "registration": "Ilmoittautumiset {{ registration_by }} mennessä{% if coordinator %}"
        " koordinaattorille: {{ coordinator }}{% if coordinator_email %},"
        " {{ coordinator_email }}{% endif %}{% endif %}.",
    },
    "sv": {
        "lang": "sv-FI",
        "decimal": ",",
        "type_kutsu": "KALLELSE",
        "type_asialista": "FÖREDRAGNINGSLISTA",
        "type_poytakirja": "{% if final %}PROTOKOLL{% else %}PROTOKOLLSUTKAST{% endif %}",
        "record_number": "Dnr",
        "addressees": "Mottagare",
        "service_area": "Serviceområde",
        "time": "Tid",
        "place": "Plats",
        "remote": "Distansanslutning",
        "theme": "Tema",
        "municipalities": "Kommuner",
        "chair": "Ordförande",
        "secretary": "Sekreterare",
        "attachment": "Bilaga",
        "attachment_agenda": "Föredragningslista",
        "invite": "{{ county }} kallar kommunerna i serviceområdet till den årliga förhandlingen"
        " om främjande av välfärd, hälsa och säkerhet (hytetu-förhandling). Förhandlingen är en"
        " del av det samarbete för främjande av välfärd och hälsa som föreskrivs i 6 och 7 §"
        " i lagen om ordnande av social- och hälsovård (612/2021).",
        "contents": "Vid förhandlingen behandlas läget i genomförandet av den regionala välfärds- och"
        " säkerhetsplanen{% if period %} {{ period }}{% endif %}, hyte-koefficienten samt"
        " kommunernas och välfärdsområdets frågor inom temat. Målet är att komma överens om"
        " gemensamma fortsatta åtgärder, om de samarbetsforum som för dem vidare och om"
        " uppföljningsansvaret.",
        "delegation": "Vi ber att även en förtroendevald ingår i kommunens förhandlingsdelegation"
        " och att delegationen har befogenhet att komma överens om de frågor som behandlas.",
        "pre_tasks": "Vi ber kommunerna att senast den {{ pre_deadline }} skicka in"
        " förhandsuppgifterna till välfärdsområdet, liksom de frågor som kommunen vill att"
        " parterna kommer överens om vid förhandlingen.",
        "participants": "Deltagare",
        "no_participants": "Deltagarförteckningen kompletteras enligt kommunernas och"
        " välfärdsområdets anmälningar.",
        "agenda_heading": "Föredragningslista",
        "agenda_note": "Föredragningslistan för förhandlingen bifogas denna kallelse."
        " Förhandsmaterialet skickas till deltagarna före förhandlingen.",
        "welcome": "Välkommen till förhandlingen!",
        "distribution": "Distribution: deltagarna, kommunernas registratorskontor",
        "regards": "Med vänlig hälsning",
        "phone": "tfn",
        "elected": "förtroendevald",
        "raised_heading": "Frågor som kommunerna tar upp",
        "previous_heading": "Föregående års överenskommelser",
        "decisions_heading": "Beslut och fortsatta åtgärder",
        "col_municipality": "Kommun",
        "col_topic": "Ämne",
        "col_description": "Beskrivning",
        "col_wish": "Önskemål till välfärds" + SHY + "området",
        "col_decision": "Beslut",
        "col_follow_up": "Fortsatt åtgärd",
        "col_status": "Status",
        "col_note": "Läges" + SHY + "beskrivning",
        "col_responsible": "Ansvarig",
        "col_deadline": "Tidsfrist",
        "col_status_deadline": "Status och tidsfrist",
        "col_decision_follow_up": "Överenskommelse och fortsatt åtgärd",
        "col_follow_up_responsible": "Fortsatt åtgärd och ansvarig",
        "col_forum_monitoring": "Samarbetsforum och uppföljningsansvar",
        "present": "Närvarande",
        "no_present": "De närvarande antecknas vid förhandlingen.",
        "nobody_present": "Ingen från förhandlingsdelegationerna var närvarande.",
        "others_present": "Övriga närvarande",
        "absent": "Frånvarande",
        "invited": "Inbjudna",
        "draft": "UTKAST – besluten har ännu inte förts in.",
        "final": "Protokollet innehåller {{ decisions_text }}.",
        "minutes_noted": "Antecknades för kännedom.",
        "signatures": "Underskrifter",
        "checking_heading": "Justering av protokollet",
        "checked": "Vi har justerat protokollet och funnit att det motsvarar förhandlingens"
        " förlopp.",
        "checked_on": "Protokollet har justerats den {{ checked }}.",
        "place_date": "Ort och datum",
        "checker": "Protokolljusterare",
        "registration": "Anmälningar senast den {{ registration_by }}{% if coordinator %}"
        " till koordinatorn: {{ coordinator }}{% if coordinator_email %},"
        " {{ coordinator_email }}{% endif %}{% endif %}.",
    },
}

#: words of the phase 1 and 4 documents (ennakkotehtava, ennakkomateriaali, tiedote,
#: yhteenveto); merged into TEXTS so that every builder reads one dictionary
PHASE_TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "type_ennakkotehtava": "ENNAKKOTEHTÄVÄ",
        "type_ennakkomateriaali": "ENNAKKOMATERIAALI",
        "type_tiedote": "TIEDOTELUONNOS",
        "type_yhteenveto": "VUOSIYHTEENVETO",
        "deadline_label": "Palautettava",
        # ennakkotehtava
        "pretask_intro": "{{ county }} ja alueen kunnat neuvottelevat vuosittain hyvinvoinnin,"
        " terveyden ja turvallisuuden edistämisestä (hytetu-neuvottelut). Vuoden {{ year }}"
        " neuvottelujen teema on {{ theme|lower }}, yksi alueellisen hyvinvointi- ja"
        " turvallisuussuunnitelman{% if period %} {{ period }}{% endif %} painopisteistä."
        " Ennakkotehtävän avulla neuvotteluihin valmistaudutaan yhdessä, jotta niissä voidaan"
        " sopia yhteisistä tavoitteista, toimista ja vastuunjaosta.",
        "task_heading": "Tehtävä",
        "task_kunnat": "Kunta valmistelee neuvotteluun tiiviin, teeman mukaisen esityksen"
        " merkittävistä asioista hyte-kerroin huomioiden. Valmistelu tehdään monitoimijaisesti:"
        " mukaan kannattaa kutsua teeman kannalta keskeiset toimialat ja kunnan hyte-työryhmä.",
        "task_kunnat_1": "Nimetkää neuvotteluun kunnan edustajat teeman mukaisesti, myös"
        " luottamushenkilö, ja antakaa edustajille valtuudet sopia käsiteltävistä asioista.",
        "task_kunnat_2": "Lähettäkää hyvinvointialueelle nostot: asiat, joista kunta haluaa"
        " neuvottelussa sopia ja joihin se toivoo hyvinvointialueen valmistautuvan.",
        "task_kunnat_3": "Vastatkaa ennakkokyselyyn; lomake lähetetään kunnalle erikseen.",
        "task_sote": "Sosiaali- ja terveyspalvelut valmistelevat neuvotteluihin tiiviin, teeman"
        " mukaisen esityksen merkittävistä asioista palvelualueittain hyte-kerroin huomioiden:"
        " mitä teemaan liittyvä palvelutarve ja asiakastieto kertovat, miten palvelut tukevat"
        " kuntien hyvinvointityötä ja missä yhteistyötä kuntien kanssa tarvitaan.",
        "task_sote_1": "Nimetkää teeman asiantuntijat hyvinvointialueen neuvottelukokoonpanoon.",
        "task_sote_2": "Kootkaa teemaan liittyvä palvelu- ja asiakastieto palvelualueittain.",
        "task_sote_3": "Valmistautukaa vastaamaan kuntien nostoihin.",
        "task_jarjestot": "Järjestöneuvottelukunta valmistelee neuvotteluihin tiiviin, teeman"
        " mukaisen esityksen merkittävistä asioista järjestöjen näkökulmasta hyte-kerroin"
        " huomioiden: järjestöjen teemaan liittyvä toiminta, niiden havainnot ihmisten arjesta"
        " sekä ehdotukset yhteistyöhön kuntien ja hyvinvointialueen kanssa.",
        "task_jarjestot_1": "Nimetkää järjestöneuvottelukunnan edustajat neuvotteluihin.",
        "task_jarjestot_2": "Kootkaa jäsenjärjestöjen teemaan liittyvä toiminta ja havainnot.",
        "task_jarjestot_3": "Tuokaa esiin, missä järjestöt voivat olla mukana sovittavissa"
        " toimissa.",
        "content_heading": "Esityksen sisältö",
        "content_1": "Teeman kannalta merkittävimmät asiat ja ilmiöt omassa toiminnassa.",
        "content_2": "Mitä on jo tehty ja mitä tieto ja tulokset kertovat.",
        "content_3": "Hyte-kerroin: miten teeman työ näkyy hyte-kertoimen indikaattoreissa ja"
        " miten niitä voidaan yhdessä parantaa.",
        "content_4": "Mistä halutaan neuvottelussa sopia ja mihin toivotaan muiden valmistautuvan.",
        "content_5": "Esityksen tulee olla tiivis, enintään 10 minuuttia tai muutama dia.",
        "phenomena_heading": "Neuvotteluihin nostettavat ilmiöt",
        "phenomena_intro": "Hytetu-yhdyshenkilöverkosto on tunnistanut teemasta seuraavat"
        " ilmiöt, jotka tuodaan esille neuvotteluissa. Käsitelkää niitä esityksessänne.",
        "other_phenomena_heading": "Muut tunnistetut ilmiöt",
        "other_phenomena_intro": "Verkosto tunnisti myös nämä ilmiöt; ne ovat valmistelun"
        " taustatietoa, eikä niitä käsitellä neuvotteluissa erikseen.",
        "col_phenomenon": "Ilmiö",
        "deadlines_heading": "Määräajat",
        "deadline_pretask": "Ennakkotehtävä palautetaan viimeistään {{ pretask_deadline }}.",
        "deadline_survey": "Kunnat vastaavat ennakkokyselyyn viimeistään {{ survey_deadline }}.",
        "deadline_none": "Määräajat ilmoitetaan erikseen.",
        "schedule_heading": "Neuvottelujen aikataulu",
        "col_service_area": "Palvelualue",
        "col_time": "Aika",
        "col_place": "Paikka",
        "col_municipalities": "Kunnat",
        "contact_heading": "Yhteystiedot",
        "contact_intro": "Lisätietoja antaa ja ennakkotehtävät vastaanottaa",
        # ennakkomateriaali
        "material_intro": "Ennakkomateriaaliin on koottu neuvotteluun osallistuvien kuntien"
        " nostot ja ennakkokyselyn vastaukset{% if has_previous %} sekä edellisen vuoden"
        " ({{ previous_year }}) neuvotteluissa sovittujen asioiden tilanne seurantataulukon"
        " mukaan{% endif %}. Tutustukaa materiaaliin ennen neuvottelua.",
        "survey_heading": "Ennakkokyselyn vastaukset",
        "survey_number": "Vastaus {{ s.number }}",
        "col_question": "Kysymys",
        "col_answer": "Vastaus",
        "no_answer": "(ei vastausta)",
        "col_priority": "Paino" + SHY + "piste",
        "previous_year_heading": "Edellisen vuoden neuvotteluissa sovitut asiat ({{ previous_year }})",
        "nothing_from": "Kunnalta ei ole tullut nostoja eikä kyselyvastauksia.",
        "area_heading": "Koko palvelualue",
        # tiedote
        "press_date": "Tiedote {{ doc_date }}",
        "press_lead": "{{ county }} ja alueen kunnat ovat sopineet yhteisistä hyvinvoinnin,"
        " terveyden ja turvallisuuden edistämisen toimista vuoden {{ year }}"
        " hytetu-neuvotteluissa. Neuvottelujen teema oli {{ theme|lower }}. {{ figures }}"
        "{% if ahead %} {{ ahead }}{% endif %}",
        "press_law": "Hytetu-neuvottelut ovat hyvinvointialueen ja kuntien lakisääteisiä,"
        " vuosittaisia neuvotteluja (laki sosiaali- ja terveydenhuollon järjestämisestä"
        " 612/2021, 6 ja 7 §). Neuvottelut käydään palvelualueittain.",
        "press_area": "Palvelualue {{ n.service_area }}",
        "press_held": "Neuvottelu {% if n.held %}pidettiin{% else %}pidetään{% endif %}"
        " {{ n.date }}. Kunnat: {{ n.municipalities }}.",
        "material_raised": "Kuntien nostot",
        "press_followup_heading": "Seuranta",
        "press_followup": "Sovittujen asioiden toteutumista seurataan"
        " hytetu-yhdyshenkilöverkostossa, ja niiden tilanne käsitellään seuraavan vuoden"
        " neuvotteluissa.",
        "press_contact": "Lisätietoja",
        # yhteenveto
        "summary_intro": "Yhteenvetoon on koottu vuoden {{ year }} hytetu-neuvotteluissa sovittujen"
        " asioiden eteneminen seurantataulukon {{ as_of }} tilanteen mukaan. Se liitetään"
        " vuoden"
        " {{ next_year }} neuvottelujen ennakkomateriaaliin.",
        "summary_untracked": "Seurantataulukkoon ei ole vielä kirjattu tilanteita: kaikkien"
        " sovittujen asioiden tila on ”Ei aloitettu”.",
        "key_figures": "Keskeiset luvut",
        "figure_total": "Sovittuja asioita yhteensä {{ total_text }}, joista valmiina"
        " {{ totals.done }} ({{ done_percent }}).",
        "figure_states": "Ei aloitettu {{ totals.not_started }}, käynnissä"
        " {{ totals.in_progress }}, viivästynyt {{ totals.delayed }}, peruttu"
        " {{ totals.cancelled }}.",
        "figure_overdue": "Määräaika on ylittynyt {{ overdue_text }} keskeneräisessä asiassa.",
        "figure_other": "Tila muu kuin luettelon tiloista: {{ totals.other }} (luetellaan"
        " erikseen alla).",
        "figure_reported": "Etenemisestä raportoi seurantalomakkeella {{ reported.count }}"
        " alueen {{ reported.of }} (tiedot päivitetty {{ reported.dates }}).",
        "figure_not_reported": "Yksikään kunta ei ole vielä palauttanut seurantalomaketta;"
        " tilannetiedot on otettu seurantataulukosta.",
        "by_municipality": "Tilanne kunnittain",
        "by_priority": "Tilanne painopisteittäin",
        "overdue_heading": "Määräaika ylittynyt",
        "cancelled_heading": "Perutut",
        "unknown_heading": "Tuntematon tila",
        "unknown_intro": "Näiden asioiden tila ei ole mikään seurantataulukon tiloista; ne"
        " sisältyvät vain Yhteensä-sarakkeeseen.",
        "col_not_started": "Ei aloi" + SHY + "tettu",
        "col_in_progress": "Käyn" + SHY + "nissä",
        "col_done": "Valmis",
        "col_delayed": "Viiväs" + SHY + "tynyt",
        "col_cancelled": "Peruttu",
        "col_total": "Yh" + SHY + "teensä",
        "col_overdue": "Määrä" + SHY + "aika ylit" + SHY + "tynyt",
    },
    "sv": {
        "type_ennakkotehtava": "FÖRHANDSUPPGIFT",
        "type_ennakkomateriaali": "FÖRHANDSMATERIAL",
        "type_tiedote": "UTKAST TILL PRESSMEDDELANDE",
        "type_yhteenveto": "ÅRSSAMMANFATTNING",
        "deadline_label": "Senast",
        "pretask_intro": "{{ county }} och kommunerna i området förhandlar varje år om"
        " främjande av välfärd, hälsa och säkerhet (hytetu-förhandlingar). Temat för"
        " förhandlingarna {{ year }} är {{ theme|lower }}, en av prioriteringarna i den"
        " regionala välfärds- och säkerhetsplanen{% if period %} {{ period }}{% endif %}."
        " Med förhandsuppgiften förbereder vi oss tillsammans så att vi vid förhandlingarna"
        " kan komma överens om gemensamma mål, åtgärder och ansvarsfördelning.",
        "task_heading": "Uppgift",
        "task_kunnat": "Kommunen förbereder inför förhandlingen en kort presentation av"
        " de viktigaste frågorna inom temat med beaktande av hyte-koefficienten. Förberedelsen"
        " görs"
        " sektorsövergripande: bjud in de förvaltningar som är centrala för temat och"
        " kommunens hyte-arbetsgrupp.",
        "task_kunnat_1": "Utse kommunens representanter med tanke på temat, bland dem en förtroendevald,"
        " och ge dem befogenhet att komma överens om de frågor som behandlas.",
        "task_kunnat_2": "Skicka till välfärdsområdet de frågor som kommunen vill komma"
        " överens om vid förhandlingen och som välfärdsområdet bör förbereda sig på.",
        "task_kunnat_3": "Besvara förhandsenkäten; blanketten skickas separat till kommunen.",
        "task_sote": "Social- och hälsovårdstjänsterna förbereder inför förhandlingarna en"
        " kort presentation av de viktigaste frågorna inom temat per serviceområde med"
        " beaktande av hyte-koefficienten: vad servicebehovet och klientdata visar, hur"
        " tjänsterna stöder kommunernas välfärdsarbete och var samarbete med kommunerna behövs.",
        "task_sote_1": "Utse sakkunniga inom temat till välfärdsområdets förhandlingsdelegation.",
        "task_sote_2": "Sammanställ service- och klientuppgifter inom temat per serviceområde.",
        "task_sote_3": "Förbered er på att svara på kommunernas frågor.",
        "task_jarjestot": "Organisationsdelegationen förbereder inför förhandlingarna en kort"
        " presentation av de viktigaste frågorna inom temat ur organisationernas perspektiv med"
        " beaktande av hyte-koefficienten: organisationernas verksamhet inom temat, deras"
        " iakttagelser om människors vardag och förslag till samarbete med kommunerna och"
        " välfärdsområdet.",
        "task_jarjestot_1": "Utse organisationsdelegationens representanter till förhandlingarna.",
        "task_jarjestot_2": "Sammanställ medlemsorganisationernas verksamhet och iakttagelser"
        " inom temat.",
        "task_jarjestot_3": "Lyft fram var organisationerna kan delta i de åtgärder som man"
        " kommer överens om.",
        "content_heading": "Presentationens innehåll",
        "content_1": "De viktigaste frågorna och fenomenen inom temat i den egna verksamheten.",
        "content_2": "Vad som redan gjorts och vad uppgifterna och resultaten visar.",
        "content_3": "Hyte-koefficienten: hur arbetet inom temat syns i hyte-koefficientens"
        " indikatorer och hur de kan förbättras tillsammans.",
        "content_4": "Vad ni vill komma överens om vid förhandlingen och vad de andra bör"
        " förbereda sig på.",
        "content_5": "Presentationen ska vara kort, högst 10 minuter eller några bilder.",
        "phenomena_heading": "Fenomen som tas upp vid förhandlingarna",
        "phenomena_intro": "Hytetu-kontaktpersonsnätverket har identifierat följande fenomen"
        " inom temat som tas upp vid förhandlingarna. Behandla dem i er presentation.",
        "other_phenomena_heading": "Övriga identifierade fenomen",
        "other_phenomena_intro": "Nätverket identifierade också dessa fenomen; de utgör"
        " bakgrundsmaterial för förberedelserna och behandlas inte separat vid"
        " förhandlingarna.",
        "col_phenomenon": "Fenomen",
        "deadlines_heading": "Tidsfrister",
        "deadline_pretask": "Förhandsuppgiften ska lämnas in senast {{ pretask_deadline }}.",
        "deadline_survey": "Kommunerna ska besvara förhandsenkäten senast {{ survey_deadline }}.",
        "deadline_none": "Tidsfristerna meddelas separat.",
        "schedule_heading": "Tidtabell för förhandlingarna",
        "col_service_area": "Service" + SHY + "område",
        "col_time": "Tid",
        "col_place": "Plats",
        "col_municipalities": "Kommuner",
        "contact_heading": "Kontaktuppgifter",
        "contact_intro": "Kontaktperson för frågor och för inlämning av förhandsuppgifterna:",
        "material_intro": "I förhandsmaterialet har de deltagande kommunernas frågor och svar"
        " på förhandsenkäten sammanställts{% if has_previous %}, liksom läget för de"
        " överenskommelser som ingicks vid förhandlingarna föregående år ({{ previous_year }}) enligt"
        " uppföljningstabellen{% endif %}. Bekanta er med materialet före förhandlingen.",
        "survey_heading": "Svar på förhandsenkäten",
        "survey_number": "Svar {{ s.number }}",
        "col_question": "Fråga",
        "col_answer": "Svar",
        "no_answer": "(inget svar)",
        "col_priority": "Priori" + SHY + "tering",
        "previous_year_heading": "Föregående års överenskommelser ({{ previous_year }})",
        "nothing_from": "Kommunen har inte skickat frågor eller enkätsvar.",
        "area_heading": "Hela serviceområdet",
        "press_date": "Pressmeddelande {{ doc_date }}",
        "press_lead": "Vid hytetu-förhandlingarna {{ year }} har {{ county }} och kommunerna"
        " i området kommit överens om gemensamma åtgärder för att främja välfärd, hälsa och"
        " säkerhet. Temat för förhandlingarna var {{ theme|lower }}. {{ figures }}"
        "{% if ahead %} {{ ahead }}{% endif %}",
        "press_law": "Hytetu-förhandlingarna är lagstadgade årliga förhandlingar mellan"
        " välfärdsområdet och kommunerna (lagen om ordnande av social- och hälsovård 612/2021,"
        " 6 och 7 §). Förhandlingarna hålls per serviceområde.",
        "press_area": "Serviceområde {{ n.service_area }}",
        "press_held": "Förhandlingen {% if n.held %}hölls{% else %}hålls{% endif %} den"
        " {{ n.date }}. Kommuner: {{ n.municipalities }}.",
        "material_raised": "Frågor som kommunerna tar upp",
        "press_followup_heading": "Uppföljning",
        "press_followup": "Genomförandet följs upp i hytetu-kontaktpersonsnätverket, och läget"
        " behandlas vid nästa års förhandlingar.",
        "press_contact": "Mer information",
        "summary_intro": "Sammanfattningen visar hur de överenskommelser som ingicks vid"
        " hytetu-förhandlingarna {{ year }} har framskridit enligt läget i uppföljningstabellen"
        " den"
        " {{ as_of }}. Den bifogas förhandsmaterialet till förhandlingarna {{ next_year }}.",
        "summary_untracked": "Inga lägesuppgifter har ännu förts in i uppföljningstabellen:"
        " alla överenskommelser har statusen ”Ej påbörjad”.",
        "key_figures": "Nyckeltal",
        "figure_total": "Sammanlagt {{ total_text }}, varav {{ totals.done }} är klara"
        " ({{ done_percent }}).",
        "figure_states": "Ej påbörjade {{ totals.not_started }}, pågående"
        " {{ totals.in_progress }}, försenade {{ totals.delayed }}, avbrutna"
        " {{ totals.cancelled }}.",
        "figure_overdue": "Tidsfristen har överskridits för {{ overdue_text }}.",
        "figure_other": "Status utanför listan: {{ totals.other }} (listas separat nedan).",
        "figure_reported": "{{ reported.count }} av områdets {{ reported.of }} rapporterade om"
        " läget på uppföljningsblanketten (uppgifterna uppdaterade {{ reported.dates }}).",
        "figure_not_reported": "Ingen kommun har ännu returnerat uppföljningsblanketten;"
        " lägesuppgifterna kommer från uppföljningstabellen.",
        "by_municipality": "Läget per kommun",
        "by_priority": "Läget per prioritering",
        "overdue_heading": "Överskridna tidsfrister",
        "cancelled_heading": "Avbrutna",
        "unknown_heading": "Okänd status",
        "unknown_intro": "Dessa överenskommelser har en status som inte finns i"
        " uppföljningstabellens lista; de ingår bara i totalsumman.",
        "col_not_started": "Ej påbör" + SHY + "jad",
        "col_in_progress": "Pågår",
        "col_done": "Klar",
        "col_delayed": "Förse" + SHY + "nad",
        "col_cancelled": "Avbruten",
        "col_total": "Totalt",
        "col_overdue": "Tids" + SHY + "frist över" + SHY + "skriden",
    },
}
for _lang, _words in PHASE_TEXTS.items():
    assert not set(_words) & set(TEXTS[_lang]), "a phase text would replace a word in use"
    TEXTS[_lang].update(_words)
