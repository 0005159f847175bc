import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { useListings } from '../api.js';
import { PositionBadge } from './RangeBox.js';

/** Listings with the agreed-rent check, filtered by status and position against the range. */
export function ListingList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [position, setPosition] = useState('');
  const [q, setQ] = useState('');
  const listings = useListings({ status: status || undefined, position: position || undefined, q: q.trim() || undefined });
  return (
    <>
      <form className="row" onSubmit={(e) => e.preventDefault()} aria-label={t('agency.listings.filters')}>
        <div className="col-md-4">
          <TextField id="listings-q" label={t('agency.listings.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="col-md-4">
          <SelectField
            id="listings-status"
            label={t('agency.listings.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            emptyOption={t('agency.form.all')}
            options={['available', 'reserved', 'let', 'withdrawn', 'draft'].map((s) => ({ value: s, label: t(`agency.listingStatus.${s}`) }))}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="listings-position"
            label={t('agency.listings.position')}
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            emptyOption={t('agency.form.all')}
            options={['inside', 'above', 'below'].map((s) => ({ value: s, label: t(`agency.range.badge.${s}`) }))}
          />
        </div>
      </form>
      {listings.isPending ? <Loading label={t('common.loading')} /> : null}
      {listings.isError ? <Alert kind="danger">{listings.error.message}</Alert> : null}
      {listings.data ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="listing-table">
            <caption>{t('agency.listings.caption', { count: listings.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agency.listings.title')}</th>
                <th scope="col">{t('agency.listings.where')}</th>
                <th scope="col">{t('agency.listings.rent')}</th>
                <th scope="col">{t('agency.listings.range')}</th>
                <th scope="col">{t('agency.listings.status')}</th>
                <th scope="col">{t('agency.listings.available')}</th>
              </tr>
            </thead>
            <tbody>
              {listings.data.items.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/agency/listings/${l.id}`}>{l.title}</Link>
                    <div className="small text-muted">{l.landlord.name}</div>
                  </td>
                  <td>
                    {l.property.address}
                    <div className="small text-muted">
                      {[
                        l.property.neighbourhood,
                        `${t('agency.listingForm.zone')} ${l.property.zone}`,
                        `${l.property.surfaceM2} m²`,
                        t('agency.listings.bedroomsN', { count: l.property.bedrooms }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td>{formatCents(l.rentAskedCents, i18n.language)}</td>
                  <td>
                    <PositionBadge position={l.range?.position} />
                    {l.range ? (
                      <div className="small">
                        {formatCents(l.range.minCents, i18n.language)} – {formatCents(l.range.maxCents, i18n.language)}
                      </div>
                    ) : null}
                  </td>
                  <td>{t(`agency.listingStatus.${l.status}`)}</td>
                  <td>{formatDay(l.availableFrom, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
