import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import type { Program } from '../../identity/api.js';
import { programOptions } from '../../identity/labels.js';
import { type Person, type PersonInput, useCreatePerson, usePatchPerson } from '../api.js';

const TEXT_FIELDS = [
  'givenName',
  'familyName',
  'codiceFiscale',
  'birthDate',
  'birthPlace',
  'birthPlaceCode',
  'citizenship',
  'email',
  'phone',
  'residenceAddress',
  'residenceCity',
  'residencePostcode',
  'domicileAddress',
  'domicileCity',
] as const;
type TextKey = (typeof TEXT_FIELDS)[number];

const INPUT_TYPE: Partial<Record<TextKey, string>> = { birthDate: 'date', email: 'email', phone: 'tel' };
const REQUIRED: TextKey[] = ['givenName', 'familyName'];

/** The body of a correction: only what changed; an emptied field becomes null. */
function changes(values: Record<TextKey, string>, person: Person): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) {
    const now = values[k].trim();
    const before = person[k] ?? '';
    if (now !== before) {
      body[k] = now === '' ? null : now;
    }
  }
  return body;
}

/**
 * Registration of a person (the codice fiscale may stay empty: the record is then "pending"), or,
 * with `person`, the correction of an existing record (only changed fields are sent).
 */
export function PersonForm({ person }: { person?: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const patch = usePatchPerson(person?.id ?? '');
  const [values, setValues] = useState<Record<TextKey, string>>(
    () => Object.fromEntries(TEXT_FIELDS.map((k) => [k, person?.[k] ?? ''])) as Record<TextKey, string>,
  );
  const [sex, setSex] = useState<string>(person?.sex ?? '');
  const [noFixedAddress, setNoFixedAddress] = useState(person?.noFixedAddress ?? false);
  const [program, setProgram] = useState('');
  const [nothingChanged, setNothingChanged] = useState(false);
  const error = person ? patch.error : create.error;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (person) {
      const body = changes(values, person);
      if ((sex || null) !== person.sex) {
        body.sex = sex || null;
      }
      if (noFixedAddress !== person.noFixedAddress) {
        body.noFixedAddress = noFixedAddress;
      }
      setNothingChanged(Object.keys(body).length === 0);
      if (Object.keys(body).length > 0) {
        patch.mutate(body as Partial<PersonInput>, { onSuccess: (p) => navigate(`/registry/persons/${p.id}`, { state: { updated: true } }) });
      }
      return;
    }
    const body: Record<string, unknown> = {};
    for (const k of TEXT_FIELDS) {
      if (values[k].trim()) {
        body[k] = values[k].trim();
      }
    }
    if (sex) {
      body.sex = sex;
    }
    if (noFixedAddress) {
      body.noFixedAddress = true;
    }
    if (program) {
      body.enrolment = { program: program as Program };
    }
    create.mutate(body as PersonInput, { onSuccess: (p) => navigate(`/registry/persons/${p.id}`, { state: { created: true } }) });
  };

  const field = (k: TextKey, extra?: { hint?: string }) => (
    <div className="col-12 col-md-6" key={k}>
      <TextField
        label={t(`registry.fields.${k}`)}
        name={k}
        type={INPUT_TYPE[k] ?? 'text'}
        required={REQUIRED.includes(k)}
        value={values[k]}
        hint={extra?.hint}
        error={error?.fieldMessage(k)}
        onChange={(e) => setValues({ ...values, [k]: e.target.value })}
      />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="person-form-intro">
      <p id="person-form-intro">{t(person ? 'registry.edit.intro' : 'registry.create.intro')}</p>
      {nothingChanged ? <Alert kind="info">{t('registry.edit.nothingChanged')}</Alert> : null}
      {error && error.fieldErrors.length === 0 ? <Alert kind="danger">{error.message}</Alert> : null}
      {error && error.fieldErrors.length > 0 ? <Alert kind="danger">{t('registry.create.fixErrors')}</Alert> : null}
      <fieldset className="mt-4">
        <legend className="h5">{t('registry.create.identity')}</legend>
        <div className="row">
          {field('givenName')}
          {field('familyName')}
          {field('codiceFiscale', { hint: t('registry.create.cfHint') })}
          {field('birthDate')}
          {field('birthPlace')}
          {field('birthPlaceCode', { hint: t('registry.create.birthPlaceCodeHint') })}
          <div className="col-12 col-md-6">
            <SelectField
              label={t('registry.fields.sex')}
              value={sex}
              emptyOption={t('registry.create.notStated')}
              options={[
                { value: 'F', label: t('registry.sex.F') },
                { value: 'M', label: t('registry.sex.M') },
              ]}
              error={error?.fieldMessage('sex')}
              onChange={(e) => setSex(e.target.value)}
            />
          </div>
          {field('citizenship', { hint: t('registry.create.citizenshipHint') })}
        </div>
      </fieldset>
      <fieldset className="mt-2">
        <legend className="h5">{t('registry.create.contacts')}</legend>
        <div className="row">
          {field('email')}
          {field('phone')}
          <div className="col-12 mb-3">
            <CheckboxField label={t('registry.fields.noFixedAddress')} checked={noFixedAddress} onChange={(e) => setNoFixedAddress(e.target.checked)} />
          </div>
          {field('residenceAddress')}
          {field('residenceCity')}
          {field('residencePostcode')}
          {field('domicileAddress')}
          {field('domicileCity')}
        </div>
      </fieldset>
      {person ? null : (
        <fieldset className="mt-2">
          <legend className="h5">{t('registry.create.enrolment')}</legend>
          <SelectField
            label={t('registry.fields.program')}
            hint={t('registry.create.enrolmentHint')}
            value={program}
            emptyOption={t('registry.create.noEnrolment')}
            options={programOptions(t)}
            error={error?.fieldMessage('enrolment')}
            onChange={(e) => setProgram(e.target.value)}
          />
        </fieldset>
      )}
      <button type="submit" className="btn btn-primary" disabled={create.isPending || patch.isPending}>
        {t(person ? 'registry.edit.submit' : 'registry.create.submit')}
      </button>
    </form>
  );
}
