import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import type { Program } from '../../identity/api.js';
import { PRESETS, romeLocalToIso, useCreateCall } from '../api.js';

const PRESET_PROGRAM: Record<(typeof PRESETS)[number], Program> = { erp_toscana: 'erp', youth_collab: 'youth_collab', dopo_di_noi: 'dopo_di_noi' };

/** A new call from a preset: program, titles, dates (Europe/Rome), places, objection window. */
export function CallCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCall();
  const [preset, setPreset] = useState<(typeof PRESETS)[number]>('youth_collab');
  const [form, setForm] = useState({ titleIt: '', titleEn: '', bodyIt: '', bodyEn: '', opensAt: '', closesAt: '', places: '', objectionDays: '30' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const err = (f: string) => create.error?.fieldMessage(f);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        program: PRESET_PROGRAM[preset],
        preset,
        title: { it: form.titleIt, en: form.titleEn },
        body: { it: form.bodyIt, en: form.bodyEn },
        opensAt: form.opensAt ? romeLocalToIso(form.opensAt) : '',
        closesAt: form.closesAt ? romeLocalToIso(form.closesAt) : '',
        places: form.places ? Number(form.places) : null,
        objectionDays: Number(form.objectionDays),
      },
      { onSuccess: (call) => navigate(`/calls/${call.id}`, { state: { created: true } }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      {create.isError && create.error.fieldErrors.length === 0 ? <Alert kind="danger">{create.error.message}</Alert> : null}
      <SelectField
        id="call-preset"
        label={t('calls.create.preset')}
        hint={t('calls.create.presetHint')}
        value={preset}
        onChange={(e) => setPreset(e.target.value as (typeof PRESETS)[number])}
        options={PRESETS.map((p) => ({ value: p, label: t(`calls.presets.${p}`) }))}
      />
      <div className="row">
        <TextField
          id="call-title-it"
          className="col-md-6"
          label={t('calls.fields.titleIt')}
          value={form.titleIt}
          onChange={set('titleIt')}
          error={err('title.it')}
          required
        />
        <TextField
          id="call-title-en"
          className="col-md-6"
          label={t('calls.fields.titleEn')}
          value={form.titleEn}
          onChange={set('titleEn')}
          error={err('title.en')}
          required
        />
      </div>
      <div className="row">
        <div className="form-group col-md-6">
          <label htmlFor="call-body-it" className="active">
            {t('calls.fields.bodyIt')}
          </label>
          <textarea id="call-body-it" className="form-control" rows={4} value={form.bodyIt} onChange={set('bodyIt')} />
        </div>
        <div className="form-group col-md-6">
          <label htmlFor="call-body-en" className="active">
            {t('calls.fields.bodyEn')}
          </label>
          <textarea id="call-body-en" className="form-control" rows={4} value={form.bodyEn} onChange={set('bodyEn')} />
        </div>
      </div>
      <div className="row">
        <TextField
          id="call-opens"
          className="col-md-6"
          type="datetime-local"
          label={t('calls.fields.opensAt')}
          hint={t('calls.create.romeTime')}
          value={form.opensAt}
          onChange={set('opensAt')}
          error={err('opensAt')}
          required
        />
        <TextField
          id="call-closes"
          className="col-md-6"
          type="datetime-local"
          label={t('calls.fields.closesAt')}
          hint={t('calls.create.romeTime')}
          value={form.closesAt}
          onChange={set('closesAt')}
          error={err('closesAt')}
          required
        />
      </div>
      <div className="row">
        <TextField
          id="call-places"
          className="col-md-6"
          type="number"
          min={1}
          label={t('calls.fields.places')}
          value={form.places}
          onChange={set('places')}
          error={err('places')}
        />
        <TextField
          id="call-objection-days"
          className="col-md-6"
          type="number"
          min={1}
          max={120}
          label={t('calls.fields.objectionDays')}
          hint={t('calls.create.objectionHint')}
          value={form.objectionDays}
          onChange={set('objectionDays')}
          error={err('objectionDays')}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('calls.create.submit')}
      </button>
    </form>
  );
}
