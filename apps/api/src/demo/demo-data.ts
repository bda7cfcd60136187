import type { TestbedProfile } from '@slussen/catalogue';
import type { OrganizationKind, Role } from '@slussen/core';
import type { WeekdayNumbers } from 'luxon';

/** One password for every demo login; printed by the seed. */
export const DEMO_PASSWORD = 'demo-lösenord-2026';

export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  orgNumber?: string;
  parent?: string;
  people: Array<{ email: string; name: string; role: Role }>;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'stockholm',
    name: 'Region Stockholm',
    kind: 'region',
    people: [
      { email: 'karin.lindqvist@demo.regionstockholm.se', name: 'Karin Lindqvist', role: 'admin' },
      { email: 'johan.ek@demo.regionstockholm.se', name: 'Johan Ek', role: 'manager' },
      { email: 'sara.holm@demo.regionstockholm.se', name: 'Sara Holm', role: 'member' },
    ],
  },
  {
    key: 'vgr',
    name: 'Västra Götalandsregionen',
    kind: 'region',
    people: [{ email: 'maria.svensson@demo.vgregion.se', name: 'Maria Svensson', role: 'manager' }],
  },
  {
    key: 'skane',
    name: 'Region Skåne',
    kind: 'region',
    people: [{ email: 'ali.hassan@demo.skane.se', name: 'Ali Hassan', role: 'manager' }],
  },
  {
    key: 'stockholms-stad',
    name: 'Stockholms stad',
    kind: 'municipality',
    parent: 'stockholm',
    people: [{ email: 'eva.berg@demo.stockholm.se', name: 'Eva Berg', role: 'manager' }],
  },
  {
    key: 'goteborg',
    name: 'Göteborgs Stad',
    kind: 'municipality',
    parent: 'vgr',
    people: [{ email: 'nils.karlsson@demo.goteborg.se', name: 'Nils Karlsson', role: 'manager' }],
  },
  {
    key: 'malmo',
    name: 'Malmö stad',
    kind: 'municipality',
    parent: 'skane',
    people: [{ email: 'lina.nguyen@demo.malmo.se', name: 'Lina Nguyen', role: 'manager' }],
  },
  {
    key: 'lund',
    name: 'Lunds kommun',
    kind: 'municipality',
    parent: 'skane',
    people: [{ email: 'per.olsson@demo.lund.se', name: 'Per Olsson', role: 'manager' }],
  },
  {
    key: 'agency',
    name: 'Verket för innovationsfinansiering (demo)',
    kind: 'agency',
    people: [{ email: 'analytiker@demo.innovationsverket.se', name: 'Anna Analytiker', role: 'admin' }],
  },
];

/** Companies sign themselves up; the first person is the admin. */
export const DEMO_COMPANIES = [
  {
    name: 'CareUp AB',
    people: [
      { email: 'li.andersson@demo.careup.se', name: 'Li Andersson', role: 'admin' as Role },
      { email: 'omar.ali@demo.careup.se', name: 'Omar Ali', role: 'member' as Role },
    ],
  },
  {
    name: 'Vitalsens AB',
    people: [{ email: 'emma.wiklund@demo.vitalsens.se', name: 'Emma Wiklund', role: 'admin' as Role }],
  },
  {
    name: 'Gatuljus Systems AB',
    people: [{ email: 'oskar.nord@demo.gatuljus.se', name: 'Oskar Nord', role: 'admin' as Role }],
  },
  { name: 'EduPlay AB', people: [{ email: 'ida.falk@demo.eduplay.se', name: 'Ida Falk', role: 'admin' as Role }] },
];

/** Demo companies that also piloted over the past year (CareUp and Vitalsens keep only their present pilot and request). */
export const HISTORY_FROM_COMPANIES = ['Gatuljus Systems AB', 'EduPlay AB'];

export interface DemoTestbed extends TestbedProfile {
  owner: string;
  /** Weekly slots of `hours` from 09:00 local, or monthly week-long slots. */
  slots: { frequency: 'weekly' | 'monthly'; weekday: WeekdayNumbers; hours: number; capacity: number };
}

const contact = (owner: string) => `testbadd@demo.${owner}.se`;

