import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, query } from '../../../app/api.js';
import { formatCents, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import {
  ACCESSIBILITY,
  SITUATIONS,
  useAddStep,
  useCreateProposal,
  useCreateSeeker,
  useSeeker,
  useSeekerMatches,
  useSeekers,
  useSettings,
  useStepDone,
} from '../api.js';
import { MatchList } from './MatchList.js';
import { ProposalCard } from './Proposals.js';

export function SeekerList() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('open');
  const seekers = useSeekers({ q: q.trim() || undefined, status: status || undefined });
  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <TextField id="seekers-q" label={t('agency.seekers.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="col-md-6">
          <SelectField
            id="seekers-status"
            label={t('agency.seekers.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            emptyOption={t('agency.form.all')}
            options={['open', 'housed', 'closed'].map((s) => ({ value: s, label: t(`agency.seekerStatus.${s}`) }))}
          />
        </div>
      </div>
      {seekers.isPending ? <Loading label={t('common.loading')} /> : null}
      {seekers.data ? (
        <table className="table table-sm" data-testid="seeker-table">
          <caption>{t('agency.seekers.caption', { count: seekers.data.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.seekers.name')}</th>
              <th scope="col">{t('agency.seekers.household')}</th>
              <th scope="col">{t('agency.seekers.ceiling')}</th>
              <th scope="col">{t('agency.seekers.situation')}</th>
              <th scope="col">{t('agency.seekers.intake')}</th>
            </tr>
          </thead>
          <tbody>
            {seekers.data.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/agency/seekers/${s.id}`}>{s.person.name}</Link>
                </td>
                <td>{t('agency.seekers.peopleN', { count: s.householdSize })}</td>
                <td>{formatCents(s.ceilingCents, i18n.language)}</td>
                <td>{s.situation.map((x) => t(`agency.situation.${x}`)).join(', ') || '—'}</td>
                <td>{formatDay(s.intakeOn, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

interface PersonHit {
  id: string;
  givenName: string;
  familyName: string;
  codiceFiscale: string | null;
}

/** Intake: find the person in the registry, then household, income, situation and needs. */
export function SeekerCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const create = useCreateSeeker();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonHit[]>([]);
  const [f, setF] = useState({ personId: '', intakeOn: '', householdSize: '1', income: '', minBedrooms: '1', projectGoals: '' });
  const [situation, setSituation] = useState<string[]>([]);
  const [zones, setZones] = useState<string[]>([]);
  const [needs, setNeeds] = useState<string[]>([]);
  const [pets, setPets] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = (k: string) => create.error?.fieldMessage(k);
  const toggle = (list: string[], setList: (l: string[]) => void, v: string) => setList(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const search = async () => {
    const res = await api<{ items: PersonHit[] }>('GET', `/api/v1/registry/persons${query({ q: q.trim(), limit: 20 })}`);
    setHits(res.items);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        personId: f.personId,
        intakeOn: f.intakeOn,
        householdSize: Number(f.householdSize),
        annualIncomeCents: parseEuro(f.income) ?? Number.NaN,
        situation,
        minBedrooms: Number(f.minBedrooms),
        preferredZones: zones,
        accessibilityNeeds: needs,
        hasPets: pets,
        projectGoals: f.projectGoals.trim() || null,
      },
      { onSuccess: (s) => void navigate(`/agency/seekers/${s.id}`) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card card-bg p-3 mb-4" aria-labelledby="new-seeker-heading">
      <h2 id="new-seeker-heading" className="h4">
        {t('agency.seekers.new')}
      </h2>
      {create.error ? (
        <Alert kind="danger">{create.error.status === 400 ? t('agency.form.fixFields') : (create.error.detail ?? t('errors.generic'))}</Alert>
      ) : null}
      <div className="row align-items-end">
        <div className="col-md-8">
          <TextField id="seeker-person-q" label={t('agency.seekers.findPerson')} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="col-md-4 mb-3">
          <button type="button" className="btn btn-outline-primary" onClick={() => void search()}>
            {t('agency.seekers.searchButton')}
          </button>
        </div>
      </div>
      <SelectField
        id="seeker-person"
        label={t('agency.seekers.person')}
        value={f.personId}
        onChange={set('personId')}
        emptyOption={t('agency.form.choose')}
        options={hits.map((h) => ({ value: h.id, label: `${h.familyName} ${h.givenName}${h.codiceFiscale ? ` (${h.codiceFiscale})` : ''}` }))}
        error={err('personId')}
      />
      <div className="row">
        <div className="col-md-3">
          <TextField id="seeker-intake" type="date" label={t('agency.seekers.intake')} value={f.intakeOn} onChange={set('intakeOn')} error={err('intakeOn')} />
        </div>
        <div className="col-md-3">
          <TextField id="seeker-size" type="number" min={1} label={t('agency.seekers.household')} value={f.householdSize} onChange={set('householdSize')} />
        </div>
        <div className="col-md-3">
          <TextField
            id="seeker-income"
            inputMode="decimal"
            label={t('agency.seekers.income')}
            value={f.income}
            onChange={set('income')}
            error={err('annualIncomeCents')}
          />
        </div>
        <div className="col-md-3">
          <TextField id="seeker-bedrooms" type="number" min={0} label={t('agency.seekers.minBedrooms')} value={f.minBedrooms} onChange={set('minBedrooms')} />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="h6">{t('agency.seekers.situation')}</legend>
        {SITUATIONS.map((s) => (
          <CheckboxField
            key={s}
            id={`seeker-sit-${s}`}
            label={t(`agency.situation.${s}`)}
            checked={situation.includes(s)}
            onChange={() => toggle(situation, setSituation, s)}
          />
        ))}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('agency.seekers.zones')}</legend>
        {(settings.data?.agreement.zones ?? []).map((z) => (
          <CheckboxField
            key={z.code}
            id={`seeker-zone-${z.code}`}
            label={`${z.code} – ${z.name}`}
            checked={zones.includes(z.code)}
            onChange={() => toggle(zones, setZones, z.code)}
          />
        ))}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('agency.seekers.needs')}</legend>
        {ACCESSIBILITY.map((a) => (
          <CheckboxField
            key={a}
            id={`seeker-acc-${a}`}
            label={t(`agency.access.${a}`)}
            checked={needs.includes(a)}
            onChange={() => toggle(needs, setNeeds, a)}
          />
        ))}
        <CheckboxField id="seeker-pets" label={t('agency.seekers.pets')} checked={pets} onChange={() => setPets(!pets)} />
      </fieldset>
      <div className="form-group">
        <label htmlFor="seeker-goals" className="active">
          {t('agency.seekers.goals')}
        </label>
        <textarea id="seeker-goals" className="form-control" rows={3} value={f.projectGoals} onChange={set('projectGoals')} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('agency.seekers.save')}
      </button>
    </form>
  );
}

function StepForm({ seekerId }: { seekerId: string }) {
  const { t } = useTranslation();
  const add = useAddStep(seekerId);
  const [f, setF] = useState({ title: '', responsible: 'agency', dueOn: '' });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ title: f.title.trim(), responsible: f.responsible, dueOn: f.dueOn || null }, { onSuccess: () => setF({ ...f, title: '', dueOn: '' }) });
      }}
      className="row align-items-end"
    >
      <div className="col-md-5">
        <TextField
          id="step-title"
          label={t('agency.project.stepTitle')}
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.target.value })}
          error={add.error?.fieldMessage('title')}
        />
      </div>
      <div className="col-md-3">
        <SelectField
          id="step-responsible"
          label={t('agency.project.responsible')}
          value={f.responsible}
          onChange={(e) => setF({ ...f, responsible: e.target.value })}
          options={['seeker', 'agency', 'social_services', 'landlord', 'other'].map((r) => ({ value: r, label: t(`agency.responsible.${r}`) }))}
        />
      </div>
      <div className="col-md-2">
        <TextField id="step-due" type="date" label={t('agency.project.due')} value={f.dueOn} onChange={(e) => setF({ ...f, dueOn: e.target.value })} />
      </div>
      <div className="col-md-2 mb-3">
        <button type="submit" className="btn btn-outline-primary">
          {t('agency.project.add')}
        </button>
      </div>
    </form>
  );
}

export function SeekerDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const seeker = useSeeker(id);
  const matches = useSeekerMatches(id);
  const propose = useCreateProposal();
  const done = useStepDone();
  if (seeker.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (seeker.isError) {
    return <Alert kind="danger">{seeker.error.message}</Alert>;
  }
  const s = seeker.data;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>{s.person.name}</h1>
      <p className="lead">
        {t(`agency.seekerStatus.${s.status}`)} · {t('agency.seekers.peopleN', { count: s.householdSize })} ·{' '}
        <Link to={`/registry/persons/${s.person.id}`}>{t('agency.seekers.registryFile')}</Link>
      </p>
      <dl className="row">
        <dt className="col-sm-4">{t('agency.seekers.ceiling')}</dt>
        <dd className="col-sm-8">
          {formatCents(s.ceilingCents, i18n.language)}{' '}
          {s.maxRentCents === null ? t('agency.seekers.fromIncome', { income: formatCents(s.annualIncomeCents, i18n.language) }) : ''}
        </dd>
        <dt className="col-sm-4">{t('agency.seekers.situation')}</dt>
        <dd className="col-sm-8">{s.situation.map((x) => t(`agency.situation.${x}`)).join(', ') || '—'}</dd>
        <dt className="col-sm-4">{t('agency.seekers.needsShort')}</dt>
        <dd className="col-sm-8">
          {[
            t('agency.listings.bedroomsN', { count: s.minBedrooms }),
            s.preferredZones.length ? `${t('agency.seekers.zones')}: ${s.preferredZones.join(', ')}` : null,
            ...s.accessibilityNeeds.map((a) => t(`agency.access.${a}`)),
            s.hasPets ? t('agency.seekers.pets') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </dd>
      </dl>
      <section aria-labelledby="project-heading" className="mb-4">
        <h2 id="project-heading" className="h4">
          {t('agency.project.heading')}
        </h2>
        <p>{s.projectGoals ?? t('agency.project.noGoals')}</p>
        <ul className="list-unstyled">
          {s.steps.map((st) => (
            <li key={st.id}>
              <CheckboxField
                id={`step-${st.id}`}
                checked={st.doneOn !== null}
                onChange={() => done.mutate({ id: st.id, doneOn: st.doneOn ? null : today })}
                label={`${st.title} — ${t(`agency.responsible.${st.responsible}`)}${st.dueOn ? `, ${t('agency.project.dueBy', { day: formatDay(st.dueOn, i18n.language) })}` : ''}`}
              />
            </li>
          ))}
        </ul>
        <StepForm seekerId={s.id} />
      </section>
      <section aria-labelledby="proposals-heading" className="mb-4">
        <h2 id="proposals-heading" className="h4">
          {t('agency.proposals.heading')}
        </h2>
        {s.proposals.length === 0 ? <p>{t('agency.proposals.none')}</p> : null}
        {s.proposals.map((p) => (
          <ProposalCard key={p.id} proposal={p} />
        ))}
      </section>
      <section aria-labelledby="seeker-matches-heading">
        <h2 id="seeker-matches-heading" className="h4">
          {t('agency.matches.forSeeker')}
        </h2>
        {propose.error ? <Alert kind="danger">{propose.error.fieldErrors[0]?.message ?? propose.error.message}</Alert> : null}
        <MatchList
          matches={matches.data?.items}
          linkTo={(m) => `/agency/listings/${m.listingId}`}
          onPropose={(m) => propose.mutate({ seekerId: m.seekerId, listingId: m.listingId })}
          canPropose={s.status === 'open'}
        />
      </section>
    </>
  );
}
