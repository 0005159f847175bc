import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Application, type Call, EXCLUSION_REASONS, type FactValue, pick, useDecision, useReview } from '../api.js';
import { enumKey } from '../labels.js';
import { EvaluationTable, factValue } from './EvaluationTable.js';

type Outcome = '' | 'confirmed' | 'rejected';

/** The office's review: declared vs verified facts, an outcome and a note per criterion, then admit or exclude. */
export function ReviewForm({ call, app }: { call: Call; app: Application }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const review = useReview(app.id);
  const decision = useDecision(app.id);
  const checkable = call.facts.filter((f) => f.source !== 'derived');
  const [verified, setVerified] = useState<Record<string, string>>(() =>
    Object.fromEntries(checkable.map((f) => [f.name, app.verified[f.name] === undefined ? '' : String(app.verified[f.name])])),
  );
  const [outcomes, setOutcomes] = useState<Record<string, { outcome: Outcome; note: string }>>(() =>
    Object.fromEntries(
      call.rules.criteria.map((c) => [c.code, { outcome: app.criterionReview[c.code]?.outcome ?? '', note: app.criterionReview[c.code]?.note ?? '' }]),
    ),
  );
  const [reason, setReason] = useState<(typeof EXCLUSION_REASONS)[number]>('requirements_not_met');
  const [note, setNote] = useState('');
  const editable = ['submitted', 'admitted', 'excluded'].includes(app.status) && call.status !== 'final' && call.policies.review;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const v: Record<string, FactValue> = {};
    for (const f of checkable) {
      const raw = verified[f.name] ?? '';
      if (raw !== '') {
        v[f.name] = f.kind === 'number' ? Number(raw.replace(',', '.')) : f.kind === 'boolean' ? raw === 'true' : raw;
      }
    }
    const criteria = Object.entries(outcomes)
      .filter(([, o]) => o.outcome !== '')
      .map(([code, o]) => ({ code, outcome: o.outcome as 'confirmed' | 'rejected', ...(o.note ? { note: o.note } : {}) }));
    review.mutate({ verified: v, criteria });
  };

  const outcomeControl = (code: string) =>
    editable ? (
      <div>
        <label htmlFor={`outcome-${code}`} className="visually-hidden">
          {t('calls.review.outcomeFor', { criterion: pick(call.rules.criteria.find((c) => c.code === code)?.label ?? { it: code, en: code }, lang) })}
        </label>
        <select
          id={`outcome-${code}`}
          className="form-select form-select-sm"
          value={outcomes[code]?.outcome ?? ''}
          onChange={(e) => setOutcomes({ ...outcomes, [code]: { outcome: e.target.value as Outcome, note: outcomes[code]?.note ?? '' } })}
        >
          <option value="">{t('calls.review.toCheck')}</option>
          <option value="confirmed">{t('calls.review.confirmed')}</option>
          <option value="rejected">{t('calls.review.rejected')}</option>
        </select>
        <label htmlFor={`note-${code}`} className="visually-hidden">
          {t('calls.review.noteFor', { criterion: code })}
        </label>
        <input
          id={`note-${code}`}
          className="form-control form-control-sm mt-1"
          placeholder={t('calls.review.note')}
          value={outcomes[code]?.note ?? ''}
          onChange={(e) => setOutcomes({ ...outcomes, [code]: { outcome: outcomes[code]?.outcome ?? '', note: e.target.value } })}
        />
      </div>
    ) : (
      <span>{app.criterionReview[code] ? t(`calls.review.${app.criterionReview[code].outcome}`) : '—'}</span>
    );

  return (
    <>
      <form onSubmit={save} noValidate>
        <h2 className="h4">{t('calls.review.factsHeading')}</h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('calls.review.factsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calls.review.fact')}</th>
                <th scope="col">{t('calls.review.declared')}</th>
                <th scope="col">{t('calls.review.verified')}</th>
              </tr>
            </thead>
            <tbody>
              {checkable.map((f) => (
                <tr key={f.name}>
                  <th scope="row" className="fw-normal">
                    {pick(f.label, lang)}
                    {f.source === 'assessed' ? <span className="d-block small">{t('calls.review.assessed')}</span> : null}
                  </th>
                  <td>{f.source === 'assessed' ? '—' : factValue(app.declared[f.name], f, t, lang)}</td>
                  <td>
                    {editable ? (
                      f.kind === 'number' ? (
                        <TextField
                          id={`verified-${f.name}`}
                          className="mb-0"
                          type="number"
                          label={t('calls.review.verifiedFor', { fact: pick(f.label, lang) })}
                          value={verified[f.name] ?? ''}
                          onChange={(e) => setVerified({ ...verified, [f.name]: e.target.value })}
                          error={review.error?.fieldErrors.find((x) => x.field === `verified.${f.name}`)?.message}
                        />
                      ) : (
                        <SelectField
                          id={`verified-${f.name}`}
                          className="mb-0"
                          label={t('calls.review.verifiedFor', { fact: pick(f.label, lang) })}
                          value={verified[f.name] ?? ''}
                          emptyOption={t('calls.review.asDeclared')}
                          onChange={(e) => setVerified({ ...verified, [f.name]: e.target.value })}
                          options={
                            f.kind === 'enum'
                              ? (f.values ?? []).map((v) => ({ value: v, label: t(enumKey(f.name, v)) }))
                              : [
                                  { value: 'true', label: t('calls.yes') },
                                  { value: 'false', label: t('calls.no') },
                                ]
                          }
                        />
                      )
                    ) : (
                      factValue(app.verified[f.name], f, t, lang)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 className="h4">{t('calls.review.criteriaHeading')}</h2>
        <EvaluationTable evaluation={app.evaluation} rules={call.rules} facts={call.facts} extra={outcomeControl} />
        {review.isError ? <Alert kind="danger">{review.error.message}</Alert> : null}
        {review.isSuccess ? <Alert kind="success">{t('calls.review.saved')}</Alert> : null}
        {editable ? (
          <button type="submit" className="btn btn-primary mb-4" disabled={review.isPending}>
            {t('calls.review.save')}
          </button>
        ) : null}
      </form>
      {editable ? (
        <section aria-labelledby="decision" className="border rounded p-3">
          <h2 id="decision" className="h4">
            {t('calls.review.decisionHeading')}
          </h2>
          {decision.isError ? <Alert kind="danger">{decision.error.fieldMessage('note') ?? decision.error.message}</Alert> : null}
          {decision.isSuccess ? <Alert kind="success">{t(`calls.review.decided.${decision.data.status}`)}</Alert> : null}
          <button type="button" className="btn btn-success me-2 mb-3" onClick={() => decision.mutate({ decision: 'admit' })} disabled={decision.isPending}>
            {t('calls.review.admit')}
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              decision.mutate({ decision: 'exclude', reason, note });
            }}
            noValidate
          >
            <SelectField
              id="exclusion-reason"
              label={t('calls.review.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as (typeof EXCLUSION_REASONS)[number])}
              options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`calls.exclusion.${r}`) }))}
            />
            <TextField id="exclusion-note" label={t('calls.review.exclusionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" className="btn btn-outline-danger" disabled={decision.isPending}>
              {t('calls.review.exclude')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
