import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { CaseCreateForm } from '../../features/cases/components/CaseCreateForm.js';

export function CaseNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.titles.new'));
  return (
    <>
      <h1>{t('cases.titles.new')}</h1>
      <p className="lead">{t('cases.new.intro')}</p>
      <CaseCreateForm />
    </>
  );
}
