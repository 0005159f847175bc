import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { ACCESSIBILITY_FEATURES, type AccessibilityFeature, ENERGY_CLASSES, FURNISHING, OWNER_KINDS, useBuildings, useCreateUnit } from '../api.js';

const EMPTY = {
  buildingId: '',
  code: '',
  flatNumber: '',
  floor: '',
  surfaceM2: '',
  rooms: '',
  bedrooms: '',
  beds: '',
  bathrooms: '1',
  energyClass: '',
  furnishing: 'none',
  ownerKind: 'municipality',
  ownerName: '',
  notes: '',
};
type Text = keyof typeof EMPTY;

/** Numbers the server validates: an empty box is sent as NaN so the server names the field. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/** Adds a unit to a building (stock:write). The server checks every field and answers per field. */
export function UnitCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [buildingQ, setBuildingQ] = useState('');
  const buildings = useBuildings({ q: buildingQ.trim() || undefined });
  const create = useCreateUnit();
  const [form, setForm] = useState(EMPTY);
  const [features, setFeatures] = useState<AccessibilityFeature[]>([]);
  const error = create.error;
  const set = (k: Text) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const field = (k: string) => error?.fieldMessage(k);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        buildingId: form.buildingId,
        code: form.code.trim(),
        flatNumber: form.flatNumber.trim() || null,
        floor: form.floor.trim() === '' ? null : num(form.floor),
        surfaceM2: num(form.surfaceM2),
        rooms: num(form.rooms),
        bedrooms: num(form.bedrooms),
        beds: num(form.beds),
        bathrooms: num(form.bathrooms),
        accessibility: features,
        energyClass: form.energyClass || null,
        furnishing: form.furnishing,
        ownerKind: form.ownerKind,
        ownerName: form.ownerName.trim() || null,
        notes: form.notes.trim() || null,
      },
      { onSuccess: (unit) => void navigate(`/stock/units/${unit.id}`) },
    );
  };
  const buildingOptions = (buildings.data?.pages.flatMap((p) => p.items) ?? []).map((b) => ({
    value: b.id,
    label: [b.address, b.neighbourhood, b.estateName].filter(Boolean).join(' · '),
  }));
  const numberField = (k: Text, label: string, props: { min?: number; step?: string } = {}) => (
    <div className="col-6 col-md-4 col-lg-3">
      <TextField id={`new-unit-${k}`} type="number" label={label} value={form[k]} onChange={set(k)} error={field(k)} {...props} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {error ? <Alert kind="danger">{error.status === 400 ? t('stock.create.fixFields') : (error.detail ?? t('errors.generic'))}</Alert> : null}
      <fieldset>
        <legend className="h4">{t('stock.create.where')}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id="new-unit-building-q"
              type="search"
              label={t('stock.create.buildingSearch')}
              value={buildingQ}
              onChange={(e) => setBuildingQ(e.target.value)}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="new-unit-building"
              label={t('stock.create.building')}
              emptyOption={t('stock.create.chooseBuilding')}
              required
              value={form.buildingId}
              onChange={set('buildingId')}
              options={buildingOptions}
              error={field('buildingId')}
            />
          </div>
          <div className="col-12 col-md-4">
            <TextField
              id="new-unit-code"
              label={t('stock.create.code')}
              hint={t('stock.create.codeHint')}
              required
              value={form.code}
              onChange={set('code')}
              error={field('code')}
            />
          </div>
          <div className="col-6 col-md-4">
            <TextField
              id="new-unit-flatNumber"
              label={t('stock.unit.flatNumber')}
              value={form.flatNumber}
              onChange={set('flatNumber')}
              error={field('flatNumber')}
            />
          </div>
          {numberField('floor', t('stock.unit.floor'))}
        </div>
      </fieldset>
      <fieldset className="mt-4">
        <legend className="h4">{t('stock.unit.features')}</legend>
        <div className="row">
          {numberField('surfaceM2', t('stock.create.surface'), { min: 1, step: '0.1' })}
          {numberField('rooms', t('stock.unit.rooms'), { min: 1 })}
          {numberField('bedrooms', t('stock.unit.bedrooms'), { min: 0 })}
          {numberField('beds', t('stock.unit.beds'), { min: 0 })}
          {numberField('bathrooms', t('stock.unit.bathrooms'), { min: 0 })}
          <div className="col-6 col-md-4 col-lg-3">
            <SelectField
              id="new-unit-energy"
              label={t('stock.unit.energyClass')}
              emptyOption={t('stock.unit.energyUnknown')}
              value={form.energyClass}
              onChange={set('energyClass')}
              options={ENERGY_CLASSES.map((c) => ({ value: c, label: c }))}
              error={field('energyClass')}
            />
          </div>
          <div className="col-6 col-md-4 col-lg-3">
            <SelectField
              id="new-unit-furnishing"
              label={t('stock.unit.furnishing')}
              value={form.furnishing}
              onChange={set('furnishing')}
              options={FURNISHING.map((f) => ({ value: f, label: t(`stock.furnishing.${f}`) }))}
            />
          </div>
        </div>
        <fieldset className="mt-2">
          <legend className="h6">{t('stock.unit.accessibility')}</legend>
          <div className="d-flex flex-wrap column-gap-4">
            {ACCESSIBILITY_FEATURES.map((f) => (
              <CheckboxField
                key={f}
                id={`new-unit-acc-${f}`}
                label={t(`stock.accessibility.${f}`)}
                checked={features.includes(f)}
                onChange={(e) => setFeatures(ACCESSIBILITY_FEATURES.filter((x) => (x === f ? e.target.checked : features.includes(x))))}
              />
            ))}
          </div>
        </fieldset>
      </fieldset>
      <fieldset className="mt-4">
        <legend className="h4">{t('stock.unit.ownership')}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              id="new-unit-owner-kind"
              label={t('stock.unit.ownerKind')}
              value={form.ownerKind}
              onChange={set('ownerKind')}
              options={OWNER_KINDS.map((k) => ({ value: k, label: t(`stock.ownerKind.${k}`) }))}
              error={field('ownerKind')}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id="new-unit-owner-name"
              label={t('stock.create.ownerName')}
              value={form.ownerName}
              onChange={set('ownerName')}
              error={field('ownerName')}
            />
          </div>
          <div className="col-12">
            <TextField id="new-unit-notes" label={t('stock.unit.notes')} value={form.notes} onChange={set('notes')} error={field('notes')} />
          </div>
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary mt-3" disabled={create.isPending}>
        {t('stock.create.submit')}
      </button>
    </form>
  );
}
