import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { AGREEMENT_KINDS, type CaseDetail, todayInRome, useCaseAction } from '../api.js';

/** Agreements signed by the residents, with version and day. */
export function CaseAgreements({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const empty = { kind: 'cohabitation_agreement', title: '', version: '1', signedOn: todayInRome(), signedBy: '' };
  const [form, setForm] = useState(empty);
  const add = useCaseAction<typeof empty>(c.id, 'POST', () => '/agreements');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <section aria-labelledby="agreements-heading" className="mt-5">
      <h2 id="agreements-heading" className="h4">
        {t('cases.agreements.heading')}
      </h2>
      {c.agreements.length === 0 ? (
        <p>{t('cases.agreements.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('cases.agreements.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.agreements.title')}</th>
                <th scope="col">{t('cases.agreements.version')}</th>
                <th scope="col">{t('cases.agreements.signedOn')}</th>
                <th scope="col">{t('cases.agreements.signedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {c.agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    <span className="d-block small">{t(`cases.agreementKind.${a.kind}`)}</span>
                  </th>
                  <td>{a.version}</td>
                  <td>{formatDay(a.signedOn, i18n.language)}</td>
                  <td>{a.signedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.policies.write ? (
        <details>
          <summary className="btn btn-outline-primary btn-sm">{t('cases.agreements.add')}</summary>
          <form onSubmit={onSubmit} className="row mt-3">
            <SelectField
              className="col-md-4"
              id="agreement-kind"
              label={t('cases.agreements.kind')}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value })}
              options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`cases.agreementKind.${k}`) }))}
            />
            <TextField
              className="col-md-8"
              id="agreement-title"
              label={t('cases.agreements.title')}
              required
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
            <TextField
              className="col-md-2"
              id="agreement-version"
              label={t('cases.agreements.version')}
              required
              value={form.version}
              onChange={(e) => setForm({ ...form, version: e.target.value })}
            />
            <TextField
              className="col-md-3"
              id="agreement-signed"
              type="date"
              label={t('cases.agreements.signedOn')}
              required
              value={form.signedOn}
              onChange={(e) => setForm({ ...form, signedOn: e.target.value })}
            />
            <TextField
              className="col-md-7"
              id="agreement-by"
              label={t('cases.agreements.signedBy')}
              required
              value={form.signedBy}
              onChange={(e) => setForm({ ...form, signedBy: e.target.value })}
            />
            {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
            <div className="col-12">
              <button type="submit" className="btn btn-primary" disabled={add.isPending}>
                {t('cases.agreements.save')}
              </button>
            </div>
          </form>
        </details>
      ) : null}
    </section>
  );
}
