import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Factors, type PlanPair, useAllocationCalls, useConfirmPlan, useExplanation, useOverview, usePlanAction } from '../api.js';
import { QuestionnaireForm } from './MyAllocation.js';

function FactorList({ factors }: { factors: Factors }) {
  const { t } = useTranslation();
  return (
    <ul className="list-unstyled small mb-0">
      {Object.entries(factors).map(([k, v]) => (
        <li key={k}>
          {t(`allocation.factors.${k}`)}: {v}
        </li>
      ))}
    </ul>
  );
}

function Explanation({ callId, pair }: { callId: string; pair: PlanPair }) {
  const { t } = useTranslation();
  const ex = useExplanation(callId, true);
  if (ex.isPending) {
    return <Loading label={t('allocation.loading')} />;
  }
  const people = (ex.data ?? []).filter((e) => e.applicationId === pair.a.applicationId || e.applicationId === pair.b.applicationId);
  return (
    <section aria-labelledby="explain-title" className="card card-bg p-3 my-3">
      <h3 id="explain-title" className="h5">
        {t('allocation.explain.title', { a: pair.a.name, b: pair.b.name })}
      </h3>
      <p>{t('allocation.explain.score', { score: pair.score })}</p>
      <FactorList factors={pair.factors} />
      {pair.unit && (
        <div className="mt-2">
          <p className="mb-1">{t('allocation.explain.flat', { code: pair.unit.code, score: pair.placeScore ?? 0 })}</p>
          <FactorList factors={pair.placeFactors} />
        </div>
      )}
      <ul className="mt-2">
        {people.map((e) => (
          <li key={e.applicationId}>
            {e.alternative
              ? t('allocation.explain.alternative', { name: e.name, other: e.alternative.name, cost: e.alternative.cost })
              : e.locked
                ? t('allocation.explain.locked', { name: e.name })
                : t('allocation.explain.none', { name: e.name })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OperatorAllocation() {
  const { t } = useTranslation();
  const calls = useAllocationCalls();
  const [callId, setCallId] = useState<string>('');
  useEffect(() => {
    if (!callId && calls.data?.[0]) {
      setCallId(calls.data[0].id);
    }
  }, [calls.data, callId]);
  const ov = useOverview(callId || undefined);
  const action = usePlanAction(callId);
  const confirm = useConfirmPlan(callId);
  const [delta, setDelta] = useState<number | null>(null);
  const [explained, setExplained] = useState<string | null>(null);
  const [days, setDays] = useState('10');
  const [filling, setFilling] = useState<string | null>(null);
  if (calls.isPending) {
    return <Loading label={t('allocation.loading')} />;
  }
  if (!calls.data?.length) {
    return <Alert kind="info">{t('allocation.noCalls')}</Alert>;
  }
  const plan = ov.data?.plan ?? null;
  const draft = plan?.status !== 'confirmed';
  const filled = ov.data?.questionnaires.filter((q) => q.filled).length ?? 0;
  const run = (a: Parameters<typeof action.mutate>[0]) => action.mutate(a, { onSuccess: (r) => setDelta(r.delta) });
  const explainedPair = plan?.pairs.find((p) => p.id === explained);
  return (
    <>
      <SelectField
        label={t('allocation.call')}
        value={callId}
        onChange={(e) => setCallId(e.target.value)}
        options={calls.data.map((c) => ({ value: c.id, label: c.title }))}
      />
      {ov.isPending && <Loading label={t('allocation.loading')} />}
      {ov.data && (
        <>
          <section aria-labelledby="q-title">
            <h2 id="q-title" className="h4">
              {t('allocation.questionnaires.title')}
            </h2>
            <p>{t('allocation.questionnaires.count', { filled, total: ov.data.questionnaires.length, flats: ov.data.flats })}</p>
            {filled < ov.data.questionnaires.length && (
              <details>
                <summary>{t('allocation.questionnaires.missing')}</summary>
                <ul>
                  {ov.data.questionnaires
                    .filter((q) => !q.filled)
                    .map((q) => (
                      <li key={q.applicationId}>
                        {q.name}{' '}
                        <button
                          type="button"
                          className="btn btn-link p-0"
                          aria-label={t('allocation.questionnaires.fillFor', { name: q.name })}
                          onClick={() => setFilling(q.applicationId)}
                        >
                          {t('allocation.questionnaires.fill')}
                        </button>
                      </li>
                    ))}
                </ul>
              </details>
            )}
            {filling && draft && <QuestionnaireForm key={filling} applicationId={filling} />}
          </section>
          <section aria-labelledby="plan-title" className="mt-4">
            <h2 id="plan-title" className="h4">
              {t('allocation.plan.title')}{' '}
              {plan && <StatusBadge kind={draft ? 'warning' : 'success'}>{t(`allocation.plan.status.${plan.status}`)}</StatusBadge>}
            </h2>
            {action.error && <Alert kind="danger">{action.error.message}</Alert>}
            {draft && (
              <button type="button" className="btn btn-primary mb-3" disabled={action.isPending} onClick={() => run({ kind: 'compute' })}>
                {plan ? t('allocation.plan.recompute') : t('allocation.plan.compute')}
              </button>
            )}
            {delta !== null && <Alert kind="info">{t('allocation.plan.delta', { delta: delta > 0 ? `+${delta}` : String(delta) })}</Alert>}
            {plan && (
              <>
                <p>
                  {t('allocation.plan.totals', {
                    pairs: plan.pairs.filter((p) => p.status !== 'broken').length,
                    total: plan.pairTotal,
                    place: plan.placeTotal,
                  })}
                </p>
                <div className="table-responsive">
                  <table className="table table-sm">
                    <caption>{t('allocation.plan.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('allocation.plan.cols.pair')}</th>
                        <th scope="col">{t('allocation.plan.cols.score')}</th>
                        <th scope="col">{t('allocation.plan.cols.flat')}</th>
                        <th scope="col">{t('allocation.plan.cols.state')}</th>
                        <th scope="col">{t('allocation.plan.cols.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {plan.pairs.map((p) => {
                        const ids: [string, string] = [p.a.applicationId, p.b.applicationId];
                        const label = `${p.a.name} – ${p.b.name}`;
                        return (
                          <tr key={p.id}>
                            <th scope="row">
                              {p.a.name} ({p.a.age}) – {p.b.name} ({p.b.age}){' '}
                              {p.locked && <StatusBadge kind="primary">{t('allocation.plan.locked')}</StatusBadge>}
                            </th>
                            <td>{p.score}</td>
                            <td>{p.unit ? `${p.unit.code} · ${p.unit.neighbourhood ?? p.unit.address}` : t('allocation.plan.noFlat')}</td>
                            <td>
                              {t(`allocation.pairStatus.${p.status}`)}
                              {p.offers.length > 0 && (
                                <ul className="list-unstyled small mb-0">
                                  {p.offers.map((o) => (
                                    <li key={o.id}>
                                      {(o.applicationId === p.a.applicationId ? p.a.name : p.b.name) ?? ''}: {t(`allocation.offerStatus.${o.status}`)}
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </td>
                            <td>
                              <div className="d-flex flex-wrap gap-1">
                                <button
                                  type="button"
                                  className="btn btn-outline-primary btn-xs"
                                  aria-label={t('allocation.plan.explainLabel', { pair: label })}
                                  onClick={() => setExplained(explained === p.id ? null : p.id)}
                                >
                                  {t('allocation.plan.explain')}
                                </button>
                                {draft && (
                                  <>
                                    <button
                                      type="button"
                                      className="btn btn-outline-primary btn-xs"
                                      disabled={action.isPending}
                                      aria-label={t(p.locked ? 'allocation.plan.unlockLabel' : 'allocation.plan.lockLabel', { pair: label })}
                                      onClick={() => run({ kind: 'adjust', body: p.locked ? { unlock: ids } : { lock: ids } })}
                                    >
                                      {p.locked ? t('allocation.plan.unlock') : t('allocation.plan.lock')}
                                    </button>
                                    <button
                                      type="button"
                                      className="btn btn-outline-danger btn-xs"
                                      disabled={action.isPending || p.locked}
                                      aria-label={t('allocation.plan.forbidLabel', { pair: label })}
                                      onClick={() => run({ kind: 'adjust', body: { forbid: ids } })}
                                    >
                                      {t('allocation.plan.forbid')}
                                    </button>
                                  </>
                                )}
                              </div>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                {explainedPair && <Explanation callId={callId} pair={explainedPair} />}
                {plan.unpaired.length > 0 && <p>{t('allocation.plan.unpaired', { names: plan.unpaired.map((u) => u.name).join(', ') })}</p>}
                {plan.forbidden.length > 0 && draft && (
                  <p>
                    {t('allocation.plan.forbiddenCount', { n: plan.forbidden.length })}{' '}
                    <button
                      type="button"
                      className="btn btn-link p-0"
                      onClick={() => run({ kind: 'adjust', body: { unlock: plan.forbidden[plan.forbidden.length - 1] as [string, string] } })}
                    >
                      {t('allocation.plan.releaseLast')}
                    </button>
                  </p>
                )}
                <form
                  className="card card-bg p-3 mt-3"
                  onSubmit={(e) => {
                    e.preventDefault();
                    confirm.mutate(Number(days));
                  }}
                >
                  <h3 className="h5">{draft ? t('allocation.confirm.title') : t('allocation.confirm.again')}</h3>
                  <TextField
                    label={t('allocation.confirm.days')}
                    type="number"
                    min={1}
                    max={60}
                    value={days}
                    onChange={(e) => setDays(e.target.value)}
                    required
                  />
                  {confirm.error && <Alert kind="danger">{confirm.error.message}</Alert>}
                  {confirm.data && <Alert kind="success">{t('allocation.confirm.done', { n: confirm.data.offers })}</Alert>}
                  <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
                    {t('allocation.confirm.submit')}
                  </button>
                </form>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
