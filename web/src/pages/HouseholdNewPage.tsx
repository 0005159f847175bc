import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { HouseholdForm } from '../features/registry/components/HouseholdForm.js';

export function HouseholdNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.households.create'));
  const [params] = useSearchParams();
  return (
    <>
      <Link to="/registry">{t('registry.back')}</Link>
      <h1 className="mt-2">{t('registry.households.create')}</h1>
      <p>{t('registry.households.intro')}</p>
      <HouseholdForm firstMemberId={params.get('member') ?? undefined} />
    </>
  );
}
