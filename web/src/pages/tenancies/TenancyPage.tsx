import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { hasPermission, useMe } from '../../features/identity/api.js';
import { useTenancy } from '../../features/tenancies/api.js';
import { TenancyDetail } from '../../features/tenancies/components/TenancyDetail.js';
import { Alert, Loading } from '../../ui/feedback.js';

export function TenancyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe().data;
  const tenancy = useTenancy(id);
  usePageTitle(tenancy.data ? t('tenancies.titles.one', { code: tenancy.data.code }) : t('tenancies.titles.list'));
  return (
    <>
      <Link to="/tenancies">{t('tenancies.back')}</Link>
      {tenancy.isPending ? <Loading label={t('common.loading')} /> : null}
      {tenancy.isError ? <Alert kind="danger">{tenancy.error.status === 404 ? t('tenancies.notFound') : tenancy.error.message}</Alert> : null}
      {tenancy.data ? (
        <>
          <h1 className="mt-2">{t('tenancies.titles.one', { code: tenancy.data.code })}</h1>
          {(location.state as { created?: boolean } | null)?.created ? <Alert kind="success">{t('tenancies.form.created')}</Alert> : null}
          <TenancyDetail tenancy={tenancy.data} canManage={hasPermission(me, 'tenancy:manage')} />
        </>
      ) : null}
    </>
  );
}
