import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.js';
import { CallList } from '../../features/calls/components/CallList.js';

export function CallsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.titles.list'));
  return (
    <>
      <h1>{t('calls.titles.list')}</h1>
      <CallList />
    </>
  );
}
