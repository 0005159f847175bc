import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { hasPermission, useMe } from '../features/identity/api.js';
import { useHousehold } from '../features/registry/api.js';
import { HouseholdDetail } from '../features/registry/components/HouseholdDetail.js';
import { Alert, Loading } from '../ui/feedback.js';

export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data;
  const household = useHousehold(id);
  usePageTitle(household.data?.name ?? t('registry.titles.household'));
  return (
    <>
      <Link to="/registry">{t('registry.back')}</Link>
      {household.isPending ? <Loading label={t('common.loading')} /> : null}
      {household.isError ? <Alert kind="danger">{household.error.status === 404 ? t('registry.notFound') : household.error.message}</Alert> : null}
      {household.data ? (
        <>
          <h1 className="mt-2">{household.data.name}</h1>
          <HouseholdDetail household={household.data} canWrite={hasPermission(me, 'registry:write')} />
        </>
      ) : null}
    </>
  );
}
