import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { genitive } from './genitive';
import { STORAGE_KEY } from './language-key';
import { NAMESPACES, type Namespace } from './namespaces';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the language being read is downloaded, each language's messages one chunk. index.html's
// preload script starts the page's language downloading beside the main bundle, so the import below
// finds it there instead of asking for it only once the app runs; the other language is fetched
// when a person switches to it.
const LOAD: Record<Language, () => Promise<{ default: Record<Namespace, object> }>> = {
  sv: () => import('./sv/index'),
  en: () => import('./en/index'),
};

async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'common')) return;
  const { default: messages } = await LOAD[language]();
  for (const namespace of NAMESPACES) i18next.addResourceBundle(language, namespace, messages[namespace]);
}

let wanted: Language | undefined;

/**
 * Switches once the language's messages are here, so no text is ever shown as a bare key; of two
 * switches asked for quickly, the later one holds even if the earlier's messages arrive last.
 */
async function speak(language: Language): Promise<void> {
  wanted = language;
  await loadLanguage(language);
  if (wanted === language) await i18next.changeLanguage(language);
}

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
  void speak(language);
}

/** Speaks the language a signed-in person keeps with the API, without making it this browser's own choice. */
export function followLanguage(language: Language): void {
  if (i18next.language !== language) void speak(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const firstLanguage = storedLanguage() ?? 'sv';
document.documentElement.lang = firstLanguage;

/** Resolves once the page's language is loaded: the app renders after it. */
export const i18nReady = LOAD[firstLanguage]()
  .then(({ default: messages }) =>
    i18next.use(initReactI18next).init({
      resources: { [firstLanguage]: messages },
      // The other language is added when a person switches to it (speak).
      partialBundledLanguages: true,
      lng: firstLanguage,
      // Both languages hold every key (messages.spec.ts), so an English reader never needs the Swedish chunk too.
      fallbackLng: false,
      supportedLngs: LANGUAGES,
      defaultNS: 'common',
      ns: [...NAMESPACES],
      interpolation: { escapeValue: false },
      returnNull: false,
    }),
  )
  .then(() => {
    // "{{company, genitive}}": a name in the genitive, which Swedish does not form by adding s alone.
    i18next.services.formatter?.add('genitive', (value: unknown, language: string | undefined) =>
      genitive(String(value ?? ''), language ?? i18next.language),
    );
  });

export const i18n = i18next;
