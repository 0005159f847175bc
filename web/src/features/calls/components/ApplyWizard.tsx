import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import {
  type Application,
  type Call,
  fileToBase64,
  type Member,
  membersFromRegistry,
  pick,
  RELATIONSHIPS,
  useMyRegistryRecord,
  useRemoveDocument,
  useSubmitMyApplication,
  useUpdateMyApplication,
  useUploadDocument,
} from '../api.js';
import { EvaluationTable, factValue } from './EvaluationTable.js';
import { FactFields, factValues } from './FactFields.js';

const STEPS = ['household', 'declarations', 'documents', 'review'] as const;
type Step = (typeof STEPS)[number];

/** The application form generated from the call: household, declarations, documents, review and submit. */
export function ApplyWizard({ call, app }: { call: Call; app: Application }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('household');
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Move focus to the new step's heading (not on the first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every step change
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  const index = STEPS.indexOf(step);
  const go = (s: Step) => setStep(s);
  return (
    <section aria-labelledby="wizard-step">
      <nav aria-label={t('calls.apply.stepsLabel')}>
        <ol className="list-inline">
          {STEPS.map((s, i) => (
            <li key={s} className="list-inline-item me-3" aria-current={s === step ? 'step' : undefined}>
              <span className={s === step ? 'fw-bold' : undefined}>{t('calls.apply.stepN', { n: i + 1, name: t(`calls.apply.steps.${s}`) })}</span>
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="wizard-step" ref={heading} tabIndex={-1} className="h4">
        {t('calls.apply.stepN', { n: index + 1, name: t(`calls.apply.steps.${step}`) })}
      </h2>
      {step === 'household' ? <HouseholdStep app={app} onDone={() => go('declarations')} /> : null}
      {step === 'declarations' ? <DeclarationsStep call={call} app={app} onBack={() => go('household')} onDone={() => go('documents')} /> : null}
      {step === 'documents' ? <DocumentsStep call={call} app={app} onBack={() => go('declarations')} onDone={() => go('review')} /> : null}
      {step === 'review' ? <ReviewStep call={call} app={app} onBack={() => go('documents')} /> : null}
    </section>
  );
}

function HouseholdStep({ app, onDone }: { app: Application; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateMyApplication(app.id);
  const registry = useMyRegistryRecord(true);
  const [members, setMembers] = useState<Member[]>(app.household);
  const fromRegistry = registry.data ? membersFromRegistry(registry.data) : [];
  const [draft, setDraft] = useState<Member>({ givenName: '', familyName: '', birthDate: '', relationship: 'child' });
  const add = () => {
    if (draft.givenName && draft.familyName && draft.birthDate) {
      setMembers([...members, draft]);
      setDraft({ givenName: '', familyName: '', birthDate: '', relationship: 'child' });
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ household: members }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={save} noValidate>
      <p>
        {t('calls.apply.applicant', {
          name: `${app.applicant.givenName} ${app.applicant.familyName}`,
          birth: new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT').format(new Date(app.applicant.birthDate)),
        })}
      </p>
      <p>{t('calls.apply.householdIntro')}</p>
      {fromRegistry.length > 0 ? (
        <p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setMembers(fromRegistry)}>
            {t('calls.apply.fromRegistry', { n: fromRegistry.length })}
          </button>
        </p>
      ) : null}
      {members.length === 0 ? <p>{t('calls.apply.livesAlone')}</p> : null}
      <ul data-testid="household-members">
        {members.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: members may repeat; the list is edited in place
          <li key={`${m.givenName}-${m.birthDate}-${i}`}>
            {m.givenName} {m.familyName} – {t(`calls.relationship.${m.relationship}`)} – {m.birthDate}{' '}
            <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
              {t('calls.apply.removeMember', { name: m.givenName })}
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="border rounded p-3 mb-3">
        <legend className="h6 w-auto px-2">{t('calls.apply.addMember')}</legend>
        <div className="row">
          <TextField
            id="member-given"
            className="col-md-3"
            label={t('calls.apply.givenName')}
            value={draft.givenName}
            onChange={(e) => setDraft({ ...draft, givenName: e.target.value })}
          />
          <TextField
            id="member-family"
            className="col-md-3"
            label={t('calls.apply.familyName')}
            value={draft.familyName}
            onChange={(e) => setDraft({ ...draft, familyName: e.target.value })}
          />
          <TextField
            id="member-birth"
            className="col-md-3"
            type="date"
            label={t('calls.apply.birthDate')}
            value={draft.birthDate}
            onChange={(e) => setDraft({ ...draft, birthDate: e.target.value })}
          />
          <SelectField
            id="member-rel"
            className="col-md-3"
            label={t('calls.apply.relationship')}
            value={draft.relationship}
            onChange={(e) => setDraft({ ...draft, relationship: e.target.value as Member['relationship'] })}
            options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`calls.relationship.${r}`) }))}
          />
        </div>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={add}>
          {t('calls.apply.addMemberButton')}
        </button>
      </fieldset>
      {update.isError ? <Alert kind="danger">{update.error.message}</Alert> : null}
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {t('calls.apply.saveNext')}
      </button>
    </form>
  );
}

