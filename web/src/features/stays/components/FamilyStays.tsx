import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { addDays, useFamily, useFamilyBookings, useFamilyRequest, useFamilyWithdraw } from '../api.js';
import { statusKind } from './RequestList.js';

const today = () => new Date().toISOString().slice(0, 10);

/** A short-stay request for a relative: who, where, when, what they need. */
function RequestForm({ people, solutions }: { people: { personId: string; name: string }[]; solutions: { id: string; name: string; kind: string }[] }) {
  const { t } = useTranslation();
  const request = useFamilyRequest();
  const [form, setForm] = useState({
    personId: people[0]?.personId ?? '',
    solutionId: solutions.find((s) => s.kind === 'respite')?.id ?? solutions[0]?.id ?? '',
    startsOn: addDays(today(), 21),
    endsOn: addDays(today(), 28),
    needs: '',
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate(form, { onSuccess: () => setForm({ ...form, needs: '' }) });
  };
  const err = (f: string) => request.error?.fieldMessage(f);
  return (
    <form onSubmit={onSubmit} aria-labelledby="request-heading" className="mb-5">
      <h2 id="request-heading" className="h4">
        {t('stays.family.requestHeading')}
      </h2>
      <p>{t('stays.family.requestIntro')}</p>
      <SelectField
        label={t('stays.family.who')}
        value={form.personId}
        required
        error={err('personId')}
        onChange={(e) => setForm({ ...form, personId: e.target.value })}
        options={people.map((p) => ({ value: p.personId, label: p.name }))}
      />
      <SelectField
        label={t('stays.family.where')}
        value={form.solutionId}
        required
        error={err('solutionId') ?? err('severity')}
        onChange={(e) => setForm({ ...form, solutionId: e.target.value })}
        options={solutions.map((s) => ({ value: s.id, label: `${s.name} (${t(`stays.kinds.${s.kind}`)})` }))}
      />
      <div className="row">
        <TextField
          className="col-md-6"
          type="date"
          label={t('stays.family.from')}
          value={form.startsOn}
          required
          error={err('startsOn')}
          onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
        />
        <TextField
          className="col-md-6"
          type="date"
          label={t('stays.family.to')}
          hint={t('stays.family.toHint')}
          value={form.endsOn}
          required
          error={err('endsOn')}
          onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
        />
      </div>
      <TextField
        label={t('stays.family.needs')}
        hint={t('stays.family.needsHint')}
        value={form.needs}
        required
        maxLength={2000}
        error={err('needs')}
        onChange={(e) => setForm({ ...form, needs: e.target.value })}
      />
      <button type="submit" className="btn btn-primary" disabled={request.isPending}>
        {t('stays.family.send')}
      </button>
      {request.isError && request.error.fieldErrors.length === 0 ? <Alert kind="danger">{request.error.message}</Alert> : null}
      {request.isSuccess ? (
        <Alert kind="success" className="mt-3">
          {t('stays.family.sent')}
        </Alert>
      ) : null}
    </form>
  );
}

/** The family's page: the people they follow, their projects, stay requests and bookings. */
export function FamilyStays() {
  const { t, i18n } = useTranslation();
  const overview = useFamily();
  const bookings = useFamilyBookings();
  const withdraw = useFamilyWithdraw();
  if (overview.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (overview.isError) {
    return <Alert kind="danger">{overview.error.message}</Alert>;
  }
  const relatives = overview.data.relatives.filter((r) => r.relation !== 'self' || r.hasProject);
  if (relatives.length === 0) {
    return <p>{t('stays.family.none')}</p>;
  }
  return (
    <>
      <section aria-labelledby="people-heading" className="mb-5">
        <h2 id="people-heading" className="h4">
          {t('stays.family.people')}
        </h2>
        <ul className="list-unstyled">
          {relatives.map((r) => (
            <li key={r.personId} className="mb-2">
              <strong>{r.name}</strong> ({t(`stays.relation.${r.relation}`)}){' '}
              {r.hasProject ? <Link to={`/me/stays/projects/${r.personId}`}>{t('stays.family.readProject', { name: r.name })}</Link> : null}
            </li>
          ))}
        </ul>
      </section>
      <RequestForm people={relatives} solutions={overview.data.solutions} />
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading" className="h4">
          {t('stays.family.bookings')}
        </h2>
        {bookings.data && bookings.data.items.length === 0 ? <p>{t('stays.family.noBookings')}</p> : null}
        {bookings.data && bookings.data.items.length > 0 ? (
          <div className="table-responsive">
            <table className="table">
              <caption>{t('stays.family.bookingsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stays.family.who')}</th>
                  <th scope="col">{t('stays.family.where')}</th>
                  <th scope="col">{t('stays.requests.period')}</th>
                  <th scope="col">{t('stays.family.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('stays.family.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {bookings.data.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.personName}</th>
                    <td>{b.solutionName}</td>
                    <td className="text-nowrap">
                      {formatDay(b.startsOn, i18n.language)} – {formatDay(b.endsOn, i18n.language)}
                    </td>
                    <td>
                      <StatusBadge kind={statusKind(b.status)}>{t(`stays.status.${b.status}`)}</StatusBadge>
                    </td>
                    <td>
                      {['requested', 'waitlisted', 'offered'].includes(b.status) || (b.status === 'approved' && b.startsOn > today()) ? (
                        <button type="button" className="btn btn-outline-danger btn-sm" disabled={withdraw.isPending} onClick={() => withdraw.mutate(b.id)}>
                          {t('stays.family.withdraw', { name: b.personName })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {withdraw.isError ? <Alert kind="danger">{withdraw.error.message}</Alert> : null}
      </section>
    </>
  );
}
