import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatCents, parseEuro } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import type { Program } from '../../identity/api.js';
import { programOptions } from '../../identity/labels.js';
import { KIND_OF_PROGRAM, type Party, TENANCY_KINDS, type TenancyKind, useAvailableUnits, useCreateTenancy, useParties, useRentPreview } from '../api.js';
import { romeToday } from '../labels.js';
import { RentExplanation } from './RentExplanation.js';

const euroText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2).replace('.', ','));

/** Opens a tenancy for a unit and a household: the rent is explained before anything is saved. */
export function TenancyForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [unitQ, setUnitQ] = useState('');
  const units = useAvailableUnits(unitQ);
  const [unitId, setUnitId] = useState('');
  const [program, setProgram] = useState<Program>('erp');
  const [kind, setKind] = useState<TenancyKind>('erp_lease');
  const [startDate, setStartDate] = useState(romeToday());
  const [endDate, setEndDate] = useState('');
  const [partyQ, setPartyQ] = useState('');
  const [search, setSearch] = useState('');
  const parties = useParties(search);
  const [party, setParty] = useState<Party | null>(null);
  const [income, setIncome] = useState('');
  const [isee, setIsee] = useState('');
  const [dependants, setDependants] = useState('0');
  const [protectedOnly, setProtectedOnly] = useState(true);
  const [service, setService] = useState('25,00');
  const [deposit, setDeposit] = useState('0');
  const [localError, setLocalError] = useState<string | null>(null);
  const preview = useRentPreview();
  const create = useCreateTenancy();

  const choose = (p: Party) => {
    setParty(p);
    setIncome(euroText(p.incomeCents));
    setIsee(euroText(p.iseeCents));
    setDependants(String(p.children));
  };
  const chooseUnit = (id: string) => {
    setUnitId(id);
    const unit = units.data?.items.find((u) => u.id === id);
    if (unit?.currentProgram) {
      setProgram(unit.currentProgram);
      setKind(KIND_OF_PROGRAM[unit.currentProgram]);
    }
  };

  const incomeInput = () => {
    const annual = parseEuro(income || '0');
    const iseeCents = isee.trim() === '' ? null : parseEuro(isee);
    if (annual === null || (isee.trim() !== '' && iseeCents === null)) {
      setLocalError(t('tenancies.form.amountInvalid'));
      return null;
    }
    setLocalError(null);
    return { annualIncomeCents: annual, protectedIncomeOnly: protectedOnly, iseeCents, dependants: Number(dependants) || 0 };
  };

  const onPreview = () => {
    const inc = incomeInput();
    if (!inc || !unitId) {
      setLocalError(unitId ? localError : t('tenancies.form.unitRequired'));
      return;
    }
    preview.mutate({ ...inc, program, unitId, date: startDate });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const inc = incomeInput();
    const serviceCents = parseEuro(service || '0');
    const depositCents = parseEuro(deposit || '0');
    if (!inc || serviceCents === null || depositCents === null) {
      return;
    }
    if (!unitId || !party) {
      setLocalError(t(unitId ? 'tenancies.form.partyRequired' : 'tenancies.form.unitRequired'));
      return;
    }
    create.mutate(
      {
        unitId,
        householdId: party.householdId,
        personId: party.householdId ? null : party.personId,
        program,
        kind,
        startDate,
        endDate: endDate || null,
        depositCents,
        serviceChargesCents: serviceCents,
        income: inc,
        signatories: [{ name: party.personName, role: 'tenant', personId: party.personId, signedOn: startDate }],
      },
      { onSuccess: (tenancy) => void navigate(`/tenancies/${tenancy.id}`, { state: { created: true } }) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="tenancy-form-heading">
      <h2 id="tenancy-form-heading" className="h4">
        {t('tenancies.form.heading')}
      </h2>
      {localError ? <Alert kind="danger">{localError}</Alert> : null}
      {create.isError ? <Alert kind="danger">{create.error.message}</Alert> : null}

      <fieldset className="mb-3">
        <legend className="h5">{t('tenancies.form.unitLegend')}</legend>
        <div className="row g-3">
          <TextField
            className="col-md-4"
            id="unit-search"
            type="search"
            label={t('tenancies.form.unitSearch')}
            value={unitQ}
            onChange={(e) => setUnitQ(e.target.value)}
          />
          <SelectField
            className="col-md-8"
            id="tenancy-unit"
            label={t('tenancies.form.unit')}
            value={unitId}
            emptyOption={t('tenancies.form.chooseUnit')}
            onChange={(e) => chooseUnit(e.target.value)}
            error={create.error?.fieldMessage('unitId')}
            options={(units.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.code} – ${u.estate?.name ?? u.building.address} (${u.surfaceM2} m²${u.currentProgram ? `, ${t(`programs.${u.currentProgram}`)}` : ''})`,
            }))}
          />
          <SelectField
            className="col-md-4"
            id="tenancy-program"
            label={t('tenancies.form.program')}
            value={program}
            onChange={(e) => {
              const p = e.target.value as Program;
              setProgram(p);
              setKind(KIND_OF_PROGRAM[p]);
            }}
            options={programOptions(t)}
          />
          <SelectField
            className="col-md-4"
            id="tenancy-kind"
            label={t('tenancies.form.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as TenancyKind)}
            options={TENANCY_KINDS.map((k) => ({ value: k, label: t(`tenancies.kind.${k}`) }))}
          />
          <TextField
            className="col-md-2"
            id="tenancy-start"
            type="date"
            label={t('tenancies.form.start')}
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            required
            error={create.error?.fieldMessage('startDate')}
          />
          <TextField
            className="col-md-2"
            id="tenancy-end"
            type="date"
            label={t('tenancies.form.end')}
            hint={t('tenancies.form.endHint')}
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            error={create.error?.fieldMessage('endDate')}
          />
        </div>
      </fieldset>

      <fieldset className="mb-3">
        <legend className="h5">{t('tenancies.form.partyLegend')}</legend>
        <div className="row g-3 align-items-end">
          <TextField
            className="col-md-6"
            id="party-search"
            type="search"
            label={t('tenancies.form.partySearch')}
            value={partyQ}
            onChange={(e) => setPartyQ(e.target.value)}
          />
          <div className="col-md-3 mb-4">
            <button type="button" className="btn btn-outline-primary" onClick={() => setSearch(partyQ.trim())}>
              {t('tenancies.form.partySearchButton')}
            </button>
          </div>
        </div>
        {parties.data ? (
          parties.data.items.length === 0 ? (
            <p>{t('tenancies.form.noParty')}</p>
          ) : (
            <SelectField
              id="tenancy-party"
              label={t('tenancies.form.partyChoice')}
              value={party?.personId ?? ''}
              emptyOption={t('tenancies.form.chooseParty')}
              onChange={(e) => {
                const found = parties.data?.items.find((p) => p.personId === e.target.value);
                if (found) {
                  choose(found);
                }
              }}
              options={parties.data.items.map((p) => ({
                value: p.personId,
                label: `${p.personName}${p.householdName ? ` – ${p.householdName}` : ''}${
                  p.incomeCents !== null ? ` (${t('tenancies.form.incomeOf', { year: p.incomeYear, amount: formatCents(p.incomeCents, i18n.language) })})` : ''
                }`,
              }))}
            />
          )
        ) : null}
      </fieldset>

      <fieldset className="mb-3">
        <legend className="h5">{t('tenancies.form.incomeLegend')}</legend>
        <div className="row g-3">
          <TextField
            className="col-md-3"
            id="tenancy-income"
            label={t('tenancies.form.income')}
            inputMode="decimal"
            value={income}
            onChange={(e) => setIncome(e.target.value)}
          />
          <TextField
            className="col-md-3"
            id="tenancy-isee"
            label={t('tenancies.form.isee')}
            inputMode="decimal"
            value={isee}
            onChange={(e) => setIsee(e.target.value)}
          />
          <TextField
            className="col-md-2"
            id="tenancy-dependants"
            type="number"
            min={0}
            max={20}
            label={t('tenancies.form.dependants')}
            value={dependants}
            onChange={(e) => setDependants(e.target.value)}
          />
          <div className="col-md-4">
            <CheckboxField
              id="tenancy-protected"
              label={t('tenancies.form.protectedOnly')}
              checked={protectedOnly}
              onChange={(e) => setProtectedOnly(e.target.checked)}
            />
          </div>
          <TextField
            className="col-md-3"
            id="tenancy-service"
            label={t('tenancies.form.serviceCharges')}
            inputMode="decimal"
            value={service}
            onChange={(e) => setService(e.target.value)}
          />
          <TextField
            className="col-md-3"
            id="tenancy-deposit"
            label={t('tenancies.form.deposit')}
            inputMode="decimal"
            value={deposit}
            onChange={(e) => setDeposit(e.target.value)}
          />
        </div>
        <button type="button" className="btn btn-outline-primary" onClick={onPreview} disabled={preview.isPending}>
          {t('tenancies.form.preview')}
        </button>
      </fieldset>
      {preview.isError ? <Alert kind="danger">{preview.error.message}</Alert> : null}
      {preview.data ? <RentExplanation rent={preview.data} /> : null}

      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('tenancies.form.submit')}
      </button>
    </form>
  );
}
