import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { type Call, usePaperApplication } from '../api.js';
import { FactFields, factValues } from './FactFields.js';

/** The office enters a paper application on behalf of a person: it is submitted at once, with a protocol number. */
export function PaperApplicationForm({ call }: { call: Call }) {
  const { t } = useTranslation();
  const create = usePaperApplication(call.id);
  const declared = call.facts.filter((f) => f.source === 'declared');
  const [applicant, setApplicant] = useState({ givenName: '', familyName: '', codiceFiscale: '', birthDate: '' });
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (k: keyof typeof applicant) => (e: { target: { value: string } }) => setApplicant({ ...applicant, [k]: e.target.value });
  const err = (f: string) => create.error?.fieldErrors.find((e) => e.field === f)?.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        applicant: { ...applicant, codiceFiscale: applicant.codiceFiscale || null },
        household: [],
        declared: factValues(declared, values),
      },
      {
        onSuccess: () => {
          setApplicant({ givenName: '', familyName: '', codiceFiscale: '', birthDate: '' });
          setValues({});
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('calls.paper.intro')}</p>
      <div className="row">
        <TextField
          id="paper-given"
          className="col-md-3"
          label={t('calls.apply.givenName')}
          value={applicant.givenName}
          onChange={set('givenName')}
          error={err('applicant.givenName')}
        />
        <TextField
          id="paper-family"
          className="col-md-3"
          label={t('calls.apply.familyName')}
          value={applicant.familyName}
          onChange={set('familyName')}
          error={err('applicant.familyName')}
        />
        <TextField
          id="paper-cf"
          className="col-md-3"
          label={t('calls.apply.codiceFiscale')}
          value={applicant.codiceFiscale}
          onChange={set('codiceFiscale')}
          error={err('applicant.codiceFiscale')}
        />
        <TextField
          id="paper-birth"
          className="col-md-3"
          type="date"
          label={t('calls.apply.birthDate')}
          value={applicant.birthDate}
          onChange={set('birthDate')}
          error={err('applicant.birthDate')}
        />
      </div>
      <FactFields facts={declared} values={values} onChange={setValues} idPrefix="paper" errorOf={(name) => err(`declared.${name}`)} />
      {create.isError && create.error.fieldErrors.length === 0 ? <Alert kind="danger">{create.error.message}</Alert> : null}
      {create.isSuccess ? (
        <Alert kind="success">
          {t('calls.paper.done', { protocol: create.data.protocol })} <Link to={`/applications/${create.data.id}`}>{t('calls.paper.open')}</Link>
        </Alert>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('calls.paper.submit')}
      </button>
    </form>
  );
}
