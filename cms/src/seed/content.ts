/** Demo content for Ritme, traced to the seed blog "Nieuwe routines vragen tijd, begeleiding en herhaling". */
import type { SeedContent } from './types';

/*
 * The demo organisation is Waterschap Veenstromen, a fictional mid-sized water
 * board: a head office ("Het Gemaal") and field depots such as steunpunt
 * Oostdijk, where the dike maintenance crews start their day.
 */

/** Steps of a "how", one per line. */
const steps = (...lines: string[]): string => lines.join('\n');
/** Markdown blocks (paragraphs, headings, lists), separated by a blank line. */
const md = (...blocks: string[]): string => blocks.join('\n\n');
/** A Markdown list. */
const list = (...items: string[]): string => items.map((item) => `- ${item}`).join('\n');

const room = {
  boezem: {
    nl: 'Vergaderzaal De Boezem, hoofdkantoor Het Gemaal, 2e verdieping',
    en: 'Meeting room De Boezem, Het Gemaal head office, 2nd floor',
  },
  leslokaal: {
    nl: 'Leslokaal, hoofdkantoor Het Gemaal, begane grond',
    en: 'Training room, Het Gemaal head office, ground floor',
  },
  spreekkamer: {
    nl: 'Spreekkamer 1.04, hoofdkantoor Het Gemaal, 1e verdieping',
    en: 'Meeting room 1.04, Het Gemaal head office, 1st floor',
  },
  directiekamer: {
    nl: 'Directiekamer, hoofdkantoor Het Gemaal, 3e verdieping',
    en: 'Boardroom, Het Gemaal head office, 3rd floor',
  },
  oostdijk: {
    nl: 'Kantine steunpunt Oostdijk',
    en: 'Canteen at the Oostdijk depot',
  },
};

