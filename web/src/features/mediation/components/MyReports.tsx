import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { formatDateTime } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { fileToBase64, REPORT_CATEGORIES, useMediationWrite, useMyReports } from '../api.js';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The tenant's page: report a problem in the building (with a photo) and follow the reports. */
export function MyReports() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('mediation.mine.title'));
  const reports = useMyReports();
  const [form, setForm] = useState({ category: 'maintenance', description: '', location: '' });
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const file = useMediationWrite<unknown>('POST', () => '/api/v1/me/reports');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const f = fileRef.current?.files?.[0];
    if (f && (f.size > MAX_BYTES || !TYPES.includes(f.type))) {
      setPhotoError(t('mediation.mine.photoRules'));
      return;
    }
    setPhotoError(null);
    const photo = f ? { contentType: f.type, dataBase64: await fileToBase64(f) } : undefined;
    file.mutate(
      { ...form, location: form.location || undefined, photo },
      {
        onSuccess: () => {
          setForm({ category: 'maintenance', description: '', location: '' });
          if (fileRef.current) {
            fileRef.current.value = '';
          }
          setSent(true);
        },
      },
    );
  };
  const err = file.error instanceof ApiError ? file.error : null;
  return (
    <div>
      <h1>{t('mediation.mine.title')}</h1>
      <p>
        <Link to="/me/activities">{t('mediation.mine.activities')}</Link>
      </p>
      <section aria-labelledby="new-report-heading">
        <h2 id="new-report-heading" className="h4">
          {t('mediation.mine.new')}
        </h2>
        <form onSubmit={onSubmit} className="row">
          <SelectField
            className="col-md-4"
            id="report-category"
            label={t('mediation.reports.category')}
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.target.value })}
            options={REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`mediation.category.${c}`) }))}
          />
          <TextField
            className="col-md-8"
            id="report-location"
            label={t('mediation.mine.location')}
            hint={t('mediation.mine.locationHint')}
            value={form.location}
            onChange={(e) => setForm({ ...form, location: e.target.value })}
          />
          <TextField
            className="col-12"
            id="report-description"
            required
            minLength={3}
            label={t('mediation.mine.description')}
            value={form.description}
            error={err?.fieldMessage('description')}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
          <div className="col-12 mb-3">
            <label htmlFor="report-photo" className="form-label d-block">
              {t('mediation.mine.photo')}
            </label>
            <input id="report-photo" ref={fileRef} type="file" accept={TYPES.join(',')} aria-describedby="report-photo-hint" className="form-control" />
            <small id="report-photo-hint" className="form-text">
              {t('mediation.mine.photoRules')}
            </small>
            {photoError || err?.fieldMessage('photo') ? (
              <div className="invalid-feedback d-block" role="alert">
                {photoError ?? err?.fieldMessage('photo')}
              </div>
            ) : null}
          </div>
          {file.isError && !err?.fieldErrors.length ? <Alert kind="danger">{file.error.message}</Alert> : null}
          {sent ? <Alert kind="success">{t('mediation.mine.sent')}</Alert> : null}
          <div className="col-12">
            <button type="submit" className="btn btn-primary" disabled={file.isPending}>
              {t('mediation.mine.send')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="my-reports-heading" className="mt-5">
        <h2 id="my-reports-heading" className="h4">
          {t('mediation.mine.list')}
        </h2>
        {reports.isPending ? <Loading label={t('mediation.loading')} /> : null}
        {reports.data?.length === 0 ? <p>{t('mediation.mine.none')}</p> : null}
        <ul className="list-unstyled">
          {reports.data?.map((r) => (
            <li key={r.id} className="card card-bg mb-3" data-testid="my-report">
              <div className="card-body">
                <h3 className="h5">
                  {r.description} <StatusBadge kind={r.status === 'resolved' ? 'success' : 'primary'}>{t(`mediation.reportStatus.${r.status}`)}</StatusBadge>
                </h3>
                <p className="mb-1">
                  {t(`mediation.category.${r.category}`)} · {r.estate ? `${r.estate.name}, ` : ''}
                  {r.building.address}
                  {r.location ? ` · ${r.location}` : ''}
                </p>
                <p className="mb-1">{r.routedTo ? t('mediation.mine.routedTo', { body: r.routedTo }) : t('mediation.reports.desk')}</p>
                {r.photos.map((p, i) => (
                  <img
                    key={p.id}
                    src={`/api/v1/mediation/reports/${r.id}/photos/${p.id}`}
                    alt={t('mediation.reports.photo', { n: i + 1 })}
                    style={{ maxWidth: '12rem' }}
                    className="d-block my-2"
                  />
                ))}
                <ol className="small mb-0">
                  {r.history.map((h) => (
                    <li key={`${h.status}-${h.at}`}>
                      {formatDateTime(h.at, i18n.language)}: {t(`mediation.reportStatus.${h.status}`)}
                      {h.note ? ` — ${h.note}` : ''}
                    </li>
                  ))}
                </ol>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
