import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField } from '../../../ui/fields.js';
import { usePreferences, useSavePreferences } from '../api.js';

/** The channels I receive messages on: in-app always, email and App IO by choice. */
export function PreferencesForm() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const p = prefs.data;
  if (!p) {
    return null;
  }
  const change = (patch: Partial<{ email: boolean; io: boolean }>) => save.mutate({ email: p.email, io: p.io, ...patch });
  return (
    <section aria-labelledby="channels-heading" className="mt-5">
      <h2 id="channels-heading" className="h4">
        {t('notifications.channels.heading')}
      </h2>
      <p>{t('notifications.channels.intro')}</p>
      {save.error ? <Alert kind="danger">{save.error.detail ?? t('errors.generic')}</Alert> : null}
      {save.isSuccess ? (
        <Alert kind="success">
          <span role="status">{t('notifications.channels.saved')}</span>
        </Alert>
      ) : null}
      <fieldset>
        <legend className="visually-hidden">{t('notifications.channels.heading')}</legend>
        <CheckboxField name="inApp" label={t('notifications.channels.inApp')} checked disabled readOnly />
        <CheckboxField
          name="email"
          label={p.emailAddress ? t('notifications.channels.email', { address: p.emailAddress }) : t('notifications.channels.emailMissing')}
          checked={p.email}
          disabled={!p.emailAddress || save.isPending}
          onChange={(e) => change({ email: e.target.checked })}
        />
        <CheckboxField
          name="io"
          label={p.ioAvailable ? t('notifications.channels.io') : t('notifications.channels.ioMissing')}
          checked={p.io}
          disabled={!p.ioAvailable || save.isPending}
          onChange={(e) => change({ io: e.target.checked })}
        />
      </fieldset>
    </section>
  );
}
