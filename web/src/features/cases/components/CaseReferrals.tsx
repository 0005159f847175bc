import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type CaseDetail, todayInRome, useCaseAction, useDirectory } from '../api.js';

/** Referrals to other organisations, with acceptance and outcome. */
export function CaseReferrals({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const empty = { toOrganisationId: '', service: '', reason: '', referredOn: todayInRome() };
  const [form, setForm] = useState(empty);
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const send = useCaseAction<typeof empty>(c.id, 'POST', () => '/referrals');
  const respond = useCaseAction<{ id: string; accepted: boolean }>(
    c.id,
    'POST',
    (b) => `/referrals/${b.id}/response`,
    (b) => ({ accepted: b.accepted, on: todayInRome() }),
  );
  const complete = useCaseAction<{ id: string; outcome: string }>(
    c.id,
    'POST',
    (b) => `/referrals/${b.id}/outcome`,
    (b) => ({ outcome: b.outcome, on: todayInRome() }),
  );
  const error = send.error ?? respond.error ?? complete.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <section aria-labelledby="referrals-heading" className="mt-5">
      <h2 id="referrals-heading" className="h4">
        {t('cases.referrals.heading')}
      </h2>
      {error ? <Alert kind="danger">{error.message}</Alert> : null}
      {c.referrals.length === 0 ? <p>{t('cases.referrals.empty')}</p> : null}
      <ul className="list-unstyled">
        {c.referrals.map((r) => (
          <li key={r.id} className="border-bottom py-2">
            <strong>
              {r.fromOrganisation ?? '—'} → {r.toOrganisation}
            </strong>{' '}
            <StatusBadge kind={r.status === 'declined' ? 'danger' : r.status === 'completed' ? 'success' : 'primary'}>
              {t(`cases.referralStatus.${r.status}`)}
            </StatusBadge>
            <div className="small">
              {r.service} · {formatDay(r.referredOn, i18n.language)}
            </div>
            <p className="mb-1">{r.reason}</p>
            {r.outcome ? (
              <p className="mb-1 small">{t('cases.referrals.outcomeWas', { outcome: r.outcome, day: formatDay(r.outcomeOn, i18n.language) })}</p>
            ) : null}
            {c.policies.write && r.status === 'sent' ? (
              <div className="d-flex gap-2">
                <button type="button" className="btn btn-sm btn-outline-success" onClick={() => respond.mutate({ id: r.id, accepted: true })}>
                  {t('cases.referrals.accept')}
                </button>
                <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => respond.mutate({ id: r.id, accepted: false })}>
                  {t('cases.referrals.decline')}
                </button>
              </div>
            ) : null}
            {c.policies.write && r.status === 'accepted' ? (
              <form
                className="row g-2 align-items-end"
                onSubmit={(e) => {
                  e.preventDefault();
                  complete.mutate({ id: r.id, outcome: outcome[r.id] ?? '' });
                }}
              >
                <TextField
                  className="col-md-8"
                  id={`outcome-${r.id}`}
                  label={t('cases.referrals.outcome')}
                  required
                  value={outcome[r.id] ?? ''}
                  onChange={(e) => setOutcome({ ...outcome, [r.id]: e.target.value })}
                />
                <div className="col-md-4 mb-4">
                  <button type="submit" className="btn btn-sm btn-primary">
                    {t('cases.referrals.saveOutcome')}
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {c.policies.write ? (
        <details>
          <summary className="btn btn-outline-primary btn-sm">{t('cases.referrals.add')}</summary>
          <form onSubmit={onSubmit} className="row mt-3">
            <SelectField
              className="col-md-6"
              id="referral-to"
              label={t('cases.referrals.to')}
              required
              value={form.toOrganisationId}
              emptyOption={t('cases.referrals.choose')}
              onChange={(e) => setForm({ ...form, toOrganisationId: e.target.value })}
              options={(directory.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField
              className="col-md-6"
              id="referral-service"
              label={t('cases.referrals.service')}
              required
              value={form.service}
              onChange={(e) => setForm({ ...form, service: e.target.value })}
            />
            <TextField
              className="col-md-9"
              id="referral-reason"
              label={t('cases.referrals.reason')}
              required
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
            <TextField
              className="col-md-3"
              id="referral-on"
              type="date"
              label={t('cases.referrals.on')}
              required
              value={form.referredOn}
              onChange={(e) => setForm({ ...form, referredOn: e.target.value })}
            />
            <div className="col-12">
              <button type="submit" className="btn btn-primary" disabled={send.isPending}>
                {t('cases.referrals.send')}
              </button>
            </div>
          </form>
        </details>
      ) : null}
    </section>
  );
}
