import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../ui/feedback.js';
import type { ProgramPeriod, StatusPeriod } from '../api.js';
import { formatDay, programLabel, STATUS_BADGE, statusLabel } from '../labels.js';

function Period({ from, to }: { from: string; to: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <td>
        <time dateTime={from}>{formatDay(from, i18n.language)}</time>
      </td>
      <td>{to ? <time dateTime={to}>{formatDay(to, i18n.language)}</time> : t('stock.history.ongoing')}</td>
    </>
  );
}

/** The unit's history: its status periods and the programs it served, newest first. */
export function Timelines({ statuses, programs }: { statuses: StatusPeriod[]; programs: ProgramPeriod[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="history-heading" className="mt-5">
      <h2 id="history-heading" className="h4">
        {t('stock.history.heading')}
      </h2>
      <p>{t('stock.history.intro')}</p>
      <div className="table-responsive">
        <table className="table table-sm align-middle" data-testid="status-timeline">
          <caption>{t('stock.history.statusCaption', { count: statuses.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stock.history.status')}</th>
              <th scope="col">{t('stock.history.from')}</th>
              <th scope="col">{t('stock.history.to')}</th>
              <th scope="col">{t('stock.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('stock.history.noStatus')}</td>
              </tr>
            ) : null}
            {statuses.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <StatusBadge kind={STATUS_BADGE[s.status] ?? 'secondary'}>{statusLabel(t, s.status)}</StatusBadge>
                </th>
                <Period from={s.from} to={s.to} />
                <td>{s.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-responsive mt-4">
        <table className="table table-sm align-middle" data-testid="program-timeline">
          <caption>{t('stock.history.programCaption', { count: programs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stock.history.program')}</th>
              <th scope="col">{t('stock.history.from')}</th>
              <th scope="col">{t('stock.history.to')}</th>
              <th scope="col">{t('stock.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {programs.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('stock.history.noProgram')}</td>
              </tr>
            ) : null}
            {programs.map((p) => (
              <tr key={p.id}>
                <th scope="row">{programLabel(t, p)}</th>
                <Period from={p.from} to={p.to} />
                <td>{p.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
