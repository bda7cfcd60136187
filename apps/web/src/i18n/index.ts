import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { genitive } from './genitive';
import { NAMESPACES, type Namespace } from './namespaces';
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'slussen.language';

// Only the language being read is downloaded: the other is fetched when a person switches to it.
const LOAD: Record<Language, () => Promise<{ default: Record<Namespace, object> }>> = {
  sv: () => import('./sv/index'),
  en: () => import('./en/index'),
};

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

/** Resolves once the page's language is loaded: the app renders after it, so no text is ever a bare key. */
export const i18nReady = i18next
  .use(
    resourcesToBackend((language: string, namespace: string) =>
      LOAD[language === 'en' ? 'en' : 'sv']().then((module) => module.default[namespace as Namespace]),
    ),
  )
  .use(initReactI18next)
  .init({
    lng: storedLanguage() ?? 'sv',
    // Both languages hold every key (messages.spec.ts), so an English reader never needs the Swedish chunk too.
    fallbackLng: false,
    supportedLngs: LANGUAGES,
    load: 'languageOnly',
    defaultNS: 'common',
    ns: [...NAMESPACES],
    interpolation: { escapeValue: false },
    returnNull: false,
    // Every namespace is in the language's one chunk, loaded before the first render and before a switch shows.
    react: { useSuspense: false },
  });
document.documentElement.lang = i18next.language;
// "{{company, genitive}}": a name in the genitive, which Swedish does not form by adding s alone.
i18next.services.formatter?.add('genitive', (value: unknown, language: string | undefined) =>
  genitive(String(value ?? ''), language ?? i18next.language),
);

export const i18n = i18next;
