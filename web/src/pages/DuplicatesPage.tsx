import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { DuplicateList } from '../features/registry/components/DuplicateList.js';

export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.duplicates.heading'));
  return (
    <>
      <Link to="/registry">{t('registry.back')}</Link>
      <h1 className="mt-2">{t('registry.duplicates.heading')}</h1>
      <p>{t('registry.duplicates.intro')}</p>
      <DuplicateList />
    </>
  );
}
