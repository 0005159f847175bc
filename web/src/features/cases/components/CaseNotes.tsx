import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type CaseDetail, CONFIDENTIALITY, type Confidentiality, SENSITIVE, useAddNote, useNotes } from '../api.js';

/** Notes the user may read (the server filters by confidentiality) and a form to write one. */
export function CaseNotes({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [purposeDraft, setPurposeDraft] = useState('');
  const [purpose, setPurpose] = useState<string | undefined>(undefined);
  const notes = useNotes(c.id, purpose);
  const add = useAddNote(c.id);
  const [form, setForm] = useState<{ confidentiality: Confidentiality; sensitiveCategory: string; body: string }>({
    confidentiality: 'team',
    sensitiveCategory: '',
    body: '',
  });
  const [saved, setSaved] = useState(false);
  const items = notes.data?.items ?? [];
  const anyRestricted = items.some((n) => n.restricted);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    add.mutate(
      { confidentiality: form.confidentiality, sensitiveCategory: form.sensitiveCategory || null, body: form.body },
      {
        onSuccess: () => {
          setForm({ ...form, body: '', sensitiveCategory: '' });
          setSaved(true);
        },
      },
    );
  };
  return (
    <section aria-labelledby="notes-heading" className="mt-5">
      <h2 id="notes-heading" className="h4">
        {t('cases.notes.heading')}
      </h2>
      <p className="small">{t('cases.notes.intro')}</p>
      {notes.isPending ? <Loading label={t('common.loading')} /> : null}
      {notes.isError ? <Alert kind="danger">{notes.error.message}</Alert> : null}
      {notes.isSuccess && items.length === 0 ? <p>{t('cases.notes.empty')}</p> : null}
      <ul className="list-unstyled" data-testid="case-notes">
        {items.map((n) => (
          <li key={n.id} className="border-bottom py-2">
            <div className="small">
              <strong>{n.author}</strong> · {formatDateTime(n.writtenAt, i18n.language)}{' '}
              <StatusBadge kind={n.confidentiality === 'team' ? 'danger' : n.confidentiality === 'program' ? 'warning' : 'secondary'}>
                {t(`cases.confidentiality.${n.confidentiality}`)}
              </StatusBadge>
              {n.sensitiveCategory ? <StatusBadge kind="primary">{t(`cases.sensitive.${n.sensitiveCategory}`)}</StatusBadge> : null}
            </div>
            {n.restricted ? <p className="fst-italic mb-0">{t('cases.notes.restricted')}</p> : <p className="mb-0 text-break">{n.body}</p>}
          </li>
        ))}
      </ul>
      {anyRestricted && c.policies.readSensitive ? (
        <form
          className="row g-2 align-items-end"
          onSubmit={(e) => {
            e.preventDefault();
            setPurpose(purposeDraft.trim() || undefined);
          }}
        >
          <TextField
            className="col-md-8"
            id="notes-purpose"
            label={t('cases.notes.purpose')}
            value={purposeDraft}
            onChange={(e) => setPurposeDraft(e.target.value)}
            required
          />
          <div className="col-md-4 mb-4">
            <button type="submit" className="btn btn-outline-primary">
              {t('cases.notes.readSensitive')}
            </button>
          </div>
        </form>
      ) : null}
      {c.policies.write ? (
        <form onSubmit={onSubmit} className="mt-3" aria-labelledby="note-form-heading">
          <h3 id="note-form-heading" className="h5">
            {t('cases.notes.new')}
          </h3>
          <div className="row">
            <SelectField
              className="col-md-6"
              id="note-confidentiality"
              label={t('cases.notes.confidentiality')}
              hint={t(`cases.confidentialityHint.${form.confidentiality}`)}
              value={form.confidentiality}
              onChange={(e) => setForm({ ...form, confidentiality: e.target.value as Confidentiality })}
              options={CONFIDENTIALITY.map((x) => ({ value: x, label: t(`cases.confidentiality.${x}`) }))}
            />
            <SelectField
              className="col-md-6"
              id="note-sensitive"
              label={t('cases.notes.sensitive')}
              value={form.sensitiveCategory}
              emptyOption={t('cases.notes.notSensitive')}
              onChange={(e) => setForm({ ...form, sensitiveCategory: e.target.value })}
              options={SENSITIVE.map((x) => ({ value: x, label: t(`cases.sensitive.${x}`) }))}
            />
          </div>
          <div className="form-group">
            <label htmlFor="note-body" className="active">
              {t('cases.notes.body')}
            </label>
            <textarea
              id="note-body"
              className="form-control"
              rows={3}
              maxLength={5000}
              required
              value={form.body}
              onChange={(e) => setForm({ ...form, body: e.target.value })}
            />
          </div>
          {add.isError ? <Alert kind="danger">{add.error.message}</Alert> : null}
          {saved ? <Alert kind="success">{t('cases.notes.saved')}</Alert> : null}
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t('cases.notes.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