export const DEMO_TESTBEDS: DemoTestbed[] = [
  {
    owner: 'stockholms-stad',
    name: 'Äldreboendet Solgården – avdelning för välfärdsteknik',
    environmentType: 'real',
    domains: ['elderly-care', 'welfare-technology'],
    trl: { min: 6, max: 9 },
    capacity: 2,
    summary: 'En avdelning på ett äldreboende där personal och boende prövar ny välfärdsteknik i vardagen.',
    description:
      'Solgården har 32 boende fördelade på fyra avdelningar. Avdelning 3 tar emot piloter av till exempel digital tillsyn, fallsensorer och kommunikationsstöd, med stöd av en verksamhetsutvecklare och etiskt förankrade rutiner för samtycke.',
    location: { municipality: 'Stockholm', address: 'Solgårdsvägen 12, Farsta', lat: 59.244, lon: 18.09 },
    contactEmail: contact('stockholm'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 7, capacity: 1 },
  },
  {
    owner: 'stockholm',
    name: 'Region Stockholms simuleringscentrum',
    environmentType: 'simulated',
    domains: ['health'],
    trl: { min: 3, max: 7 },
    capacity: 3,
    summary: 'Simulerade vårdrum och akutmottagning för tidiga tester med vårdpersonal.',
    description:
      'Centrumet har två simulerade vårdsalar, ett operationsrum och en akutmottagning med patientsimulatorer. Företag kan pröva medicinteknik och arbetsflöden med riktiga vårdteam utan risk för patienter.',
    location: { municipality: 'Stockholm', address: 'Simuleringsgatan 1, Solna', lat: 59.35, lon: 18.03 },
    contactEmail: contact('stockholm'),
    slots: { frequency: 'weekly', weekday: 2, hours: 8, capacity: 2 },
  },
  {
    owner: 'skane',
    name: 'Hemsjukvårdens testmiljö',
    environmentType: 'real',
    domains: ['health', 'welfare-technology'],
    trl: { min: 6, max: 9 },
    capacity: 2,
    summary: 'Avancerad sjukvård i hemmet där digitala vårdlösningar prövas med patienter och team.',
    description:
      'Hemsjukvården i Region Skåne följer omkring 400 patienter. Testmiljön erbjuder piloter av distansövervakning, läkemedelsstöd och digitala vårdmöten tillsammans med sjuksköterskor och läkare.',
    location: { municipality: 'Malmö', address: 'Jan Waldenströms gata 35', lat: 55.59, lon: 13.0 },
    contactEmail: contact('skane'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 14, capacity: 1 },
  },
  {
    owner: 'goteborg',
    name: 'Smarta gatan Lindholmen',
    environmentType: 'real',
    domains: ['smart-city', 'mobility'],
    trl: { min: 5, max: 9 },
    capacity: 3,
    summary: 'En gata med uppkopplad belysning, sensorer och laddplatser för smart stad.',
    description:
      'Gatan är utrustad med fiberanslutna stolpar, öppna sensorgränssnitt och kameror för trafikräkning. Här prövas lösningar för trafiksäkerhet, belysning, luftkvalitet och laddning i verklig stadsmiljö.',
    location: { municipality: 'Göteborg', address: 'Lindholmsallén', lat: 57.707, lon: 11.938 },
    contactEmail: contact('goteborg'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 10, capacity: 2 },
  },
  {
    owner: 'malmo',
    name: 'Energilabbet Hyllie',
    environmentType: 'lab',
    domains: ['energy', 'environment'],
    trl: { min: 4, max: 7 },
    capacity: 2,
    summary: 'Ett labb för smarta elnät, lagring och styrning av energi i fastigheter.',
    description:
      'Labbet kopplar ihop solceller, batterilager och styrsystem i ett stadsdelsnät. Företag kan pröva flexibilitetstjänster och energioptimering mot verkliga mätdata i en kontrollerad miljö.',
    location: { municipality: 'Malmö', address: 'Hyllie boulevard 10', lat: 55.563, lon: 12.976 },
    contactEmail: contact('malmo'),
    slots: { frequency: 'weekly', weekday: 3, hours: 8, capacity: 1 },
  },
  {
    owner: 'lund',
    name: 'Framtidens klassrum Lund',
    environmentType: 'real',
    domains: ['education', 'digital-services'],
    trl: { min: 5, max: 9 },
    capacity: 2,
    summary: 'Klassrum på en grundskola där digitala läromedel och verktyg prövas med lärare och elever.',
    description:
      'Tre klassrum i årskurs 4–9 med lärare som vill utveckla undervisningen. Piloter planeras tillsammans med skolledningen och följs upp med lärare, elever och vårdnadshavare.',
    location: { municipality: 'Lund', address: 'Skolgatan 4', lat: 55.705, lon: 13.19 },
    contactEmail: contact('lund'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 21, capacity: 1 },
  },
  {
    owner: 'vgr',
    name: 'Innovationsplatsen vid universitetssjukhuset',
    environmentType: 'real',
    domains: ['health', 'digital-services'],
    trl: { min: 6, max: 9 },
    capacity: 2,
    summary: 'Vårdavdelningar som tar emot piloter av digitala tjänster och medicinteknik.',
    description:
      'Innovationsplatsen samordnar piloter på flera avdelningar, med stöd för informationssäkerhet, upphandlingsfrågor och utvärdering tillsammans med forskare.',
    location: { municipality: 'Göteborg', address: 'Blå stråket 5', lat: 57.683, lon: 11.96 },
    contactEmail: contact('vgr'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 14, capacity: 2 },
  },
  {
    owner: 'skane',
    name: 'Psykiatrins digitala mottagning',
    environmentType: 'simulated',
    domains: ['mental-health', 'digital-services'],
    trl: { min: 4, max: 8 },
    capacity: 1,
    summary: 'En simulerad mottagning för digitala behandlingar och stöd inom psykiatrin.',
    description:
      'Mottagningen efterliknar flödet från första kontakt till behandling. Företag kan pröva digitala behandlingsprogram och beslutsstöd med behandlare och brukarrepresentanter.',
    location: { municipality: 'Lund', address: 'Baravägen 1', lat: 55.714, lon: 13.2 },
    contactEmail: contact('skane'),
    slots: { frequency: 'weekly', weekday: 4, hours: 6, capacity: 1 },
  },
  {
    owner: 'vgr',
    name: 'Självkörande bussar på campus',
    environmentType: 'real',
    domains: ['mobility'],
    trl: { min: 6, max: 8 },
    capacity: 1,
    summary: 'En busslinga på ett campusområde för att pröva självkörande kollektivtrafik.',
    description:
      'Linjen är två kilometer lång med fyra hållplatser och blandad trafik. Regionen erbjuder trafiktillstånd, resenärsdialog och säkerhetsförare under pilotperioden.',
    location: { municipality: 'Göteborg', address: 'Chalmersplatsen', lat: 57.689, lon: 11.974 },
    contactEmail: contact('vgr'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 28, capacity: 1 },
  },
  {
    owner: 'malmo',
    name: 'Trygghetslabbet Rosengård',
    environmentType: 'real',
    domains: ['public-safety', 'smart-city'],
    trl: { min: 5, max: 9 },
    capacity: 2,
    summary: 'Ett bostadsområde där lösningar för trygghet och belysning prövas med boende.',
    description:
      'Tillsammans med bostadsbolag, polis och boende prövas lösningar som smart belysning, trygghetsvandringar med digitalt stöd och anonym rapportering av otrygga platser.',
    location: { municipality: 'Malmö', address: 'Rosengårds centrum', lat: 55.584, lon: 13.03 },
    contactEmail: contact('malmo'),
    slots: { frequency: 'monthly', weekday: 1, hours: 24 * 14, capacity: 1 },
  },
  {
    owner: 'stockholms-stad',
    name: 'Måltidslabbet för äldreomsorgen',
    environmentType: 'lab',
    domains: ['food-and-agriculture', 'elderly-care'],
    trl: { min: 4, max: 8 },
    capacity: 1,
    summary: 'Ett storkök där nya livsmedel och måltidslösningar för äldre prövas.',
    description:
      'Storköket lagar 1 200 portioner om dagen till äldreboenden och hemtjänst. Företag kan pröva berikade livsmedel, konsistensanpassad mat och digitala beställningssystem.',
    location: { municipality: 'Stockholm', address: 'Köksvägen 3, Bromma', lat: 59.34, lon: 17.94 },
    contactEmail: contact('stockholm'),
    slots: { frequency: 'weekly', weekday: 1, hours: 8, capacity: 1 },
  },
  {
    owner: 'lund',
    name: 'Hemmiljölabb för trygg hemgång',
    environmentType: 'simulated',
    domains: ['welfare-technology', 'elderly-care'],
    trl: { min: 3, max: 7 },
    capacity: 2,
    summary: 'En lägenhet inredd för att pröva teknik som gör det tryggt att bo kvar hemma.',
    description:
      'Lägenheten har sensorer, smarta lås och larm som kan kopplas till kommunens trygghetscentral. Här prövas lösningar med arbetsterapeuter och seniorer innan de används i riktiga hem.',
    location: { municipality: 'Lund', address: 'Trygghetsgatan 8', lat: 55.71, lon: 13.18 },
    contactEmail: contact('lund'),
    slots: { frequency: 'weekly', weekday: 5, hours: 6, capacity: 2 },
  },
];

