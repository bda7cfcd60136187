/** The fixed vocabulary of test-bed domains, with Swedish and English labels. */
export const DOMAINS = {
  'elderly-care': { sv: 'Äldreomsorg', en: 'Elderly care' },
  'welfare-technology': { sv: 'Välfärdsteknik', en: 'Welfare technology' },
  health: { sv: 'Hälso- och sjukvård', en: 'Health care' },
  'mental-health': { sv: 'Psykisk hälsa', en: 'Mental health' },
  mobility: { sv: 'Mobilitet och transport', en: 'Mobility and transport' },
  energy: { sv: 'Energi', en: 'Energy' },
  environment: { sv: 'Miljö och klimat', en: 'Environment and climate' },
  education: { sv: 'Utbildning och skola', en: 'Education' },
  'smart-city': { sv: 'Smart stad', en: 'Smart city' },
  'public-safety': { sv: 'Trygghet och säkerhet', en: 'Public safety' },
  'food-and-agriculture': { sv: 'Livsmedel och jordbruk', en: 'Food and agriculture' },
  'digital-services': { sv: 'Digitala tjänster', en: 'Digital services' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type Domain = keyof typeof DOMAINS;
export const DOMAIN_KEYS = Object.keys(DOMAINS) as Domain[];

export const ENVIRONMENT_TYPES = ['lab', 'simulated', 'real'] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

export const TESTBED_STATUSES = ['draft', 'published', 'retired'] as const;
export type TestbedStatus = (typeof TESTBED_STATUSES)[number];
