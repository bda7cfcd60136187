import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { genitive } from './genitive';
import enBooking from './en/booking.json';
import enCatalogue from './en/catalogue.json';
import enCommon from './en/common.json';
import enIdentity from './en/identity.json';
import enIdeas from './en/ideas.json';
import enInvitations from './en/invitations.json';
import enOrganization from './en/organization.json';
import enLibrary from './en/library.json';
import enManage from './en/manage.json';
import enPilots from './en/pilots.json';
import enPlatform from './en/platform.json';
import enProblems from './en/problems.json';
import enReports from './en/reports.json';
import enStatement from './en/statement.json';
import svBooking from './sv/booking.json';
import svCatalogue from './sv/catalogue.json';
import svCommon from './sv/common.json';
import svIdentity from './sv/identity.json';
import svIdeas from './sv/ideas.json';
import svInvitations from './sv/invitations.json';
import svOrganization from './sv/organization.json';
import svLibrary from './sv/library.json';
import svManage from './sv/manage.json';
import svPilots from './sv/pilots.json';
import svPlatform from './sv/platform.json';
import svProblems from './sv/problems.json';
import svReports from './sv/reports.json';
import svStatement from './sv/statement.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'slussen.language';

export const resources = {
  sv: {
    common: svCommon,
    catalogue: svCatalogue,
    booking: svBooking,
    identity: svIdentity,
    manage: svManage,
    pilots: svPilots,
    problems: svProblems,
    statement: svStatement,
    organization: svOrganization,
    platform: svPlatform,
    invitations: svInvitations,
    reports: svReports,
    library: svLibrary,
    ideas: svIdeas,
  },
  en: {
    common: enCommon,
    catalogue: enCatalogue,
    booking: enBooking,
    identity: enIdentity,
    manage: enManage,
    pilots: enPilots,
    problems: enProblems,
    statement: enStatement,
    organization: enOrganization,
    platform: enPlatform,
    invitations: enInvitations,
    reports: enReports,
    library: enLibrary,
    ideas: enIdeas,
  },
} as const;

function storedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'sv' || stored === 'en' ? stored : null;
  } catch {
    return null;
  }
}

/** The person's chosen language, kept in this browser; Swedish unless they chose otherwise. */
export function hasChosenLanguage(): boolean {
  return storedLanguage() !== null;
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this visit
  }
  void i18next.changeLanguage(language);
}

/** Speaks the language a signed-in person keeps with the API, without making it this browser's own choice. */
export function followLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? 'sv',
  fallbackLng: 'sv',
  supportedLngs: LANGUAGES,
  defaultNS: 'common',
  ns: Object.keys(resources.sv),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;
// "{{company, genitive}}": a name in the genitive, which Swedish does not form by adding s alone.
i18next.services.formatter?.add('genitive', (value: unknown, language: string | undefined) =>
  genitive(String(value ?? ''), language ?? i18next.language),
);

export const i18n = i18next;
