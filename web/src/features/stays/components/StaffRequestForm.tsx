import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { PersonPicker } from '../../registry/components/PersonPicker.js';
import { addDays, type Severity, useSolutions, useStaffRequest } from '../api.js';

const today = () => new Date().toISOString().slice(0, 10);

/** A social worker (or the housing office) asks for a short stay for a person of Dopo di Noi. */
export function StaffRequestForm() {
  const { t } = useTranslation();
  const solutions = useSolutions();
  const request = useStaffRequest();
  const shortStay = (solutions.data?.items ?? []).filter((s) => s.kind === 'autonomy_gym' || s.kind === 'respite');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [form, setForm] = useState({
    solutionId: '',
    startsOn: addDays(today(), 14),
    endsOn: addDays(today(), 21),
    needs: '',
    hours: '6',
    severity: 'severe',
    burden: '3',
  });
  const err = (f: string) => request.error?.fieldMessage(f);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      return;
    }
    request.mutate({
      solutionId: form.solutionId || (shortStay[0]?.id ?? ''),
      personId: person.id,
      startsOn: form.startsOn,
      endsOn: form.endsOn,
      needs: form.needs,
      supportHoursPerDay: Number(form.hours),
      severity: form.severity as Severity,
      familyBurden: Number(form.burden),
    });
  };
  return (
    <details className="mb-4">
      <summary className="h5">{t('stays.staffRequest.heading')}</summary>
      {person ? (
        <p className="mt-3">
          {t('stays.staffRequest.person', { name: person.name })}{' '}
          <button type="button" className="btn btn-link p-0" onClick={() => setPerson(null)}>
            {t('stays.staffRequest.change')}
          </button>
        </p>
      ) : (
        <div className="mt-3">
          <PersonPicker
            label={t('stays.staffRequest.findPerson')}
            exclude={[]}
            onPick={(p) => setPerson({ id: p.id, name: `${p.givenName} ${p.familyName}` })}
          />
        </div>
      )}
      <form onSubmit={onSubmit}>
        <SelectField
          label={t('stays.family.where')}
          value={form.solutionId || (shortStay[0]?.id ?? '')}
          error={err('solutionId')}
          onChange={(e) => setForm({ ...form, solutionId: e.target.value })}
          options={shortStay.map((s) => ({ value: s.id, label: `${s.name} (${t(`stays.kinds.${s.kind}`)})` }))}
        />
        <div className="row">
          <TextField
            className="col-md-6"
            type="date"
            label={t('stays.family.from')}
            value={form.startsOn}
            required
            error={err('startsOn')}
            onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
          />
          <TextField
            className="col-md-6"
            type="date"
            label={t('stays.family.to')}
            value={form.endsOn}
            required
            error={err('endsOn')}
            onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
          />
        </div>
        <TextField
          label={t('stays.requests.needs')}
          value={form.needs}
          required
          maxLength={2000}
          error={err('needs')}
          onChange={(e) => setForm({ ...form, needs: e.target.value })}
        />
        <div className="row">
          <TextField
            className="col-md-4"
            type="number"
            min={0}
            max={24}
            step={0.5}
            label={t('stays.requests.hours')}
            value={form.hours}
            required
            error={err('supportHoursPerDay')}
            onChange={(e) => setForm({ ...form, hours: e.target.value })}
          />
          <SelectField
            className="col-md-4"
            label={t('stays.project.severity')}
            value={form.severity}
            error={err('severity')}
            onChange={(e) => setForm({ ...form, severity: e.target.value })}
            options={(['mild', 'severe'] as const).map((s) => ({ value: s, label: t(`stays.severity.${s}`) }))}
          />
          <SelectField
            className="col-md-4"
            label={t('stays.project.burden')}
            value={form.burden}
            onChange={(e) => setForm({ ...form, burden: e.target.value })}
            options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}/5` }))}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!person || request.isPending}>
          {t('stays.staffRequest.send')}
        </button>
        {request.isError && request.error.fieldErrors.length === 0 ? <Alert kind="danger">{request.error.message}</Alert> : null}
        {request.isError && request.error.fieldMessage('personId') ? <Alert kind="danger">{request.error.fieldMessage('personId')}</Alert> : null}
        {request.isSuccess ? (
          <Alert kind="success" className="mt-3">
            {t('stays.staffRequest.sent', { name: request.data.personName })}
          </Alert>
        ) : null}
      </form>
    </details>
  );
}
