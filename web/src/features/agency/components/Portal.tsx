import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDateTime, formatDay, parseEuro } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { type Listing, useCancelMine, useMyAppointments, useOwnListings, useUpdateOwnListing } from '../api.js';
import { PositionBadge, RangeBox } from './RangeBox.js';

function OwnListingEditor({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const update = useUpdateOwnListing();
  const [rent, setRent] = useState(String(listing.rentAskedCents / 100).replace('.', ','));
  const [from, setFrom] = useState(listing.availableFrom);
  return (
    <form
      noValidate
      className="row align-items-end"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: listing.id, rentAskedCents: parseEuro(rent) ?? Number.NaN, availableFrom: from });
      }}
    >
      <div className="col-md-4">
        <TextField
          id={`own-rent-${listing.id}`}
          inputMode="decimal"
          label={t('agency.listingForm.rent')}
          value={rent}
          onChange={(e) => setRent(e.target.value)}
          error={update.error?.fieldMessage('rentAskedCents')}
        />
      </div>
      <div className="col-md-4">
        <TextField
          id={`own-from-${listing.id}`}
          type="date"
          label={t('agency.listingForm.availableFrom')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="col-md-4 mb-3 d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('agency.portal.save')}
        </button>
        {listing.status === 'available' ? (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => update.mutate({ id: listing.id, status: 'withdrawn' })}>
            {t('agency.portal.withdraw')}
          </button>
        ) : null}
        {listing.status === 'withdrawn' ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => update.mutate({ id: listing.id, status: 'available' })}>
            {t('agency.portal.republish')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The landlord's own page: listings with the agreed-rent check, proposals (no personal data), contracts, incentives. */
export function LandlordPortal() {
  const { t, i18n } = useTranslation();
  const own = useOwnListings();
  if (own.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (own.isError) {
    return <Alert kind="danger">{own.error.message}</Alert>;
  }
  if (!own.data.landlord) {
    return <Alert kind="info">{t('agency.portal.notLinked')}</Alert>;
  }
  return (
    <>
      <p className="lead">{own.data.landlord.name}</p>
      {own.data.listings.map((l) => (
        <article key={l.id} className="card card-bg p-3 mb-4" aria-labelledby={`own-${l.id}`} data-testid="own-listing">
          <h2 id={`own-${l.id}`} className="h4">
            {l.title} <PositionBadge position={l.range?.position} /> <span className="badge bg-secondary">{t(`agency.listingStatus.${l.status}`)}</span>
          </h2>
          <p>
            {l.property.address} · {l.property.surfaceM2} m² · {formatCents(l.rentAskedCents, i18n.language)}
          </p>
          {l.range ? <RangeBox range={l.range} rentAskedCents={l.rentAskedCents} testId={`own-range-${l.id}`} /> : null}
          {l.status !== 'let' ? <OwnListingEditor listing={l} /> : null}
          <h3 className="h5">{t('agency.portal.proposals')}</h3>
          {l.proposals.length === 0 ? <p>{t('agency.proposals.none')}</p> : null}
          <ul>
            {l.proposals.map((p) => (
              <li key={p.id}>
                {t(`agency.stage.${p.stage}`)} · {t('agency.seekers.peopleN', { count: p.householdSize })}
                {p.visitAt ? ` · ${t('agency.proposals.visit', { at: formatDateTime(p.visitAt, i18n.language) })}` : ''}
                {p.contract
                  ? ` · ${t('agency.contract.summary', {
                      signed: formatDay(p.contract.signedOn, i18n.language),
                      from: formatDay(p.contract.startOn, i18n.language),
                      to: formatDay(p.contract.endOn, i18n.language),
                      rent: formatCents(p.contract.monthlyRentCents, i18n.language),
                    })} ${p.contract.registeredOn ? t('agency.contract.registered', { on: formatDay(p.contract.registeredOn, i18n.language), ref: '' }) : t('agency.contract.notRegistered')}`
                  : ''}
              </li>
            ))}
          </ul>
        </article>
      ))}
      <section aria-labelledby="own-incentives">
        <h2 id="own-incentives" className="h4">
          {t('agency.incentives.heading')}
        </h2>
        {own.data.incentives.length === 0 ? <p>{t('agency.incentives.none')}</p> : null}
        <ul>
          {own.data.incentives.map((i) => (
            <li key={i.id}>
              {formatDay(i.grantedOn, i18n.language)} · {t(`agency.incentives.kinds.${i.kind}`)} · {formatCents(i.amountCents, i18n.language)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The signed-in citizen's or landlord's counter appointments, with a link to book. */
export function MyAppointments({ ente }: { ente: string }) {
  const { t, i18n } = useTranslation();
  const mine = useMyAppointments();
  const cancel = useCancelMine();
  return (
    <section aria-labelledby="my-appointments">
      <h2 id="my-appointments" className="h4">
        {t('agency.booking.mine')}
      </h2>
      {cancel.error ? <Alert kind="danger">{cancel.error.detail ?? cancel.error.message}</Alert> : null}
      {mine.data?.items.length === 0 ? <p>{t('agency.booking.noneMine')}</p> : null}
      <ul>
        {mine.data?.items.map((a) => (
          <li key={a.id}>
            {formatDateTime(a.startsAt, i18n.language)} · {a.placeName} · {t(`agency.appointmentStatus.${a.status}`)}{' '}
            {a.status === 'booked' && new Date(a.startsAt) > new Date() ? (
              <button type="button" className="btn btn-link p-0" onClick={() => cancel.mutate(a.id)}>
                {t('agency.booking.cancelButton')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Link to={`/book/${ente}`}>{t('agency.booking.bookNew')}</Link>
    </section>
  );
}
