import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/index.js';

/** it/en switch: two buttons, the current one marked with aria-pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch d-flex align-items-center">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((lng) => {
        const current = i18n.language === lng;
        return (
          <button
            key={lng}
            type="button"
            lang={lng}
            className={`btn btn-sm text-white px-2 py-1${current ? ' active fw-bold' : ''}`}
            aria-pressed={current}
            onClick={() => {
              void i18n.changeLanguage(lng);
            }}
          >
            <span aria-hidden="true">{lng.toUpperCase()}</span>
            <span className="visually-hidden">{t(`header.languages.${lng}`)}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
