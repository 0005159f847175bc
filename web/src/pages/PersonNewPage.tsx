import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { PersonForm } from '../features/registry/components/PersonForm.js';

export function PersonNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.create.heading'));
  return (
    <>
      <Link to="/registry">{t('registry.back')}</Link>
      <h1 className="mt-2">{t('registry.create.heading')}</h1>
      <PersonForm />
    </>
  );
}
