import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { useArrears } from '../api.js';
import { LEVEL_BADGE } from '../labels.js';

/** Early-warning list, highest risk first, each score with its reasons. */
export function ArrearsList() {
  const { t, i18n } = useTranslation();
  const arrears = useArrears();
  const money = (c: number) => formatCents(c, i18n.language);
  return (
    <section aria-labelledby="arrears-heading">
      <h2 id="arrears-heading" className="h4">
        {t('tenancies.arrears.heading')}
      </h2>
      <p>{t('tenancies.arrears.intro')}</p>
      {arrears.isPending ? <Loading label={t('common.loading')} /> : null}
      {arrears.isError ? <Alert kind="danger">{arrears.error.message}</Alert> : null}
      {arrears.data ? (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption>{t('tenancies.arrears.caption', { count: arrears.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tenancies.arrears.risk')}</th>
                <th scope="col">{t('tenancies.list.code')}</th>
                <th scope="col">{t('tenancies.list.tenant')}</th>
                <th scope="col">{t('tenancies.list.unit')}</th>
                <th scope="col" className="text-end">
                  {t('tenancies.list.balance')}
                </th>
                <th scope="col">{t('tenancies.arrears.why')}</th>
              </tr>
            </thead>
            <tbody>
              {arrears.data.items.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t('tenancies.arrears.empty')}</td>
                </tr>
              ) : null}
              {arrears.data.items.map((a) => (
                <tr key={a.tenancyId}>
                  <td className="text-nowrap">
                    <StatusBadge kind={LEVEL_BADGE[a.arrears.level]}>{t(`tenancies.level.${a.arrears.level}`)}</StatusBadge>
                    <span className="d-block small">{t('tenancies.arrears.score', { score: a.arrears.score })}</span>
                  </td>
                  <th scope="row">
                    <Link to={`/tenancies/${a.tenancyId}`}>{a.code}</Link>
                  </th>
                  <td>
                    {a.tenantName}
                    <span className="d-block small">{t(`programs.${a.program}`)}</span>
                  </td>
                  <td>
                    {a.unitCode}
                    {a.estateName ? <span className="d-block small">{a.estateName}</span> : null}
                  </td>
                  <td className="text-end text-nowrap">
                    {money(a.balanceCents)}
                    <span className="d-block small">
                      {a.lastPaymentDate
                        ? t('tenancies.arrears.lastPayment', { day: formatDay(a.lastPaymentDate, i18n.language) })
                        : t('tenancies.arrears.noPayment')}
                    </span>
                  </td>
                  <td>
                    <ul className="small mb-0 ps-3">
                      {a.arrears.lines.map((l) => (
                        <li key={l.code}>{l.text}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
