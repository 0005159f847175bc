import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { PaymentImportForm, UnmatchedQueue } from '../../features/tenancies/components/PaymentsDesk.js';

export function PaymentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('tenancies.titles.payments'));
  return (
    <>
      <Link to="/tenancies">{t('tenancies.back')}</Link>
      <h1 className="mt-2">{t('tenancies.titles.payments')}</h1>
      <PaymentImportForm />
      <UnmatchedQueue />
    </>
  );
}
