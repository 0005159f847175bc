import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { type SensitiveCategory, type SensitiveItem, usePutSensitive, useReadSensitive } from '../api.js';

function SensitiveValue({ item }: { item: SensitiveItem }) {
  const { t } = useTranslation();
  if (item.restricted || !item.data) {
    return <p className="mb-0">{t('registry.sensitive.restricted')}</p>;
  }
  return (
    <dl className="row mb-0">
      {Object.entries(item.data).map(([k, v]) => (
        <div key={k} className="col-12 col-md-6">
          <dt>{t(`registry.sensitive.keys.${k}`, { defaultValue: k })}</dt>
          <dd>{v === null || v === '' ? '—' : typeof v === 'string' && k === 'law104' ? t(`registry.sensitive.law104.${v}`) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Reads special-category data on demand: the reader states why, and the read is audited. */
function ReadForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const read = useReadSensitive(personId);
  const [purpose, setPurpose] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    read.mutate(purpose.trim());
  };
  return (
    <>
      <form onSubmit={onSubmit} className="d-flex flex-wrap gap-3 align-items-start">
        <TextField
          className="flex-grow-1 mb-0"
          label={t('registry.sensitive.purpose')}
          hint={t('registry.sensitive.purposeHint')}
          name="purpose"
          required
          minLength={3}
          value={purpose}
          error={read.error?.fieldMessage('purpose') ?? (read.error && read.error.fieldErrors.length === 0 ? read.error.message : undefined)}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary" disabled={read.isPending}>
          {t('registry.sensitive.read')}
        </button>
      </form>
      {read.data ? (
        <ul className="list-unstyled mt-3" aria-live="polite">
          {read.data.items.map((item) => (
            <li key={item.category} className="card card-bg mb-3">
              <div className="card-body">
                <h4 className="h6">{t(`registry.sensitive.categories.${item.category}`)}</h4>
                <SensitiveValue item={item} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Records (or replaces) the disability record: L.104/92 level, civil invalidity, support needs. */
function DisabilityForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const put = usePutSensitive(personId);
  const [law104, setLaw104] = useState('art3c1');
  const [invalidity, setInvalidity] = useState('');
  const [supportNeeds, setSupportNeeds] = useState('');
  const [purpose, setPurpose] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const category: SensitiveCategory = 'disability';
    put.mutate(
      {
        category,
        purpose: purpose.trim(),
        data: { law104, invalidityPercent: invalidity === '' ? null : Number(invalidity), supportNeeds: supportNeeds.trim() },
      },
      { onSuccess: () => setPurpose('') },
    );
  };
  return (
    <form onSubmit={onSubmit} className="mt-3" aria-labelledby="disability-form-heading">
      <h4 id="disability-form-heading" className="h6">
        {t('registry.sensitive.recordDisability')}
      </h4>
      {put.isSuccess ? <Alert kind="success">{t('registry.sensitive.saved')}</Alert> : null}
      {put.error && put.error.fieldErrors.length === 0 ? <Alert kind="danger">{put.error.message}</Alert> : null}
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={t('registry.sensitive.keys.law104')}
            value={law104}
            options={['none', 'art3c1', 'art3c3'].map((v) => ({ value: v, label: t(`registry.sensitive.law104.${v}`) }))}
            error={put.error?.fieldMessage('law104')}
            onChange={(e) => setLaw104(e.target.value)}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={t('registry.sensitive.keys.invalidityPercent')}
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={invalidity}
            error={put.error?.fieldMessage('invalidityPercent')}
            onChange={(e) => setInvalidity(e.target.value)}
          />
        </div>
        <div className="col-12">
          <TextField
            label={t('registry.sensitive.keys.supportNeeds')}
            value={supportNeeds}
            error={put.error?.fieldMessage('supportNeeds')}
            onChange={(e) => setSupportNeeds(e.target.value)}
          />
        </div>
        <div className="col-12">
          <TextField
            label={t('registry.sensitive.purpose')}
            hint={t('registry.sensitive.purposeHint')}
            required
            value={purpose}
            error={put.error?.fieldMessage('purpose')}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={put.isPending}>
        {t('registry.sensitive.save')}
      </button>
    </form>
  );
}

/** Special-category data: existence is shown to every reader, content only on an audited read. */
export function SensitivePanel({
  personId,
  categories,
  canRead,
  canWrite,
}: {
  personId: string;
  categories: SensitiveCategory[];
  canRead: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sensitive-heading" className="mt-4">
      <h3 id="sensitive-heading" className="h5">
        {t('registry.sensitive.heading')}
      </h3>
      <p>
        {categories.length === 0
          ? t('registry.sensitive.none')
          : t('registry.sensitive.exists', { list: categories.map((c) => t(`registry.sensitive.categories.${c}`)).join(', ') })}
      </p>
      {canRead && categories.length > 0 ? <ReadForm personId={personId} /> : null}
      {!canRead && categories.length > 0 ? <p className="text-muted">{t('registry.sensitive.noPermission')}</p> : null}
      {canRead && canWrite ? <DisabilityForm personId={personId} /> : null}
    </section>
  );
}