function DeclarationsStep({ call, app, onBack, onDone }: { call: Call; app: Application; onBack: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const update = useUpdateMyApplication(app.id);
  const registry = useMyRegistryRecord(true);
  const declared = call.facts.filter((f) => f.source === 'declared');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(declared.map((f) => [f.name, app.declared[f.name] === undefined ? '' : String(app.declared[f.name])])),
  );
  const registryIsee = registry.data?.household?.currentIsee;
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ declared: factValues(declared, values) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={save} noValidate>
      <p>{t('calls.apply.declarationsIntro')}</p>
      {registryIsee && declared.some((f) => f.name === 'household.isee') && values['household.isee'] === '' ? (
        <p>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => setValues({ ...values, 'household.isee': String(registryIsee.valueCents / 100) })}
          >
            {t('calls.apply.iseeFromRegistry', {
              value: new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR' }).format(registryIsee.valueCents / 100),
            })}
          </button>
        </p>
      ) : null}
      <FactFields
        facts={declared}
        values={values}
        onChange={setValues}
        errorOf={(name) => update.error?.fieldErrors.find((e) => e.field === `declared.${name}`)?.message}
      />
      {update.isError && update.error.fieldErrors.length === 0 ? <Alert kind="danger">{update.error.message}</Alert> : null}
      <button type="button" className="btn btn-outline-primary me-2" onClick={onBack}>
        {t('calls.apply.back')}
      </button>
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {t('calls.apply.saveNext')}
      </button>
    </form>
  );
}

function DocumentsStep({ call, app, onBack, onDone }: { call: Call; app: Application; onBack: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const upload = useUploadDocument(app.id);
  const remove = useRemoveDocument(app.id);
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const send = async (kind: string) => {
    const file = files[kind];
    if (!file) {
      return;
    }
    upload.mutate({ kind, fileName: file.name, contentBase64: await fileToBase64(file) }, { onSuccess: () => setFiles({ ...files, [kind]: undefined }) });
  };
  return (
    <div>
      <p>{t('calls.apply.documentsIntro')}</p>
      {upload.isError ? <Alert kind="danger">{upload.error.message}</Alert> : null}
      {call.rules.documents.map((d) => {
        const have = app.documents.filter((x) => x.kind === d.code && x.objectionId === null);
        const inputId = `doc-${d.code}`;
        return (
          <div key={d.code} className="border rounded p-3 mb-3">
            <label htmlFor={inputId} className="fw-semibold d-block">
              {pick(d.label, lang)} {d.required ? `(${t('calls.rules.required')})` : `(${t('calls.apply.optional')})`}
            </label>
            <ul className="mb-2">
              {have.map((x) => (
                <li key={x.id}>
                  {x.fileName} ({Math.ceil(x.sizeBytes / 1024)} kB){' '}
                  <button type="button" className="btn btn-link btn-sm p-0" onClick={() => remove.mutate(x.id)}>
                    {t('calls.apply.removeDocument', { name: x.fileName })}
                  </button>
                </li>
              ))}
            </ul>
            <input
              id={inputId}
              type="file"
              className="form-control mb-2"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby="doc-hint"
              onChange={(e) => setFiles({ ...files, [d.code]: e.target.files?.[0] })}
            />
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void send(d.code)} disabled={!files[d.code] || upload.isPending}>
              {t('calls.apply.upload', { name: pick(d.label, lang) })}
            </button>
          </div>
        );
      })}
      <p id="doc-hint" className="small">
        {t('calls.apply.documentsHint')}
      </p>
      <button type="button" className="btn btn-outline-primary me-2" onClick={onBack}>
        {t('calls.apply.back')}
      </button>
      <button type="button" className="btn btn-primary" onClick={onDone}>
        {t('calls.apply.next')}
      </button>
    </div>
  );
}

function ReviewStep({ call, app, onBack }: { call: Call; app: Application; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const submit = useSubmitMyApplication(app.id);
  const declared = call.facts.filter((f) => f.source === 'declared');
  const missing = declared.filter((f) => app.declared[f.name] === undefined);
  const docLabel = (code: string) => pick(call.rules.documents.find((d) => d.code === code)?.label ?? { it: code, en: code }, lang);
  return (
    <div>
      <h3 className="h5">{t('calls.apply.steps.declarations')}</h3>
      <dl className="row">
        {declared.map((f) => (
          <div key={f.name} className="col-md-6">
            <dt>{pick(f.label, lang)}</dt>
            <dd>{factValue(app.declared[f.name], f, t, lang)}</dd>
          </div>
        ))}
      </dl>
      {missing.length > 0 ? (
        <Alert kind="warning">{t('calls.apply.missingDeclarations', { list: missing.map((f) => pick(f.label, lang)).join('; ') })}</Alert>
      ) : null}
      {app.missingDocuments.length > 0 ? (
        <Alert kind="warning">{t('calls.apply.missingDocuments', { list: app.missingDocuments.map(docLabel).join('; ') })}</Alert>
      ) : null}
      <h3 className="h5">{t('calls.apply.preview')}</h3>
      <EvaluationTable evaluation={app.evaluation} rules={call.rules} facts={call.facts} />
      {submit.isError ? <Alert kind="danger">{submit.error.message}</Alert> : null}
      <button type="button" className="btn btn-outline-primary me-2" onClick={onBack}>
        {t('calls.apply.back')}
      </button>
      {app.status === 'draft' ? (
        <button type="button" className="btn btn-primary" onClick={() => submit.mutate(undefined)} disabled={submit.isPending}>
          {t('calls.apply.submit')}
        </button>
      ) : (
        <Alert kind="info" className="mt-3">
          {t('calls.apply.alreadySubmitted')}
        </Alert>
      )}
    </div>
  );
}
