import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { addDays, useCalendar } from '../api.js';

const DAYS = 14;

/**
 * Calendar per bed as a table: one row per bed, one column per day, each cell saying in words
 * who stays (or "free"), so colour is never the only cue.
 */
export function BedCalendar({ solutionId, start }: { solutionId: string; start: string }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(start);
  const to = addDays(from, DAYS);
  const cal = useCalendar(solutionId, from, to);
  const days = Array.from({ length: DAYS }, (_, i) => addDays(from, i));
  const short = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return (
    <section aria-labelledby="calendar-heading" className="mb-5">
      <h2 id="calendar-heading" className="h4">
        {t('stays.calendar.heading')}
      </h2>
      <div className="d-flex gap-2 align-items-center mb-2">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setFrom(addDays(from, -DAYS))}>
          {t('stays.calendar.previous')}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setFrom(addDays(from, DAYS))}>
          {t('stays.calendar.next')}
        </button>
        <span aria-live="polite">{t('stays.calendar.range', { from: formatDay(from, i18n.language), to: formatDay(addDays(to, -1), i18n.language) })}</span>
      </div>
      {cal.isPending ? <Loading label={t('common.loading')} /> : null}
      {cal.isError ? <Alert kind="danger">{cal.error.message}</Alert> : null}
      {cal.data ? (
        <div className="table-responsive">
          <table className="table table-sm table-bordered stays-calendar">
            <caption>{t('stays.calendar.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stays.calendar.bed')}</th>
                {days.map((d) => (
                  <th scope="col" key={d} className="text-nowrap small">
                    {short(d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cal.data.beds.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{t('stays.calendar.bedN', { n: b.label })}</th>
                  {days.map((d) => {
                    const k = b.bookings.find((x) => x.startsOn <= d && d < x.endsOn);
                    return (
                      <td key={d} className={`small ${k ? (k.status === 'approved' ? 'table-primary' : 'table-warning') : ''}`}>
                        {k ? (
                          <>
                            {k.guestName}
                            {k.status === 'offered' ? <span className="d-block">({t('stays.status.offered')})</span> : null}
                          </>
                        ) : (
                          <span className="text-muted">{t('stays.calendar.free')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
