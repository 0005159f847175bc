import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { MyHome } from '../../features/tenancies/components/MyHome.js';

export function MyHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('tenancies.titles.mine'));
  return (
    <>
      <h1>{t('tenancies.titles.mine')}</h1>
      <p className="lead">{t('tenancies.mine.intro')}</p>
      <MyHome />
    </>
  );
}
