import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Activity, useActivities, useEstates, useMediationWrite } from '../api.js';

const CATEGORIES = ['educational', 'recreational', 'training', 'common_goods'] as const;

/** The calendar of community activities: a mediator schedules them, a tenant registers. */
export function ActivitiesCalendar({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('mediation.activities.title'));
  const [params] = useSearchParams();
  const estateId = params.get('estate') ?? undefined;
  const list = useActivities(estateId);
  return (
    <div>
      <h1>{t('mediation.activities.title')}</h1>
      {manager ? <NewActivity estateId={estateId} /> : null}
      {list.isPending ? <Loading label={t('mediation.loading')} /> : null}
      {list.isError ? <Alert kind="danger">{list.error.message}</Alert> : null}
      {list.data && list.data.length === 0 ? <p>{t('mediation.activities.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('mediation.activities.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mediation.activities.when')}</th>
                <th scope="col">{t('mediation.activities.what')}</th>
                <th scope="col">{t('mediation.activities.where')}</th>
                <th scope="col">{t('mediation.activities.places')}</th>
                {manager ? null : <th scope="col">{t('mediation.activities.registration')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <Row key={a.id} a={a} manager={manager} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function Row({ a, manager }: { a: Activity; manager: boolean }) {
  const { t, i18n } = useTranslation();
  const register = useMediationWrite<void>('POST', () => `/api/v1/me/activities/${a.id}/registration`);
  const cancel = useMediationWrite<void>('DELETE', () => `/api/v1/me/activities/${a.id}/registration`);
  const full = a.participants >= a.capacity;
  return (
    <tr>
      <td>{formatDateTime(a.startsAt, i18n.language)}</td>
      <th scope="row">
        {a.title}
        <span className="d-block small">
          {t(`mediation.activityCategory.${a.category}`)}
          {a.partner ? ` · ${a.partner}` : ''}
        </span>
      </th>
      <td>
        {a.place ?? '—'}
        <span className="d-block small">{a.estate.name}</span>
      </td>
      <td>{t('mediation.activities.count', { participants: a.participants, capacity: a.capacity, volunteers: a.volunteers })}</td>
      {manager ? null : (
        <td>
          {a.registeredByMe ? (
            <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => cancel.mutate()}>
              {t('mediation.activities.cancel', { title: a.title })}
            </button>
          ) : (
            <button type="button" className="btn btn-sm btn-primary" disabled={full || register.isPending} onClick={() => register.mutate()}>
              {full ? t('mediation.activities.full') : t('mediation.activities.register', { title: a.title })}
            </button>
          )}
          {register.isError ? <Alert kind="danger">{register.error.message}</Alert> : null}
        </td>
      )}
    </tr>
  );
}

function NewActivity({ estateId }: { estateId: string | undefined }) {
  const { t } = useTranslation();
  const estates = useEstates();
  const empty = { estateId: estateId ?? '', title: '', category: 'recreational', day: '', from: '16:00', to: '18:00', place: '', partner: '', capacity: '20' };
  const [form, setForm] = useState(empty);
  const create = useMediationWrite<typeof empty>(
    'POST',
    () => '/api/v1/mediation/activities',
    (f) => ({
      estateId: f.estateId || estates.data?.[0]?.id,
      title: f.title,
      category: f.category,
      startsAt: new Date(`${f.day}T${f.from}:00`).toISOString(),
      endsAt: new Date(`${f.day}T${f.to}:00`).toISOString(),
      place: f.place || undefined,
      partner: f.partner || undefined,
      capacity: Number(f.capacity),
    }),
  );
  return (
    <details className="mb-4">
      <summary className="btn btn-outline-primary btn-sm">{t('mediation.activities.new')}</summary>
      <form
        className="row mt-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form, { onSuccess: () => setForm(empty) });
        }}
      >
        <SelectField
          className="col-md-4"
          id="act-estate"
          label={t('mediation.estate')}
          value={form.estateId || estates.data?.[0]?.id || ''}
          onChange={(e) => setForm({ ...form, estateId: e.target.value })}
          options={(estates.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        <TextField
          className="col-md-5"
          id="act-title"
          required
          minLength={3}
          label={t('mediation.activities.what')}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
        <SelectField
          className="col-md-3"
          id="act-category"
          label={t('mediation.activities.category')}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`mediation.activityCategory.${c}`) }))}
        />
        <TextField
          className="col-md-3"
          id="act-day"
          type="date"
          required
          label={t('mediation.activities.day')}
          value={form.day}
          onChange={(e) => setForm({ ...form, day: e.target.value })}
        />
        <TextField
          className="col-md-2"
          id="act-from"
          type="time"
          required
          label={t('mediation.activities.from')}
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <TextField
          className="col-md-2"
          id="act-to"
          type="time"
          required
          label={t('mediation.activities.to')}
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <TextField
          className="col-md-2"
          id="act-capacity"
          type="number"
          min={1}
          required
          label={t('mediation.activities.capacity')}
          value={form.capacity}
          onChange={(e) => setForm({ ...form, capacity: e.target.value })}
        />
        <TextField
          className="col-md-3"
          id="act-place"
          label={t('mediation.activities.where')}
          value={form.place}
          onChange={(e) => setForm({ ...form, place: e.target.value })}
        />
        <TextField
          className="col-md-6"
          id="act-partner"
          label={t('mediation.activities.partner')}
          value={form.partner}
          onChange={(e) => setForm({ ...form, partner: e.target.value })}
        />
        {create.isError ? <Alert kind="danger">{create.error.message}</Alert> : null}
        <div className="col-12">
          <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
            {t('mediation.activities.create')}
          </button>
        </div>
      </form>
    </details>
  );
}
