import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { type CaseDetail, todayInRome, useCaseAction } from '../api.js';

/** The accompaniment path: stages in order, each with its checklist. */
export function CasePath({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const start = useCaseAction<string>(
    c.id,
    'POST',
    (stage) => `/stages/${stage}/start`,
    () => undefined,
  );
  const tick = useCaseAction<{ stage: string; item: string; done: boolean }>(
    c.id,
    'PUT',
    (b) => `/checklist/${b.stage}/${b.item}`,
    (b) => ({ done: b.done, on: todayInRome() }),
  );
  const error = start.error ?? tick.error;
  return (
    <section aria-labelledby="path-heading" className="mt-5">
      <h2 id="path-heading" className="h4">
        {t('cases.path.heading')}
      </h2>
      {error ? <Alert kind="danger">{error.message}</Alert> : null}
      <ol className="list-unstyled row g-3">
        {c.stages.map((s) => {
          const done = s.checklist.filter((i) => i.doneOn).length;
          return (
            <li key={s.key} className="col-12 col-lg-6" data-testid={`stage-${s.key}`}>
              <div className={`card shadow-sm h-100${s.status === 'active' ? ' border border-primary' : ''}`}>
                <div className="card-body">
                  <h3 className="h6 card-title">
                    {s.position}. {t(`cases.stage.${s.key}`)}{' '}
                    <StatusBadge kind={s.status === 'active' ? 'primary' : s.status === 'done' ? 'success' : 'secondary'}>
                      {t(`cases.stageStatus.${s.status}`)}
                    </StatusBadge>
                  </h3>
                  <p className="small mb-2">
                    {t('cases.path.checked', { done, total: s.checklist.length })}
                    {s.startedOn ? ` · ${t('cases.path.started', { day: formatDay(s.startedOn, i18n.language) })}` : ''}
                  </p>
                  <ul className="list-unstyled mb-2">
                    {s.checklist.map((i) => {
                      const id = `chk-${s.key}-${i.key}`;
                      return (
                        <li key={i.key} className="form-check">
                          <input
                            id={id}
                            type="checkbox"
                            checked={i.doneOn !== null}
                            disabled={!c.policies.write || tick.isPending}
                            onChange={(e) => tick.mutate({ stage: s.key, item: i.key, done: e.target.checked })}
                          />
                          <label htmlFor={id}>
                            {t(`cases.item.${i.key}`)}
                            {i.doneOn ? <span className="small ms-1">({formatDay(i.doneOn, i18n.language)})</span> : null}
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                  {c.policies.write && s.status !== 'active' ? (
                    <button type="button" className="btn btn-sm btn-outline-primary" disabled={start.isPending} onClick={() => start.mutate(s.key)}>
                      {t('cases.path.start', { stage: t(`cases.stage.${s.key}`) })}
                    </button>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
