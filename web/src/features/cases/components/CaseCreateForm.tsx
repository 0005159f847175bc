import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api.js';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { useMe } from '../../identity/api.js';
import { programOptions } from '../../identity/labels.js';
import type { PersonSummary } from '../../registry/api.js';
import { PersonPicker } from '../../registry/components/PersonPicker.js';
import { type CaseDetail, todayInRome } from '../api.js';

/** Opens a case (presa in carico) for a person enrolled in the program. */
export function CaseCreateForm() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [form, setForm] = useState({
    program: me?.roles.find((r) => r.program)?.program ?? 'youth_collab',
    openedOn: todayInRome(),
    summary: '',
    manager: true,
  });
  const create = useMutation({
    mutationFn: () =>
      api<CaseDetail>('POST', '/api/v1/cases', {
        program: form.program,
        personId: person?.id,
        openedOn: form.openedOn,
        summary: form.summary.trim() || null,
        team: form.manager && me ? [{ userId: me.user.id, role: 'case_manager' }] : [],
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${c.id}`);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="mt-3">
      {person ? (
        <p>
          {t('cases.new.person')}: <strong>{`${person.familyName} ${person.givenName}`}</strong>{' '}
          <button type="button" className="btn btn-link btn-sm" onClick={() => setPerson(null)}>
            {t('cases.new.change')}
          </button>
        </p>
      ) : (
        <PersonPicker label={t('cases.new.findPerson')} onPick={setPerson} exclude={[]} />
      )}
      <div className="row">
        <SelectField
          className="col-md-6"
          id="new-program"
          label={t('cases.fields.program')}
          value={form.program}
          onChange={(e) => setForm({ ...form, program: e.target.value as typeof form.program })}
          options={programOptions(t)}
        />
        <TextField
          className="col-md-6"
          id="new-opened"
          type="date"
          label={t('cases.fields.openedOn')}
          required
          value={form.openedOn}
          onChange={(e) => setForm({ ...form, openedOn: e.target.value })}
        />
      </div>
      <TextField id="new-summary" label={t('cases.new.summary')} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
      <CheckboxField
        id="new-manager"
        label={t('cases.new.iAmManager')}
        checked={form.manager}
        onChange={(e) => setForm({ ...form, manager: e.target.checked })}
      />
      {create.isError ? (
        <Alert kind="danger" className="mt-3">
          {create.error.fieldMessage('personId') ?? create.error.message}
        </Alert>
      ) : null}
      <button type="submit" className="btn btn-primary mt-3" disabled={!person || create.isPending}>
        {t('cases.new.submit')}
      </button>
    </form>
  );
}
