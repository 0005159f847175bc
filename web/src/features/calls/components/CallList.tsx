import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { pick, useCalls, useMyApplications } from '../api.js';
import { PHASE_BADGE, STATUS_BADGE } from '../labels.js';

/** Calls the user can see; applicants also see their own applications. */
export function CallList() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const applicant = hasPermission(me, 'application:submit');
  const calls = useCalls();
  const mine = useMyApplications(applicant);
  return (
    <>
      {hasPermission(me, 'call:manage') ? (
        <Link className="btn btn-primary mb-3" to="/calls/new">
          {t('calls.create.heading')}
        </Link>
      ) : null}
      {applicant ? (
        <section aria-labelledby="my-applications" className="mb-5">
          <h2 id="my-applications" className="h4">
            {t('calls.mine.heading')}
          </h2>
          {mine.isPending ? <Loading label={t('common.loading')} /> : null}
          {mine.data && mine.data.length === 0 ? <p>{t('calls.mine.none')}</p> : null}
          {mine.data && mine.data.length > 0 ? (
            <ul className="list-unstyled" data-testid="my-applications">
              {mine.data.map((a) => (
                <li key={a.id} className="mb-2">
                  <Link to={`/my/applications/${a.id}`}>{pick(a.callTitle, i18n.language)}</Link>{' '}
                  <StatusBadge kind={STATUS_BADGE[a.status]}>{t(`calls.appStatus.${a.status}`)}</StatusBadge>
                  {a.protocol ? <span>{t('calls.protocolShort', { protocol: a.protocol })}</span> : null}
                  {a.ranking?.position ? <span> · {t('calls.mine.position', { position: a.ranking.position, total: a.ranking.total })}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="calls-list">
        <h2 id="calls-list" className="h4">
          {t('calls.list.heading')}
        </h2>
        {calls.isPending ? <Loading label={t('common.loading')} /> : null}
        {calls.isError ? <Alert kind="danger">{calls.error.message}</Alert> : null}
        {calls.data && calls.data.length === 0 ? <p>{t('calls.list.none')}</p> : null}
        {calls.data && calls.data.length > 0 ? (
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t('calls.list.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calls.fields.title')}</th>
                  <th scope="col">{t('calls.fields.program')}</th>
                  <th scope="col">{t('calls.fields.phase')}</th>
                  <th scope="col">{t('calls.fields.opensAt')}</th>
                  <th scope="col">{t('calls.fields.closesAt')}</th>
                </tr>
              </thead>
              <tbody>
                {calls.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/calls/${c.id}`}>{pick(c.title, i18n.language)}</Link>
                    </td>
                    <td>{t(`programs.${c.program}`)}</td>
                    <td>
                      <StatusBadge kind={PHASE_BADGE[c.phase]}>{t(`calls.phase.${c.phase}`)}</StatusBadge>
                    </td>
                    <td>{formatDateTime(c.opensAt, i18n.language)}</td>
                    <td>{formatDateTime(c.closesAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
