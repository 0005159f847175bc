import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { hasPermission, useMe } from '../../features/identity/api.js';
import { ChargeRuns } from '../../features/tenancies/components/ChargeRuns.js';
import { TenancyList } from '../../features/tenancies/components/TenancyList.js';

export function TenanciesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canManage = hasPermission(me, 'tenancy:manage');
  usePageTitle(t('tenancies.titles.list'));
  return (
    <>
      <h1>{t('tenancies.titles.list')}</h1>
      <p className="lead">{t('tenancies.list.intro')}</p>
      <p className="d-flex flex-wrap gap-2">
        {canManage ? (
          <Link className="btn btn-primary" to="/tenancies/new">
            {t('tenancies.list.new')}
          </Link>
        ) : null}
        {canManage ? (
          <Link className="btn btn-outline-primary" to="/tenancies/payments">
            {t('tenancies.list.payments')}
          </Link>
        ) : null}
        <Link className="btn btn-outline-primary" to="/tenancies/arrears">
          {t('tenancies.titles.arrears')}
        </Link>
      </p>
      <TenancyList />
      <ChargeRuns canRun={canManage} />
    </>
  );
}
