import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';

export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The chosen language is a preference, not a secret: localStorage is fine for it. */
const STORAGE_KEY = 'kapok.language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** English ships with the app; Indonesian is fetched the first time it is chosen. */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<object>> = {
  id: () => import('./locales/id').then((m) => m.id),
};

/** The module pages' texts: fetched with the first module page, so the login page carries only its own. */
const moduleLoaders: Record<Language, () => Promise<object>> = {
  en: () => import('./locales/modules.en').then((m) => m.enModules),
  id: () => import('./locales/modules.id').then((m) => m.idModules),
};
let modulesWanted = false;
const coreLoaded = new Set<Language>(['en']);
const modulesLoaded = new Set<Language>();

async function addModuleTexts(language: Language): Promise<void> {
  if (modulesLoaded.has(language)) return;
  i18n.addResourceBundle(language, 'translation', await moduleLoaders[language](), true, false);
  modulesLoaded.add(language);
}

async function ensureLoaded(language: Language): Promise<void> {
  if (language !== 'en' && !coreLoaded.has(language)) {
    i18n.addResourceBundle(language, 'translation', await loaders[language](), true, false);
    coreLoaded.add(language);
  }
  if (modulesWanted) await Promise.all([addModuleTexts('en'), addModuleTexts(language)]);
}

/** Loads the texts of the module pages in the current language (and English, the fallback). */
export async function loadModuleTexts(): Promise<void> {
  modulesWanted = true;
  await Promise.all([addModuleTexts('en'), addModuleTexts(currentLanguage())]);
}

/** For tests: every text at once, synchronously. */
export function addAllTexts(bundles: Partial<Record<Language, object>>): void {
  for (const [language, texts] of Object.entries(bundles)) {
    i18n.addResourceBundle(language, 'translation', texts, true, false);
    modulesLoaded.add(language as Language);
  }
  modulesWanted = true;
}

export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'en';
  } catch {
    return 'en';
  }
}

export async function setLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

/** Switches to the remembered language; resolves once its texts are in (call before the first render). */
export function startI18n(): Promise<void> {
  const language = storedLanguage();
  return language === 'en' ? Promise.resolve() : setLanguage(language, false).catch(() => undefined);
}

export default i18n;
