import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'abitare.lang';

type Catalogue = Record<string, unknown>;

// Each feature keeps its own catalogue next to its code (features/<name>/i18n/{it,en}.json),
// merged over the shell's it.json/en.json. A key defined twice is a bug: it throws at start.
const featureCatalogues = import.meta.glob<{ default: Catalogue }>('../features/*/i18n/*.json', { eager: true });

function merge(target: Catalogue, source: Catalogue, path: string): Catalogue {
  for (const [key, value] of Object.entries(source)) {
    const here = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') {
      merge(existing as Catalogue, value as Catalogue, here);
    } else if (existing !== undefined) {
      throw new Error(`i18n key defined twice: ${here}`);
    } else {
      target[key] = value;
    }
  }
  return target;
}

export function catalogue(lang: Language): Catalogue {
  const result = structuredClone(lang === 'it' ? it : en) as Catalogue;
  for (const [file, mod] of Object.entries(featureCatalogues)) {
    if (file.endsWith(`/${lang}.json`)) {
      merge(result, mod.default, '');
    }
  }
  return result;
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
});

// Italian first; English available. Resources are bundled (no fetch), so init is synchronous.
void i18n.use(initReactI18next).init({
  resources: { it: { translation: catalogue('it') }, en: { translation: catalogue('en') } },
  lng: storedLanguage(),
  fallbackLng: 'it',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
