import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ApiError, setCsrfToken } from '../app/api.js';
import { usePageTitle } from '../app/usePageTitle.js';
import { meKey } from '../features/identity/api.js';
import { type CallbackResult, completeOidc, useOidcSignup } from '../features/oidc/api.js';
import { Alert, Loading } from '../ui/feedback.js';
import { CheckboxField } from '../ui/fields.js';

/**
 * Where SPID/CIE sends the browser back: the query string goes to the API, which checks state,
 * PKCE and the ID token; a first login then asks for the privacy notice before the account exists.
 */
export function OidcCallbackPage() {
  const { t } = useTranslation();
  usePageTitle(t('oidc.callback.title'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [result, setResult] = useState<CallbackResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [showRequired, setShowRequired] = useState(false);
  const signup = useOidcSignup();
  // The callback is single use: never post it twice (React may run effects twice in development).
  const sent = useRef(false);

  const finish = async (csrfToken: string, returnTo: string) => {
    setCsrfToken(csrfToken);
    await qc.invalidateQueries({ queryKey: meKey });
    void navigate(returnTo, { replace: true });
  };

  useEffect(() => {
    if (sent.current) {
      return;
    }
    sent.current = true;
    completeOidc(window.location.search)
      .then(async (r) => {
        if (r.status === 'signed_in') {
          await finish(r.csrfToken, r.returnTo);
        } else {
          setResult(r);
        }
      })
      .catch((e: ApiError) => setError(e));
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!accepted) {
      setShowRequired(true);
      return;
    }
    if (result?.status === 'consent_required') {
      signup.mutate(result.ticket, { onSuccess: (r) => void finish(r.csrfToken, r.returnTo) });
    }
  };

  const failure = error ?? signup.error;
  if (failure) {
    return (
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1>{t('oidc.callback.failed')}</h1>
          <Alert kind="danger">
            <span data-testid="oidc-error">{failure.detail ?? t('errors.generic')}</span>
          </Alert>
          <Link to="/login">{t('oidc.callback.retry')}</Link>
        </div>
      </div>
    );
  }
  if (result?.status !== 'consent_required') {
    return (
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1>{t('oidc.callback.title')}</h1>
          <Loading label={t('oidc.callback.working')} />
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('oidc.consent.heading', { name: `${result.givenName} ${result.familyName}`.trim() })}</h1>
        <p className="lead">{t('oidc.consent.intro')}</p>
        <form onSubmit={onSubmit} noValidate>
          <section aria-labelledby="privacy-heading" className="callout">
            <h2 id="privacy-heading" className="h5">
              {t('oidc.consent.noticeHeading')}
            </h2>
            <p>{t('oidc.consent.notice')}</p>
            <p className="small mb-0">{t('oidc.consent.version', { version: result.privacyNoticeVersion })}</p>
          </section>
          {showRequired && !accepted ? <Alert kind="warning">{t('oidc.consent.required')}</Alert> : null}
          <CheckboxField name="acceptPrivacyNotice" label={t('oidc.consent.accept')} checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
          <button type="submit" className="btn btn-primary mt-3" disabled={signup.isPending}>
            {signup.isPending ? t('oidc.consent.submitting') : t('oidc.consent.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
