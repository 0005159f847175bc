import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { CheckboxField, TextField } from '../../../ui/fields.js';
import { type Tenancy, useCreateNotice, useLedger, useNotices, useUpdateIncome } from '../api.js';
import { LEVEL_BADGE, romeToday } from '../labels.js';
import { EntryForm } from './EntryForm.js';
import { LedgerTable } from './LedgerTable.js';
import { NoticeList } from './NoticeList.js';
import { PlanForm, PlanList } from './Plans.js';
import { RentExplanation } from './RentExplanation.js';

/** The contract in a description list. */
export function ContractFacts({ tenancy }: { tenancy: Tenancy }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  return (
    <dl className="row">
      <dt className="col-sm-4">{t('tenancies.detail.tenant')}</dt>
      <dd className="col-sm-8">{tenancy.tenantName}</dd>
      <dt className="col-sm-4">{t('tenancies.detail.unit')}</dt>
      <dd className="col-sm-8">
        {tenancy.unitCode}
        {tenancy.bed ? ` · ${t('tenancies.detail.bed', { bed: tenancy.bed })}` : ''} – {tenancy.address}
        {tenancy.estateName ? ` (${tenancy.estateName})` : ''} · {tenancy.surfaceM2} m²
      </dd>
      <dt className="col-sm-4">{t('tenancies.detail.kind')}</dt>
      <dd className="col-sm-8">
        {t(`tenancies.kind.${tenancy.kind}`)} · {t(`programs.${tenancy.program}`)}
      </dd>
      <dt className="col-sm-4">{t('tenancies.detail.period')}</dt>
      <dd className="col-sm-8">
        {formatDay(tenancy.startDate, i18n.language)} – {tenancy.endDate ? formatDay(tenancy.endDate, i18n.language) : t('tenancies.openEnded')}{' '}
        <StatusBadge kind={tenancy.state === 'active' ? 'success' : 'secondary'}>{t(`tenancies.state.${tenancy.state}`)}</StatusBadge>
        {tenancy.endReason ? <span className="d-block small">{tenancy.endReason}</span> : null}
      </dd>
      <dt className="col-sm-4">{t('tenancies.detail.renewal')}</dt>
      <dd className="col-sm-8">{t(`tenancies.renewal.${tenancy.renewal}`)}</dd>
      <dt className="col-sm-4">{t('tenancies.detail.deposit')}</dt>
      <dd className="col-sm-8">{money(tenancy.depositCents)}</dd>
      <dt className="col-sm-4">{t('tenancies.detail.serviceCharges')}</dt>
      <dd className="col-sm-8">{t('tenancies.detail.perMonth', { amount: money(tenancy.serviceChargesCents) })}</dd>
      {tenancy.signatories.length > 0 ? (
        <>
          <dt className="col-sm-4">{t('tenancies.detail.signatories')}</dt>
          <dd className="col-sm-8">{tenancy.signatories.map((s) => `${s.name} (${t(`tenancies.signatory.${s.role}`)})`).join(', ')}</dd>
        </>
      ) : null}
      {tenancy.documents.length > 0 ? (
        <>
          <dt className="col-sm-4">{t('tenancies.detail.documents')}</dt>
          <dd className="col-sm-8">{tenancy.documents.map((d) => `${d.title}${d.reference ? ` – ${d.reference}` : ''}`).join('; ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

function IncomeForm({ tenancy }: { tenancy: Tenancy }) {
  const { t } = useTranslation();
  const update = useUpdateIncome(tenancy.id);
  const last = tenancy.incomes[0];
  const [from, setFrom] = useState(romeToday());
  const [income, setIncome] = useState(last ? String(last.annualIncomeCents / 100) : '');
  const [protectedOnly, setProtectedOnly] = useState(last?.protectedIncomeOnly ?? true);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const cents = Math.round(Number(income.replace(/\./g, '').replace(',', '.')) * 100);
    if (Number.isFinite(cents)) {
      update.mutate({
        effectiveFrom: from,
        annualIncomeCents: cents,
        protectedIncomeOnly: protectedOnly,
        iseeCents: last?.iseeCents ?? null,
        dependants: last?.dependants ?? 0,
      });
    }
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-end" aria-labelledby="income-heading">
      <h3 id="income-heading" className="h5 col-12">
        {t('tenancies.income.heading')}
      </h3>
      {update.isError ? <Alert kind="danger">{update.error.message}</Alert> : null}
      {update.isSuccess ? <Alert kind="success">{t('tenancies.income.done')}</Alert> : null}
      <TextField
        className="col-md-3"
        id="income-from"
        type="date"
        label={t('tenancies.income.from')}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        error={update.error?.fieldMessage('effectiveFrom')}
      />
      <TextField
        className="col-md-3"
        id="income-amount"
        inputMode="decimal"
        label={t('tenancies.form.income')}
        value={income}
        onChange={(e) => setIncome(e.target.value)}
      />
      <div className="col-md-4">
        <CheckboxField
          id="income-protected"
          label={t('tenancies.form.protectedOnly')}
          checked={protectedOnly}
          onChange={(e) => setProtectedOnly(e.target.checked)}
        />
      </div>
      <div className="col-md-2 mb-4">
        <button type="submit" className="btn btn-outline-primary" disabled={update.isPending}>
          {t('tenancies.income.submit')}
        </button>
      </div>
    </form>
  );
}

/** The operator's view of one tenancy: contract, rent explained, history, ledger, payments, notices. */
export function TenancyDetail({ tenancy, canManage }: { tenancy: Tenancy; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedger(tenancy.id);
  const notices = useNotices(tenancy.id);
  const notice = useCreateNotice(tenancy.id);
  const older = tenancy.rentHistory.filter((r) => r.id !== tenancy.rent?.id);
  return (
    <>
      <section aria-labelledby="contract-heading">
        <h2 id="contract-heading" className="h4">
          {t('tenancies.detail.contract')}
        </h2>
        <ContractFacts tenancy={tenancy} />
      </section>
      <section aria-labelledby="risk-heading" className="mb-4">
        <h2 id="risk-heading" className="h4">
          {t('tenancies.arrears.risk')}
        </h2>
        <p>
          <StatusBadge kind={LEVEL_BADGE[tenancy.arrears.level]}>{t(`tenancies.level.${tenancy.arrears.level}`)}</StatusBadge>
          {t('tenancies.arrears.score', { score: tenancy.arrears.score })}
        </p>
        <ul>
          {tenancy.arrears.lines.map((l) => (
            <li key={l.code}>{l.text}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="rent-section-heading">
        <h2 id="rent-section-heading" className="h4">
          {t('tenancies.rent.sectionHeading')}
        </h2>
        {tenancy.rent ? <RentExplanation rent={tenancy.rent} /> : null}
        {older.length > 0 ? (
          <details className="mb-3">
            <summary>{t('tenancies.rent.history', { count: older.length })}</summary>
            {older.map((r) => (
              <RentExplanation key={r.id} rent={r} />
            ))}
          </details>
        ) : null}
        {canManage && tenancy.state !== 'ended' ? <IncomeForm tenancy={tenancy} /> : null}
      </section>
      {ledger.isPending ? <Loading label={t('common.loading')} /> : null}
      {ledger.data ? <LedgerTable ledger={ledger.data} caption={t('tenancies.ledger.caption', { code: tenancy.code })} /> : null}
      {canManage ? <EntryForm tenancyId={tenancy.id} today={romeToday()} /> : null}
      <section aria-labelledby="plans-heading" className="mt-4">
        <h2 id="plans-heading" className="h4">
          {t('tenancies.plans.heading')}
        </h2>
        <PlanList plans={tenancy.plans} />
        {canManage && tenancy.balanceCents > 0 && !tenancy.plans.some((p) => p.state === 'active') ? (
          <PlanForm tenancyId={tenancy.id} defaultFirstDue={romeToday()} />
        ) : null}
      </section>
      <section aria-labelledby="notices-heading" className="mt-4">
        <h2 id="notices-heading" className="h4">
          {t('tenancies.notices.heading')}
        </h2>
        {canManage ? (
          <p>
            <button type="button" className="btn btn-outline-primary" onClick={() => notice.mutate({})} disabled={notice.isPending}>
              {t('tenancies.notices.create')}
            </button>
          </p>
        ) : null}
        {notice.isError ? <Alert kind="danger">{notice.error.message}</Alert> : null}
        {notice.isSuccess ? (
          <Alert kind="success">{t('tenancies.notices.created', { amount: formatCents(notice.data.amountCents, i18n.language) })}</Alert>
        ) : null}
        {notices.data ? <NoticeList notices={notices.data.items} /> : null}
      </section>
    </>
  );
}
