import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Household, INCOME_KINDS, type IseeStatus, useAddIncome, useAddIsee } from '../api.js';

const ISEE_BADGE: Record<IseeStatus, 'success' | 'warning' | 'danger'> = { valid: 'success', expiring: 'warning', expired: 'danger' };

export function IseeBadge({ status }: { status: IseeStatus }) {
  const { t } = useTranslation();
  return <StatusBadge kind={ISEE_BADGE[status]}>{t(`registry.isee.status.${status}`)}</StatusBadge>;
}

/** Members over time; `link` false on the citizen's page (no operator routes there). */
export function MembersTable({ household, link }: { household: Household; link: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table align-middle">
        <caption>{t('registry.households.membersCaption', { name: household.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.fields.name')}</th>
            <th scope="col">{t('registry.households.relationship')}</th>
            <th scope="col">{t('registry.fields.birthDate')}</th>
            <th scope="col">{t('registry.households.period')}</th>
          </tr>
        </thead>
        <tbody>
          {household.members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{link ? <Link to={`/registry/persons/${m.personId}`}>{m.name}</Link> : m.name}</th>
              <td>{t(`registry.relationships.${m.relationship}`)}</td>
              <td>{formatDay(m.birthDate, i18n.language)}</td>
              <td>
                {t('registry.period', { from: formatDay(m.joinedOn, i18n.language), to: m.leftOn ? formatDay(m.leftOn, i18n.language) : '…' })}{' '}
                {m.current ? null : <StatusBadge kind="secondary">{t('registry.households.left')}</StatusBadge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IseeSection({ household }: { household: Household }) {
  const { t, i18n } = useTranslation();
  const current = household.currentIsee;
  return (
    <>
      {current === null ? <Alert kind="warning">{t('registry.isee.missing')}</Alert> : null}
      {current?.status === 'expiring' ? (
        <Alert kind="warning">{t('registry.isee.expiringWarning', { on: formatDay(current.expiresOn, i18n.language) })}</Alert>
      ) : null}
      {current?.status === 'expired' ? (
        <Alert kind="danger">{t('registry.isee.expiredWarning', { on: formatDay(current.expiresOn, i18n.language) })}</Alert>
      ) : null}
      {household.isee.length > 0 ? (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption>{t('registry.isee.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.isee.value')}</th>
                <th scope="col">{t('registry.isee.protocol')}</th>
                <th scope="col">{t('registry.isee.issuedOn')}</th>
                <th scope="col">{t('registry.isee.expiresOn')}</th>
                <th scope="col">{t('registry.isee.state')}</th>
              </tr>
            </thead>
            <tbody>
              {household.isee.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{formatCents(x.valueCents, i18n.language)}</th>
                  <td className="text-break">{x.protocolDsu}</td>
                  <td>{formatDay(x.issuedOn, i18n.language)}</td>
                  <td>{formatDay(x.expiresOn, i18n.language)}</td>
                  <td>
                    <IseeBadge status={x.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function IncomesTable({ household }: { household: Household }) {
  const { t, i18n } = useTranslation();
  const names = new Map(household.members.map((m) => [m.personId, m.name]));
  if (household.incomes.length === 0) {
    return <p>{t('registry.incomes.none')}</p>;
  }
  const byYear = [...household.incomes].sort((a, b) => b.year - a.year);
  return (
    <div className="table-responsive">
      <table className="table align-middle">
        <caption>{t('registry.incomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.incomes.year')}</th>
            <th scope="col">{t('registry.incomes.person')}</th>
            <th scope="col">{t('registry.incomes.kind')}</th>
            <th scope="col">{t('registry.incomes.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {byYear.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.year}</th>
              <td>{x.personId ? (names.get(x.personId) ?? '—') : t('registry.incomes.wholeHousehold')}</td>
              <td>{t(`registry.incomes.kinds.${x.kind}`)}</td>
              <td>{formatCents(x.amountCents, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IseeForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const add = useAddIsee(household.id);
  const [value, setValue] = useState('');
  const [protocolDsu, setProtocol] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuro(value);
    if (cents === null) {
      setLocalError(t('registry.amountInvalid'));
      return;
    }
    setLocalError(undefined);
    add.mutate({ valueCents: cents, protocolDsu: protocolDsu.trim(), issuedOn }, { onSuccess: () => setValue('') });
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-start" aria-labelledby="isee-form-heading">
      <h3 id="isee-form-heading" className="h6 col-12">
        {t('registry.isee.add')}
      </h3>
      {add.error && add.error.fieldErrors.length === 0 ? <Alert kind="danger">{add.error.message}</Alert> : null}
      <div className="col-12 col-md-3">
        <TextField
          label={t('registry.isee.valueEuro')}
          inputMode="decimal"
          required
          value={value}
          error={localError ?? add.error?.fieldMessage('valueCents')}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-5">
        <TextField
          label={t('registry.isee.protocol')}
          hint={t('registry.isee.protocolHint')}
          required
          value={protocolDsu}
          error={add.error?.fieldMessage('protocolDsu')}
          onChange={(e) => setProtocol(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-2">
        <TextField
          label={t('registry.isee.issuedOn')}
          type="date"
          required
          value={issuedOn}
          error={add.error?.fieldMessage('issuedOn')}
          onChange={(e) => setIssuedOn(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-2">
        <button type="submit" className="btn btn-outline-primary w-100" disabled={add.isPending}>
          {t('registry.isee.save')}
        </button>
      </div>
    </form>
  );
}

function IncomeForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const add = useAddIncome(household.id);
  const [personId, setPersonId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [kind, setKind] = useState<string>('employment');
  const [amount, setAmount] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEuro(amount);
    if (cents === null) {
      setLocalError(t('registry.amountInvalid'));
      return;
    }
    setLocalError(undefined);
    add.mutate({ personId: personId || null, year: Number(year), kind, amountCents: cents }, { onSuccess: () => setAmount('') });
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-start mt-2" aria-labelledby="income-form-heading">
      <h3 id="income-form-heading" className="h6 col-12">
        {t('registry.incomes.add')}
      </h3>
      {add.error && add.error.fieldErrors.length === 0 ? <Alert kind="danger">{add.error.message}</Alert> : null}
      <div className="col-12 col-md-3">
        <SelectField
          label={t('registry.incomes.person')}
          value={personId}
          emptyOption={t('registry.incomes.wholeHousehold')}
          options={household.members.filter((m) => m.current).map((m) => ({ value: m.personId, label: m.name }))}
          onChange={(e) => setPersonId(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-2">
        <TextField
          label={t('registry.incomes.year')}
          type="number"
          required
          value={year}
          error={add.error?.fieldMessage('year')}
          onChange={(e) => setYear(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-3">
        <SelectField
          label={t('registry.incomes.kind')}
          value={kind}
          options={INCOME_KINDS.map((k) => ({ value: k, label: t(`registry.incomes.kinds.${k}`) }))}
          onChange={(e) => setKind(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-2">
        <TextField
          label={t('registry.incomes.amountEuro')}
          inputMode="decimal"
          required
          value={amount}
          error={localError ?? add.error?.fieldMessage('amountCents')}
          onChange={(e) => setAmount(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-2">
        <button type="submit" className="btn btn-outline-primary w-100" disabled={add.isPending}>
          {t('registry.incomes.save')}
        </button>
      </div>
    </form>
  );
}

/** A household for operators: members over time, ISEE with expiry warnings, incomes by year. */
export function HouseholdDetail({ household, canWrite }: { household: Household; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{household.head ? t('registry.households.headIs', { name: household.head.name }) : t('registry.households.noHead')}</p>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="h4">
          {t('registry.households.members')}
        </h2>
        <MembersTable household={household} link />
      </section>
      <section aria-labelledby="isee-heading" className="mt-4">
        <h2 id="isee-heading" className="h4">
          {t('registry.isee.heading')}
        </h2>
        <IseeSection household={household} />
        {canWrite ? <IseeForm household={household} /> : null}
      </section>
      <section aria-labelledby="incomes-heading" className="mt-4">
        <h2 id="incomes-heading" className="h4">
          {t('registry.incomes.heading')}
        </h2>
        <IncomesTable household={household} />
        {canWrite ? <IncomeForm household={household} /> : null}
      </section>
    </>
  );
}
