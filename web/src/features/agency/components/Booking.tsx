import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Booking, cancelPath, icsUrl, romeTime, romeToday, TOPICS, useBook, useCancelByToken, usePublicPlaces, useSlots } from '../api.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The public booking page: a place, a free slot, contact details; works with the keyboard alone. */
export function BookingForm({ ente, defaultName }: { ente: string; defaultName?: string }) {
  const { t, i18n } = useTranslation();
  const places = usePublicPlaces(ente);
  const [placeId, setPlaceId] = useState('');
  const [day, setDay] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [f, setF] = useState({ name: defaultName ?? '', email: '', phone: '', topic: 'seeker_intake', note: '' });
  const [done, setDone] = useState<Booking | null>(null);
  const slots = useSlots(ente, placeId, romeToday(), 28);
  const book = useBook(ente);
  const free = useMemo(() => (slots.data?.items ?? []).filter((s) => s.free), [slots.data]);
  const days = useMemo(() => [...new Set(free.map((s) => s.day))], [free]);
  useEffect(() => {
    if (placeId === '' && places.data?.items[0]) {
      setPlaceId(places.data.items[0].id);
    }
  }, [placeId, places.data]);
  useEffect(() => {
    if (!days.includes(day)) {
      setDay(days[0] ?? '');
      setStartsAt('');
    }
  }, [days, day]);
  const err = (k: string) => book.error?.fieldMessage(k);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate(
      { placeId, startsAt, topic: f.topic, name: f.name.trim(), email: f.email.trim() || null, phone: f.phone.trim() || null, note: f.note.trim() || null },
      { onSuccess: (b) => setDone(b) },
    );
  };
  const weekday = (n: number) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, n)));

  if (places.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (places.isError) {
    return <Alert kind="danger">{t('agency.booking.unknownEnte')}</Alert>;
  }
  if (done) {
    return (
      <div data-testid="booking-done">
        <Alert kind="success">
          {t('agency.booking.confirmed', {
            place: done.place.name,
            address: done.place.address,
            day: formatDay(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(done.startsAt)), i18n.language),
            time: romeTime(done.startsAt, i18n.language),
          })}
        </Alert>
        <p>{t('agency.booking.keepLink')}</p>
        <ul>
          <li>
            <a href={icsUrl(ente, done)} download>
              {t('agency.booking.ics')}
            </a>
          </li>
          <li>
            <Link to={cancelPath(ente, done)}>{t('agency.booking.cancelLink')}</Link>
          </li>
        </ul>
        <button type="button" className="btn btn-outline-primary" onClick={() => setDone(null)}>
          {t('agency.booking.another')}
        </button>
      </div>
    );
  }
  const place = places.data.items.find((p) => p.id === placeId);
  return (
    <form onSubmit={onSubmit} noValidate data-testid="booking-form">
      {book.error ? (
        <Alert kind="danger">
          {book.error.code === 'agency.slot_taken' ? book.error.detail : book.error.status === 400 ? t('agency.form.fixFields') : book.error.message}
        </Alert>
      ) : null}
      <fieldset className="mb-4">
        <legend className="h4">{t('agency.booking.where')}</legend>
        {places.data.items.map((p) => (
          <div className="form-check" key={p.id}>
            <input
              className="form-check-input"
              type="radio"
              name="booking-place"
              id={`place-${p.code}`}
              value={p.id}
              checked={placeId === p.id}
              onChange={() => setPlaceId(p.id)}
              aria-describedby={`place-${p.code}-hours`}
            />
            <label className="form-check-label" htmlFor={`place-${p.code}`}>
              {p.name} — {p.address}
            </label>
            <div id={`place-${p.code}-hours`} className="small text-muted ms-4">
              {WEEKDAYS.flatMap((w) => p.hours.filter((h) => h.weekday === w).map((h) => `${weekday(w)} ${h.from}–${h.to}`)).join('; ')}
              {p.phone ? ` · ${t('agency.booking.phone')} ${p.phone}` : ''}
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('agency.booking.when')}</legend>
        {slots.isPending && placeId ? <Loading label={t('common.loading')} /> : null}
        {slots.data && days.length === 0 ? <Alert kind="info">{t('agency.booking.noSlots')}</Alert> : null}
        {days.length > 0 ? (
          <SelectField
            id="booking-day"
            label={t('agency.booking.day')}
            value={day}
            onChange={(e) => {
              setDay(e.target.value);
              setStartsAt('');
            }}
            options={days.map((d) => ({
              value: d,
              label: new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'full', timeZone: 'UTC' }).format(
                new Date(`${d}T00:00:00Z`),
              ),
            }))}
          />
        ) : null}
        {day ? (
          <fieldset aria-describedby={err('startsAt') ? 'booking-time-error' : undefined}>
            <legend className="h6">{t('agency.booking.time', { place: place?.name ?? '' })}</legend>
            <div className="d-flex flex-wrap gap-3">
              {free
                .filter((s) => s.day === day)
                .map((s) => (
                  <div className="form-check" key={s.startsAt}>
                    <input
                      className="form-check-input"
                      type="radio"
                      name="booking-time"
                      id={`slot-${s.time.replace(':', '')}`}
                      value={s.startsAt}
                      checked={startsAt === s.startsAt}
                      onChange={() => setStartsAt(s.startsAt)}
                    />
                    <label className="form-check-label" htmlFor={`slot-${s.time.replace(':', '')}`}>
                      {s.time}
                    </label>
                  </div>
                ))}
            </div>
            {err('startsAt') ? (
              <div id="booking-time-error" className="invalid-feedback d-block">
                {err('startsAt')}
              </div>
            ) : null}
          </fieldset>
        ) : null}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h4">{t('agency.booking.who')}</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="booking-name"
              autoComplete="name"
              label={t('agency.booking.name')}
              value={f.name}
              onChange={(e) => setF({ ...f, name: e.target.value })}
              error={err('name')}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="booking-topic"
              label={t('agency.booking.topic')}
              value={f.topic}
              onChange={(e) => setF({ ...f, topic: e.target.value })}
              options={TOPICS.map((x) => ({ value: x, label: t(`agency.topic.${x}`) }))}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="booking-email"
              type="email"
              autoComplete="email"
              label={t('agency.booking.email')}
              value={f.email}
              onChange={(e) => setF({ ...f, email: e.target.value })}
              error={err('email')}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="booking-phone"
              type="tel"
              autoComplete="tel"
              label={t('agency.booking.phone')}
              value={f.phone}
              onChange={(e) => setF({ ...f, phone: e.target.value })}
            />
          </div>
        </div>
        <div className="form-group">
          <label htmlFor="booking-note" className="active">
            {t('agency.booking.note')}
          </label>
          <textarea id="booking-note" className="form-control" rows={2} value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} />
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={book.isPending}>
        {t('agency.booking.submit')}
      </button>
    </form>
  );
}

export function CancelBooking({ ente, id, token }: { ente: string; id: string; token: string }) {
  const { t } = useTranslation();
  const cancel = useCancelByToken(ente);
  if (cancel.isSuccess) {
    return <Alert kind="success">{t('agency.booking.cancelled')}</Alert>;
  }
  return (
    <>
      <p>{t('agency.booking.cancelIntro')}</p>
      {cancel.error ? <Alert kind="danger">{cancel.error.detail ?? cancel.error.message}</Alert> : null}
      <a className="btn btn-outline-primary me-2" href={icsUrl(ente, { id, cancelToken: token })} download>
        {t('agency.booking.ics')}
      </a>
      <button type="button" className="btn btn-danger" onClick={() => cancel.mutate({ id, token })} disabled={cancel.isPending}>
        {t('agency.booking.cancelButton')}
      </button>
    </>
  );
}
