import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { romeTime, romeToday, TOPICS, useAgenda, useAppointmentStatus, useOperatorBooking, usePlaces } from '../api.js';

function WalkInForm({ places }: { places: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const book = useOperatorBooking();
  const [f, setF] = useState({ placeId: places[0]?.id ?? '', name: '', topic: 'seeker_intake', phone: '' });
  const [walkIn, setWalkIn] = useState(true);
  const [startsAt, setStartsAt] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate({
      placeId: f.placeId,
      name: f.name.trim(),
      topic: f.topic,
      phone: f.phone.trim() || null,
      startsAt: walkIn ? new Date().toISOString() : startsAt ? new Date(startsAt).toISOString() : '',
      walkIn,
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card card-bg p-3 mt-4" aria-labelledby="walkin-heading">
      <h2 id="walkin-heading" className="h5">
        {t('agency.agenda.record')}
      </h2>
      {book.error ? <Alert kind="danger">{book.error.fieldErrors[0]?.message ?? book.error.message}</Alert> : null}
      {book.isSuccess ? <Alert kind="success">{t('agency.agenda.recorded')}</Alert> : null}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="walkin-place"
            label={t('agency.agenda.place')}
            value={f.placeId}
            onChange={(e) => setF({ ...f, placeId: e.target.value })}
            options={places.map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="walkin-name"
            label={t('agency.booking.name')}
            value={f.name}
            onChange={(e) => setF({ ...f, name: e.target.value })}
            error={book.error?.fieldMessage('name')}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="walkin-topic"
            label={t('agency.booking.topic')}
            value={f.topic}
            onChange={(e) => setF({ ...f, topic: e.target.value })}
            options={TOPICS.map((x) => ({ value: x, label: t(`agency.topic.${x}`) }))}
          />
        </div>
      </div>
      <CheckboxField id="walkin-now" label={t('agency.agenda.walkInNow')} checked={walkIn} onChange={() => setWalkIn(!walkIn)} />
      {!walkIn ? (
        <TextField
          id="walkin-at"
          type="datetime-local"
          label={t('agency.agenda.slotAt')}
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          error={book.error?.fieldMessage('startsAt')}
        />
      ) : null}
      <button type="submit" className="btn btn-outline-primary mt-2">
        {t('agency.agenda.save')}
      </button>
    </form>
  );
}

/** The operator's day agenda: an accessible table per day, with attendance and walk-ins. */
export function Agenda() {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(romeToday());
  const [placeId, setPlaceId] = useState('');
  const places = usePlaces();
  const agenda = useAgenda(day, placeId);
  const status = useAppointmentStatus();
  return (
    <>
      <div className="row">
        <div className="col-md-4">
          <TextField id="agenda-day" type="date" label={t('agency.agenda.day')} value={day} onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="col-md-8">
          <SelectField
            id="agenda-place"
            label={t('agency.agenda.place')}
            value={placeId}
            onChange={(e) => setPlaceId(e.target.value)}
            emptyOption={t('agency.form.all')}
            options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
      </div>
      {agenda.isPending ? <Loading label={t('common.loading')} /> : null}
      {status.error ? <Alert kind="danger">{status.error.message}</Alert> : null}
      {agenda.data ? (
        <table className="table" data-testid="agenda-table">
          <caption>{t('agency.agenda.caption', { count: agenda.data.items.length, day: agenda.data.day })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.agenda.time')}</th>
              <th scope="col">{t('agency.agenda.place')}</th>
              <th scope="col">{t('agency.booking.name')}</th>
              <th scope="col">{t('agency.booking.topic')}</th>
              <th scope="col">{t('agency.agenda.contact')}</th>
              <th scope="col">{t('agency.agenda.status')}</th>
              <th scope="col">{t('agency.agenda.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.data.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">{romeTime(a.startsAt, i18n.language)}</th>
                <td>{a.placeName}</td>
                <td>{a.name}</td>
                <td>
                  {t(`agency.topic.${a.topic}`)}
                  {a.note ? <div className="small">{a.note}</div> : null}
                </td>
                <td>{[a.phone, a.email].filter(Boolean).join(' · ') || '—'}</td>
                <td>
                  {t(`agency.appointmentStatus.${a.status}`)} · {t(`agency.channel.${a.channel}`)}
                </td>
                <td>
                  {a.status === 'booked' ? (
                    <div className="d-flex gap-1 flex-wrap">
                      {(['attended', 'no_show', 'cancelled'] as const).map((s) => (
                        <button
                          key={s}
                          type="button"
                          className="btn btn-outline-primary btn-sm py-0"
                          onClick={() => status.mutate({ id: a.id, status: s })}
                          aria-label={`${t(`agency.agenda.mark.${s}`)}: ${a.name}`}
                        >
                          {t(`agency.agenda.mark.${s}`)}
                        </button>
                      ))}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {places.data ? <WalkInForm places={places.data.items} /> : null}
    </>
  );
}
