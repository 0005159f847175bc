import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { TenancyForm } from '../../features/tenancies/components/TenancyForm.js';

export function TenancyNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('tenancies.titles.new'));
  return (
    <>
      <Link to="/tenancies">{t('tenancies.back')}</Link>
      <h1 className="mt-2">{t('tenancies.titles.new')}</h1>
      <p className="lead">{t('tenancies.form.intro')}</p>
      <TenancyForm />
    </>
  );
}
