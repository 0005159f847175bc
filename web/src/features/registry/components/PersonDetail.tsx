import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { PROGRAMS, type Program } from '../../identity/api.js';
import { programOptions } from '../../identity/labels.js';
import { type Person, useAddConsent, useEnrol } from '../api.js';
import { SensitivePanel } from './SensitivePanel.js';

function todayInRome(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}

/** The common record as a definition list; empty values are shown as a dash. */
export function PersonData({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string | null][] = [
    ['codiceFiscale', person.codiceFiscale ?? t('registry.cfPending')],
    ['birthDate', person.birthDate ? formatDay(person.birthDate, i18n.language) : null],
    ['birthPlace', person.birthPlace ? `${person.birthPlace}${person.birthPlaceCode ? ` (${person.birthPlaceCode})` : ''}` : null],
    ['sex', person.sex ? t(`registry.sex.${person.sex}`) : null],
    ['citizenship', person.citizenship],
    ['email', person.email],
    ['phone', person.phone],
    [
      'residence',
      person.noFixedAddress
        ? t('registry.noFixedAddress')
        : [person.residenceAddress, person.residencePostcode, person.residenceCity].filter(Boolean).join(', ') || null,
    ],
    ['domicile', [person.domicileAddress, person.domicileCity].filter(Boolean).join(', ') || null],
  ];
  return (
    <dl className="row">
      {rows.map(([k, v]) => (
        <div className="col-12 col-md-6 col-lg-4" key={k}>
          <dt>{t(`registry.fields.${k}`)}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function EnrolForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const enrol = useEnrol(person.id);
  const [program, setProgram] = useState<string>(PROGRAMS[0]);
  const [startedOn, setStartedOn] = useState(todayInRome());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    enrol.mutate({ program: program as Program, startedOn });
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-start mt-2" aria-label={t('registry.enrolments.add')}>
      {enrol.error && enrol.error.fieldErrors.length === 0 ? <Alert kind="danger">{enrol.error.message}</Alert> : null}
      <div className="col-12 col-md-5">
        <SelectField
          label={t('registry.fields.program')}
          value={program}
          options={programOptions(t)}
          error={enrol.error?.fieldMessage('program')}
          onChange={(e) => setProgram(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-4">
        <TextField
          label={t('registry.fields.startedOn')}
          type="date"
          value={startedOn}
          error={enrol.error?.fieldMessage('startedOn')}
          onChange={(e) => setStartedOn(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-3">
        <button type="submit" className="btn btn-outline-primary w-100" disabled={enrol.isPending}>
          {t('registry.enrolments.add')}
        </button>
      </div>
    </form>
  );
}

function ConsentForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const add = useAddConsent(person.id);
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('consent');
  const [givenOn, setGivenOn] = useState(todayInRome());
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ purpose: purpose.trim(), legalBasis, givenOn }, { onSuccess: () => setPurpose('') });
  };
  return (
    <form onSubmit={onSubmit} className="row g-3 align-items-start mt-2" aria-label={t('registry.consents.add')}>
      <div className="col-12 col-lg-5">
        <TextField
          label={t('registry.consents.purpose')}
          required
          value={purpose}
          error={add.error?.fieldMessage('purpose')}
          onChange={(e) => setPurpose(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-6 col-lg-3">
        <SelectField
          label={t('registry.consents.legalBasis')}
          value={legalBasis}
          options={['consent', 'legal_obligation', 'public_interest', 'vital_interest', 'contract'].map((v) => ({
            value: v,
            label: t(`registry.legalBasis.${v}`),
          }))}
          onChange={(e) => setLegalBasis(e.target.value)}
        />
      </div>
      <div className="col-12 col-md-6 col-lg-2">
        <TextField
          label={t('registry.consents.givenOn')}
          type="date"
          value={givenOn}
          error={add.error?.fieldMessage('givenOn')}
          onChange={(e) => setGivenOn(e.target.value)}
        />
      </div>
      <div className="col-12 col-lg-2">
        <button type="submit" className="btn btn-outline-primary w-100" disabled={add.isPending}>
          {t('registry.consents.add')}
        </button>
      </div>
    </form>
  );
}

/** A person's file for operators: data, household, programs, consents, documents, special categories. */
export function PersonDetail({ person, canWrite, canReadSensitive }: { person: Person; canWrite: boolean; canReadSensitive: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        {person.cfPending ? <StatusBadge kind="warning">{t('registry.cfPending')}</StatusBadge> : null}
        {person.noFixedAddress ? <StatusBadge kind="secondary">{t('registry.noFixedAddress')}</StatusBadge> : null}
        {person.linkedAccount ? <StatusBadge kind="primary">{t('registry.linkedAccount')}</StatusBadge> : null}
      </p>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading" className="h4">
          {t('registry.detail.data')}
        </h2>
        <PersonData person={person} />
      </section>
      <section aria-labelledby="household-heading" className="mt-3">
        <h2 id="household-heading" className="h4">
          {t('registry.detail.household')}
        </h2>
        {person.householdId ? (
          <Link to={`/registry/households/${person.householdId}`}>{t('registry.detail.openHousehold')}</Link>
        ) : (
          <p>
            {t('registry.detail.noHousehold')}{' '}
            {canWrite ? <Link to={`/registry/households/new?member=${person.id}`}>{t('registry.households.create')}</Link> : null}
          </p>
        )}
      </section>
      <section aria-labelledby="enrolments-heading" className="mt-4">
        <h2 id="enrolments-heading" className="h4">
          {t('registry.enrolments.heading')}
        </h2>
        {person.enrolments.length === 0 ? <p>{t('registry.enrolments.none')}</p> : null}
        <ul>
          {person.enrolments.map((e) => (
            <li key={e.id}>
              {t(`programs.${e.program}`)} —{' '}
              {t('registry.period', { from: formatDay(e.startedOn, i18n.language), to: e.endedOn ? formatDay(e.endedOn, i18n.language) : '…' })}
              {e.caseWorkerName ? ` — ${t('registry.enrolments.caseWorker', { name: e.caseWorkerName })}` : ''}
            </li>
          ))}
        </ul>
        {canWrite ? <EnrolForm person={person} /> : null}
      </section>
      <SensitivePanel personId={person.id} categories={person.sensitiveCategories} canRead={canReadSensitive} canWrite={canWrite} />
      <section aria-labelledby="consents-heading" className="mt-4">
        <h2 id="consents-heading" className="h4">
          {t('registry.consents.heading')}
        </h2>
        <ConsentList consents={person.consents} />
        {canWrite ? <ConsentForm person={person} /> : null}
      </section>
      <section aria-labelledby="documents-heading" className="mt-4">
        <h2 id="documents-heading" className="h4">
          {t('registry.documents.heading')}
        </h2>
        {person.documents.length === 0 ? <p>{t('registry.documents.none')}</p> : null}
        <ul>
          {person.documents.map((d) => (
            <li key={d.id}>
              {t(`registry.documents.kinds.${d.kind}`)} {d.number ?? ''}{' '}
              {d.expiresOn ? `— ${t('registry.documents.expires', { on: formatDay(d.expiresOn, i18n.language) })}` : ''}{' '}
              {d.expired ? <StatusBadge kind="danger">{t('registry.documents.expired')}</StatusBadge> : null}
              {d.fileName ? (
                <a href={`/api/v1/registry/persons/${person.id}/documents/${d.id}/file`} download={d.fileName}>
                  {t('registry.documents.download', { name: d.fileName })}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {person.representatives.length > 0 ? (
        <section aria-labelledby="representatives-heading" className="mt-4">
          <h2 id="representatives-heading" className="h4">
            {t('registry.representatives.heading')}
          </h2>
          <ul>
            {person.representatives.map((r) => (
              <li key={r.id}>
                <Link to={`/registry/persons/${r.representativeId}`}>{r.name}</Link> — {t(`registry.representatives.kinds.${r.kind}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Consents with their state; the citizen's page adds a withdraw button through `action`. */
export function ConsentList({ consents, action }: { consents: Person['consents']; action?: (c: Person['consents'][number]) => React.ReactNode }) {
  const { t, i18n } = useTranslation();
  if (consents.length === 0) {
    return <p>{t('registry.consents.none')}</p>;
  }
  return (
    <div className="table-responsive">
      <table className="table align-middle">
        <caption>{t('registry.consents.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.consents.purpose')}</th>
            <th scope="col">{t('registry.consents.legalBasis')}</th>
            <th scope="col">{t('registry.consents.givenOn')}</th>
            <th scope="col">{t('registry.consents.state')}</th>
            {action ? <th scope="col">{t('registry.consents.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {consents.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.purpose}</th>
              <td>{t(`registry.legalBasis.${c.legalBasis}`)}</td>
              <td>
                {formatDay(c.givenOn, i18n.language)}
                {c.givenByName ? ` (${t('registry.consents.givenBy', { name: c.givenByName })})` : ''}
              </td>
              <td>
                {c.withdrawnOn ? (
                  <StatusBadge kind="secondary">{t('registry.consents.withdrawnOn', { on: formatDay(c.withdrawnOn, i18n.language) })}</StatusBadge>
                ) : (
                  <StatusBadge kind="success">{t('registry.consents.active')}</StatusBadge>
                )}
              </td>
              {action ? <td>{c.withdrawnOn ? '—' : action(c)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
