import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { CallCreateForm } from '../../features/calls/components/CallCreateForm.js';

export function CallNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.create.heading'));
  return (
    <>
      <Link to="/calls">{t('calls.back')}</Link>
      <h1 className="mt-2">{t('calls.create.heading')}</h1>
      <CallCreateForm />
    </>
  );
}
