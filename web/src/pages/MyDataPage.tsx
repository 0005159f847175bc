import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle.js';
import { MyData } from '../features/registry/components/MyData.js';

export function MyDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.me.heading'));
  return (
    <>
      <h1>{t('registry.me.heading')}</h1>
      <MyData />
    </>
  );
}
