import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { programOptions } from '../../identity/labels.js';
import { ACCESSIBILITY_FEATURES, UNIT_STATUSES, useEstates, useNeighbourhoods } from '../api.js';
import type { UnitFilters } from '../filters.js';

interface Draft {
  q: string;
  neighbourhood: string;
  estateId: string;
  program: string;
  status: string;
  minBedrooms: string;
  minBeds: string;
  minSurface: string;
  maxSurface: string;
  accessibility: string[];
}

const str = (v: number | undefined) => (v === undefined ? '' : String(v));

function toDraft(f: UnitFilters): Draft {
  return {
    q: f.q ?? '',
    neighbourhood: f.neighbourhood ?? '',
    estateId: f.estateId ?? '',
    program: f.program ?? '',
    status: f.status ?? '',
    minBedrooms: str(f.minBedrooms),
    minBeds: str(f.minBeds),
    minSurface: str(f.minSurface),
    maxSurface: str(f.maxSurface),
    accessibility: f.accessibility ?? [],
  };
}

function toFilters(d: Draft, keep: UnitFilters): UnitFilters {
  const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));
  return {
    q: d.q.trim() || undefined,
    neighbourhood: d.neighbourhood || undefined,
    estateId: d.estateId || undefined,
    buildingId: keep.buildingId,
    program: d.program || undefined,
    status: d.status || undefined,
    minBedrooms: num(d.minBedrooms),
    minBeds: num(d.minBeds),
    minSurface: num(d.minSurface),
    maxSurface: num(d.maxSurface),
    accessibility: d.accessibility.length > 0 ? d.accessibility : undefined,
  };
}

/** Search and filters of the unit list; applying them changes the URL (so the view can be shared). */
export function UnitFilterForm({ filters, onApply }: { filters: UnitFilters; onApply: (f: UnitFilters) => void }) {
  const { t } = useTranslation();
  const neighbourhoods = useNeighbourhoods();
  const estates = useEstates();
  const [draft, setDraft] = useState(() => toDraft(filters));
  // Back/forward or a link changes the filters: show them.
  useEffect(() => setDraft(toDraft(filters)), [filters]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(toFilters(draft, filters));
  };
  const set = (k: Exclude<keyof Draft, 'accessibility'>) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const toggle = (feature: string, on: boolean) =>
    setDraft({
      ...draft,
      accessibility: on
        ? ACCESSIBILITY_FEATURES.filter((f) => f === feature || draft.accessibility.includes(f))
        : draft.accessibility.filter((f) => f !== feature),
    });

  return (
    <search>
      <form onSubmit={onSubmit} noValidate aria-labelledby="unit-filters-heading">
        <h2 id="unit-filters-heading" className="h4">
          {t('stock.units.filtersHeading')}
        </h2>
        <div className="row">
          <div className="col-12 col-lg-6">
            <TextField id="unit-q" type="search" label={t('stock.units.search')} hint={t('stock.units.searchHint')} value={draft.q} onChange={set('q')} />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="unit-neighbourhood"
              label={t('stock.units.neighbourhood')}
              emptyOption={t('stock.units.any')}
              value={draft.neighbourhood}
              onChange={set('neighbourhood')}
              options={(neighbourhoods.data ?? []).map((n) => ({
                value: n.name,
                label: t('stock.units.neighbourhoodOption', { name: n.name, count: n.unitCount }),
              }))}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="unit-estate"
              label={t('stock.units.estate')}
              emptyOption={t('stock.units.any')}
              value={draft.estateId}
              onChange={set('estateId')}
              options={(estates.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="unit-program"
              label={t('stock.units.program')}
              emptyOption={t('stock.units.any')}
              value={draft.program}
              onChange={set('program')}
              options={programOptions(t)}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="unit-status"
              label={t('stock.units.status')}
              emptyOption={t('stock.units.any')}
              value={draft.status}
              onChange={set('status')}
              options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`stock.status.${s}`) }))}
            />
          </div>
          <div className="col-6 col-lg-3">
            <TextField
              id="unit-min-bedrooms"
              type="number"
              min={0}
              inputMode="numeric"
              label={t('stock.units.minBedrooms')}
              value={draft.minBedrooms}
              onChange={set('minBedrooms')}
            />
          </div>
          <div className="col-6 col-lg-3">
            <TextField
              id="unit-min-beds"
              type="number"
              min={0}
              inputMode="numeric"
              label={t('stock.units.minBeds')}
              value={draft.minBeds}
              onChange={set('minBeds')}
            />
          </div>
          <div className="col-6 col-lg-3">
            <TextField
              id="unit-min-surface"
              type="number"
              min={0}
              inputMode="decimal"
              label={t('stock.units.minSurface')}
              value={draft.minSurface}
              onChange={set('minSurface')}
            />
          </div>
          <div className="col-6 col-lg-3">
            <TextField
              id="unit-max-surface"
              type="number"
              min={0}
              inputMode="decimal"
              label={t('stock.units.maxSurface')}
              value={draft.maxSurface}
              onChange={set('maxSurface')}
            />
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="h6">{t('stock.units.accessibility')}</legend>
          <div className="d-flex flex-wrap column-gap-4">
            {ACCESSIBILITY_FEATURES.map((f) => (
              <CheckboxField
                key={f}
                id={`unit-acc-${f}`}
                name="accessibility"
                value={f}
                label={t(`stock.accessibility.${f}`)}
                checked={draft.accessibility.includes(f)}
                onChange={(e) => toggle(f, e.target.checked)}
              />
            ))}
          </div>
        </fieldset>
        <div className="d-flex flex-wrap gap-2 mt-3">
          <button type="submit" className="btn btn-primary">
            {t('stock.units.apply')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => onApply({})}>
            {t('stock.units.reset')}
          </button>
        </div>
      </form>
    </search>
  );
}
