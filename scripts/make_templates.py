"""Build the Word templates (fi and sv) that ``templates_docx/`` ships.

The committed ``templates_docx/<lang>/*.docx`` are the source the build,
coordinators and developers use. This script reproduces them, and it never
writes silently::

    python scripts/make_templates.py --check [DIR]   # exit 1 unless DIR holds exactly
                                                     # what this script generates
    python scripts/make_templates.py --write [DIR]   # (re)generate into DIR
    python scripts/make_templates.py --write --force [DIR]

``DIR`` defaults to ``templates_docx/``. ``--write`` records the SHA-256 of
every file it writes in ``DIR/MANIFEST.sha256``. It replaces a template only
when the file is missing, already identical, or still exactly what the
generator last wrote (its hash is in the manifest). A template someone edited
(in Word, say) has another hash: ``--write`` then refuses, names the files,
writes nothing and exits 1. ``--force`` overwrites them anyway; commit or copy
the edits first. Without ``--check`` or ``--write`` the script only prints
this help. A test runs ``--check`` against the committed templates.

The files are docxtpl (Jinja-in-Word) templates; the names they use are those
of the contexts in :mod:`pipeline.documents.contexts`. One layout code path
serves both languages: the words are in :data:`TEXTS`.

The packages are lean (:mod:`lean_styles`): only the styles and lists a
template uses, no ``stylesWithEffects.xml``, no latent-style table.

The output is deterministic: fixed core-property dates, no random ids and fixed
ZIP member timestamps, so rerunning gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
import template_store
from lean_styles import make_lean

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "templates_docx"

FONT = "Arial"  # Word on Windows has it; LibreOffice maps it to metric-equal Liberation Sans
BODY_SIZE = Pt(11)
TABLE_SIZE = Pt(9)
HEADING_COLOR = RGBColor(0x1F, 0x38, 0x64)  # dark navy, contrast > 10:1 on white
HEADER_FILL = "D9E2F3"  # light blue-grey for table header rows
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.0)
TEXT_WIDTH_CM = 17.0
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
#: extended properties without the default template's "Microsoft Macintosh Word" claims
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>hytetu</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company/>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
SHY = "\u00ad"  # soft hyphen in a table heading -> <w:softHyphen/>

# ------------------------------------------------------------------------- texts

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "lang": "fi-FI",
        "decimal": ",",
        "type_kutsu": "KUTSU",
        "type_asialista": "ASIALISTA",
        "type_poytakirja": "{% if final %}PÖYTÄKIRJA{% else %}PÖYTÄKIRJALUONNOS{% endif %}",
        "page": "Sivu",
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
        "delegation": "Pyydämme, että kunnan neuvotteluvaltuuskuntaan kuuluu myös luottamushenkilö"
        " ja että valtuuskunnalla on valtuudet sopia neuvottelussa käsiteltävistä asioista.",
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
        "regards": "Ystävällisin terveisin",
        "phone": "puh.",
        "elected": "luottamushenkilö",
        # asialista / poytakirja
        "raised_heading": "Kuntien nostot",
        "previous_heading": "Edellisen vuoden sopimukset",
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
        "col_forum": "Yhteistyö" + SHY + "foorumi",
        "col_monitoring": "Seuranta" + SHY + "vastuu",
        "col_deadline": "Määräaika",
        "present": "Läsnä",
        "no_present": "Läsnäolijat kirjataan neuvottelussa.",
        "draft": "LUONNOS – päätöksiä ei ole vielä kirjattu.",
        "final": "Pöytäkirjaan on kirjattu yhteensä {{ decision_count }}"
        " {% if decision_count == 1 %}päätös{% else %}päätöstä{% endif %} jatkotoimineen.",
        "signatures": "Allekirjoitukset",
        "checked": "Pöytäkirja on tarkastettu ja hyväksytty.",
        "place_date": "Paikka ja aika",
        "checker": "Pöytäkirjan tarkastaja",
    },
    "sv": {
        "lang": "sv-FI",
        "decimal": ",",
        "type_kutsu": "KALLELSE",
        "type_asialista": "FÖREDRAGNINGSLISTA",
        "type_poytakirja": "{% if final %}PROTOKOLL{% else %}PROTOKOLLSUTKAST{% endif %}",
        "page": "Sida",
        "addressees": "Mottagare",
        "service_area": "Serviceområde",
        "time": "Tid",
        "place": "Plats",
        "remote": "Distansdeltagande",
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
        "contents": "Vid förhandlingen behandlas läget för den regionala välfärds- och"
        " säkerhetsplanen{% if period %} {{ period }}{% endif %}, hyte-koefficienten samt"
        " kommunernas och välfärdsområdets frågor inom temat. Målet är att komma överens om"
        " gemensamma fortsatta åtgärder, om de samarbetsforum som för dem vidare och om"
        " uppföljningsansvaret.",
        "delegation": "Vi ber att kommunens förhandlingsdelegation också omfattar en förtroendevald"
        " och att delegationen har befogenhet att komma överens om de frågor som behandlas.",
        "pre_tasks": "Vi ber kommunerna att till välfärdsområdet skicka in förhandsuppgifterna"
        " samt de frågor som kommunen vill att man kommer överens om vid förhandlingen senast"
        " den {{ pre_deadline }}.",
        "participants": "Deltagare",
        "no_participants": "Deltagarförteckningen kompletteras enligt kommunernas och"
        " välfärdsområdets anmälningar.",
        "agenda_heading": "Föredragningslista",
        "agenda_note": "Föredragningslistan för förhandlingen bifogas denna kallelse."
        " Förhandsmaterialet skickas till deltagarna före förhandlingen.",
        "welcome": "Välkommen till förhandlingen!",
        "regards": "Med vänlig hälsning",
        "phone": "tfn",
        "elected": "förtroendevald",
        "raised_heading": "Kommunernas frågor",
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
        "col_forum": "Samarbets" + SHY + "forum",
        "col_monitoring": "Uppfölj" + SHY + "nings" + SHY + "ansvar",
        "col_deadline": "Tidsfrist",
        "present": "Närvarande",
        "no_present": "De närvarande antecknas vid förhandlingen.",
        "draft": "UTKAST – besluten har ännu inte antecknats.",
        "final": "I protokollet har sammanlagt {{ decision_count }} beslut med fortsatta"
        " åtgärder antecknats.",
        "signatures": "Underskrifter",
        "checked": "Protokollet har justerats och godkänts.",
        "place_date": "Ort och datum",
        "checker": "Protokolljusterare",
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
        "content_5": "Esitys on tiivis: enintään noin 10 minuuttia tai muutama dia.",
        "phenomena_heading": "Neuvotteluihin nostettavat ilmiöt",
        "phenomena_intro": "Hytetu-yhdyshenkilöverkosto on tunnistanut teemasta seuraavat"
        " ilmiöt, jotka tuodaan esille neuvotteluissa. Käsitelkää niitä esityksessänne.",
        "other_phenomena_heading": "Muut tunnistetut ilmiöt",
        "other_phenomena_intro": "Verkosto tunnisti myös nämä ilmiöt; ne ovat taustaksi"
        " valmistelulle, eikä niitä käsitellä neuvotteluissa erikseen.",
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
        "previous_year_heading": "Edellisen vuoden sopimukset ({{ previous_year }})",
        "nothing_from": "Kunnalta ei ole tullut nostoja eikä kyselyvastauksia.",
        "area_heading": "Koko palvelualue",
        # tiedote
        "press_date": "Tiedote {{ doc_date }}",
        "press_lead": "{{ county }} ja alueen kunnat ovat sopineet yhteisistä hyvinvoinnin,"
        " terveyden ja turvallisuuden edistämisen toimista vuoden {{ year }}"
        " hytetu-neuvotteluissa. Neuvottelujen teema oli {{ theme|lower }}. Neuvotteluissa"
        " sovittiin yhteensä {{ decision_count }} asiasta.",
        "press_law": "Hytetu-neuvottelut ovat hyvinvointialueen ja kuntien lakisääteisiä,"
        " vuosittaisia neuvotteluja (laki sosiaali- ja terveydenhuollon järjestämisestä"
        " 612/2021, 6 ja 7 §). Neuvottelut käytiin palvelualueittain, ja niihin osallistuivat"
        " kunnat {{ municipalities }}.",
        "press_held": "Neuvottelu {% if n.held %}pidettiin{% else %}pidetään{% endif %}"
        " {{ n.date }}. Kunnat: {{ n.municipalities }}.",
        "material_raised": "Nostot",
        "press_agreements": "Keskeisiä sopimuksia:",
        "press_followup": "Sovittujen asioiden toteutumista seurataan"
        " hytetu-yhdyshenkilöverkostossa, ja niiden tilanne käsitellään seuraavan vuoden"
        " neuvotteluissa.",
        "press_contact": "Lisätietoja",
        # yhteenveto
        "summary_intro": "Yhteenveto kokoaa vuoden {{ year }} hytetu-neuvotteluissa sovittujen"
        " asioiden etenemisen seurantataulukon mukaan {{ as_of }}. Se liitetään vuoden"
        " {{ next_year }} neuvottelujen ennakkomateriaaliin.",
        "summary_untracked": "Seurantataulukkoon ei ole vielä kirjattu tilanteita: kaikki"
        " sovitut asiat ovat tilassa Ei aloitettu. Päivittäkää tilat seurantataulukkoon ja"
        " tehkää yhteenveto uudelleen.",
        "key_figures": "Keskeiset luvut",
        "figure_total": "Sovittuja asioita yhteensä {{ total }}, joista valmiina"
        " {{ totals.done }} ({{ done_percent }}).",
        "figure_states": "Käynnissä {{ totals.in_progress }}, ei aloitettu"
        " {{ totals.not_started }}, viivästynyt {{ totals.delayed }}, peruttu"
        " {{ totals.cancelled }}.",
        "figure_overdue": "Määräaika on ohitettu {{ totals.overdue }} keskeneräisessä asiassa.",
        "by_municipality": "Tilanne kunnittain",
        "by_priority": "Tilanne painopisteittäin",
        "overdue_heading": "Määräaika ohitettu",
        "cancelled_heading": "Perutut",
        "unknown_heading": "Tila ei ole luettelossa",
        "unknown_intro": "Näiden asioiden tila ei ole mikään seurantataulukon tiloista; ne"
        " on laskettu vain yhteensä-lukuun. Korjatkaa tila seurantataulukkoon.",
        "col_not_started": "Ei aloi" + SHY + "tettu",
        "col_in_progress": "Käyn" + SHY + "nissä",
        "col_done": "Valmis",
        "col_delayed": "Viiväs" + SHY + "tynyt",
        "col_cancelled": "Peruttu",
        "col_total": "Yh" + SHY + "teensä",
        "col_overdue": "Määrä" + SHY + "aika ohi",
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
        "task_kunnat": "Kommunen förbereder till förhandlingen en koncis presentation av"
        " betydande frågor inom temat med hyte-koefficienten i åtanke. Förberedelsen görs"
        " sektorsövergripande: bjud in de förvaltningar som är centrala för temat och"
        " kommunens hyte-arbetsgrupp.",
        "task_kunnat_1": "Utse kommunens representanter enligt temat, också en förtroendevald,"
        " och ge dem befogenhet att komma överens om de frågor som behandlas.",
        "task_kunnat_2": "Skicka till välfärdsområdet de frågor som kommunen vill komma"
        " överens om vid förhandlingen och som välfärdsområdet bör förbereda sig på.",
        "task_kunnat_3": "Besvara förhandsenkäten; blanketten skickas separat till kommunen.",
        "task_sote": "Social- och hälsovårdstjänsterna förbereder till förhandlingarna en"
        " koncis presentation av betydande frågor inom temat per serviceområde med"
        " hyte-koefficienten i åtanke: vad servicebehovet och klientuppgifterna berättar, hur"
        " tjänsterna stöder kommunernas välfärdsarbete och var samarbete med kommunerna behövs.",
        "task_sote_1": "Utse sakkunniga inom temat till välfärdsområdets förhandlingsdelegation.",
        "task_sote_2": "Sammanställ service- och klientuppgifter inom temat per serviceområde.",
        "task_sote_3": "Förbered er på att svara på kommunernas frågor.",
        "task_jarjestot": "Organisationsdelegationen förbereder till förhandlingarna en koncis"
        " presentation av betydande frågor inom temat ur organisationernas perspektiv med"
        " hyte-koefficienten i åtanke: organisationernas verksamhet inom temat, deras"
        " iakttagelser om människornas vardag och förslag till samarbete med kommunerna och"
        " välfärdsområdet.",
        "task_jarjestot_1": "Utse organisationsdelegationens representanter till förhandlingarna.",
        "task_jarjestot_2": "Sammanställ medlemsorganisationernas verksamhet och iakttagelser"
        " inom temat.",
        "task_jarjestot_3": "Lyft fram var organisationerna kan delta i de åtgärder som avtalas.",
        "content_heading": "Presentationens innehåll",
        "content_1": "De viktigaste frågorna och fenomenen inom temat i den egna verksamheten.",
        "content_2": "Vad som redan gjorts och vad uppgifterna och resultaten visar.",
        "content_3": "Hyte-koefficienten: hur arbetet inom temat syns i hyte-koefficientens"
        " indikatorer och hur de kan förbättras tillsammans.",
        "content_4": "Vad ni vill komma överens om vid förhandlingen och vad de andra bör"
        " förbereda sig på.",
        "content_5": "Presentationen är koncis: högst cirka 10 minuter eller några bilder.",
        "phenomena_heading": "Fenomen som tas upp vid förhandlingarna",
        "phenomena_intro": "Hytetu-kontaktpersonsnätverket har identifierat följande fenomen"
        " inom temat som tas upp vid förhandlingarna. Behandla dem i er presentation.",
        "other_phenomena_heading": "Övriga identifierade fenomen",
        "other_phenomena_intro": "Nätverket identifierade också dessa fenomen; de är bakgrund"
        " för förberedelserna och behandlas inte separat vid förhandlingarna.",
        "col_phenomenon": "Fenomen",
        "deadlines_heading": "Tidsfrister",
        "deadline_pretask": "Förhandsuppgiften ska lämnas in senast {{ pretask_deadline }}.",
        "deadline_survey": "Kommunerna besvarar förhandsenkäten senast {{ survey_deadline }}.",
        "deadline_none": "Tidsfristerna meddelas separat.",
        "schedule_heading": "Tidtabell för förhandlingarna",
        "col_service_area": "Service" + SHY + "område",
        "col_time": "Tid",
        "col_place": "Plats",
        "col_municipalities": "Kommuner",
        "contact_heading": "Kontaktuppgifter",
        "contact_intro": "Mer information ger och förhandsuppgifterna tas emot av",
        "material_intro": "I förhandsmaterialet har de deltagande kommunernas frågor och svar"
        " på förhandsenkäten sammanställts{% if has_previous %}, liksom läget för det som"
        " överenskoms vid förhandlingarna föregående år ({{ previous_year }}) enligt"
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
        "press_lead": "{{ county }} och kommunerna i området har kommit överens om gemensamma"
        " åtgärder för att främja välfärd, hälsa och säkerhet vid hytetu-förhandlingarna"
        " {{ year }}. Temat för förhandlingarna var {{ theme|lower }}. Sammanlagt"
        " {{ decision_count }} överenskommelser gjordes.",
        "press_law": "Hytetu-förhandlingarna är lagstadgade årliga förhandlingar mellan"
        " välfärdsområdet och kommunerna (lagen om ordnande av social- och hälsovård 612/2021,"
        " 6 och 7 §). Förhandlingarna fördes per serviceområde, och i dem deltog kommunerna"
        " {{ municipalities }}.",
        "press_held": "Förhandlingen {% if n.held %}hölls{% else %}hålls{% endif %} den"
        " {{ n.date }}. Kommuner: {{ n.municipalities }}.",
        "material_raised": "Frågor till förhandlingen",
        "press_agreements": "Centrala överenskommelser:",
        "press_followup": "Genomförandet följs upp i hytetu-kontaktpersonsnätverket, och läget"
        " behandlas vid nästa års förhandlingar.",
        "press_contact": "Mer information",
        "summary_intro": "Sammanfattningen visar hur det som överenskoms vid"
        " hytetu-förhandlingarna {{ year }} har framskridit enligt uppföljningstabellen den"
        " {{ as_of }}. Den bifogas förhandsmaterialet till förhandlingarna {{ next_year }}.",
        "summary_untracked": "Inga lägesuppgifter har ännu förts in i uppföljningstabellen:"
        " alla överenskommelser har statusen Ej påbörjad. Uppdatera statusen i"
        " uppföljningstabellen och gör sammanfattningen på nytt.",
        "key_figures": "Nyckeltal",
        "figure_total": "Sammanlagt {{ total }} överenskommelser, av vilka {{ totals.done }}"
        " är klara ({{ done_percent }}).",
        "figure_states": "Pågår {{ totals.in_progress }}, ej påbörjade"
        " {{ totals.not_started }}, försenade {{ totals.delayed }}, inställda"
        " {{ totals.cancelled }}.",
        "figure_overdue": "Tidsfristen har överskridits för {{ totals.overdue }} oavslutade"
        " överenskommelser.",
        "by_municipality": "Läget per kommun",
        "by_priority": "Läget per prioritering",
        "overdue_heading": "Tidsfristen överskriden",
        "cancelled_heading": "Inställda",
        "unknown_heading": "Status saknas i listan",
        "unknown_intro": "Dessa överenskommelser har en status som inte finns i"
        " uppföljningstabellens lista; de räknas bara i totalen. Rätta statusen i"
        " uppföljningstabellen.",
        "col_not_started": "Ej påbör" + SHY + "jad",
        "col_in_progress": "Pågår",
        "col_done": "Klar",
        "col_delayed": "Förse" + SHY + "nad",
        "col_cancelled": "Inställd",
        "col_total": "Totalt",
        "col_overdue": "Tids" + SHY + "frist över" + SHY + "skriden",
    },
}
for _lang, _words in PHASE_TEXTS.items():
    assert not set(_words) & set(TEXTS[_lang]), "a phase text would replace a word in use"
    TEXTS[_lang].update(_words)

# ------------------------------------------------------------------ XML helpers


def _set_attrs(element, **attrs: str) -> None:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)


def _child(parent, tag: str, **attrs: str):
    """The first ``w:tag`` child of ``parent``, created (appended) when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = OxmlElement(f"w:{tag}")
        parent.append(found)
    _set_attrs(found, **attrs)
    return found