export const demoContent: SeedContent = {
  // Blog point 3: leaders and ambassadors who visibly take part, plus a coach for point 4.
  people: [
    {
      key: 'marieke-van-dijk',
      name: 'Marieke van Dijk',
      kind: 'leader',
      email: 'marieke.van.dijk@veenstromen.example',
      roleTitle: { nl: 'Afdelingshoofd Waterbeheer', en: 'Head of Water Management' },
      quote: {
        nl: 'Als ik zelf niets plaats, waarom zou mijn afdeling het dan doen? Daarom staat mijn weekupdate er elke maandag vóór tien uur.',
        en: "If I don't post anything myself, why would my department? That's why my weekly update is up every Monday before ten.",
      },
    },
    {
      key: 'ruud-bakker',
      name: 'Ruud Bakker',
      kind: 'leader',
      email: 'ruud.bakker@veenstromen.example',
      roleTitle: { nl: 'Teamleider Dijkonderhoud', en: 'Team lead Dike Maintenance' },
      quote: {
        nl: 'Mijn mensen staan de hele dag buiten op de dijk. Dus probeer ik alles eerst zelf op mijn telefoon, in de regen als het moet.',
        en: 'My people are out on the dikes all day. So I try everything on my own phone first, in the rain if need be.',
      },
    },
    {
      key: 'femke-de-graaf',
      name: 'Femke de Graaf',
      kind: 'leader',
      email: 'femke.de.graaf@veenstromen.example',
      roleTitle: { nl: 'Teamleider Vergunningen', en: 'Team lead Permits' },
      quote: {
        nl: 'In elk teamoverleg noem ik één bericht dat ons die week verder hielp. Het kost een minuut, en iedereen hoort wat we waarderen.',
        en: 'In every team meeting I mention one post that helped us that week. It takes a minute, and everyone hears what we value.',
      },
    },
    {
      key: 'joost-de-vries',
      name: 'Joost de Vries',
      kind: 'ambassador',
      email: 'joost.de.vries@veenstromen.example',
      chatUrl: 'https://chat.veenstromen.example/dm/joost-de-vries',
      roleTitle: { nl: 'Dijkinspecteur en intranetambassadeur', en: 'Dike inspector and intranet ambassador' },
      quote: {
        nl: 'Een foto van een verzakking met twee zinnen erbij zegt meer dan een rapport dat pas na drie weken af is.',
        en: 'A photo of a subsidence with two sentences says more than a report that is only finished three weeks later.',
      },
    },
    {
      key: 'sanne-visser',
      name: 'Sanne Visser',
      kind: 'ambassador',
      email: 'sanne.visser@veenstromen.example',
      chatUrl: 'https://chat.veenstromen.example/dm/sanne-visser',
      roleTitle: { nl: 'Vergunningverlener en intranetambassadeur', en: 'Permit officer and intranet ambassador' },
      quote: {
        nl: 'Ik stel mijn vragen nu in de groep in plaats van in de mail. Het antwoord komt sneller, en de volgende collega met dezelfde vraag vindt het ook.',
        en: 'I now ask my questions in the group instead of by email. The answer comes faster, and the next colleague with the same question finds it too.',
      },
    },
    {
      key: 'lotte-jansen',
      name: 'Lotte Jansen',
      kind: 'ambassador',
      email: 'lotte.jansen@veenstromen.example',
      chatUrl: 'https://chat.veenstromen.example/dm/lotte-jansen',
      roleTitle: {
        nl: 'Communicatieadviseur, Project Nieuw Intranet',
        en: 'Communications adviser, New Intranet Project',
      },
      quote: {
        nl: "Het intranet is niet van communicatie, het is van iedereen. Mijn werk is vooral collega's vragen wat ze nodig hebben en laten zien wat we ermee doen.",
        en: "The intranet doesn't belong to the communications team, it belongs to everyone. My job is mostly asking colleagues what they need and showing what we do with it.",
      },
    },
    {
      key: 'bram-hendriks',
      name: 'Bram Hendriks',
      kind: 'ambassador',
      email: 'bram.hendriks@veenstromen.example',
      chatUrl: 'https://chat.veenstromen.example/dm/bram-hendriks',
      roleTitle: { nl: 'Hydroloog en intranetambassadeur', en: 'Hydrologist and intranet ambassador' },
      quote: {
        nl: 'Ik reageer liever met één vraag die iemand verder helpt dan met tien redenen waarom iets niet kan.',
        en: "I'd rather respond with one question that moves someone forward than with ten reasons why something can't be done.",
      },
    },
    {
      key: 'ingrid-smit',
      name: 'Ingrid Smit',
      kind: 'coach',
      email: 'ingrid.smit@veenstromen.example',
      chatUrl: 'https://chat.veenstromen.example/dm/ingrid-smit',
      roleTitle: { nl: 'Adoptiecoach, HR & Ontwikkeling', en: 'Adoption coach, HR & Development' },
      quote: {
        nl: 'Niemand leert een nieuwe gewoonte in één training. Daarom loop ik de eerste maanden gewoon mee, op kantoor en op de steunpunten.',
        en: 'Nobody learns a new habit in a single training. That is why I spend the first months working alongside teams, at the office and at the depots.',
      },
    },
  ],

  groups: [
    {
      key: 'project-nieuw-intranet',
      kind: 'project',
      name: { nl: 'Project Nieuw Intranet', en: 'New Intranet Project' },
      description: {
        nl: "Het projectteam dat samen met collega's het nieuwe intranet van Waterschap Veenstromen inricht, met afdelingshoofd Marieke van Dijk als opdrachtgever. Nieuwe onderdelen proberen we eerst uit met een paar teams, en we passen ze aan op basis van hun reacties. Elke vrijdag lees je hier wat er die week veranderde.",
        en: "The project team setting up Waterschap Veenstromen's new intranet together with colleagues, with head of department Marieke van Dijk as sponsor. We try out new parts with a few teams first and adjust them based on their reactions. Every Friday you can read here what changed that week.",
      },
      people: ['marieke-van-dijk', 'lotte-jansen', 'ingrid-smit', 'joost-de-vries'],
    },
    {
      key: 'afdeling-waterbeheer',
      kind: 'department',
      name: { nl: 'Afdeling Waterbeheer', en: 'Water Management Department' },
      description: {
        nl: "Peilbeheer, gemalen, dijken en vergunningen: ruim zeventig collega's op het hoofdkantoor en op twee steunpunten. In deze groep delen we nieuws dat voor de hele afdeling geldt en stellen we vragen die over teamgrenzen heen gaan.",
        en: 'Water levels, pumping stations, dikes and permits: over seventy colleagues at the head office and at two depots. In this group we share news that concerns the whole department and ask questions that cross team boundaries.',
      },
      people: ['marieke-van-dijk', 'ruud-bakker', 'femke-de-graaf', 'bram-hendriks'],
    },
    {
      key: 'ambassadeurs',
      kind: 'community',
      name: { nl: 'Ambassadeursnetwerk', en: 'Ambassador network' },
      description: {
        nl: "Collega's uit verschillende teams die het nieuwe intranet als eersten gebruiken en hun eigen team op weg helpen. We komen eens per maand een uur samen om ervaringen te delen en helpen elkaar daartussen hier; wil je meedoen, stel je dan voor in deze groep.",
        en: 'Colleagues from different teams who are the first to use the new intranet and help their own team get started. We meet for an hour once a month to share experiences and help each other here in between; if you want to join, introduce yourself in this group.',
      },
      people: ['joost-de-vries', 'sanne-visser', 'lotte-jansen', 'bram-hendriks'],
    },
    {
      key: 'team-dijkonderhoud',
      kind: 'team',
      name: { nl: 'Team Dijkonderhoud', en: 'Dike Maintenance Team' },
      description: {
        nl: 'De inspecteurs en onderhoudsploegen die vanaf steunpunt Oostdijk zestig kilometer dijk in de gaten houden. We werken vooral buiten en gebruiken het intranet op de telefoon. Hier staan de weekupdates, de meldingen van het terrein en de planning.',
        en: 'The inspectors and maintenance crews who look after sixty kilometres of dike from the Oostdijk depot. We mostly work outdoors and use the intranet on our phones. This is where the weekly updates, the reports from the field and the schedule live.',
      },
      people: ['ruud-bakker', 'joost-de-vries'],
    },
    {
      key: 'team-vergunningen',
      kind: 'team',
      name: { nl: 'Team Vergunningen', en: 'Permits Team' },
      description: {
        nl: 'Wij beoordelen aanvragen voor onder meer steigers, beschoeiingen en lozingen, en beantwoorden vragen van inwoners en bedrijven. Veel vragen komen steeds terug, dus verzamelen we de antwoorden hier, waar iedereen ze kan vinden.',
        en: 'We assess applications for things like jetties, bank protection and discharges, and answer questions from residents and businesses. Many questions keep coming back, so we collect the answers here, where everyone can find them.',
      },
      people: ['femke-de-graaf', 'sanne-visser'],
    },
    {
      // A draft nobody shared: the demo pilot must not see it on the preview server.
      key: 'reorganisatie-waterbeheer',
      draft: 'unshared',
      kind: 'department',
      name: { nl: 'Waterbeheer en Dijken (concept reorganisatie)', en: 'Water and Dikes (draft reorganisation)' },
      description: {
        nl: 'Concept, nog niet besproken met de ondernemingsraad: de afdeling Waterbeheer en Team Dijkonderhoud gaan per 1 januari samen in één afdeling.',
        en: 'Draft, not yet discussed with the works council: the Water Management department and the Dike Maintenance Team merge into one department on 1 January.',
      },
      people: [],
    },
  ],

  // Blog point 2: concrete, recognisable actions instead of vague calls.
  behaviours: [
    {
      key: 'weekly-project-update',
      cadence: 'weekly',
      skill: 'making_work_visible',
      groups: ['project-nieuw-intranet', 'team-dijkonderhoud', 'afdeling-waterbeheer'],
      title: {
        nl: 'Zet iedere week een korte update van je project in de groep.',
        en: 'Post a short update on your project in the group every week.',
      },
      insteadOf: { nl: 'Deel je kennis.', en: 'Share your knowledge.' },
      why: {
        nl: "Een korte update laat zien waar je mee bezig bent, zonder dat iemand ernaar hoeft te vragen. Collega's zien sneller waar ze kunnen helpen of aansluiten, en jij krijgt eerder reacties dan bij een rapport achteraf.",
        en: 'A short update shows what you are working on without anyone having to ask. Colleagues see sooner where they can help or join in, and you get reactions earlier than with a report afterwards.',
      },
      how: {
        nl: steps(
          'Kies een vast moment, bijvoorbeeld vrijdag vóór de lunch.',
          'Schrijf in drie zinnen wat je deze week deed, wat er volgende week komt en waar je tegenaan loopt.',
          'Voeg een foto, schets of link toe als dat helpt.',
          'Plaats de update in de groep van je project of team, niet in een mail.',
        ),
        en: steps(
          'Pick a fixed moment, for example Friday before lunch.',
          "Write three sentences: what you did this week, what's coming next week and what you're running into.",
          'Add a photo, sketch or link if it helps.',
          'Post the update in your project or team group, not in an email.',
        ),
      },
      example: {
        nl: 'Joost de Vries zet elke vrijdag een foto van het dijkvak dat hij die week inspecteerde in de groep Team Dijkonderhoud, met drie zinnen: wat hij zag, wat er gepland staat en wat nog onduidelijk is. Ruud Bakker reageert meestal binnen een uur.',
        en: 'Every Friday Joost de Vries posts a photo of the dike section he inspected that week in the Dike Maintenance Team group, with three sentences: what he saw, what is planned and what is still unclear. Ruud Bakker usually responds within the hour.',
      },
    },
    {
      key: 'ask-in-group',
      cadence: 'weekly',
      skill: 'asking_questions',
      groups: ['afdeling-waterbeheer', 'team-vergunningen'],
      title: {
        nl: 'Stel je vakvraag in de groep in plaats van in een mail aan één collega.',
        en: 'Ask your work question in the group instead of emailing one colleague.',
      },
      insteadOf: { nl: 'Stel vragen.', en: 'Ask questions.' },
      why: {
        nl: 'Een vraag in de groep wordt vaak sneller beantwoord, soms door iemand aan wie je niet had gedacht. En het antwoord blijft vindbaar voor de volgende collega met dezelfde vraag.',
        en: "A question in the group often gets answered faster, sometimes by someone you hadn't thought of. And the answer stays findable for the next colleague with the same question.",
      },
      how: {
        nl: steps(
          'Schrijf in de eerste zin wat je wilt weten.',
          'Geef in twee zinnen de context: waar het over gaat en wat je al hebt uitgezocht.',
          'Noem met een @-vermelding wie het misschien weet, maar laat de vraag open voor iedereen.',
          'Zet het antwoord dat je kreeg als laatste reactie onder je vraag, zodat anderen het vinden.',
        ),
        en: steps(
          'Put what you want to know in the first sentence.',
          "Give the context in two sentences: what it's about and what you've already looked into.",
          'Use an @-mention for whoever might know, but leave the question open to everyone.',
          'Add the answer you got as the last reply under your question, so others can find it.',
        ),
      },
      example: {
        nl: 'Sanne Visser vroeg in de groep Afdeling Waterbeheer of een steiger van vier meter aan de Molenvaart binnen de beschermingszone valt. Binnen een uur plaatste Bram Hendriks de kaart met de zone, en Sanne zette de conclusie eronder.',
        en: 'Sanne Visser asked in the Water Management Department group whether a four-metre jetty on the Molenvaart falls within the protection zone. Within the hour Bram Hendriks posted the map of the zone, and Sanne added the conclusion underneath.',
      },
    },
    {
      key: 'reply-within-a-day',
      cadence: 'daily',
      skill: 'responding_constructively',
      groups: ['team-vergunningen', 'ambassadeurs'],
      title: {
        nl: 'Reageer binnen één werkdag op een vraag in je groep, ook als je alleen kunt doorverwijzen.',
        en: 'Respond to a question in your group within one working day, even if all you can do is point to someone else.',
      },
      insteadOf: { nl: 'Werk samen.', en: 'Work together.' },
      why: {
        nl: 'Een vraag die dagen onbeantwoord blijft, leert mensen dat vragen in de groep geen zin heeft. Een snelle reactie, al is het een doorverwijzing, laat zien dat er iemand meeleest.',
        en: 'A question left unanswered for days teaches people that asking in the group is pointless. A quick response, even a referral, shows that someone is reading along.',
      },
      how: {
        nl: steps(
          'Kijk aan het begin van de dag welke vragen in je groepen nog openstaan.',
          'Weet je het antwoord, geef het dan kort en concreet.',
          'Weet je het niet, noem dan met een @-vermelding wie het wel weet.',
          'Beloofde je iets uit te zoeken, kom dan dezelfde week terug met het antwoord.',
        ),
        en: steps(
          'At the start of the day, check which questions in your groups are still open.',
          'If you know the answer, give it briefly and concretely.',
          "If you don't, use an @-mention for someone who does.",
          'If you promised to look something up, come back with the answer the same week.',
        ),
      },
      example: {
        nl: 'Een collega van de klantenservice vroeg in de groep Team Vergunningen naar de regels voor het lozen van regenwater op de Molenvaart. Sanne Visser wist het niet precies, maar reageerde binnen twee uur: ‘Goede vraag, @Bram Hendriks kent de normen.’ Bram vulde het de volgende ochtend aan.',
        en: "A customer service colleague asked in the Permits Team group about the rules for discharging rainwater into the Molenvaart. Sanne Visser didn't know exactly, but replied within two hours: ‘Good question, @Bram Hendriks knows the standards.’ Bram filled in the details the next morning.",
      },
    },
    {
      key: 'compliment-and-question',
      cadence: 'weekly',
      skill: 'responding_constructively',
      groups: ['ambassadeurs', 'project-nieuw-intranet'],
      title: {
        nl: "Reageer iedere week op twee berichten van collega's met wat je erin aanspreekt en één vervolgvraag.",
        en: "Each week, respond to two colleagues' posts with what appeals to you and one follow-up question.",
      },
      insteadOf: { nl: 'Wees positief.', en: 'Be positive.' },
      why: {
        nl: 'Wie iets deelt en geen enkele reactie krijgt, deelt de volgende keer niets. Een reactie die waardeert én doorvraagt, laat zien dat je het gelezen hebt en helpt het idee verder.',
        en: "If you share something and get no response at all, you won't share next time. A response that appreciates and asks further shows you have read it and moves the idea forward.",
      },
      how: {
        nl: steps(
          "Kies twee berichten van collega's waar nog weinig op is gereageerd.",
          'Benoem concreet wat je goed of bruikbaar vindt, niet alleen ‘mooi!’.',
          'Stel één vraag die het idee verder helpt, bijvoorbeeld ‘Wat heb je nodig om dit te proberen?’',
          'Heb je een bezwaar, verwoord het dan als vraag of als voorwaarde.',
        ),
        en: steps(
          "Pick two colleagues' posts that have had few responses so far.",
          'Say concretely what you find good or useful, not just ‘nice!’.',
          'Ask one question that moves the idea forward, such as ‘What would you need to try this?’',
          'If you have an objection, phrase it as a question or a condition.',
        ),
      },
      example: {
        nl: 'Toen een collega voorstelde om storingen bij gemalen op een kaart te tonen, schreef Bram Hendriks: ‘Handig, dan zie ik meteen of het samenhangt met de neerslag. Welke gemalen wil je als eerste meenemen?’ Het idee staat nu op de planning van het projectteam.',
        en: "When a colleague suggested showing pumping station outages on a map, Bram Hendriks wrote: ‘Handy, then I can see straight away whether it is linked to the rainfall. Which pumping stations would you start with?’ The idea is now on the project team's schedule.",
      },
    },
    {
      key: 'tip-and-top',
      cadence: 'weekly',
      skill: 'giving_feedback',
      groups: ['afdeling-waterbeheer', 'team-vergunningen'],
      title: {
        nl: 'Geef binnen twee werkdagen één tip en één top op een concept dat in je groep wordt gedeeld.',
        en: 'Give one compliment and one suggestion within two working days on a draft shared in your group.',
      },
      insteadOf: { nl: 'Geef feedback.', en: 'Give feedback.' },
      why: {
        nl: 'Feedback op een concept is het meest waard zolang het stuk nog kan veranderen. Eén compliment en één concreet voorstel zijn makkelijker te geven én te ontvangen dan een lange lijst opmerkingen.',
        en: 'Feedback on a draft is worth most while the document can still change. One compliment and one concrete suggestion are easier to give and to receive than a long list of comments.',
      },
      how: {
        nl: steps(
          'Lees het concept met de vraag die de maker erbij stelde in je achterhoofd.',
          'Noem één ding dat goed werkt en zeg waarom.',
          'Noem één ding dat beter kan, met een concreet voorstel.',
          'Plaats je feedback als reactie in de groep, zodat de maker alles op één plek heeft.',
        ),
        en: steps(
          'Read the draft with the question the author asked in mind.',
          'Name one thing that works well and say why.',
          'Name one thing that could be better, with a concrete suggestion.',
          'Post your feedback as a reply in the group, so the author has everything in one place.',
        ),
      },
      example: {
        nl: 'Femke de Graaf deelde een concept van de nieuwe standaardbrief voor steigervergunningen. Sanne Visser reageerde dezelfde middag: ‘Top: de eerste alinea zegt meteen wat de aanvrager moet doen. Tip: zet de termijn van zes weken vetgedrukt, daar bellen mensen het vaakst over.’',
        en: 'Femke de Graaf shared a draft of the new standard letter for jetty permits. Sanne Visser replied the same afternoon: ‘Compliment: the first paragraph tells applicants straight away what to do. Suggestion: put the six-week deadline in bold, that is what people call about most.’',
      },
    },
    {
      key: 'name-helpful-post',
      cadence: 'per_meeting',
      skill: 'giving_feedback',
      groups: ['team-dijkonderhoud', 'team-vergunningen', 'afdeling-waterbeheer'],
      title: {
        nl: 'Noem in elk teamoverleg één bericht op het intranet dat je team die week verder hielp.',
        en: 'In every team meeting, mention one intranet post that helped your team that week.',
      },
      insteadOf: { nl: 'Waardeer elkaar.', en: 'Show appreciation.' },
      why: {
        nl: 'Mensen kijken naar wat anderen doen, en vooral naar wat er wordt opgemerkt. Door goed gedrag hardop te waarderen, wordt duidelijk wat je als team belangrijk vindt.',
        en: 'People look at what others do, and especially at what gets noticed. Appreciating good behaviour out loud makes clear what your team values.',
      },
      how: {
        nl: steps(
          'Kijk voor het overleg terug in de groep en kies één bericht.',
          'Noem in het overleg wie het plaatste en wat het opleverde.',
          'Zet onder het bericht een korte reactie, zodat ook wie er niet bij was het ziet.',
        ),
        en: steps(
          'Before the meeting, look back through the group and pick one post.',
          'In the meeting, say who posted it and what it achieved.',
          "Add a short reply under the post, so those who weren't there see it too.",
        ),
      },
      example: {
        nl: 'Ruud Bakker opende het maandagoverleg van Team Dijkonderhoud met de foto die Joost de Vries vrijdag had geplaatst van een kapotte grasmat op de Oostdijk: ‘Dankzij deze foto stond de ploeg er vanochtend al, in plaats van over drie weken.’',
        en: "Ruud Bakker opened the Dike Maintenance Team's Monday meeting with the photo Joost de Vries had posted on Friday of damaged turf on the Oostdijk: ‘Thanks to this photo the crew was there this morning, instead of in three weeks.’",
      },
    },
    {
      key: 'share-work-in-progress',
      cadence: 'every_two_weeks',
      skill: 'making_work_visible',
      groups: ['team-dijkonderhoud', 'project-nieuw-intranet'],
      title: {
        nl: "Deel eens per twee weken een tussenresultaat en vraag collega's wat hun opvalt.",
        en: 'Every two weeks, share work in progress and ask colleagues what strikes them.',
      },
      insteadOf: { nl: 'Wees open.', en: 'Be open.' },
      why: {
        nl: "Wie pas iets laat zien als het af is, hoort de beste suggesties te laat. Een half af stuk nodigt uit om mee te denken en geeft collega's het gevoel dat ze echt invloed hebben.",
        en: 'If you only show something once it is finished, you hear the best suggestions too late. Unfinished work invites people to think along and gives colleagues the feeling that they really have a say.',
      },
      how: {
        nl: steps(
          'Kies iets waar je nu aan werkt: een schets, een planning, een half af document of een foto.',
          'Zeg er eerlijk bij hoe ver het is.',
          'Stel één concrete vraag, bijvoorbeeld ‘Mis je hier iets?’',
          'Laat in je volgende update weten wat je met de reacties hebt gedaan.',
        ),
        en: steps(
          "Pick something you're working on now: a sketch, a schedule, a half-finished document or a photo.",
          'Say honestly how far along it is.',
          'Ask one concrete question, for example ‘Is anything missing here?’',
          'In your next update, say what you did with the responses.',
        ),
      },
      example: {
        nl: 'Ruud Bakker zette de conceptplanning voor het maaien van de dijken in de groep Team Dijkonderhoud, met de vraag: ‘Welke vakken zijn bij jullie nog te nat?’ Binnen een dag wezen twee ploegleden drie vakken aan, en de planning was aangepast voordat er een maaimachine vastliep.',
        en: 'Ruud Bakker posted the draft mowing schedule for the dikes in the Dike Maintenance Team group, asking: ‘Which sections are still too wet where you are?’ Within a day two crew members pointed out three sections, and the schedule was adjusted before a mower got stuck.',
      },
    },
    {
      key: 'notifications-morning-check',
      cadence: 'daily',
      skill: 'tool_basics',
      groups: ['team-dijkonderhoud', 'team-vergunningen', 'afdeling-waterbeheer'],
      title: {
        nl: 'Zet meldingen aan voor je eigen groepen en loop ze elke ochtend in vijf minuten door.',
        en: 'Turn on notifications for your own groups and go through them in five minutes every morning.',
      },
      insteadOf: { nl: 'Gebruik het intranet meer.', en: 'Use the intranet more.' },
      why: {
        nl: 'Meer gebruiken begint met weten wat er speelt, zonder dat het je hele dag opslokt. Vijf minuten per ochtend is genoeg om niets belangrijks te missen in de groepen die voor jou tellen.',
        en: 'Using it more starts with knowing what is going on, without it taking over your day. Five minutes each morning is enough not to miss anything important in the groups that matter to you.',
      },
      how: {
        nl: steps(
          'Open op het intranet je profiel en kies ‘Meldingen’.',
          'Zet meldingen aan voor je team, je afdeling en je projecten; de rest mag uit.',
          'Installeer de app op je telefoon als je veel buiten werkt.',
          'Loop de meldingen elke ochtend door, bijvoorbeeld bij je eerste kop koffie.',
        ),
        en: steps(
          'Open your profile on the intranet and choose ‘Notifications’.',
          'Turn on notifications for your team, your department and your projects; the rest can stay off.',
          'Install the app on your phone if you work outdoors a lot.',
          'Go through your notifications every morning, for example over your first cup of coffee.',
        ),
      },
      example: {
        nl: 'De onderhoudsploeg van Ruud Bakker leest de meldingen om half acht samen in de kantine van steunpunt Oostdijk, voordat de busjes vertrekken. Zo weet iedereen welke meldingen van het terrein die dag voorgaan.',
        en: "Ruud Bakker's maintenance crew reads the notifications together at half past seven in the canteen of the Oostdijk depot, before the vans leave. That way everyone knows which reports from the field take priority that day.",
      },
    },
    {
      key: 'complete-profile',
      cadence: 'once',
      skill: 'tool_basics',
      groups: ['ambassadeurs', 'project-nieuw-intranet'],
      title: {
        nl: "Vul je profiel in met een foto, je werkgebied en drie onderwerpen waarover collega's je mogen benaderen.",
        en: 'Complete your profile with a photo, your area of work and three topics colleagues can approach you about.',
      },
      insteadOf: { nl: 'Laat zien wie je bent.', en: 'Show who you are.' },
      why: {
        nl: "Een intranet waarop je niet ziet wie wat weet, blijft een prikbord. Met een ingevuld profiel vinden collega's de juiste persoon, in plaats van rond te mailen.",
        en: "An intranet where you can't see who knows what stays a notice board. With a completed profile, colleagues find the right person instead of emailing around.",
      },
      how: {
        nl: steps(
          'Klik rechtsboven op je naam en kies ‘Profiel bewerken’.',
          'Upload een recente foto waarop je herkenbaar bent.',
          'Vul je team en je werkgebied in, bijvoorbeeld ‘Polder Oost’.',
          'Noem drie onderwerpen waarover je graag vragen krijgt.',
        ),
        en: steps(
          'Click your name at the top right and choose ‘Edit profile’.',
          'Upload a recent photo in which you are recognisable.',
          'Fill in your team and your area of work, for example ‘Polder Oost’.',
          'List three topics you are happy to get questions about.',
        ),
      },
      example: {
        nl: 'Bram Hendriks noemt op zijn profiel ‘grondwaterstanden’, ‘neerslagcijfers’ en ‘peilbesluiten’. Sindsdien krijgt hij die vragen rechtstreeks, in plaats van na drie doorverwijzingen.',
        en: 'On his profile Bram Hendriks lists ‘groundwater levels’, ‘rainfall figures’ and ‘water level decisions’. Since then he gets those questions directly, instead of after three referrals.',
      },
    },
    {
      key: 'monthly-choice-question',
      cadence: 'monthly',
      skill: 'asking_questions',
      groups: ['project-nieuw-intranet', 'ambassadeurs'],
      title: {
        nl: "Leg elke maand één keuze over het intranet als vraag aan collega's voor, en laat weten wat je met de antwoorden doet.",
        en: 'Each month, put one decision about the intranet to colleagues as a question, and let them know what you do with the answers.',
      },
      insteadOf: { nl: 'Betrek medewerkers.', en: 'Involve employees.' },
      why: {
        nl: 'Wie zelf heeft meebeslist, voelt zich eigenaar en vindt sneller de weg. Een concrete vraag krijgt meer reacties dan een algemene oproep om mee te denken.',
        en: 'People who helped decide feel ownership and find their way sooner. A concrete question gets more responses than a general call for input.',
      },
      how: {
        nl: steps(
          'Kies een echte keuze die nog openligt, zoals een menunaam of de volgorde op het startscherm.',
          'Stel de vraag in de groep met twee of drie opties en ruimte voor eigen ideeën.',
          'Zet er een sluitingsdatum bij, bijvoorbeeld over een week.',
          'Laat na afloop in de groep weten wat er is gekozen en waarom.',
        ),
        en: steps(
          'Pick a real decision that is still open, such as a menu name or the order of the home screen.',
          'Ask the question in the group with two or three options and room for ideas of their own.',
          'Add a closing date, for example a week from now.',
          'Afterwards, let the group know what was chosen and why.',
        ),
      },
      example: {
        nl: "Lotte Jansen vroeg in het Ambassadeursnetwerk welke drie tegels bovenaan het startscherm moesten komen. Na een week stonden de storingskaart, de weekplanning en het smoelenboek bovenaan, met een bedankje aan de 46 collega's die meedachten.",
        en: 'Lotte Jansen asked the Ambassador network which three tiles should go at the top of the home screen. A week later the outage map, the weekly schedule and the staff directory were at the top, with a thank-you to the 46 colleagues who contributed.',
      },
    },
    {
      // A draft shared with pilots: the demo pilot sees it, marked "Concept", and can give feedback on it.
      key: 'decision-in-one-sentence',
      draft: 'shared',
      cadence: 'per_meeting',
      skill: 'making_work_visible',
      groups: ['project-nieuw-intranet'],
      title: {
        nl: 'Zet na elk overleg in één zin in de groep wat er besloten is.',
        en: 'After every meeting, post one sentence in the group saying what was decided.',
      },
      insteadOf: { nl: 'Houd iedereen op de hoogte.', en: 'Keep everyone informed.' },
      why: {
        nl: 'Wie er niet bij was, weet dan toch wat er besloten is, en wie er wel bij was, ziet of iedereen hetzelfde heeft gehoord.',
        en: 'Whoever was not there still knows what was decided, and whoever was there sees whether everyone heard the same.',
      },
      how: {
        nl: steps(
          'Spreek aan het begin af wie de zin schrijft.',
          'Schrijf de zin binnen een uur na het overleg.',
          'Begin met het besluit, niet met de aanleiding.',
        ),
        en: steps(
          'Agree at the start who writes the sentence.',
          'Write it within an hour of the meeting.',
          'Start with the decision, not with what led to it.',
        ),
      },
      example: {
        nl: 'Na het projectoverleg schreef Lotte Jansen: ‘Besloten: de zoekbalk komt bovenaan elke pagina, vanaf de volgende versie.’',
        en: 'After the project meeting Lotte Jansen wrote: ‘Decided: the search bar goes at the top of every page, from the next version.’',
      },
    },
  ],

  // Blog point 4: train attitude, not only buttons.
  trainings: [
    {
      key: 'workshop-vragen-stellen',
      skill: 'asking_questions',
      focus: 'attitude',
      format: 'workshop',
      durationMinutes: 120,
      behaviours: ['ask-in-group', 'monthly-choice-question'],
      title: {
        nl: 'Workshop: vragen stellen waar iedereen van leert',
        en: 'Workshop: asking questions everyone learns from',
      },
      summary: {
        nl: 'Een vraag stellen in een groep vraagt meer lef dan een mail aan één collega. In deze workshop oefen je met vragen die snel een goed antwoord krijgen.',
        en: 'Asking a question in a group takes more nerve than emailing one colleague. In this workshop you practise questions that quickly get a good answer.',
      },
      body: {
        nl: md(
          "Veel collega's twijfelen of hun vraag wel ‘slim genoeg’ is voor een groep. In deze workshop merk je dat een goede vraag juist anderen helpt, en oefen je met echte vragen uit je eigen werk.",
          '## Wat je leert',
          list(
            "Een vraag zo stellen dat collega's hem in één keer begrijpen",
            'Context geven zonder een lap tekst',
            'De juiste mensen erbij halen met een @-vermelding',
            'Het antwoord vindbaar maken voor de volgende collega',
          ),
          '## Voor wie',
          'Voor iedereen die vragen nu vooral per mail of bij het koffieapparaat stelt. Je hebt geen ervaring met het intranet nodig.',
        ),
        en: md(
          'Many colleagues wonder whether their question is ‘clever enough’ for a group. In this workshop you find out that a good question actually helps others, and you practise with real questions from your own work.',
          '## What you will learn',
          list(
            'Asking a question so that colleagues understand it straight away',
            'Giving context without a wall of text',
            'Bringing in the right people with an @-mention',
            'Making the answer findable for the next colleague',
          ),
          '## Who it is for',
          'For everyone who now mostly asks questions by email or at the coffee machine. No experience with the intranet needed.',
        ),
      },
      sessions: [
        { inDays: 9, hour: 9, durationMinutes: 120, location: room.boezem, onlineUrl: null, seats: 16 },
        {
          inDays: 30,
          hour: 13,
          durationMinutes: 120,
          location: null,
          onlineUrl: 'https://teams.example.org/meet/vragen-stellen',
          seats: 20,
        },
      ],
    },
    {
      key: 'oefensessie-feedback',
      skill: 'giving_feedback',
      focus: 'attitude',
      format: 'peer_session',
      durationMinutes: 90,
      behaviours: ['tip-and-top', 'name-helpful-post'],
      title: {
        nl: 'Oefensessie: feedback geven met een tip en een top',
        en: 'Practice session: feedback with a compliment and a suggestion',
      },
      summary: {
        nl: "In kleine groepjes geef en ontvang je feedback op echte concepten van collega's. Je oefent hoe je feedback kort, concreet en bruikbaar maakt.",
        en: "In small groups you give and receive feedback on colleagues' real drafts. You practise keeping feedback short, concrete and useful.",
      },
      body: {
        nl: md(
          "Feedback geven via het intranet voelt voor veel mensen kaal: je ziet de ander niet reageren. In deze intervisiesessie neem je een eigen concept mee en oefen je met collega's uit andere teams hoe je feedback geeft die aankomt.",
          '## Wat je leert',
          list(
            'Feedback geven met één compliment en één concreet voorstel',
            'Schriftelijke feedback vriendelijk én duidelijk verwoorden',
            'Goed gedrag benoemen, zodat je team ziet wat werkt',
            'Feedback ontvangen zonder je meteen te verdedigen',
          ),
          '## Voor wie',
          'Voor iedereen die concepten deelt of beoordeelt, en voor leidinggevenden die willen oefenen met het hardop waarderen van goed werk. Neem een stuk mee waarop je feedback wilt.',
        ),
        en: md(
          "Giving feedback through the intranet feels bare to many people: you can't see how the other person reacts. In this peer session you bring a draft of your own and practise, with colleagues from other teams, giving feedback that lands.",
          '## What you will learn',
          list(
            'Giving feedback with one compliment and one concrete suggestion',
            'Putting written feedback in a way that is both friendly and clear',
            'Naming good behaviour, so your team sees what works',
            'Receiving feedback without getting defensive straight away',
          ),
          '## Who it is for',
          'For everyone who shares or reviews drafts, and for leaders who want to practise appreciating good work out loud. Bring a piece you would like feedback on.',
        ),
      },
      sessions: [
        { inDays: 14, hour: 10, durationMinutes: 90, location: room.boezem, onlineUrl: null, seats: 12 },
        { inDays: 28, hour: 14, durationMinutes: 90, location: room.oostdijk, onlineUrl: null, seats: 10 },
        {
          inDays: 49,
          hour: 10,
          durationMinutes: 90,
          location: null,
          onlineUrl: 'https://teams.example.org/meet/oefensessie-feedback',
          seats: 12,
        },
      ],
    },
    {
      key: 'workshop-werk-zichtbaar-maken',
      skill: 'making_work_visible',
      focus: 'attitude',
      format: 'workshop',
      durationMinutes: 150,
      behaviours: ['weekly-project-update', 'share-work-in-progress'],
      title: {
        nl: 'Workshop: je werk zichtbaar maken zonder op te scheppen',
        en: 'Workshop: making your work visible without showing off',
      },
      summary: {
        nl: 'Je leert een korte weekupdate schrijven en een tussenresultaat delen, en ontdekt waarom dat geen opschepperij is maar samenwerking.',
        en: 'You learn to write a short weekly update and to share work in progress, and discover why that is not showing off but collaboration.',
      },
      body: {
        nl: md(
          '‘Deel je kennis’ is makkelijk gezegd. Maar wat zet je dan in de groep, en wanneer? In deze workshop schrijf je je eerste weekupdate, plaats je hem meteen en krijg je reacties van de andere deelnemers.',
          '## Wat je leert',
          list(
            'Een weekupdate schrijven in drie zinnen: gedaan, gepland en waar je tegenaan loopt',
            'Een half af resultaat delen met één gerichte vraag',
            'Kiezen wat in de groep hoort en wat in een mail',
            'Een vast moment in je week vinden, zodat het een gewoonte wordt',
          ),
          '## Voor wie',
          "Voor medewerkers en projectleiders die merken dat collega's niet goed weten waar ze mee bezig zijn. Neem je laptop of telefoon mee.",
        ),
        en: md(
          '‘Share your knowledge’ is easily said. But what do you actually post in the group, and when? In this workshop you write your first weekly update, post it straight away and get reactions from the other participants.',
          '## What you will learn',
          list(
            "Writing a weekly update in three sentences: done, planned and what you're running into",
            'Sharing unfinished work with one focused question',
            'Choosing what belongs in the group and what in an email',
            'Finding a fixed moment in your week, so it becomes a habit',
          ),
          '## Who it is for',
          "For staff and project leaders who notice that colleagues don't really know what they are working on. Bring your laptop or phone.",
        ),
      },
      sessions: [
        { inDays: 6, hour: 13, durationMinutes: 150, location: room.leslokaal, onlineUrl: null, seats: 18 },
        {
          inDays: 35,
          hour: 9,
          durationMinutes: 150,
          location: null,
          onlineUrl: 'https://teams.example.org/meet/werk-zichtbaar-maken',
          seats: 25,
        },
      ],
    },
    {
      key: 'coaching-constructief-reageren',
      skill: 'responding_constructively',
      focus: 'attitude',
      format: 'coaching',
      durationMinutes: 60,
      behaviours: ['reply-within-a-day', 'compliment-and-question'],
      title: {
        nl: 'Coaching: constructief reageren, ook als je het er niet mee eens bent',
        en: 'Coaching: responding constructively, even when you disagree',
      },
      summary: {
        nl: 'In een klein groepje bespreek je met coach Ingrid Smit echte reacties uit jullie groepen. Je oefent hoe je een bezwaar zo verwoordt dat het gesprek verder gaat in plaats van stopt.',
        en: 'In a small group you discuss real replies from your groups with coach Ingrid Smit. You practise phrasing an objection so that the conversation moves on instead of stopping.',
      },
      body: {
        nl: md(
          "Eén kortaf antwoord kan een hele groep stil maken. In dit coachingsgesprek van een uur kijk je met Ingrid Smit en een paar collega's naar reacties die goed en minder goed vielen, en oefen je met alternatieven.",
          '## Wat je leert',
          list(
            'Eerst benoemen wat bruikbaar is, en dan pas je bezwaar',
            'Een bezwaar verwoorden als vraag of als voorwaarde',
            'Snel reageren, ook als je het antwoord nog niet weet',
            'Omgaan met een reactie die jou irriteert',
          ),
          '## Voor wie',
          'Voor ambassadeurs, leidinggevenden en iedereen die veel vragen en ideeën in de groepen voorbij ziet komen. Maximaal acht deelnemers per gesprek.',
        ),
        en: md(
          'One curt answer can silence a whole group. In this one-hour coaching conversation you look with Ingrid Smit and a few colleagues at replies that landed well and less well, and practise alternatives.',
          '## What you will learn',
          list(
            'Naming what is useful first, and only then your objection',
            'Phrasing an objection as a question or a condition',
            "Responding quickly, even when you don't know the answer yet",
            'Dealing with a reply that irritates you',
          ),
          '## Who it is for',
          'For ambassadors, leaders and anyone who sees a lot of questions and ideas pass by in the groups. At most eight participants per conversation.',
        ),
      },
      sessions: [
        {
          inDays: 4,
          hour: 11,
          durationMinutes: 60,
          location: null,
          onlineUrl: 'https://teams.example.org/meet/coaching-constructief-reageren',
          seats: 8,
        },
        { inDays: 18, hour: 15, durationMinutes: 60, location: room.spreekkamer, onlineUrl: null, seats: 8 },
        {
          inDays: 41,
          hour: 11,
          durationMinutes: 60,
          location: null,
          onlineUrl: 'https://teams.example.org/meet/coaching-constructief-reageren-2',
          seats: 8,
        },
      ],
    },
    {
      key: 'e-learning-intranet-basis',
      skill: 'tool_basics',
      focus: 'buttons',
      format: 'e_learning',
      durationMinutes: 25,
      behaviours: ['notifications-morning-check', 'complete-profile'],
      title: {
        nl: 'E-learning: de basis van het intranet in 25 minuten',
        en: 'E-learning: intranet basics in 25 minutes',
      },
      summary: {
        nl: "Korte video's en oefeningen over de knoppen: je profiel, je groepen, meldingen en de app. Doe het wanneer het jou uitkomt, ook op je telefoon.",
        en: 'Short videos and exercises on the buttons: your profile, your groups, notifications and the app. Do it whenever it suits you, on your phone too.',
      },
      body: {
        nl: md(
          'Deze e-learning helpt je de juiste knoppen te vinden. Hoe je het intranet daarna in je werk gebruikt, leer je in de workshops over vragen stellen, feedback geven en je werk zichtbaar maken.',
          '## Wat je leert',
          list(
            'Je profiel invullen met foto, werkgebied en expertise',
            'Lid worden van groepen en een bericht plaatsen',
            'Meldingen instellen, zodat je alleen ziet wat voor jou belangrijk is',
            'De app installeren en gebruiken op het terrein',
          ),
          '## Voor wie',
          "Voor iedereen die net begint met het intranet, en voor collega's die vooral buiten werken en het intranet op hun telefoon gebruiken.",
        ),
        en: md(
          'This e-learning helps you find the right buttons. How you then use the intranet in your work is what the workshops on asking questions, giving feedback and making your work visible are for.',
          '## What you will learn',
          list(
            'Completing your profile with a photo, area of work and expertise',
            'Joining groups and posting a message',
            'Setting up notifications, so you only see what matters to you',
            'Installing the app and using it out in the field',
          ),
          '## Who it is for',
          'For everyone who is just starting with the intranet, and for colleagues who mostly work outdoors and use the intranet on their phones.',
        ),
      },
      sessions: [],
    },
    {
      key: 'leiderschapstafel',
      skill: 'giving_feedback',
      focus: 'attitude',
      format: 'peer_session',
      durationMinutes: 90,
      behaviours: ['name-helpful-post', 'weekly-project-update'],
      title: {
        nl: 'Leiderschapstafel: het goede voorbeeld geven',
        en: 'Leadership table: leading by example',
      },
      summary: {
        nl: 'Leidinggevenden en ambassadeurs bespreken elke zes weken wat ze zelf op het intranet doen, wat ze waarderen en welke afspraken ze opvolgen. Kort, praktisch en van elkaar leren.',
        en: 'Every six weeks, leaders and ambassadors discuss what they do on the intranet themselves, what they appreciate and which agreements they follow up. Short, practical and learning from each other.',
      },
      body: {
        nl: md(
          'Als een leidinggevende niets plaatst, denken medewerkers al snel dat het intranet geen prioriteit heeft. Aan deze tafel bespreek je met andere leidinggevenden en ambassadeurs hoe je zichtbaar meedoet, zonder dat het een extra klus wordt.',
          '## Wat je leert',
          list(
            'Zelf zichtbaar meedoen met een vaste weekupdate',
            'Goed gedrag benoemen en waarderen, in het overleg en in de groep',
            'Afspraken opvolgen zonder te controleren',
            'Omgaan met een team dat (nog) stil blijft',
          ),
          '## Voor wie',
          'Voor teamleiders, afdelingshoofden en ambassadeurs. Je hoeft niets voor te bereiden; neem één ervaring van de afgelopen weken mee.',
        ),
        en: md(
          'When a leader posts nothing, staff quickly conclude that the intranet is not a priority. At this table you discuss with other leaders and ambassadors how to take part visibly, without it becoming an extra chore.',
          '## What you will learn',
          list(
            'Taking part visibly with a regular weekly update',
            'Naming and appreciating good behaviour, in meetings and in the group',
            'Following up agreements without policing them',
            'Dealing with a team that stays quiet (for now)',
          ),
          '## Who it is for',
          'For team leads, heads of department and ambassadors. No preparation needed; bring one experience from the past few weeks.',
        ),
      },
      sessions: [
        { inDays: 11, hour: 15, durationMinutes: 90, location: room.directiekamer, onlineUrl: null, seats: 14 },
        { inDays: 53, hour: 15, durationMinutes: 90, location: room.directiekamer, onlineUrl: null, seats: 14 },
      ],
    },
  ],

  // Blog point 3: name and appreciate positive behaviour.
  spotlights: [
    {
      key: 'joost-weekupdate',
      person: 'joost-de-vries',
      group: 'team-dijkonderhoud',
      behaviour: 'weekly-project-update',
      daysAgo: 5,
      title: { nl: 'Joost maakt de dijk zichtbaar, elke vrijdag', en: 'Joost makes the dike visible, every Friday' },
      story: {
        nl: "Sinds de start van het nieuwe intranet plaatst dijkinspecteur Joost de Vries elke vrijdag een update in de groep Team Dijkonderhoud. Eén foto, drie zinnen: wat hij zag, wat er gepland staat en wat nog onduidelijk is. Vorige maand zag een collega van Vergunningen op een van zijn foto's een steiger waarvoor geen vergunning bekend was. Wat vroeger weken duurde, was nu in twee dagen geregeld. Dank je wel, Joost!",
        en: 'Since the new intranet launched, dike inspector Joost de Vries has posted an update in the Dike Maintenance Team group every Friday. One photo, three sentences: what he saw, what is planned and what is still unclear. Last month a colleague from Permits spotted a jetty in one of his photos that had no known permit. What used to take weeks was sorted in two days. Thank you, Joost!',
      },
    },
    {
      key: 'femke-benoemt-wat-helpt',
      person: 'femke-de-graaf',
      group: 'team-vergunningen',
      behaviour: 'name-helpful-post',
      daysAgo: 12,
      title: {
        nl: 'Femke begint elk overleg met een compliment',
        en: 'Femke starts every meeting with a compliment',
      },
      story: {
        nl: 'Teamleider Femke de Graaf opent het weekoverleg van Team Vergunningen al twee maanden met één bericht uit de groep dat het team verder hielp. Ze zegt wie het plaatste en wat het opleverde, en zet daarna een korte reactie onder het bericht. Het kost haar een minuut per week. Sindsdien is het aantal vragen in de groep verdubbeld, en weet iedereen wat het team waardeert.',
        en: "Team lead Femke de Graaf has been opening the Permits Team's weekly meeting for two months with one post from the group that helped the team. She says who posted it and what it achieved, and then adds a short reply under the post. It takes her a minute a week. Since then the number of questions in the group has doubled, and everyone knows what the team values.",
      },
    },
    {
      key: 'sanne-vraagbaak',
      person: 'sanne-visser',
      group: 'afdeling-waterbeheer',
      behaviour: 'ask-in-group',
      daysAgo: 21,
      title: { nl: 'Sannes vragen werden een vraagbaak', en: "Sanne's questions became a knowledge base" },
      story: {
        nl: "Vergunningverlener Sanne Visser stelt haar vakvragen sinds de zomer in de groep Afdeling Waterbeheer in plaats van in losse mails. Onder elke vraag zet ze het antwoord dat ze kreeg, zodat het vindbaar blijft. Twaalf vragen later is er een complete vraagbaak over steigers, beschoeiingen en lozingen. De klantenservice gebruikt die nu om inwoners meteen te helpen. Een mooi voorbeeld van hoe één vraag veel collega's verder helpt, Sanne!",
        en: 'Permit officer Sanne Visser has been asking her work questions in the Water Management Department group since the summer, instead of in separate emails. Under every question she adds the answer she got, so it stays findable. Twelve questions later there is a complete knowledge base on jetties, bank protection and discharges. Customer service now uses it to help residents straight away. A fine example of how one question helps many colleagues, Sanne!',
      },
    },
    {
      key: 'projectteam-liet-buitendienst-proberen',
      person: 'lotte-jansen',
      group: 'project-nieuw-intranet',
      behaviour: 'share-work-in-progress',
      daysAgo: 34,
      title: {
        nl: 'Het projectteam liet de buitendienst eerst proberen',
        en: 'The project team let field staff try it first',
      },
      story: {
        nl: "Voordat de mobiele versie van het intranet live ging, nodigde Lotte Jansen namens Project Nieuw Intranet twaalf collega's van de steunpunten uit om hem een week te gebruiken. Om de paar dagen liet het projectteam in de groep zien wat er al was aangepast, met schermafbeeldingen van het halve werk. De testers merkten onder meer dat foto's uploaden in het veld te veel data kostte; foto's worden nu automatisch verkleind. Zo werd het intranet al tijdens de bouw een beetje van hen. Dank aan Lotte, het projectteam en alle testers!",
        en: 'Before the mobile version of the intranet went live, Lotte Jansen invited twelve colleagues from the depots, on behalf of the New Intranet Project, to use it for a week. Every few days the project team showed in the group what had already been changed, with screenshots of the work in progress. Among other things, the testers found that uploading photos in the field used too much data; photos are now resized automatically. That way the intranet became a little bit theirs while it was still being built. Thanks to Lotte, the project team and all the testers!',
      },
    },
  ],

  // Blog point 5: keep learning together with the three questions.
  rounds: [
    {
      key: 'evaluatie-najaar',
      state: 'open',
      title: { nl: 'Evaluatie nieuw intranet — najaar', en: 'New intranet evaluation — autumn' },
      intro: {
        nl: 'Het nieuwe intranet draait nu een paar maanden. We horen graag van iedereen hoe het gaat, op kantoor en op de steunpunten: wat werkt goed, waar lopen we tegenaan en wat helpt ons om verder te komen? Je antwoorden zijn anoniem; we slaan geen naam of e-mailadres op. Na afloop lees je hier de uitkomsten en wat we ermee doen.',
        en: 'The new intranet has been running for a few months now. We would like to hear from everyone how it is going, at the office and at the depots: what works well, what are we running into and what helps us move forward? Your answers are anonymous; we store no name or email address. Afterwards you can read the results here, and what we do with them.',
      },
      followUp: null,
      minimumResponses: 5,
      responses: [
        {
          works_well: 'Ik vind veel sneller wie ergens verstand van heeft, dankzij de ingevulde profielen.',
          obstacles: "Op de steunpunten is de wifi slecht, dus foto's laden soms niet.",
          next_steps: 'Een offlinestand in de app, of betere wifi in de kantines.',
        },
        {
          works_well: 'De weekupdates van andere teams. Ik weet nu eindelijk wat Vergunningen allemaal doet.',
          obstacles: 'Sommige groepen zijn stil, en dan plaats ik daar zelf ook niets.',
          next_steps: 'Als elke groep een vast aanspreekpunt heeft dat op vragen reageert, durf ik meer te vragen.',
        },
        {
          works_well: 'Vragen in de groep worden vaak binnen een uur beantwoord.',
          obstacles: 'Ik krijg dezelfde informatie nog steeds ook per mail, dus alles dubbel.',
          next_steps: 'Spreek af dat teamnieuws alleen nog op het intranet staat en niet meer in de mail.',
        },
      ],
    },
    {
      key: 'evaluatie-eerste-maand',
      state: 'closed',
      group: 'team-dijkonderhoud',
      title: { nl: 'Evaluatie eerste maand', en: 'First month evaluation' },
      intro: {
        nl: 'Team Dijkonderhoud werkt nu een maand met het nieuwe intranet. Hoe bevalt het op de dijk, in het busje en in de kantine? Beantwoord de drie vragen anoniem. Ruud bespreekt de uitkomsten in het teamoverleg, en hier lees je wat we ermee doen.',
        en: 'The Dike Maintenance Team has been working with the new intranet for a month. How is it going on the dike, in the van and in the canteen? Answer the three questions anonymously. Ruud will discuss the results in the team meeting, and here you can read what we do with them.',
      },
      followUp: {
        nl: "Jullie vroegen om grotere knoppen omdat de app met werkhandschoenen lastig te bedienen was, daarom heeft het projectteam de mobiele versie aangepast en staat er nu één grote knop ‘Foto plaatsen’. Jullie gaven aan dat de wifi in de kantine van steunpunt Oostdijk te zwak was, daarom hangt daar sinds deze week een extra accesspoint. Jullie kregen de planning dubbel, daarom staat de weekplanning voortaan alleen nog in de groep en niet meer in de mail. Jullie wisten niet altijd wie een melding oppakt, daarom staat er nu een rooster in de groep en zet wie dienst heeft een duimpje bij elke melding die is gezien. En omdat meerdere collega's vroegen hoe je een foto met locatie plaatst, geeft Joost de Vries daar op maandag om half acht een korte uitleg over in de kantine.",
        en: "You asked for bigger buttons because the app was hard to use with work gloves on, so the project team adjusted the mobile version and there is now one big ‘Post photo’ button. You told us the wifi in the canteen of the Oostdijk depot was too weak, so an extra access point has been installed there this week. You were getting the schedule twice, so from now on the weekly schedule is only in the group and no longer in your email. You didn't always know who picks up a report, so there is now a rota in the group and whoever is on duty puts a thumbs-up on every report they have seen. And because several colleagues asked how to post a photo with its location, Joost de Vries will give a short explanation in the canteen on Monday at half past seven.",
      },
      minimumResponses: 5,
      responses: [
        {
          works_well: "De foto's van Joost op vrijdag. Dan weet ik maandag al waar we heen moeten.",
          obstacles: 'Met handschoenen aan raak ik steeds de verkeerde knop in de app.',
          next_steps: 'Grotere knoppen, of één knop om meteen een foto te plaatsen.',
        },
        {
          works_well: 'Dat de weekplanning op één plek staat en ik hem op mijn telefoon kan bekijken.',
          obstacles: 'In de kantine op steunpunt Oostdijk doet de wifi het amper, dus alles laadt traag.',
          next_steps: 'Betere wifi op het steunpunt zou het meeste schelen.',
        },
        {
          works_well: 'Ruud reageert snel op meldingen, dan weet je dat het gelezen wordt.',
          obstacles: 'Ik krijg de planning nu twee keer: in de groep en nog een keer in de mail.',
          next_steps: 'Kies één plek. Wat mij betreft alleen de groep.',
        },
        {
          works_well: 'Vragen aan de vergunningverleners gaan sneller dan toen ik nog moest bellen.',
          obstacles: 'Ik weet niet goed hoe ik een foto met de locatie erbij plaats.',
          next_steps: 'Een korte uitleg tijdens het ochtendoverleg, niet weer een cursus op kantoor.',
        },
        {
          works_well: 'Eerlijk gezegd nog niet zo veel; ik lees vooral mee.',
          obstacles: 'Ik vind het lastig om iets te schrijven dat iedereen kan lezen. Ik ben bang dat ik fouten maak.',
          next_steps: 'Als anderen ook gewoon korte berichtjes plaatsen, durf ik het eerder.',
        },
        {
          works_well: 'Meldingen van het terrein met een foto erbij zijn veel duidelijker dan een telefoontje.',
          obstacles: 'Soms reageert niemand op een melding en weet ik niet of iemand hem oppakt.',
          next_steps: 'Afspreken wie welke dag de meldingen oppakt, en een duimpje zetten als je het gezien hebt.',
        },
        {
          works_well: 'Ik zie nu wat de andere ploeg doet. Dat scheelt dubbel rijden.',
          obstacles: 'Het kost tijd die ik eigenlijk niet heb, zeker in het maaiseizoen.',
          next_steps: 'Vijf minuten in het ochtendoverleg om samen de groep door te lopen.',
        },
      ],
    },
  ],
  changes: [
    {
      key: 'search-agenda',
      message: 'Ik kan de agenda van mijn team niet vinden vanaf de startpagina.',
      category: 'problem',
      summary: {
        nl: 'De startpagina toont nu de komende trainingssessies, met een link naar het hele overzicht.',
        en: 'The home page now shows the upcoming training sessions, with a link to the full overview.',
      },
      build: 'demo-2',
    },
    {
      key: 'weekly-update-example',
      message: 'Kunnen jullie een voorbeeld geven van zo’n wekelijkse update? Ik weet niet hoe lang die moet zijn.',
      category: 'question',
      behaviour: 'weekly-project-update',
      summary: {
        nl: 'Het gedrag “wekelijkse update” heeft nu een voorbeeld van drie zinnen.',
        en: 'The “weekly update” behaviour now has a three-sentence example.',
      },
      build: 'demo-3',
    },
  ],
};
