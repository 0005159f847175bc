import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatCents, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { useAddIncentive, useCreateLandlord, useLandlord, useLandlords } from '../api.js';
import { PositionBadge } from './RangeBox.js';

export function LandlordList() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const landlords = useLandlords(q.trim());
  return (
    <>
      <TextField id="landlords-q" label={t('agency.landlords.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      {landlords.isPending ? <Loading label={t('common.loading')} /> : null}
      {landlords.data ? (
        <table className="table table-sm" data-testid="landlord-table">
          <caption>{t('agency.landlords.caption', { count: landlords.data.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.landlords.name')}</th>
              <th scope="col">{t('agency.landlords.kind')}</th>
              <th scope="col">{t('agency.landlords.fiscalCode')}</th>
              <th scope="col">{t('agency.landlords.listings')}</th>
              <th scope="col">{t('agency.landlords.portal')}</th>
            </tr>
          </thead>
          <tbody>
            {landlords.data.items.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/agency/landlords/${l.id}`}>{l.name}</Link>
                </td>
                <td>{t(`agency.landlords.kinds.${l.kind}`)}</td>
                <td>{l.fiscalCode}</td>
                <td>{l.listingCount}</td>
                <td>{l.hasPortalAccount ? t('agency.yes') : t('agency.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function LandlordCreateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateLandlord();
  const [f, setF] = useState({ kind: 'person', name: '', fiscalCode: '', vatNumber: '', email: '', phone: '', address: '', portalEmail: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const err = (k: string) => create.error?.fieldMessage(k);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        kind: f.kind,
        name: f.name.trim(),
        fiscalCode: f.fiscalCode.trim(),
        vatNumber: f.vatNumber.trim() || null,
        email: f.email.trim() || null,
        phone: f.phone.trim() || null,
        address: f.address.trim() || null,
        portalEmail: f.portalEmail.trim() || null,
      },
      { onSuccess: (l) => void navigate(`/agency/landlords/${l.id}`) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="card card-bg p-3 mb-4" aria-labelledby="new-landlord-heading">
      <h2 id="new-landlord-heading" className="h4">
        {t('agency.landlords.new')}
      </h2>
      {create.error ? (
        <Alert kind="danger">{create.error.status === 400 ? t('agency.form.fixFields') : (create.error.detail ?? t('errors.generic'))}</Alert>
      ) : null}
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id="landlord-kind"
            label={t('agency.landlords.kind')}
            value={f.kind}
            onChange={set('kind')}
            options={['person', 'company'].map((k) => ({ value: k, label: t(`agency.landlords.kinds.${k}`) }))}
          />
        </div>
        <div className="col-md-8">
          <TextField id="landlord-name" label={t('agency.landlords.name')} value={f.name} onChange={set('name')} error={err('name')} />
        </div>
        <div className="col-md-6">
          <TextField id="landlord-cf" label={t('agency.landlords.fiscalCode')} value={f.fiscalCode} onChange={set('fiscalCode')} error={err('fiscalCode')} />
        </div>
        <div className="col-md-6">
          <TextField id="landlord-vat" label={t('agency.landlords.vat')} value={f.vatNumber} onChange={set('vatNumber')} error={err('vatNumber')} />
        </div>
        <div className="col-md-4">
          <TextField id="landlord-email" type="email" label={t('agency.landlords.email')} value={f.email} onChange={set('email')} error={err('email')} />
        </div>
        <div className="col-md-4">
          <TextField id="landlord-phone" label={t('agency.landlords.phone')} value={f.phone} onChange={set('phone')} />
        </div>
        <div className="col-md-4">
          <TextField
            id="landlord-portal"
            type="email"
            label={t('agency.landlords.portalEmail')}
            value={f.portalEmail}
            onChange={set('portalEmail')}
            error={err('portalEmail')}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('agency.landlords.save')}
      </button>
    </form>
  );
}

function IncentiveForm({ landlordId }: { landlordId: string }) {
  const { t } = useTranslation();
  const add = useAddIncentive(landlordId);
  const [f, setF] = useState({ kind: 'guarantee_fund', amount: '', grantedOn: '', note: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          kind: f.kind,
          amountCents: f.amount.trim() === '' ? 0 : (parseEuro(f.amount) ?? Number.NaN),
          grantedOn: f.grantedOn,
          note: f.note.trim() || null,
        });
      }}
      aria-labelledby="incentive-heading"
    >
      <h3 id="incentive-heading" className="h5">
        {t('agency.incentives.new')}
      </h3>
      {add.error ? <Alert kind="danger">{add.error.fieldErrors[0]?.message ?? add.error.message}</Alert> : null}
      <div className="row">
        <div className="col-md-3">
          <SelectField
            id="incentive-kind"
            label={t('agency.incentives.kind')}
            value={f.kind}
            onChange={set('kind')}
            options={['guarantee_fund', 'one_off_contribution', 'tax_benefit_info', 'rent_supplement'].map((k) => ({
              value: k,
              label: t(`agency.incentives.kinds.${k}`),
            }))}
          />
        </div>
        <div className="col-md-3">
          <TextField id="incentive-amount" inputMode="decimal" label={t('agency.incentives.amount')} value={f.amount} onChange={set('amount')} />
        </div>
        <div className="col-md-3">
          <TextField
            id="incentive-date"
            type="date"
            label={t('agency.incentives.grantedOn')}
            value={f.grantedOn}
            onChange={set('grantedOn')}
            error={add.error?.fieldMessage('grantedOn')}
          />
        </div>
        <div className="col-md-3">
          <TextField id="incentive-note" label={t('agency.incentives.note')} value={f.note} onChange={set('note')} />
        </div>
      </div>
      <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
        {t('agency.incentives.save')}
      </button>
    </form>
  );
}

export function LandlordDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const l = useLandlord(id);
  if (l.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (l.isError) {
    return <Alert kind="danger">{l.error.message}</Alert>;
  }
  const d = l.data;
  return (
    <>
      <h1>{d.name}</h1>
      <dl className="row">
        <dt className="col-sm-3">{t('agency.landlords.kind')}</dt>
        <dd className="col-sm-9">{t(`agency.landlords.kinds.${d.kind}`)}</dd>
        <dt className="col-sm-3">{t('agency.landlords.fiscalCode')}</dt>
        <dd className="col-sm-9">
          {d.fiscalCode}
          {d.vatNumber ? ` · ${t('agency.landlords.vat')} ${d.vatNumber}` : ''}
        </dd>
        <dt className="col-sm-3">{t('agency.landlords.contacts')}</dt>
        <dd className="col-sm-9">{[d.email, d.phone, d.address].filter(Boolean).join(' · ') || '—'}</dd>
        <dt className="col-sm-3">{t('agency.landlords.portal')}</dt>
        <dd className="col-sm-9">{d.hasPortalAccount ? t('agency.yes') : t('agency.no')}</dd>
      </dl>
      <h2 className="h4">{t('agency.landlords.listingsHeading')}</h2>
      <ul>
        {d.listings.map((x) => (
          <li key={x.id}>
            <Link to={`/agency/listings/${x.id}`}>{x.title}</Link> · {formatCents(x.rentAskedCents, i18n.language)}{' '}
            <PositionBadge position={x.range?.position} /> {t(`agency.listingStatus.${x.status}`)}
          </li>
        ))}
      </ul>
      <section aria-labelledby="incentives-list-heading" className="mt-4">
        <h2 id="incentives-list-heading" className="h4">
          {t('agency.incentives.heading')}
        </h2>
        {d.incentives.length === 0 ? <p>{t('agency.incentives.none')}</p> : null}
        <ul>
          {d.incentives.map((i) => (
            <li key={i.id}>
              {formatDay(i.grantedOn, i18n.language)} · {t(`agency.incentives.kinds.${i.kind}`)} · {formatCents(i.amountCents, i18n.language)}
              {i.note ? ` · ${i.note}` : ''}
            </li>
          ))}
        </ul>
        <IncentiveForm landlordId={d.id} />
      </section>
    </>
  );
}
