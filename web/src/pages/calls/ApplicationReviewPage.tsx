import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../app/format.js';
import { usePageTitle } from '../../app/usePageTitle.js';
import { pick, useApplication, useCall, useStaffUpload } from '../../features/calls/api.js';
import { DocumentUpload } from '../../features/calls/components/DocumentUpload.js';
import { IntegrationRequestForm } from '../../features/calls/components/IntegrationPanels.js';
import { ReviewForm } from '../../features/calls/components/ReviewForm.js';
import { STATUS_BADGE } from '../../features/calls/labels.js';
import { Alert, Loading, StatusBadge } from '../../ui/feedback.js';

export function ApplicationReviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const app = useApplication(id);
  const call = useCall(app.data?.callId ?? '');
  const upload = useStaffUpload(id);
  usePageTitle(app.data?.protocol ? t('calls.titles.application', { protocol: app.data.protocol }) : t('calls.titles.review'));
  if (app.isPending || (app.data && call.isPending)) {
    return <Loading label={t('common.loading')} />;
  }
  if (app.isError) {
    return <Alert kind="danger">{app.error.status === 404 ? t('calls.notFound') : app.error.message}</Alert>;
  }
  if (call.isError || !call.data) {
    return <Alert kind="danger">{call.error?.message ?? t('errors.generic')}</Alert>;
  }
  const a = app.data;
  return (
    <>
      <Link to={`/calls/${a.callId}`}>{t('calls.backToCall', { title: pick(a.callTitle, lang) })}</Link>
      <h1 className="mt-2">{t('calls.titles.application', { protocol: a.protocol ?? '—' })}</h1>
      <p>
        <StatusBadge kind={STATUS_BADGE[a.status]}>{t(`calls.appStatus.${a.status}`)}</StatusBadge>
        {a.exclusion ? <span>{t('calls.mine.excluded', { reason: t(`calls.exclusion.${a.exclusion.reason}`) })}</span> : null}
      </p>
      <div className="row">
        <section aria-labelledby="applicant-heading" className="col-md-6">
          <h2 id="applicant-heading" className="h4">
            {t('calls.applications.applicant')}
          </h2>
          <dl>
            <dt>{t('calls.apply.name')}</dt>
            <dd>
              {a.applicant.givenName} {a.applicant.familyName}
            </dd>
            <dt>{t('calls.apply.codiceFiscale')}</dt>
            <dd>{a.applicant.codiceFiscale ?? '—'}</dd>
            <dt>{t('calls.apply.birthDate')}</dt>
            <dd>{a.applicant.birthDate}</dd>
            <dt>{t('calls.applications.submitted')}</dt>
            <dd>{a.submittedAt ? formatDateTime(a.submittedAt, lang) : '—'}</dd>
          </dl>
          <h3 className="h5">{t('calls.apply.steps.household')}</h3>
          {a.household.length === 0 ? <p>{t('calls.apply.livesAlone')}</p> : null}
          <ul>
            {a.household.map((m) => (
              <li key={`${m.givenName}-${m.birthDate}`}>
                {m.givenName} {m.familyName} – {t(`calls.relationship.${m.relationship}`)} – {m.birthDate}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="documents-heading" className="col-md-6">
          <h2 id="documents-heading" className="h4">
            {t('calls.apply.steps.documents')}
          </h2>
          {a.missingDocuments.length > 0 ? <Alert kind="warning">{t('calls.review.missingDocuments', { n: a.missingDocuments.length })}</Alert> : null}
          <ul>
            {a.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/v1/applications/${a.id}/documents/${d.id}`}>
                  {pick(call.data.rules.documents.find((x) => x.code === d.kind)?.label ?? { it: d.kind, en: d.kind }, lang)}: {d.fileName}
                </a>{' '}
                {d.objectionId ? <span className="small">({t('calls.review.forObjection')})</span> : null}
                <span className="d-block small text-break">SHA-256 {d.sha256}</span>
              </li>
            ))}
          </ul>
          {call.data.policies.review && a.status !== 'withdrawn' && call.data.status !== 'final' ? (
            <DocumentUpload
              kinds={call.data.rules.documents.map((d) => ({ value: d.code, label: pick(d.label, lang) }))}
              upload={upload}
              label={t('calls.upload.office')}
            />
          ) : null}
        </section>
      </div>
      {a.objection ? (
        <Alert kind="info">{t('calls.review.objection', { text: a.objection.text, status: t(`calls.objection.status.${a.objection.status}`) })}</Alert>
      ) : null}
      {call.data.policies.review && ['submitted', 'admitted', 'excluded'].includes(a.status) && call.data.status !== 'final' ? (
        <IntegrationRequestForm call={call.data} app={a} />
      ) : null}
      <ReviewForm call={call.data} app={a} />
    </>
  );
}
