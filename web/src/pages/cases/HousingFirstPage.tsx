import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { HousingFirstDashboard } from '../../features/cases/components/HousingFirstDashboard.js';

export function HousingFirstPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.titles.housingFirst'));
  return (
    <>
      <h1>{t('cases.titles.housingFirst')}</h1>
      <p className="lead">{t('cases.hf.intro')}</p>
      <HousingFirstDashboard />
    </>
  );
}
