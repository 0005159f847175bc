import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { parseEuro } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { ACCESSIBILITY, useCreateListing, useLandlords, useRangeCheck, useSettings, ZONE_ELEMENTS } from '../api.js';
import { RangeBox } from './RangeBox.js';

const EMPTY = {
  landlordId: '',
  title: '',
  address: '',
  neighbourhood: '',
  zone: '',
  subBand: '',
  surfaceM2: '',
  rooms: '',
  bedrooms: '',
  rent: '',
  expenses: '',
  availableFrom: '',
  furnishing: 'none',
  contractType: 'agevolato',
  description: '',
};
type Key = keyof typeof EMPTY;
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/** Records a listing with a new property; the agreed-rent range is checked while typing. */
export function ListingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const landlords = useLandlords('');
  const create = useCreateListing();
  const [form, setForm] = useState(EMPTY);
  const [elements, setElements] = useState<string[]>([]);
  const [access, setAccess] = useState<string[]>([]);
  const [pets, setPets] = useState(false);
  const set = (k: Key) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const err = (k: string) => create.error?.fieldMessage(k);
  const zones = settings.data?.agreement.zones ?? [];
  const zone = zones.find((z) => z.code === form.zone);

  // Propose the zone from the neighbourhood when the agreement lists it.
  useEffect(() => {
    const n = form.neighbourhood.trim().toLowerCase();
    const found = zones.find((z) => z.neighbourhoods.includes(n));
    if (found && form.zone === '') {
      setForm((f) => ({ ...f, zone: found.code, subBand: found.subBands[0]?.code ?? '' }));
    }
  }, [form.neighbourhood, form.zone, zones]);

  const rentCents = parseEuro(form.rent);
  const surface = num(form.surfaceM2);
  const checkInput = useMemo(
    () =>
      form.zone && form.subBand && surface > 0
        ? {
            zone: form.zone,
            subBand: form.subBand,
            surfaceM2: surface,
            elements,
            furnishing: form.furnishing,
            contractType: form.contractType,
            rentAskedCents: rentCents,
          }
        : null,
    [form.zone, form.subBand, surface, elements, form.furnishing, form.contractType, rentCents],
  );
  const check = useRangeCheck(checkInput);

  const toggle = (list: string[], setList: (l: string[]) => void, v: string) => setList(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        landlordId: form.landlordId,
        property: {
          address: form.address.trim(),
          neighbourhood: form.neighbourhood.trim() || null,
          zone: form.zone,
          subBand: form.subBand,
          surfaceM2: surface,
          rooms: num(form.rooms),
          bedrooms: num(form.bedrooms),
          elements,
          accessibility: access,
        },
        title: form.title.trim(),
        rentAskedCents: rentCents ?? Number.NaN,
        expensesCents: form.expenses.trim() === '' ? 0 : (parseEuro(form.expenses) ?? Number.NaN),
        availableFrom: form.availableFrom,
        furnishing: form.furnishing,
        contractType: form.contractType,
        petsAllowed: pets,
        description: form.description.trim() || null,
      },
      { onSuccess: (l) => void navigate(`/agency/listings/${l.id}`) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="listing-form">
      {create.error ? (
        <Alert kind="danger">{create.error.status === 400 ? t('agency.form.fixFields') : (create.error.detail ?? t('errors.generic'))}</Alert>
      ) : null}
      <fieldset>
        <legend className="h4">{t('agency.listingForm.who')}</legend>
        <SelectField
          id="listing-landlord"
          label={t('agency.listingForm.landlord')}
          value={form.landlordId}
          onChange={set('landlordId')}
          emptyOption={t('agency.form.choose')}
          options={(landlords.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.fiscalCode})` }))}
          error={err('landlordId')}
        />
        <TextField id="listing-title" label={t('agency.listingForm.title')} value={form.title} onChange={set('title')} error={err('title')} />
      </fieldset>
      <fieldset>
        <legend className="h4">{t('agency.listingForm.flat')}</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField id="listing-address" label={t('agency.listingForm.address')} value={form.address} onChange={set('address')} error={err('address')} />
          </div>
          <div className="col-md-6">
            <TextField id="listing-neighbourhood" label={t('agency.listingForm.neighbourhood')} value={form.neighbourhood} onChange={set('neighbourhood')} />
          </div>
          <div className="col-md-6">
            <SelectField
              id="listing-zone"
              label={t('agency.listingForm.zone')}
              value={form.zone}
              onChange={(e) => setForm({ ...form, zone: e.target.value, subBand: zones.find((z) => z.code === e.target.value)?.subBands[0]?.code ?? '' })}
              emptyOption={t('agency.form.choose')}
              options={zones.map((z) => ({ value: z.code, label: `${z.code} – ${z.name}` }))}
              error={err('zone')}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="listing-subband"
              label={t('agency.listingForm.subBand')}
              value={form.subBand}
              onChange={set('subBand')}
              emptyOption={t('agency.form.choose')}
              options={(zone?.subBands ?? []).map((b) => ({ value: b.code, label: b.label }))}
              error={err('subBand')}
            />
          </div>
          <div className="col-4">
            <TextField
              id="listing-surface"
              type="number"
              min={1}
              step="0.1"
              label={t('agency.listingForm.surface')}
              value={form.surfaceM2}
              onChange={set('surfaceM2')}
              error={err('surfaceM2')}
            />
          </div>
          <div className="col-4">
            <TextField
              id="listing-rooms"
              type="number"
              min={1}
              label={t('agency.listingForm.rooms')}
              value={form.rooms}
              onChange={set('rooms')}
              error={err('rooms')}
            />
          </div>
          <div className="col-4">
            <TextField
              id="listing-bedrooms"
              type="number"
              min={0}
              label={t('agency.listingForm.bedrooms')}
              value={form.bedrooms}
              onChange={set('bedrooms')}
              error={err('bedrooms')}
            />
          </div>
        </div>
        <fieldset className="mb-3">
          <legend className="h6">{t('agency.listingForm.elements')}</legend>
          <div className="row">
            {ZONE_ELEMENTS.map((el) => (
              <div className="col-md-4" key={el}>
                <CheckboxField
                  id={`listing-el-${el}`}
                  label={t(`agency.elements.${el}`)}
                  checked={elements.includes(el)}
                  onChange={() => toggle(elements, setElements, el)}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h6">{t('agency.listingForm.accessibility')}</legend>
          {ACCESSIBILITY.map((a) => (
            <CheckboxField
              key={a}
              id={`listing-acc-${a}`}
              label={t(`agency.access.${a}`)}
              checked={access.includes(a)}
              onChange={() => toggle(access, setAccess, a)}
            />
          ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend className="h4">{t('agency.listingForm.terms')}</legend>
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="listing-rent"
              inputMode="decimal"
              label={t('agency.listingForm.rent')}
              hint={t('agency.form.euroHint')}
              value={form.rent}
              onChange={set('rent')}
              error={err('rentAskedCents')}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="listing-expenses"
              inputMode="decimal"
              label={t('agency.listingForm.expenses')}
              value={form.expenses}
              onChange={set('expenses')}
              error={err('expensesCents')}
            />
          </div>
          <div className="col-md-4">
            <TextField
              id="listing-available"
              type="date"
              label={t('agency.listingForm.availableFrom')}
              value={form.availableFrom}
              onChange={set('availableFrom')}
              error={err('availableFrom')}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="listing-furnishing"
              label={t('agency.listingForm.furnishing')}
              value={form.furnishing}
              onChange={set('furnishing')}
              options={['none', 'partial', 'full'].map((f) => ({ value: f, label: t(`agency.furnishing.${f}`) }))}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="listing-contract"
              label={t('agency.listingForm.contractType')}
              value={form.contractType}
              onChange={set('contractType')}
              options={['agevolato', 'transitorio', 'studenti'].map((c) => ({ value: c, label: t(`agency.contractType.${c}`) }))}
            />
          </div>
        </div>
        <CheckboxField id="listing-pets" label={t('agency.listingForm.pets')} checked={pets} onChange={() => setPets(!pets)} />
        <div className="form-group mt-3">
          <label htmlFor="listing-description" className="active">
            {t('agency.listingForm.description')}
          </label>
          <textarea id="listing-description" className="form-control" rows={3} value={form.description} onChange={set('description')} />
        </div>
      </fieldset>
      <div aria-live="polite">
        {check.data ? <RangeBox range={check.data} rentAskedCents={rentCents} verified={check.data.verified} testId="range-preview" /> : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('agency.listingForm.save')}
      </button>
    </form>
  );
}
