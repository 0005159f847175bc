import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, TextField } from '../../../ui/fields.js';
import { type Application, type Call, pick, useAnswerIntegration, useRequestIntegration, useUploadDocument } from '../api.js';
import { DocumentUpload } from './DocumentUpload.js';

function dateLabel(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The office asks the applicant to complete the application by a deadline. */
export function IntegrationRequestForm({ call, app }: { call: Call; app: Application }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const request = useRequestIntegration(app.id);
  const [docs, setDocs] = useState<string[]>(app.missingDocuments);
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ documents: docs, note, deadline }, { onSuccess: () => setNote('') });
  };
  const err = (f: string) => request.error?.fieldErrors.find((x) => x.field === f || x.field.startsWith(`${f}.`))?.message;
  return (
    <section aria-labelledby="integration-heading" className="border rounded p-3 mb-4">
      <h2 id="integration-heading" className="h4">
        {t('calls.integration.heading')}
      </h2>
      {app.integration ? (
        <p data-testid="integration-status">
          {t(app.integration.answeredAt ? 'calls.integration.answered' : app.integration.open ? 'calls.integration.pending' : 'calls.integration.expired', {
            deadline: dateLabel(app.integration.deadline, lang),
            note: app.integration.answerNote ?? '',
          })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset className="mb-3">
          <legend className="fs-6 fw-semibold">{t('calls.integration.documents')}</legend>
          {call.rules.documents.map((d) => (
            <CheckboxField
              key={d.code}
              id={`integration-doc-${d.code}`}
              label={pick(d.label, lang)}
              checked={docs.includes(d.code)}
              onChange={(e) => setDocs(e.target.checked ? [...docs, d.code] : docs.filter((x) => x !== d.code))}
            />
          ))}
        </fieldset>
        <TextField id="integration-note" label={t('calls.integration.note')} value={note} onChange={(e) => setNote(e.target.value)} error={err('note')} />
        <TextField
          id="integration-deadline"
          type="date"
          label={t('calls.integration.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={err('deadline')}
        />
        {request.isError && request.error.fieldErrors.length === 0 ? <Alert kind="danger">{request.error.message}</Alert> : null}
        {request.isSuccess ? <Alert kind="success">{t('calls.integration.sent')}</Alert> : null}
        <button type="submit" className="btn btn-outline-primary" disabled={request.isPending}>
          {t('calls.integration.send')}
        </button>
      </form>
    </section>
  );
}

/** The applicant sees what the office asks, adds the documents and answers. */
export function IntegrationAnswer({ call, app }: { call: Call; app: Application }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const upload = useUploadDocument(app.id);
  const answer = useAnswerIntegration(app.id);
  const [note, setNote] = useState('');
  const r = app.integration;
  if (!r || (!r.open && !r.answeredAt)) {
    return null;
  }
  if (r.answeredAt) {
    return <Alert kind="info">{t('calls.integration.youAnswered')}</Alert>;
  }
  const docLabel = (code: string) => pick(call.rules.documents.find((d) => d.code === code)?.label ?? { it: code, en: code }, lang);
  const kinds = (r.documents.length > 0 ? r.documents : call.rules.documents.map((d) => d.code)).map((code) => ({ value: code, label: docLabel(code) }));
  return (
    <section aria-labelledby="integration-answer" className="alert alert-warning mb-4">
      <h2 id="integration-answer" className="h4">
        {t('calls.integration.askedHeading')}
      </h2>
      <p>{t('calls.integration.asked', { note: r.note, deadline: dateLabel(r.deadline, lang) })}</p>
      {r.documents.length > 0 ? <p>{t('calls.integration.askedDocuments', { list: r.documents.map(docLabel).join('; ') })}</p> : null}
      <DocumentUpload kinds={kinds} upload={upload} label={t('calls.integration.file')} />
      <TextField id="integration-answer-note" label={t('calls.integration.answerNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      {answer.isError ? <Alert kind="danger">{answer.error.message}</Alert> : null}
      <button type="button" className="btn btn-primary" onClick={() => answer.mutate(note)} disabled={answer.isPending}>
        {t('calls.integration.answer')}
      </button>
    </section>
  );
}
