import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDateTime, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { CHECKLIST, type Proposal, useChecklist, useContracts, useMoveProposal, useProposals, useRegisterContract, useSignContract } from '../api.js';

function SignForm({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const sign = useSignContract();
  const [f, setF] = useState({ contractType: 'agevolato', rent: String(p.listing.rentAskedCents / 100), startOn: '', endOn: '', signedOn: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = (k: string) => sign.error?.fieldMessage(k);
  return (
    <form
      noValidate
      className="border-top pt-2"
      aria-label={t('agency.contract.sign')}
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate({
          id: p.id,
          contractType: f.contractType,
          monthlyRentCents: parseEuro(f.rent) ?? Number.NaN,
          startOn: f.startOn,
          endOn: f.endOn,
          signedOn: f.signedOn,
        });
      }}
    >
      {sign.error ? <Alert kind="danger">{sign.error.detail ?? sign.error.message}</Alert> : null}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id={`sign-type-${p.id}`}
            label={t('agency.listingForm.contractType')}
            value={f.contractType}
            onChange={set('contractType')}
            options={['agevolato', 'transitorio', 'studenti'].map((c) => ({ value: c, label: t(`agency.contractType.${c}`) }))}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id={`sign-rent-${p.id}`}
            inputMode="decimal"
            label={t('agency.contract.rent')}
            value={f.rent}
            onChange={set('rent')}
            error={err('monthlyRentCents')}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id={`sign-signed-${p.id}`}
            type="date"
            label={t('agency.contract.signedOn')}
            value={f.signedOn}
            onChange={set('signedOn')}
            error={err('signedOn')}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id={`sign-start-${p.id}`}
            type="date"
            label={t('agency.contract.startOn')}
            value={f.startOn}
            onChange={set('startOn')}
            error={err('startOn')}
          />
        </div>
        <div className="col-md-6">
          <TextField id={`sign-end-${p.id}`} type="date" label={t('agency.contract.endOn')} value={f.endOn} onChange={set('endOn')} error={err('endOn')} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm">
        {t('agency.contract.sign')}
      </button>
    </form>
  );
}

function RegisterForm({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const reg = useRegisterContract();
  const [f, setF] = useState({ registeredOn: '', registrationRef: '' });
  return (
    <form
      noValidate
      className="border-top pt-2"
      aria-label={t('agency.contract.register')}
      onSubmit={(e) => {
        e.preventDefault();
        reg.mutate({ id: p.id, ...f });
      }}
    >
      {reg.error ? <Alert kind="danger">{reg.error.fieldErrors[0]?.message ?? reg.error.message}</Alert> : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id={`reg-on-${p.id}`}
            type="date"
            label={t('agency.contract.registeredOn')}
            value={f.registeredOn}
            onChange={(e) => setF({ ...f, registeredOn: e.target.value })}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id={`reg-ref-${p.id}`}
            label={t('agency.contract.registrationRef')}
            value={f.registrationRef}
            onChange={(e) => setF({ ...f, registrationRef: e.target.value })}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm">
        {t('agency.contract.register')}
      </button>
    </form>
  );
}

/** One proposal: stage, explanation, the next moves, checklist, contract signature and registration. */
export function ProposalCard({ proposal: p, showSeeker = false }: { proposal: Proposal; showSeeker?: boolean }) {
  const { t, i18n } = useTranslation();
  const move = useMoveProposal();
  const checklist = useChecklist();
  const [visitAt, setVisitAt] = useState('');
  const [refusedBy, setRefusedBy] = useState('seeker');
  const toggle = (c: string) => checklist.mutate({ id: p.id, checklist: p.checklist.includes(c) ? p.checklist.filter((x) => x !== c) : [...p.checklist, c] });
  const go = (stage: Proposal['stage']) =>
    move.mutate({
      id: p.id,
      stage,
      visitAt: stage === 'visit_scheduled' && visitAt ? new Date(visitAt).toISOString() : null,
      refusedBy: stage === 'refused' ? refusedBy : null,
    });
  return (
    <article className="card card-bg p-3 mb-3" aria-labelledby={`proposal-${p.id}`} data-testid="proposal-card">
      <h3 id={`proposal-${p.id}`} className="h5">
        {showSeeker ? <Link to={`/agency/seekers/${p.seeker.id}`}>{p.seeker.name}</Link> : null}
        {showSeeker ? ' → ' : null}
        <Link to={`/agency/listings/${p.listing.id}`}>{p.listing.title}</Link>{' '}
        <span className="badge bg-primary" data-testid="proposal-stage">
          {t(`agency.stage.${p.stage}`)}
        </span>
      </h3>
      <p className="small mb-1">
        {t('agency.matches.score', { score: p.score })}
        {p.visitAt ? ` · ${t('agency.proposals.visit', { at: formatDateTime(p.visitAt, i18n.language) })}` : ''}
        {p.refusedBy ? ` · ${t('agency.proposals.refusedBy', { who: t(`agency.responsible.${p.refusedBy}`) })}` : ''}
      </p>
      <details className="mb-2">
        <summary className="small">{t('agency.matches.why')}</summary>
        <ul className="small">
          {p.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </details>
      {move.error ? <Alert kind="danger">{move.error.fieldErrors[0]?.message ?? move.error.message}</Alert> : null}
      {p.nextStages.length > 0 ? (
        <div className="d-flex flex-wrap gap-2 align-items-end mb-2">
          {p.nextStages.includes('visit_scheduled') ? (
            <TextField
              id={`visit-${p.id}`}
              type="datetime-local"
              label={t('agency.proposals.visitAt')}
              value={visitAt}
              onChange={(e) => setVisitAt(e.target.value)}
            />
          ) : null}
          {p.nextStages.includes('refused') ? (
            <SelectField
              id={`refused-${p.id}`}
              label={t('agency.proposals.refusedByLabel')}
              value={refusedBy}
              onChange={(e) => setRefusedBy(e.target.value)}
              options={['seeker', 'landlord', 'agency'].map((r) => ({ value: r, label: t(`agency.responsible.${r}`) }))}
            />
          ) : null}
          {p.nextStages.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn btn-sm ${s === 'refused' || s === 'withdrawn' ? 'btn-outline-danger' : 'btn-outline-primary'}`}
              onClick={() => go(s)}
            >
              {t(`agency.move.${s}`)}
            </button>
          ))}
        </div>
      ) : null}
      {p.stage === 'visited' || p.stage === 'agreed' ? (
        <fieldset className="mb-2">
          <legend className="h6">{t('agency.checklist.heading')}</legend>
          {CHECKLIST.map((c) => (
            <CheckboxField key={c} id={`check-${p.id}-${c}`} label={t(`agency.checklist.${c}`)} checked={p.checklist.includes(c)} onChange={() => toggle(c)} />
          ))}
        </fieldset>
      ) : null}
      {p.stage === 'agreed' ? <SignForm p={p} /> : null}
      {p.contract ? (
        <p className="mb-1" data-testid="contract-status">
          {t('agency.contract.summary', {
            signed: formatDay(p.contract.signedOn, i18n.language),
            from: formatDay(p.contract.startOn, i18n.language),
            to: formatDay(p.contract.endOn, i18n.language),
            rent: formatCents(p.contract.monthlyRentCents, i18n.language),
          })}{' '}
          {p.contract.registeredOn
            ? t('agency.contract.registered', { on: formatDay(p.contract.registeredOn, i18n.language), ref: p.contract.registrationRef ?? '' })
            : t('agency.contract.notRegistered')}
        </p>
      ) : null}
      {p.stage === 'signed' ? <RegisterForm p={p} /> : null}
    </article>
  );
}

export function ProposalBoard() {
  const { t, i18n } = useTranslation();
  const proposals = useProposals(true);
  const contracts = useContracts(90);
  return (
    <>
      <section aria-labelledby="open-proposals" className="mb-4">
        <h2 id="open-proposals" className="h4">
          {t('agency.proposals.open')}
        </h2>
        {proposals.isPending ? <Loading label={t('common.loading')} /> : null}
        {proposals.data?.items.length === 0 ? <p>{t('agency.proposals.none')}</p> : null}
        {proposals.data?.items.map((p) => (
          <ProposalCard key={p.id} proposal={p} showSeeker />
        ))}
      </section>
      <section aria-labelledby="expiring-heading">
        <h2 id="expiring-heading" className="h4">
          {t('agency.contract.expiring')}
        </h2>
        {contracts.data?.items.length === 0 ? <p>{t('agency.contract.noneExpiring')}</p> : null}
        <ul>
          {contracts.data?.items.map((c) => (
            <li key={c.id}>
              {c.listing.title} · {c.seeker.name} · {t('agency.contract.expires', { day: formatDay(c.endOn, i18n.language), days: c.expiresInDays })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
