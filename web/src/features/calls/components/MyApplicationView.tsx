import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type Application, type Call, type FactValue, pick, useFileObjection, useUploadDocument, useWhatIf, useWithdrawMyApplication } from '../api.js';
import { enumKey, formatPoints, STATUS_BADGE } from '../labels.js';
import { ApplyWizard } from './ApplyWizard.js';
import { DocumentUpload } from './DocumentUpload.js';
import { EvaluationTable } from './EvaluationTable.js';
import { IntegrationAnswer } from './IntegrationPanels.js';

/** The applicant's own page: receipt, status, score per criterion, position, what-if, objection, withdrawal. */
export function MyApplicationView({ call, app, ente }: { call: Call; app: Application; ente: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const withdraw = useWithdrawMyApplication(app.id);
  const objectionUpload = useUploadDocument(app.id);
  const [editing, setEditing] = useState(false);
  if (app.status === 'draft' && app.editable) {
    return <ApplyWizard call={call} app={app} />;
  }
  const tie = app.ranking?.tieBrokenBy;
  const tieRule = (() => {
    if (!tie) {
      return null;
    }
    if (tie === 'lot' || tie === 'protocol') {
      return t(`calls.tie.${tie}`);
    }
    const tb = call.rules.tieBreak[Number(tie.split('.')[1])];
    if (!tb || 'lot' in tb) {
      return t('calls.tie.lot');
    }
    const f = call.facts.find((x) => x.name === tb.fact);
    return t(`calls.rules.order.${tb.order}`, { fact: f ? pick(f.label, lang) : tb.fact });
  })();
  return (
    <>
      <p>
        <StatusBadge kind={STATUS_BADGE[app.status]}>{t(`calls.appStatus.${app.status}`)}</StatusBadge>
      </p>
      {app.protocol ? (
        <div className="alert alert-success" role="status" data-testid="receipt">
          <h2 className="h5">{t('calls.receipt.heading')}</h2>
          <p className="mb-1">{t('calls.receipt.protocol', { protocol: app.protocol })}</p>
          {app.submittedAt ? <p className="mb-1">{t('calls.receipt.when', { when: formatDateTime(app.submittedAt, lang) })}</p> : null}
          <a href={`/api/v1/me/applications/${app.id}/receipt.pdf`} download>
            {t('calls.receipt.download')}
          </a>
        </div>
      ) : null}
      <IntegrationAnswer call={call} app={app} />
      {app.exclusion ? <Alert kind="warning">{t('calls.mine.excluded', { reason: t(`calls.exclusion.${app.exclusion.reason}`) })}</Alert> : null}
      {app.ranking ? (
        <section aria-labelledby="my-position" className="mb-4">
          <h2 id="my-position" className="h4">
            {t('calls.mine.rankingHeading', { kind: t(`calls.rankingKind.${app.ranking.kind}`) })}
          </h2>
          {app.ranking.position ? (
            <p className="lead" data-testid="my-position">
              {t('calls.mine.positionLong', { position: app.ranking.position, total: app.ranking.total, score: formatPoints(app.ranking.score ?? 0, lang) })}
            </p>
          ) : (
            <p>{t('calls.mine.notRanked', { reason: app.ranking.excludedReason ?? '' })}</p>
          )}
          {tieRule ? <p>{t('calls.mine.tieBrokenBy', { rule: tieRule })}</p> : null}
          <Link to={`/public/${ente}/calls/${call.id}/ranking`}>{t('calls.ranking.publicLink')}</Link>
        </section>
      ) : null}
      <section aria-labelledby="my-score" className="mb-4">
        <h2 id="my-score" className="h4">
          {t('calls.mine.scoreHeading')}
        </h2>
        {app.reviewedAt ? null : <p className="small">{t('calls.mine.notReviewed')}</p>}
        <EvaluationTable evaluation={app.evaluation} rules={call.rules} facts={call.facts} />
      </section>
      {app.status !== 'withdrawn' ? <WhatIf call={call} app={app} /> : null}
      {call.phase === 'objections' && (app.status === 'admitted' || app.status === 'excluded') ? (
        <ObjectionForm app={app} deadline={call.objectionDeadline} />
      ) : null}
      {app.objection ? (
        <Alert kind="info">
          {t('calls.objection.filed', { when: formatDateTime(app.objection.filedAt, lang), status: t(`calls.objection.status.${app.objection.status}`) })}
          {app.objection.decisionNote ? ` ${app.objection.decisionNote}` : ''}
        </Alert>
      ) : null}
      {app.objection?.status === 'filed' && call.phase === 'objections' ? (
        <DocumentUpload kinds={[{ value: 'objection', label: t('calls.upload.objection') }]} upload={objectionUpload} label={t('calls.upload.objection')} />
      ) : null}
      {app.editable && app.status === 'submitted' ? (
        <div className="mb-4">
          <button type="button" className="btn btn-outline-primary me-2" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('calls.mine.edit')}
          </button>
          {editing ? <ApplyWizard call={call} app={app} /> : null}
        </div>
      ) : null}
      {(app.status === 'submitted' || app.status === 'draft') && (call.phase === 'open' || call.phase === 'closed') ? (
        <div className="mb-4">
          {withdraw.isError ? <Alert kind="danger">{withdraw.error.message}</Alert> : null}
          <button
            type="button"
            className="btn btn-outline-danger"
            onClick={() => {
              if (window.confirm(t('calls.mine.withdrawConfirm'))) {
                withdraw.mutate(undefined);
              }
            }}
          >
            {t('calls.mine.withdraw')}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Change a declared value and see the resulting score and position; nothing is saved. */
function WhatIf({ call, app }: { call: Call; app: Application }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const whatIf = useWhatIf(app.id);
  const declared = call.facts.filter((f) => f.source === 'declared');
  const [fact, setFact] = useState(declared[0]?.name ?? '');
  const [value, setValue] = useState('');
  const def = declared.find((f) => f.name === fact);
  const run = (e: FormEvent) => {
    e.preventDefault();
    if (!def || value === '') {
      return;
    }
    const v: FactValue = def.kind === 'number' ? Number(value.replace(',', '.')) : def.kind === 'boolean' ? value === 'true' : value;
    whatIf.mutate({ declared: { [fact]: v } });
  };
  if (declared.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="what-if" className="mb-4">
      <h2 id="what-if" className="h4">
        {t('calls.whatIf.heading')}
      </h2>
      <p>{t('calls.whatIf.intro')}</p>
      <form onSubmit={run} className="row align-items-end" noValidate>
        <SelectField
          id="what-if-fact"
          className="col-md-6"
          label={t('calls.whatIf.fact')}
          value={fact}
          onChange={(e) => {
            setFact(e.target.value);
            setValue('');
          }}
          options={declared.map((f) => ({ value: f.name, label: pick(f.label, lang) }))}
        />
        {def?.kind === 'number' ? (
          <TextField
            id="what-if-value"
            className="col-md-4"
            type="number"
            label={t('calls.whatIf.value')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : (
          <SelectField
            id="what-if-value"
            className="col-md-4"
            label={t('calls.whatIf.value')}
            value={value}
            emptyOption={t('calls.apply.choose')}
            onChange={(e) => setValue(e.target.value)}
            options={
              def?.kind === 'enum'
                ? (def.values ?? []).map((v) => ({ value: v, label: t(enumKey(def.name, v)) }))
                : [
                    { value: 'true', label: t('calls.yes') },
                    { value: 'false', label: t('calls.no') },
                  ]
            }
          />
        )}
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-outline-primary">
            {t('calls.whatIf.run')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {whatIf.isError ? <Alert kind="danger">{whatIf.error.message}</Alert> : null}
        {whatIf.data ? (
          <Alert kind="info">
            <span data-testid="what-if-result">
              {whatIf.data.evaluation.eligible
                ? t('calls.whatIf.result', {
                    score: formatPoints(whatIf.data.evaluation.score, lang),
                    position: whatIf.data.position,
                    total: whatIf.data.total,
                  })
                : t('calls.whatIf.notEligible', { score: formatPoints(whatIf.data.evaluation.score, lang) })}
            </span>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

function ObjectionForm({ app, deadline }: { app: Application; deadline: string | null }) {
  const { t, i18n } = useTranslation();
  const file = useFileObjection(app.id);
  const [text, setText] = useState('');
  if (app.objection) {
    return null;
  }
  return (
    <section aria-labelledby="objection" className="mb-4">
      <h2 id="objection" className="h4">
        {t('calls.objection.heading')}
      </h2>
      {deadline ? <p>{t('calls.objection.deadline', { when: formatDateTime(deadline, i18n.language) })}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          file.mutate(text);
        }}
        noValidate
      >
        <div className="form-group">
          <label htmlFor="objection-text" className="active">
            {t('calls.objection.text')}
          </label>
          <textarea
            id="objection-text"
            className="form-control"
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={file.error?.fieldMessage('text') ? true : undefined}
          />
        </div>
        {file.isError ? <Alert kind="danger">{file.error.fieldMessage('text') ?? file.error.message}</Alert> : null}
        <button type="submit" className="btn btn-primary" disabled={file.isPending}>
          {t('calls.objection.submit')}
        </button>
      </form>
    </section>
  );
}