def _set_fonts(rpr, name: str) -> None:
    """Explicit font on every script slot; theme fonts would win over it in Word."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    _set_attrs(rfonts, ascii=name, hAnsi=name, eastAsia=name, cs=name)


#: child order of ``w:pPr`` (ECMA-376 CT_PPr)
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _ppr_insert(ppr, element) -> None:
    """Put ``element`` into a ``w:pPr`` at its schema position, replacing one of its kind."""
    old = ppr.find(element.tag)
    if old is not None:
        ppr.remove(old)
    tag = element.tag.split("}")[1]
    successors = PPR_ORDER[PPR_ORDER.index(f"w:{tag}") + 1 :]
    ppr.insert_element_before(element, *successors)


def _hyphenation(style, on: bool) -> None:
    """Automatic hyphenation only where columns are narrow (table text)."""
    el = OxmlElement("w:suppressAutoHyphens")
    if on:
        el.set(qn("w:val"), "0")
    _ppr_insert(style.element.get_or_add_pPr(), el)


def _preserve_spaces(paragraph: Paragraph) -> None:
    for t in paragraph._p.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _add_text(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """One run per call, so a Jinja tag in ``text`` stays in one run; soft hyphens -> XML."""
    run = paragraph.add_run()
    if bold:
        run.bold = True
    for i, piece in enumerate(text.split(SHY)):
        if i:
            run._r.append(OxmlElement("w:softHyphen"))
        if piece:
            _add_tabbed(run, piece)
    _preserve_spaces(paragraph)


def _add_tabbed(run, text: str) -> None:
    for j, part in enumerate(text.split("\t")):
        if j:
            run._r.append(OxmlElement("w:tab"))
        if part:
            run._r.add_t(part)


# --------------------------------------------------------------- document setup


def _setup_styles(doc: DocumentObject, lang: str) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, FONT)
    lang_el = _child(rpr, "lang", val=TEXTS[lang]["lang"])
    lang_el.set(qn("w:eastAsia"), TEXTS[lang]["lang"])
    lang_el.attrib.pop(qn("w:bidi"), None)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _child(ppr, "spacing", after="120", line="264", lineRule="auto")

    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.widow_control = True
    _hyphenation(normal, on=False)

    sizes = {"Title": 20, "Heading 1": 16, "Heading 2": 13, "Heading 3": 11}
    before = {"Title": 0, "Heading 1": 6, "Heading 2": 16, "Heading 3": 10}
    for name, size in sizes.items():
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr, FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = HEADING_COLOR
        color = rpr.find(qn("w:color"))
        for attr in ("themeColor", "themeShade"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        pf = style.paragraph_format
        pf.space_before = Pt(before[name])
        pf.space_after = Pt(6 if name != "Heading 3" else 4)
        pf.keep_with_next = True
    title_ppr = styles["Title"].element.get_or_add_pPr()
    border = title_ppr.find(qn("w:pBdr"))
    if border is not None:
        title_ppr.remove(border)

    for name in ("Header", "Footer"):
        style = styles[name]
        ppr = style.element.get_or_add_pPr()
        tabs = ppr.find(qn("w:tabs"))
        if tabs is not None:
            ppr.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        style.font.size = Pt(9)

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.quick_style = True
    table_text.font.size = TABLE_SIZE
    table_text.paragraph_format.space_before = Pt(2)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0
    _hyphenation(table_text, on=True)

    table_heading = styles.add_style("Table Heading", WD_STYLE_TYPE.PARAGRAPH)
    table_heading.base_style = table_text
    table_heading.quick_style = True
    table_heading.font.bold = True
    table_heading.paragraph_format.keep_with_next = True

    info = styles.add_style("Info Line", WD_STYLE_TYPE.PARAGRAPH)
    info.base_style = normal
    info.quick_style = True
    info.paragraph_format.space_after = Pt(2)
    info.paragraph_format.left_indent = Cm(4.3)
    info.paragraph_format.first_line_indent = Cm(-4.3)
    info.paragraph_format.tab_stops.add_tab_stop(Cm(4.3))

    org = styles.add_style("Organisation", WD_STYLE_TYPE.PARAGRAPH)
    org.base_style = normal
    org.quick_style = True
    org.font.bold = True
    org.paragraph_format.space_before = Pt(8)
    org.paragraph_format.space_after = Pt(2)
    org.paragraph_format.keep_with_next = True

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    contact.quick_style = True
    contact.paragraph_format.space_after = Pt(0)

    signature = styles.add_style("Signature Line", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = normal
    signature.quick_style = True
    signature.paragraph_format.space_before = Pt(36)
    signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_with_next = True
    tabs = signature.paragraph_format.tab_stops  # two signature lines drawn by tab leaders
    tabs.add_tab_stop(Cm(7.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
    tabs.add_tab_stop(Cm(9.0))
    tabs.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)

    signer = styles.add_style("Signer", WD_STYLE_TYPE.PARAGRAPH)
    signer.base_style = normal
    signer.quick_style = True
    signer.paragraph_format.space_after = Pt(0)
    signer.paragraph_format.keep_with_next = True
    signer.paragraph_format.tab_stops.add_tab_stop(Cm(9.0))


def _setup_settings(doc: DocumentObject, lang: str) -> None:
    settings = doc.settings.element
    for tag in ("proofState", "rsids", "attachedTemplate"):
        el = settings.find(qn(f"w:{tag}"))
        if el is not None:
            settings.remove(el)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), TEXTS[lang]["lang"])
    decimal = settings.find(qn("w:decimalSymbol"))
    if decimal is not None:
        decimal.set(qn("w:val"), TEXTS[lang]["decimal"])
    hyphenate = OxmlElement("w:autoHyphenation")  # Table Text turns it on; Normal off
    settings.find(qn("w:defaultTabStop")).addnext(hyphenate)
    separator = settings.find(qn("w:listSeparator"))
    if separator is not None:
        separator.set(qn("w:val"), ";")


def _setup_core(doc: DocumentObject, lang: str) -> None:
    core = doc.core_properties
    core.title = ""
    core.subject = ""
    core.author = ""
    core.last_modified_by = ""
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.language = TEXTS[lang]["lang"]
    core.created = FIXED_DATE
    core.modified = FIXED_DATE
    core.revision = 1


def _field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) Word and LibreOffice update on display."""

    def run_with(*children) -> None:
        run = paragraph.add_run()
        for child in children:
            run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    result = OxmlElement("w:t")
    result.text = cached
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(separate)
    run_with(result)
    run_with(end)


