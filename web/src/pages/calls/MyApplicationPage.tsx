import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { pick, useCall, useMyApplication } from '../../features/calls/api.js';
import { MyApplicationView } from '../../features/calls/components/MyApplicationView.js';
import { useMe } from '../../features/identity/api.js';
import { Alert, Loading } from '../../ui/feedback.js';

export function MyApplicationPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data;
  const app = useMyApplication(id);
  const call = useCall(app.data?.callId ?? '');
  usePageTitle(t('calls.titles.myApplication'));
  if (app.isPending || (app.data && call.isPending)) {
    return <Loading label={t('common.loading')} />;
  }
  if (app.isError) {
    return <Alert kind="danger">{app.error.status === 404 ? t('calls.notFound') : app.error.message}</Alert>;
  }
  if (!call.data) {
    return <Alert kind="danger">{call.error?.message ?? t('errors.generic')}</Alert>;
  }
  return (
    <>
      <Link to="/calls">{t('calls.back')}</Link>
      <h1 className="mt-2">{t('calls.titles.myApplication')}</h1>
      <p className="lead">{pick(app.data.callTitle, i18n.language)}</p>
      <MyApplicationView call={call.data} app={app.data} ente={me?.ente.slug ?? ''} />
    </>
  );
}
