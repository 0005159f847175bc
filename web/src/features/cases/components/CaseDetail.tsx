import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import { type CaseDetail as Case, MEMBER_ROLES, todayInRome, useCase, useCaseAction, useDirectory } from '../api.js';
import { CaseAgreements } from './CaseAgreements.js';
import { CaseNotes } from './CaseNotes.js';
import { CasePath } from './CasePath.js';
import { CaseReferrals } from './CaseReferrals.js';
import { CaseStatusForm } from './CaseStatusForm.js';
import { PlacementForm } from './PlacementForm.js';
import { CaseWorkPaths } from './WorkPaths.js';

function Team({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const [form, setForm] = useState({ userId: '', role: 'educator' });
  const add = useCaseAction<typeof form>(
    c.id,
    'POST',
    () => '/team',
    (b) => ({ ...b, fromOn: todayInRome() }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(form, { onSuccess: () => setForm({ userId: '', role: 'educator' }) });
  };
  const current = c.team.filter((m) => m.toOn === null);
  return (
    <section aria-labelledby="team-heading" className="mt-4">
      <h2 id="team-heading" className="h4">
        {t('cases.team.heading')}
      </h2>
      {current.length === 0 ? <p>{t('cases.team.empty')}</p> : null}
      <ul className="list-unstyled">
        {current.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> – {t(`cases.memberRole.${m.role}`)}
            {m.organisation ? <span className="small"> ({m.organisation})</span> : null}
            <span className="small"> · {t('cases.team.since', { day: formatDay(m.fromOn, i18n.language) })}</span>
          </li>
        ))}
      </ul>
      {c.policies.write ? (
        <form onSubmit={onSubmit} className="row g-2 align-items-end">
          <SelectField
            className="col-md-5"
            id="member-user"
            label={t('cases.team.member')}
            required
            value={form.userId}
            emptyOption={t('cases.team.choose')}
            onChange={(e) => setForm({ ...form, userId: e.target.value })}
            options={(directory.data?.staff ?? []).map((s) => ({ value: s.id, label: s.organisation ? `${s.name} (${s.organisation})` : s.name }))}
          />
          <SelectField
            className="col-md-4"
            id="member-role"
            label={t('cases.team.role')}
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value })}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`cases.memberRole.${r}`) }))}
          />
          <div className="col-md-3 mb-4">
            <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
              {t('cases.team.add')}
            </button>
          </div>
          {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
        </form>
      ) : null}
    </section>
  );
}

function Placement({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  if (c.program !== 'housing_first') {
    return null;
  }
  const p = c.placement;
  return (
    <section aria-labelledby="placement-heading" className="mt-4">
      <h2 id="placement-heading" className="h4">
        {t('cases.placement.heading')}
      </h2>
      {p ? (
        <dl className="row mb-2">
          <dt className="col-sm-4">{t('cases.placement.flat')}</dt>
          <dd className="col-sm-8">{p.unitId ? <Link to={`/stock/units/${p.unitId}`}>{`${p.unitCode ?? ''} – ${p.address ?? ''}`}</Link> : '—'}</dd>
          <dt className="col-sm-4">{t('cases.placement.housedOn')}</dt>
          <dd className="col-sm-8">{formatDay(p.housedOn, i18n.language)}</dd>
          <dt className="col-sm-4">{t('cases.placement.rent')}</dt>
          <dd className="col-sm-8">
            {p.monthlyRentCents === null ? t('cases.placement.noRent') : formatCents(p.monthlyRentCents, i18n.language)}
            {p.tenancyId ? (
              <>
                {' '}
                (<Link to={`/tenancies/${p.tenancyId}`}>{p.tenancyCode}</Link>)
              </>
            ) : null}
          </dd>
          {p.leftOn ? (
            <>
              <dt className="col-sm-4">{t('cases.placement.leftOn')}</dt>
              <dd className="col-sm-8">
                {formatDay(p.leftOn, i18n.language)} – {t(`cases.exitKind.${p.exitKind}`)}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>{t('cases.placement.none')}</p>
      )}
      {c.policies.write ? <PlacementForm key={`${p?.housedOn}-${p?.tenancyId}-${p?.leftOn}`} c={c} /> : null}
      <Link className="btn btn-primary mt-3" to={`/cases/${c.id}/visits`}>
        {t('cases.visits.open')}
      </Link>
    </section>
  );
}

/** The case page: who, team, path with checklists, agreements, referrals, work paths, notes. */
export function CaseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const c = useCase(id);
  usePageTitle(c.data ? t('cases.titles.case', { name: c.data.person.name }) : t('cases.titles.list'));
  if (c.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (c.isError) {
    return <Alert kind="danger">{c.error.status === 404 ? t('cases.notFound') : c.error.message}</Alert>;
  }
  const d = c.data;
  return (
    <>
      <h1>{t('cases.titles.case', { name: d.person.name })}</h1>
      <p className="lead">
        {t(`programs.${d.program}`)} · <StatusBadge kind={d.status === 'open' ? 'success' : 'secondary'}>{t(`cases.status.${d.status}`)}</StatusBadge>{' '}
        {t('cases.detail.opened', { day: formatDay(d.openedOn, i18n.language) })}
        {d.closedOn ? ` · ${t('cases.detail.closed', { day: formatDay(d.closedOn, i18n.language) })}` : ''}
      </p>
      <p>
        <Link to={`/registry/persons/${d.person.id}`}>{t('cases.detail.personFile')}</Link>
        {d.household ? (
          <>
            {' · '}
            <Link to={`/registry/households/${d.household.id}`}>{d.household.name}</Link>
          </>
        ) : null}
      </p>
      {d.summary ? <p>{d.summary}</p> : null}
      {d.closeReason ? <p>{t('cases.detail.closeReason', { reason: d.closeReason })}</p> : null}
      {d.policies.write ? <CaseStatusForm key={d.status} c={d} /> : null}
      <Team c={d} />
      <Placement c={d} />
      <CasePath c={d} />
      <CaseAgreements c={d} />
      <CaseReferrals c={d} />
      <CaseWorkPaths c={d} />
      <CaseNotes c={d} />
    </>
  );
}
