import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { formatDay } from '../../../app/format.js';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { CASE_TYPES, type CaseDetail, REPORTERS, RESULTS, SEVERITIES, todayInRome, useCase, useDashboard, useEstates, useMediationWrite } from '../api.js';

const opts = (t: (k: string) => string, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

/** Opening a conflict case: estate, type, severity, who reported it, the households involved. */
export function MediationCaseNew() {
  const { t } = useTranslation();
  usePageTitle(t('mediation.cases.new'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const estates = useEstates();
  const [form, setForm] = useState({
    estateId: params.get('estate') ?? '',
    type: 'noise',
    severity: 'medium',
    reportedBy: 'resident',
    summary: '',
    openedOn: todayInRome(),
  });
  const estateId = form.estateId || estates.data?.[0]?.id || '';
  const dash = useDashboard(estateId);
  const [parties, setParties] = useState<string[]>([]);
  const create = useMediationWrite<unknown, { id: string }>('POST', () => '/api/v1/mediation/cases');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...form, estateId, parties: parties.map((householdId) => ({ householdId })) }, { onSuccess: (c) => navigate(`/mediation/cases/${c.id}`) });
  };
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <div>
      <h1>{t('mediation.cases.new')}</h1>
      <form onSubmit={onSubmit} className="row">
        <SelectField
          className="col-md-6"
          id="case-estate"
          label={t('mediation.estate')}
          value={estateId}
          onChange={(e) => {
            setForm({ ...form, estateId: e.target.value });
            setParties([]);
          }}
          options={(estates.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        <TextField
          className="col-md-6"
          id="case-opened"
          type="date"
          label={t('mediation.cases.openedOn')}
          value={form.openedOn}
          onChange={(e) => setForm({ ...form, openedOn: e.target.value })}
        />
        <SelectField
          className="col-md-4"
          id="case-type"
          label={t('mediation.cases.type')}
          value={form.type}
          onChange={(e) => setForm({ ...form, type: e.target.value })}
          options={opts(t, 'mediation.type', CASE_TYPES)}
        />
        <SelectField
          className="col-md-4"
          id="case-severity"
          label={t('mediation.cases.severity')}
          value={form.severity}
          onChange={(e) => setForm({ ...form, severity: e.target.value })}
          options={opts(t, 'mediation.severity', SEVERITIES)}
        />
        <SelectField
          className="col-md-4"
          id="case-reporter"
          label={t('mediation.cases.reportedBy')}
          value={form.reportedBy}
          onChange={(e) => setForm({ ...form, reportedBy: e.target.value })}
          options={opts(t, 'mediation.reporter', REPORTERS)}
        />
        <TextField
          className="col-12"
          id="case-summary"
          label={t('mediation.cases.summary')}
          required
          minLength={3}
          value={form.summary}
          error={err?.fieldMessage('summary')}
          onChange={(e) => setForm({ ...form, summary: e.target.value })}
        />
        <fieldset className="col-12 mb-3">
          <legend className="h6">{t('mediation.cases.parties')}</legend>
          {dash.data?.households.length === 0 ? <p>{t('mediation.cases.noHouseholds')}</p> : null}
          {dash.data?.households.map((h) => (
            <CheckboxField
              key={h.id}
              id={`party-${h.id}`}
              label={`${h.name} (${h.unitCode})`}
              checked={parties.includes(h.id)}
              onChange={(e) => setParties(e.target.checked ? [...parties, h.id] : parties.filter((p) => p !== h.id))}
            />
          ))}
        </fieldset>
        {create.isError ? <Alert kind="danger">{create.error.message}</Alert> : null}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('mediation.cases.open')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A case: parties, sessions, agreements, escalation and closure. */
export function MediationCaseView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const c = useCase(id);
  usePageTitle(c.data ? c.data.summary : t('mediation.cases.heading'));
  if (c.isPending) {
    return <Loading label={t('mediation.loading')} />;
  }
  if (c.isError) {
    return <Alert kind="danger">{c.error.message}</Alert>;
  }
  const d = c.data;
  const open = d.status !== 'closed';
  return (
    <div>
      <p>
        <Link to={`/mediation?estate=${d.estate.id}`}>{t('mediation.back', { name: d.estate.name })}</Link>
      </p>
      <h1>{d.summary}</h1>
      <dl className="row">
        <dt className="col-sm-3">{t('mediation.cases.status')}</dt>
        <dd className="col-sm-9" data-testid="case-status">
          {t(`mediation.status.${d.status}`)}
        </dd>
        <dt className="col-sm-3">{t('mediation.cases.type')}</dt>
        <dd className="col-sm-9">
          {t(`mediation.type.${d.type}`)} · {t(`mediation.severity.${d.severity}`)}
        </dd>
        <dt className="col-sm-3">{t('mediation.cases.reportedBy')}</dt>
        <dd className="col-sm-9">{t(`mediation.reporter.${d.reportedBy}`)}</dd>
        <dt className="col-sm-3">{t('mediation.cases.openedOn')}</dt>
        <dd className="col-sm-9">{formatDay(d.openedOn, i18n.language)}</dd>
        <dt className="col-sm-3">{t('mediation.cases.parties')}</dt>
        <dd className="col-sm-9">{d.parties.map((p) => `${p.name} (${t(`mediation.role.${p.role}`)})`).join(', ') || '—'}</dd>
        {d.followUpOn ? (
          <>
            <dt className="col-sm-3">{t('mediation.cases.followUpOn')}</dt>
            <dd className="col-sm-9">{formatDay(d.followUpOn, i18n.language)}</dd>
          </>
        ) : null}
        {d.escalatedTo ? (
          <>
            <dt className="col-sm-3">{t('mediation.cases.escalated')}</dt>
            <dd className="col-sm-9">
              {t(`mediation.escalation.${d.escalatedTo}`)} · {formatDay(d.escalatedOn, i18n.language)} · {d.escalationNote}
            </dd>
          </>
        ) : null}
        {d.result ? (
          <>
            <dt className="col-sm-3">{t('mediation.cases.result')}</dt>
            <dd className="col-sm-9">
              {t(`mediation.result.${d.result}`)} · {formatDay(d.closedOn, i18n.language)} {d.closureNote ? `· ${d.closureNote}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <Sessions c={d} open={open} />
      <Agreements c={d} open={open} />
      {open ? <Closing c={d} /> : null}
    </div>
  );
}

function Sessions({ c, open }: { c: CaseDetail; open: boolean }) {
  const { t, i18n } = useTranslation();
  const empty = { heldOn: todayInRome(), participants: '', outcome: '' };
  const [form, setForm] = useState(empty);
  const add = useMediationWrite<typeof empty>('POST', () => `/api/v1/mediation/cases/${c.id}/sessions`);
  return (
    <section aria-labelledby="sessions-heading" className="mt-4">
      <h2 id="sessions-heading" className="h4">
        {t('mediation.sessions.heading')}
      </h2>
      {c.sessions.length === 0 ? (
        <p>{t('mediation.sessions.empty')}</p>
      ) : (
        <table className="table table-sm">
          <caption className="visually-hidden">{t('mediation.sessions.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mediation.sessions.heldOn')}</th>
              <th scope="col">{t('mediation.sessions.participants')}</th>
              <th scope="col">{t('mediation.sessions.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {c.sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">{formatDay(s.heldOn, i18n.language)}</th>
                <td>{s.participants}</td>
                <td>{s.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(form, { onSuccess: () => setForm(empty) });
          }}
        >
          <TextField
            className="col-md-3"
            id="session-day"
            type="date"
            required
            label={t('mediation.sessions.heldOn')}
            value={form.heldOn}
            onChange={(e) => setForm({ ...form, heldOn: e.target.value })}
          />
          <TextField
            className="col-md-4"
            id="session-participants"
            required
            label={t('mediation.sessions.participants')}
            value={form.participants}
            onChange={(e) => setForm({ ...form, participants: e.target.value })}
          />
          <TextField
            className="col-md-5"
            id="session-outcome"
            required
            label={t('mediation.sessions.outcome')}
            value={form.outcome}
            onChange={(e) => setForm({ ...form, outcome: e.target.value })}
          />
          {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
          <div className="col-12">
            <button type="submit" className="btn btn-outline-primary btn-sm" disabled={add.isPending}>
              {t('mediation.sessions.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Agreements({ c, open }: { c: CaseDetail; open: boolean }) {
  const { t, i18n } = useTranslation();
  const empty = { agreedOn: todayInRome(), terms: '', followUpOn: '' };
  const [form, setForm] = useState(empty);
  const add = useMediationWrite<typeof empty>(
    'POST',
    () => `/api/v1/mediation/cases/${c.id}/agreements`,
    (b) => ({ ...b, followUpOn: b.followUpOn || undefined }),
  );
  return (
    <section aria-labelledby="agreements-heading" className="mt-4">
      <h2 id="agreements-heading" className="h4">
        {t('mediation.agreements.heading')}
      </h2>
      {c.agreements.length === 0 ? (
        <p>{t('mediation.agreements.empty')}</p>
      ) : (
        <ul>
          {c.agreements.map((a) => (
            <li key={a.id}>
              <strong>{formatDay(a.agreedOn, i18n.language)}</strong>: {a.terms}
              {a.followUpOn ? ` (${t('mediation.agreements.followUp', { day: formatDay(a.followUpOn, i18n.language) })})` : ''}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(form, { onSuccess: () => setForm(empty) });
          }}
        >
          <TextField
            className="col-md-3"
            id="agreement-day"
            type="date"
            required
            label={t('mediation.agreements.agreedOn')}
            value={form.agreedOn}
            onChange={(e) => setForm({ ...form, agreedOn: e.target.value })}
          />
          <TextField
            className="col-md-6"
            id="agreement-terms"
            required
            minLength={3}
            label={t('mediation.agreements.terms')}
            value={form.terms}
            onChange={(e) => setForm({ ...form, terms: e.target.value })}
          />
          <TextField
            className="col-md-3"
            id="agreement-follow"
            type="date"
            label={t('mediation.agreements.followUpOn')}
            value={form.followUpOn}
            onChange={(e) => setForm({ ...form, followUpOn: e.target.value })}
          />
          {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
          <div className="col-12">
            <button type="submit" className="btn btn-outline-primary btn-sm" disabled={add.isPending}>
              {t('mediation.agreements.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Closing({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [esc, setEsc] = useState({ to: 'managing_body', on: todayInRome(), note: '' });
  const [close, setClose] = useState({ closedOn: todayInRome(), result: 'resolved', note: '' });
  const escalate = useMediationWrite<typeof esc>('POST', () => `/api/v1/mediation/cases/${c.id}/escalation`);
  const closing = useMediationWrite<typeof close>(
    'POST',
    () => `/api/v1/mediation/cases/${c.id}/closure`,
    (b) => ({ ...b, note: b.note || undefined }),
  );
  return (
    <div className="row mt-4">
      {c.status !== 'escalated' ? (
        <section aria-labelledby="escalate-heading" className="col-md-6">
          <h2 id="escalate-heading" className="h5">
            {t('mediation.cases.escalate')}
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              escalate.mutate(esc);
            }}
          >
            <SelectField
              id="esc-to"
              label={t('mediation.cases.escalateTo')}
              value={esc.to}
              onChange={(e) => setEsc({ ...esc, to: e.target.value })}
              options={opts(t, 'mediation.escalation', ['managing_body', 'social_services'])}
            />
            <TextField
              id="esc-on"
              type="date"
              required
              label={t('mediation.cases.day')}
              value={esc.on}
              onChange={(e) => setEsc({ ...esc, on: e.target.value })}
            />
            <TextField id="esc-note" required label={t('mediation.cases.note')} value={esc.note} onChange={(e) => setEsc({ ...esc, note: e.target.value })} />
            {escalate.isError ? <Alert kind="danger">{escalate.error.message}</Alert> : null}
            <button type="submit" className="btn btn-outline-danger btn-sm">
              {t('mediation.cases.escalate')}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="close-heading" className="col-md-6">
        <h2 id="close-heading" className="h5">
          {t('mediation.cases.close')}
        </h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            closing.mutate(close);
          }}
        >
          <SelectField
            id="close-result"
            label={t('mediation.cases.result')}
            value={close.result}
            onChange={(e) => setClose({ ...close, result: e.target.value })}
            options={opts(t, 'mediation.result', RESULTS)}
          />
          <TextField
            id="close-on"
            type="date"
            required
            label={t('mediation.cases.day')}
            value={close.closedOn}
            onChange={(e) => setClose({ ...close, closedOn: e.target.value })}
          />
          <TextField id="close-note" label={t('mediation.cases.note')} value={close.note} onChange={(e) => setClose({ ...close, note: e.target.value })} />
          {closing.isError ? <Alert kind="danger">{closing.error.message}</Alert> : null}
          <button type="submit" className="btn btn-outline-primary btn-sm">
            {t('mediation.cases.close')}
          </button>
        </form>
      </section>
    </div>
  );
}
