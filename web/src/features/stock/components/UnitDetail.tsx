import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle.js';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { type UnitDetail as Detail, useUnit } from '../api.js';
import { accessibilityLabel, programLabel, STATUS_BADGE, statusLabel } from '../labels.js';
import { StatusChangeForm } from './StatusChangeForm.js';
import { Timelines } from './Timelines.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="col-sm-5 col-lg-4">{label}</dt>
      <dd className="col-sm-7 col-lg-8">{children}</dd>
    </>
  );
}

function Facts({ unit }: { unit: Detail }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 }).format(v);
  const b = unit.building;
  const dash = '—';
  return (
    <div className="row">
      <section aria-labelledby="unit-place-heading" className="col-12 col-lg-6 mt-4">
        <h2 id="unit-place-heading" className="h4">
          {t('stock.unit.place')}
        </h2>
        <dl className="row">
          <Field label={t('stock.unit.address')}>
            <Link to={`/stock/buildings/${b.id}`}>{b.address}</Link>, {b.postcode ? `${b.postcode} ` : ''}
            {b.city}
          </Field>
          <Field label={t('stock.unit.neighbourhood')}>{b.neighbourhood ?? dash}</Field>
          <Field label={t('stock.unit.estate')}>
            {unit.estate ? <Link to={`/stock/estates/${unit.estate.id}`}>{unit.estate.name}</Link> : t('stock.unit.noEstate')}
          </Field>
          <Field label={t('stock.unit.floor')}>{unit.floor ?? dash}</Field>
          <Field label={t('stock.unit.flatNumber')}>{unit.flatNumber ?? dash}</Field>
          <Field label={t('stock.unit.buildingLift')}>{b.hasLift ? t('stock.yes') : t('stock.no')}</Field>
          <Field label={t('stock.unit.yearBuilt')}>{b.yearBuilt ?? dash}</Field>
        </dl>
      </section>
      <section aria-labelledby="unit-features-heading" className="col-12 col-lg-6 mt-4">
        <h2 id="unit-features-heading" className="h4">
          {t('stock.unit.features')}
        </h2>
        <dl className="row">
          <Field label={t('stock.unit.surface')}>{t('stock.unit.m2', { m2: n(unit.surfaceM2) })}</Field>
          <Field label={t('stock.unit.rooms')}>{unit.rooms}</Field>
          <Field label={t('stock.unit.bedrooms')}>{unit.bedrooms}</Field>
          <Field label={t('stock.unit.beds')}>{unit.beds}</Field>
          <Field label={t('stock.unit.bathrooms')}>{unit.bathrooms}</Field>
          <Field label={t('stock.unit.accessibility')}>{accessibilityLabel(t, unit.accessibility)}</Field>
          <Field label={t('stock.unit.energyClass')}>{unit.energyClass ?? t('stock.unit.energyUnknown')}</Field>
          <Field label={t('stock.unit.furnishing')}>{t(`stock.furnishing.${unit.furnishing}`)}</Field>
        </dl>
      </section>
      <section aria-labelledby="unit-owner-heading" className="col-12 col-lg-6 mt-4">
        <h2 id="unit-owner-heading" className="h4">
          {t('stock.unit.ownership')}
        </h2>
        <dl className="row">
          <Field label={t('stock.unit.ownerKind')}>{t(`stock.ownerKind.${unit.owner.kind}`)}</Field>
          <Field label={t('stock.unit.owner')}>{[unit.owner.organisationName, unit.owner.name].filter(Boolean).join(' · ') || dash}</Field>
          <Field label={t('stock.unit.managingBody')}>{unit.managingBody?.name ?? dash}</Field>
        </dl>
      </section>
      <section aria-labelledby="unit-spaces-heading" className="col-12 col-lg-6 mt-4">
        <h2 id="unit-spaces-heading" className="h4">
          {t('stock.unit.commonSpaces')}
        </h2>
        {unit.commonSpaces.length === 0 ? (
          <p>{t('stock.unit.noSpaces')}</p>
        ) : (
          <ul>
            {unit.commonSpaces.map((s) => (
              <li key={s.id}>
                {s.name} ({t(`stock.spaceKind.${s.kind}`)}
                {s.capacity ? `, ${t('stock.unit.capacity', { count: s.capacity })}` : ''})
              </li>
            ))}
          </ul>
        )}
        {unit.notes ? (
          <>
            <h3 className="h5">{t('stock.unit.notes')}</h3>
            <p>{unit.notes}</p>
          </>
        ) : null}
      </section>
    </div>
  );
}

/** Everything about one unit: where it is, its features, owner, status and program now and over time. */
export function UnitDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const unit = useUnit(id);
  usePageTitle(unit.data ? t('stock.unit.title', { code: unit.data.code }) : t('stock.titles.unit'));
  if (unit.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (unit.isError) {
    return (
      <>
        <h1>{t('stock.titles.unit')}</h1>
        <Alert kind="danger">{unit.error.status === 404 ? t('stock.unit.notFound') : (unit.error.detail ?? t('errors.generic'))}</Alert>
      </>
    );
  }
  const u = unit.data;
  return (
    <>
      <h1>{t('stock.unit.title', { code: u.code })}</h1>
      <p className="lead">
        {u.building.address}, {u.building.city}
        {u.building.neighbourhood ? ` · ${u.building.neighbourhood}` : ''}
      </p>
      <dl className="row" data-testid="unit-now">
        <Field label={t('stock.unit.currentStatus')}>
          <StatusBadge kind={STATUS_BADGE[u.currentStatus ?? 'none'] ?? 'secondary'}>{statusLabel(t, u.currentStatus)}</StatusBadge>
        </Field>
        <Field label={t('stock.unit.currentProgram')}>
          {u.currentProgram ? programLabel(t, { program: u.currentProgram, solutionType: u.currentSolutionType }) : t('stock.none')}
        </Field>
      </dl>
      <Facts unit={u} />
      <Timelines statuses={u.statusHistory} programs={u.programs} />
      {hasPermission(me, 'stock:write') ? <StatusChangeForm unit={u} /> : null}
    </>
  );
}
