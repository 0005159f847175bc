import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { AgedArrears } from '../../features/tenancies/components/AgedArrears.js';
import { ArrearsList } from '../../features/tenancies/components/ArrearsList.js';

export function ArrearsPage() {
  const { t } = useTranslation();
  usePageTitle(t('tenancies.titles.arrears'));
  return (
    <>
      <Link to="/tenancies">{t('tenancies.back')}</Link>
      <h1 className="mt-2">{t('tenancies.titles.arrears')}</h1>
      <ArrearsList />
      <AgedArrears />
    </>
  );
}
