// "Entra con SPID" and "Entra con CIE" following the AgID / IPZS button guidelines: a primary
// blue button (#0066CC) with the federation's mark on the left and the fixed wording. The marks
// are drawn here (bundled, never fetched from elsewhere).

import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { type OidcProvider, useOidcProviders, useStartOidc } from '../api.js';

function SpidMark() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24" className="federation-mark">
      <circle cx="12" cy="12" r="12" fill="#fff" />
      <circle cx="12" cy="8.2" r="3.4" fill="#06c" />
      <path d="M6.2 19.2c0-3.6 2.6-6 5.8-6s5.8 2.4 5.8 6z" fill="#06c" />
    </svg>
  );
}

function CieMark() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24" className="federation-mark">
      <rect x="1" y="4" width="22" height="16" rx="2.5" fill="#fff" />
      <circle cx="8" cy="11" r="2.6" fill="#06c" />
      <path d="M4 17.2c0-2.4 1.8-3.8 4-3.8s4 1.4 4 3.8z" fill="#06c" />
      <rect x="14" y="8.5" width="6" height="1.6" rx=".8" fill="#06c" />
      <rect x="14" y="11.5" width="6" height="1.6" rx=".8" fill="#06c" />
      <rect x="14" y="14.5" width="4" height="1.6" rx=".8" fill="#06c" />
    </svg>
  );
}

const MARKS: Record<OidcProvider, ComponentType> = { spid: SpidMark, cie: CieMark };

/** The SPID/CIE buttons of an ente, only when configured for it (nothing otherwise). */
export function FederationButtons({ ente, returnTo }: { ente: string; returnTo?: string }) {
  const { t } = useTranslation();
  const providers = useOidcProviders(ente);
  const start = useStartOidc();
  const list = providers.data?.providers ?? [];
  if (list.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="federation-heading" className="mt-4 mb-2">
      <h2 id="federation-heading" className="h4">
        {t('oidc.heading')}
      </h2>
      <p>{t('oidc.intro')}</p>
      {start.error ? <Alert kind="danger">{start.error.detail ?? t('errors.generic')}</Alert> : null}
      <div className="d-flex flex-wrap gap-3">
        {list.map((provider) => {
          const Mark = MARKS[provider];
          return (
            <button
              key={provider}
              type="button"
              className="btn btn-primary btn-icon federation-button"
              data-testid={`login-${provider}`}
              disabled={start.isPending}
              onClick={() => start.mutate({ provider, ente, ...(returnTo ? { returnTo } : {}) })}
            >
              <Mark />
              <span className="ms-2">{t(`oidc.button.${provider}`)}</span>
            </button>
          );
        })}
      </div>
      <p className="small mt-2 mb-0">{t('oidc.help')}</p>
    </section>
  );
}