/**
 * A pilot of CareUp in Region Stockholm's simulation centre, running: its own
 * place of six weeks that began two weeks ago, an agreed plan, last week's
 * falls measured and this week's due. And a request from Vitalsens, for one of
 * the coming weekly slots, for Johan to decide.
 */
export const DEMO_PILOT = {
  testbed: 'Region Stockholms simuleringscentrum',
  /** The weekly slot (counted from next week's) Vitalsens asks for. */
  waitingSlotIndex: 5,
  running: {
    weeks: 6,
    firstWeek: { value: 7, note: 'Första veckan med mattorna: sju fall, fyra av dem före midnatt.' },
  },
  company: 'li.andersson@demo.careup.se',
  waitingCompany: 'emma.wiklund@demo.vitalsens.se',
  manager: 'johan.ek@demo.regionstockholm.se',
  title: 'Sensormattor mot fall nattetid',
  description: 'Trycksensorer vid sängen larmar nattpersonalen innan en brukare hunnit resa sig.',
  waitingTitle: 'Vitalparametrar i hemsjukvården',
  goals: ['Färre fall nattetid', 'Nattpersonalen hinner fram innan brukaren rest sig'],
  metrics: [
    {
      key: 'falls',
      name: 'Fall per vecka',
      unit: 'fall',
      direction: 'decrease' as const,
      baseline: 9,
      target: 4,
      minimum: 0,
      maximum: null,
      cadence: 'weekly' as const,
    },
    {
      key: 'response-minutes',
      name: 'Tid till personal på plats',
      unit: 'minuter',
      direction: 'decrease' as const,
      baseline: 7,
      target: 3,
      minimum: 0,
      maximum: 120,
      cadence: 'end' as const,
    },
  ],
};

/** The demo logins `npm start` suggests, one per kind of person, and what each is for (Swedish and English). */
export const DEMO_GUIDE = [
  {
    who: { sv: 'företag', en: 'company' },
    email: DEMO_PILOT.company,
    what: { sv: 'boka pilotplatser, följ CareUps pilot', en: "book pilot slots, follow CareUp's pilot" },
  },
  {
    who: { sv: 'förvaltare', en: 'manager' },
    email: DEMO_PILOT.manager,
    what: {
      sv: 'Region Stockholms testbäddar, en förfrågan att besluta om',
      en: "Region Stockholm's test beds, a request to decide",
    },
  },
  {
    who: { sv: 'sjuksköterska', en: 'nurse' },
    email: 'sara.holm@demo.regionstockholm.se',
    what: {
      sv: 'lämna behov i Region Stockholms innovationssluss, följ behovet som granskas',
      en: "submit needs to Region Stockholm's innovation sluice, follow the one in screening",
    },
  },
  {
    who: { sv: 'analytiker', en: 'analyst' },
    email: 'analytiker@demo.innovationsverket.se',
    what: {
      sv: 'läsa utfallsrapporter och starta egna körningar',
      en: 'read outcome reports and start runs of your own',
    },
  },
] as const;