def _setup_page(doc: DocumentObject, lang: str, doc_type: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1.0)
    for attr in ("rsidR", "rsidRPr", "rsidSect"):
        section._sectPr.attrib.pop(qn(f"w:{attr}"), None)

    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    _add_text(header, "{{ county }}")
    _add_text(header, "\t")
    _add_text(header, TEXTS[lang][f"type_{doc_type}"], bold=True)
    ppr = header._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    _set_attrs(bottom, val="single", sz="4", space="4", color="808080")
    bdr.append(bottom)
    _ppr_insert(ppr, bdr)

    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _add_text(footer, TEXTS[lang]["page"] + " ")
    _field(footer, "PAGE", "1")
    _add_text(footer, " / ")
    _field(footer, "NUMPAGES", "1")


def new_document(lang: str, doc_type: str) -> DocumentObject:
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default template's empty paragraph
        body.remove(p)
    _setup_styles(doc, lang)
    _setup_settings(doc, lang)
    _setup_core(doc, lang)
    _setup_page(doc, lang, doc_type)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):  # the default template's preview picture
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    return doc


# ---------------------------------------------------------------- content helpers


class Writer:
    """Appends paragraphs and tables in one language to a document."""

    def __init__(self, doc: DocumentObject, lang: str) -> None:
        self.doc = doc
        self.words = TEXTS[lang]

    def w(self, name: str) -> str:
        return self.words[name]

    def para(self, *parts: str | tuple[str, bool], style: str = "Normal") -> Paragraph:
        """A paragraph of ``parts``: plain strings or ``(text, bold)`` pairs, one run each."""
        p = self.doc.add_paragraph(style=style)
        for part in parts:
            text, bold = (part, False) if isinstance(part, str) else part
            _add_text(p, text, bold=bold)
        return p

    def tag(self, statement: str) -> None:
        """A paragraph holding only a ``{%p ... %}`` tag; docxtpl removes it on render."""
        self.para("{%p " + statement + " %}")

    def heading(self, text: str, level: int) -> None:
        self.para(text, style=f"Heading {level}")

    def info(self, label: str, value: str, condition: str | None = None) -> None:
        """``Label<TAB>value`` in the hanging-indent ``Info Line`` style."""
        if condition:
            self.tag(f"if {condition}")
        self.para((self.w(label), True), "\t", value, style="Info Line")
        if condition:
            self.tag("endif")

    def optional(self, condition: str, *parts: str | tuple[str, bool], style: str = "Normal"):
        self.tag(f"if {condition}")
        self.para(*parts, style=style)
        self.tag("endif")

    def loop_table(
        self,
        caption: str,
        columns: list[tuple[str, float, str]],
        loop: str,
    ) -> Table:
        """A grid table: a repeating header row, then one row per item of ``loop``.

        ``columns`` are ``(heading word, width in cm, Jinja expression)``; ``loop`` is
        ``"r in item.raised"``. The ``{%tr %}`` rows span the table and are removed
        when rendered.
        """
        table = self.doc.add_table(rows=4, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        _child(tbl_pr, "tblW", w=str(round(TEXT_WIDTH_CM * 567)), type="dxa")
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            _set_attrs(el, w="85", type="dxa")
            margins.append(el)
        tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
        look = _child(tbl_pr, "tblLook")
        _set_attrs(look, val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0")
        _set_attrs(look, noHBand="1", noVBand="1")
        _child(tbl_pr, "tblCaption", val=caption)
        for col, (_, width, _) in zip(
            table._tbl.tblGrid.iterchildren(qn("w:gridCol")), columns, strict=True
        ):
            col.set(qn("w:w"), str(round(width * 567)))

        header, start, data, end = table.rows
        trpr = header._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        trpr.append(OxmlElement("w:tblHeader"))
        data._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for i, (word, width, expr) in enumerate(columns):
            for row in (header, start, data, end):
                row.cells[i].width = Cm(width)
            hcell = header.cells[i]
            shd = OxmlElement("w:shd")
            _set_attrs(shd, val="clear", color="auto", fill=HEADER_FILL)
            hcell._tc.get_or_add_tcPr().append(shd)
            hp = hcell.paragraphs[0]
            hp.style = self.doc.styles["Table Heading"]
            _add_text(hp, self.w(word))
            dp = data.cells[i].paragraphs[0]
            dp.style = self.doc.styles["Table Text"]
            _add_text(dp, "{{ " + expr + " }}")
        for row, text in ((start, "{%tr for " + loop + " %}"), (end, "{%tr endfor %}")):
            cell = row.cells[0].merge(row.cells[-1])
            p = cell.paragraphs[0]
            p.style = self.doc.styles["Table Text"]
            _add_text(p, text)
        return table

    # ------------------------------------------------------------ shared blocks

    def people(self, heading: str, empty: str) -> None:
        """Delegations: organisation in bold, its people as bullets, elected marked."""
        self.heading(self.w(heading), 2)
        self.optional("not delegations", self.w(empty))
        self.tag("for d in delegations")
        self.para("{{ d.organisation }}", style="Organisation")
        self.tag("for p in d.people")
        self.para(
            "{{ p.name }}{% if p.title %}, {{ p.title }}{% endif %}"
            "{% if p.role %} ({{ p.role }}){% endif %}"
            "{% if p.elected %} – " + self.w("elected") + "{% endif %}",
            style="List Bullet",
        )
        self.tag("endfor")
        self.tag("endfor")
        self.tag("if negotiation.chair")
        chair = self.para(
            (self.w("chair"), True), "\t", "{{ negotiation.chair }}", style="Info Line"
        )
        chair.paragraph_format.space_before = Pt(8)
        self.tag("endif")
        self.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")

    def meeting_info(self) -> None:
        self.info("time", "{{ negotiation.when }}")
        self.info("place", "{{ negotiation.place }}", "negotiation.place")
        self.info("remote", "{{ negotiation.remote }}", "negotiation.remote")

    def agenda_items(self, with_decisions: bool) -> None:
        self.tag("for item in agenda")
        self.heading("{{ item.number }}. {{ item.title }}", 2)
        self.optional("item.text", "{{ item.text }}")
        self.tag("if item.raised")
        self.heading(self.w("raised_heading"), 3)
        self.loop_table(
            self.w("raised_heading"),
            [
                ("col_municipality", 3.0, "r.municipality"),
                ("col_topic", 3.6, "r.topic"),
                ("col_description", 5.4, "r.description"),
                ("col_wish", 5.0, "r.wish"),
            ],
            "r in item.raised",
        )
        self.tag("endif")
        self.tag("if item.previous")
        self.heading(self.w("previous_heading"), 3)
        self.loop_table(
            self.w("previous_heading"),
            [
                ("col_municipality", 2.8, "v.municipality"),
                ("col_decision", 4.0, "v.decision"),
                ("col_follow_up", 4.0, "v.follow_up"),
                ("col_status", 2.2, "v.status"),
                ("col_note", 4.0, "v.note"),
            ],
            "v in item.previous",
        )
        self.tag("endif")
        if with_decisions:
            self.tag("if item.decisions")
            self.heading(self.w("decisions_heading"), 3)
            self.loop_table(
                self.w("decisions_heading"),
                [
                    ("col_municipality", 2.0, "d.municipality"),
                    ("col_decision", 3.3, "d.decision"),
                    ("col_follow_up", 3.0, "d.follow_up"),
                    ("col_responsible", 2.3, "d.responsible"),
                    ("col_forum", 2.3, "d.forum"),
                    ("col_monitoring", 2.2, "d.monitoring"),
                    ("col_deadline", 1.9, "d.deadline"),
                ],
                "d in item.decisions",
            )
            self.tag("endif")
        self.tag("endfor")


# -------------------------------------------------------------------- documents


def build_kutsu(w: Writer) -> None:
    date_line = w.para("{{ county }}", "\t", "{{ doc_date }}", style="Contact")
    date_line.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    date_line.paragraph_format.space_after = Pt(12)
    w.info("addressees", '{{ negotiation.municipalities|join(", ") }}')
    w.heading("{{ title }}", 1)
    w.para(w.w("invite"))
    w.info("service_area", "{{ negotiation.service_area }}", "negotiation.service_area")
    w.meeting_info()
    w.info("theme", "{{ theme }}", "theme")
    contents = w.para(w.w("contents"))
    contents.paragraph_format.space_before = Pt(10)
    w.para(w.w("delegation"))
    w.optional("pre_deadline", w.w("pre_tasks"))
    w.people("participants", "no_participants")
    w.heading(w.w("agenda_heading"), 2)
    w.para(w.w("agenda_note"))
    w.para(w.w("welcome"))
    closing = w.para(w.w("regards"), style="Contact")
    closing.paragraph_format.space_before = Pt(12)
    closing.paragraph_format.space_after = Pt(6)
    w.para("{{ county }}", style="Contact")
    w.optional("coordinator", "{{ coordinator }}", style="Contact")
    w.optional("coordinator_email", "{{ coordinator_email }}", style="Contact")
    w.optional("coordinator_phone", w.w("phone") + " ", "{{ coordinator_phone }}", style="Contact")
    attachment = w.para((w.w("attachment"), True), "\t", w.w("attachment_agenda"))
    attachment.style = w.doc.styles["Info Line"]
    attachment.paragraph_format.space_before = Pt(18)


def build_asialista(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.meeting_info()
    w.info("municipalities", '{{ negotiation.municipalities|join(", ") }}')
    w.info("chair", "{{ negotiation.chair }}", "negotiation.chair")
    w.info("secretary", "{{ negotiation.secretary }}", "negotiation.secretary")
    w.agenda_items(with_decisions=False)


def build_poytakirja(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.tag("if final")
    w.para(w.w("final"))
    w.tag("else")
    w.para((w.w("draft"), True))
    w.tag("endif")
    w.meeting_info()
    w.people("present", "no_present")
    w.agenda_items(with_decisions=True)
    w.heading(w.w("signatures"), 2)
    w.para("\t\t\t", style="Signature Line")
    w.optional(
        "negotiation.chair or negotiation.secretary",
        "{{ negotiation.chair }}",
        "\t",
        "{{ negotiation.secretary }}",
        style="Signer",
    )
    w.para(w.w("chair"), "\t", w.w("secretary"), style="Signer")
    checked = w.para(w.w("checked"))
    checked.paragraph_format.space_before = Pt(24)
    place = w.para(w.w("place_date") + " ", "\t", style="Signer")
    place.paragraph_format.space_before = Pt(18)
    place.paragraph_format.tab_stops.add_tab_stop(
        Cm(9.0), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES
    )
    w.para("\t\t\t", style="Signature Line")
    w.para(w.w("checker"), "\t", w.w("checker"), style="Signer")


# ------------------------------------------------- phase 1 and 4 documents


def _placeholder_png() -> bytes:
    """A 1×1 grey PNG: the picture part a build replaces with the real chart."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xd9"))
        + chunk(b"IEND", b"")
    )


def _contact_block(w: Writer) -> None:
    w.para("{{ county }}", style="Contact")
    w.optional("coordinator", "{{ coordinator }}", style="Contact")
    w.optional("coordinator_email", "{{ coordinator_email }}", style="Contact")
    w.optional("coordinator_phone", w.w("phone") + " ", "{{ coordinator_phone }}", style="Contact")


def _dated_heading(w: Writer, addressee: str | None = None) -> None:
    date_line = w.para("{{ county }}", "\t", "{{ doc_date }}", style="Contact")
    date_line.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    date_line.paragraph_format.space_after = Pt(12)
    if addressee:
        w.info("addressees", addressee)


def _bullets(w: Writer, *names: str) -> None:
    for name in names:
        w.para(w.w(name), style="List Bullet")


def build_ennakkotehtava(w: Writer) -> None:
    _dated_heading(w, "{{ audience_name }}")
    w.heading("{{ title }}", 1)
    w.para(w.w("pretask_intro"))
    w.heading(w.w("task_heading"), 2)
    for i, audience in enumerate(("kunnat", "sote", "jarjestot")):
        w.tag(("if" if i == 0 else "elif") + f' audience == "{audience}"')
        w.para(w.w(f"task_{audience}"))
        _bullets(w, f"task_{audience}_1", f"task_{audience}_2")
        if audience == "kunnat":
            w.optional("survey", w.w("task_kunnat_3"), style="List Bullet")
        else:
            _bullets(w, f"task_{audience}_3")
    w.tag("endif")
    w.heading(w.w("content_heading"), 2)
    _bullets(w, "content_1", "content_2", "content_3", "content_4", "content_5")
    w.tag("if phenomena")
    w.heading(w.w("phenomena_heading"), 2)
    w.para(w.w("phenomena_intro"))
    w.loop_table(
        w.w("phenomena_heading"),
        [("col_phenomenon", 5.0, "p.name"), ("col_description", 12.0, "p.description")],
        "p in phenomena",
    )
    w.tag("endif")
    w.tag("if other_phenomena")
    w.heading(w.w("other_phenomena_heading"), 3)
    w.para(w.w("other_phenomena_intro"))
    w.tag("for p in other_phenomena")
    w.para(
        "{{ p.name }}{% if p.description %} – {{ p.description }}{% endif %}", style="List Bullet"
    )
    w.tag("endfor")
    w.tag("endif")
    w.heading(w.w("deadlines_heading"), 2)
    w.optional("pretask_deadline", w.w("deadline_pretask"))
    w.optional('survey and survey_deadline and audience == "kunnat"', w.w("deadline_survey"))
    w.optional(
        'not pretask_deadline and not (survey and survey_deadline and audience == "kunnat")',
        w.w("deadline_none"),
    )
    w.heading(w.w("schedule_heading"), 2)
    w.loop_table(
        w.w("schedule_heading"),
        [
            ("col_service_area", 3.0, "n.service_area"),
            ("col_time", 5.5, "n.when"),
            ("col_place", 3.5, "n.place"),
            ("col_municipalities", 5.0, "n.municipalities"),
        ],
        "n in schedule",
    )
    w.heading(w.w("contact_heading"), 2)
    w.para(w.w("contact_intro"))
    _contact_block(w)


def _previous_table(w: Writer, loop: str, with_municipality: bool) -> None:
    columns = [
        ("col_decision", 4.2, "v.decision"),
        ("col_follow_up", 3.8, "v.follow_up"),
        ("col_deadline", 2.0, "v.deadline"),
        ("col_status", 2.2, "v.status"),
        ("col_note", 4.8, "v.note"),
    ]
    if with_municipality:
        # 2.6 cm for the municipality, taken from the widest columns
        narrower = {"col_decision": 0.9, "col_follow_up": 0.8, "col_note": 0.9}
        columns = [("col_municipality", 2.6, "v.municipality")] + [
            (word, width - narrower.get(word, 0.0), expr) for word, width, expr in columns
        ]
    w.loop_table(w.w("previous_heading"), columns, loop)


def build_ennakkomateriaali(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.meeting_info()
    w.info("municipalities", '{{ negotiation.municipalities|join(", ") }}')
    intro = w.para(w.w("material_intro"))
    intro.paragraph_format.space_before = Pt(10)
    w.tag("for m in municipalities")
    w.heading("{{ m.name }}", 2)
    w.tag("if m.raised")
    w.heading(w.w("material_raised"), 3)
    w.loop_table(
        w.w("material_raised"),
        [
            ("col_topic", 3.6, "r.topic"),
            ("col_description", 5.6, "r.description"),
            ("col_wish", 5.2, "r.wish"),
            ("col_priority", 2.6, "r.priority"),
        ],
        "r in m.raised",
    )
    w.tag("endif")
    w.tag("if m.surveys")
    w.heading(w.w("survey_heading"), 3)
    w.tag("for s in m.surveys")
    w.optional("m.surveys|length > 1", (w.w("survey_number"), True))
    w.loop_table(
        w.w("survey_heading"),
        [
            ("col_question", 7.0, "a.question"),
            ("col_answer", 10.0, "a.answer or '" + w.w("no_answer") + "'"),
        ],
        "a in s.answers",
    )
    w.tag("endfor")
    w.tag("endif")
    w.tag("if m.previous")
    w.heading(w.w("previous_year_heading"), 3)
    _previous_table(w, "v in m.previous", with_municipality=False)
    w.tag("endif")
    w.optional("not (m.raised or m.surveys or m.previous)", w.w("nothing_from"))
    w.tag("endfor")
    w.tag("if area_previous")
    w.heading(w.w("area_heading"), 2)
    w.heading(w.w("previous_year_heading"), 3)
    _previous_table(w, "v in area_previous", with_municipality=True)
    w.tag("endif")


def build_tiedote(w: Writer) -> None:
    _dated_heading(w)
    w.para((w.w("press_date"), True))
    w.heading("{{ headline }}", 1)
    w.para((w.w("press_lead"), True))
    w.para(w.w("press_law"))
    w.tag("for n in negotiations")
    w.heading("{{ n.service_area }}", 2)
    w.para(w.w("press_held"))
    w.tag("if n.agreements")
    w.para(w.w("press_agreements"))
    w.tag("for a in n.agreements")
    w.para("{{ a }}", style="List Bullet")
    w.tag("endfor")
    w.optional("n.more", "{{ n.more }}", style="List Bullet")
    w.tag("endif")
    w.tag("endfor")
    follow = w.para(w.w("press_followup"))
    follow.paragraph_format.space_before = Pt(10)
    w.heading(w.w("press_contact"), 2)
    _contact_block(w)


def _picture(w: Writer, width: Cm) -> None:
    """A picture whose bytes, size and alternative text the build fills in (``chart``)."""
    p = w.doc.add_paragraph(style="Normal")
    p.paragraph_format.keep_with_next = True
    run = p.add_run()
    run.add_picture(io.BytesIO(_placeholder_png()), width=width)
    inline = run._r.find(".//" + qn("wp:inline"))
    inline.find(qn("wp:extent")).set("cx", "{{ chart.cx }}")
    inline.find(qn("wp:extent")).set("cy", "{{ chart.cy }}")
    doc_pr = inline.find(qn("wp:docPr"))
    doc_pr.set("name", "Kaavio")
    doc_pr.set("title", "{{ chart.title }}")
    doc_pr.set("descr", "{{ chart.description }}")
    ext = inline.find(".//" + qn("a:ext"))
    ext.set("cx", "{{ chart.cx }}")
    ext.set("cy", "{{ chart.cy }}")


def _status_table(w: Writer, caption: str, first: str, loop: str) -> None:
    w.loop_table(
        caption,
        [
            (first, 3.6, "c.label"),
            ("col_not_started", 1.9, "c.not_started"),
            ("col_in_progress", 1.9, "c.in_progress"),
            ("col_done", 1.9, "c.done"),
            ("col_delayed", 1.9, "c.delayed"),
            ("col_cancelled", 1.9, "c.cancelled"),
            ("col_total", 1.9, "c.total"),
            ("col_overdue", 2.0, "c.overdue"),
        ],
        loop,
    )


def _tracked_table(w: Writer, caption: str, loop: str) -> None:
    w.loop_table(
        caption,
        [
            ("col_municipality", 2.4, "d.municipality"),
            ("col_decision", 3.6, "d.decision"),
            ("col_follow_up", 3.0, "d.follow_up"),
            ("col_responsible", 2.2, "d.responsible"),
            ("col_deadline", 1.9, "d.deadline"),
            ("col_status", 1.7, "d.status"),
            ("col_note", 2.2, "d.note"),
        ],
        loop,
    )


def build_yhteenveto(w: Writer) -> None:
    w.heading("{{ title }}", 1)
    w.para(w.w("summary_intro"))
    w.optional("not tracked", (w.w("summary_untracked"), True))
    w.heading(w.w("key_figures"), 2)
    _bullets(w, "figure_total", "figure_states")
    w.optional("totals.overdue", w.w("figure_overdue"), style="List Bullet")
    w.heading(w.w("by_municipality"), 2)
    w.tag("if chart")
    _picture(w, Cm(16))
    w.tag("endif")
    _status_table(w, w.w("by_municipality"), "col_municipality", "c in by_municipality")
    w.heading(w.w("by_priority"), 2)
    _status_table(w, w.w("by_priority"), "col_priority", "c in by_priority")
    for name, loop in (("overdue", "overdue"), ("cancelled", "cancelled"), ("unknown", "unknown")):
        w.tag(f"if {loop}")
        w.heading(w.w(f"{name}_heading"), 2)
        if name == "unknown":
            w.para(w.w("unknown_intro"))
        _tracked_table(w, w.w(f"{name}_heading"), f"d in {loop}")
        w.tag("endif")
    w.heading(w.w("press_contact"), 2)
    _contact_block(w)


BUILDERS: dict[str, Callable[[Writer], None]] = {
    "kutsu": build_kutsu,
    "asialista": build_asialista,
    "poytakirja": build_poytakirja,
    "ennakkotehtava": build_ennakkotehtava,
    "ennakkomateriaali": build_ennakkomateriaali,
    "tiedote": build_tiedote,
    "yhteenveto": build_yhteenveto,
}


def _deterministic_zip(blob: bytes) -> bytes:
    """The same package with fixed member timestamps, so reruns are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = APP_XML if info.filename == "docProps/app.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


def build(lang: str, doc_type: str) -> bytes:
    doc = new_document(lang, doc_type)
    BUILDERS[doc_type](Writer(doc, lang))
    make_lean(doc)
    raw = io.BytesIO()
    doc.save(raw)
    return _deterministic_zip(raw.getvalue())


def generate() -> dict[str, bytes]:
    """Every template, by its path under the templates folder (``fi/kutsu.docx``)."""
    return {
        f"{lang}/{doc_type}.docx": build(lang, doc_type) for lang in TEXTS for doc_type in BUILDERS
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="make_templates.py",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="See the module docstring for the manifest rule.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="compare, write nothing")
    action.add_argument("--write", action="store_true", help="write unedited templates")
    parser.add_argument("--force", action="store_true", help="with --write: overwrite edits too")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET)
    args = parser.parse_args(argv[1:])
    if args.force and not args.write:
        parser.error("--force only goes with --write")
    if not (args.check or args.write):
        parser.print_help()
        return 2
    files = generate()
    if args.check:
        problems = template_store.differences(args.target, files)
        for problem in problems:
            print(f"{args.target / problem}", file=sys.stderr)
        if not problems:
            print(f"{args.target}: {len(files)} templates match the generator")
        return 1 if problems else 0
    result = template_store.write(args.target, files, force=args.force)
    if result.refused:
        print(
            "Refusing to overwrite templates that differ from what the generator last wrote "
            f"({template_store.MANIFEST}); someone may have edited them. Nothing was written. "
            "Keep the edits (commit or copy them), then rerun with --force to replace them:",
            file=sys.stderr,
        )
        for name in result.refused:
            print(f"  {args.target / name}", file=sys.stderr)
        return 1
    for name in result.written:
        print(args.target / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
