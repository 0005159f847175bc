import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { FamilyStays } from '../../features/stays/components/FamilyStays.js';

export function MyStaysPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.family'));
  return (
    <>
      <h1>{t('stays.titles.family')}</h1>
      <p>{t('stays.family.intro')}</p>
      <FamilyStays />
    </>
  );
}
