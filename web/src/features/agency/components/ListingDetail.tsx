import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents, formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { useAddPhoto, useCreateProposal, useListing, useListingMatches } from '../api.js';
import { MatchList } from './MatchList.js';
import { RangeBox } from './RangeBox.js';

function PhotoUpload({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const add = useAddPhoto(listingId);
  const [caption, setCaption] = useState('');
  const onFile = (file: File | undefined) => {
    if (!file) {
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const data = String(reader.result).split(',')[1] ?? '';
      add.mutate({ contentType: file.type, dataBase64: data, caption: caption.trim() || null });
    };
    reader.readAsDataURL(file);
  };
  return (
    <div className="mb-3">
      <TextField id="photo-caption" label={t('agency.photos.caption')} value={caption} onChange={(e) => setCaption(e.target.value)} />
      <label htmlFor="photo-file" className="form-label">
        {t('agency.photos.file')}
      </label>
      <input
        id="photo-file"
        type="file"
        className="form-control"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => onFile(e.target.files?.[0])}
        aria-describedby="photo-hint"
      />
      <small id="photo-hint" className="form-text">
        {t('agency.photos.hint')}
      </small>
      {add.error ? <Alert kind="danger">{add.error.fieldErrors[0]?.message ?? add.error.message}</Alert> : null}
    </div>
  );
}

export function ListingDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const listing = useListing(id);
  const matches = useListingMatches(id);
  const propose = useCreateProposal();
  if (listing.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (listing.isError) {
    return <Alert kind="danger">{listing.error.message}</Alert>;
  }
  const l = listing.data;
  const p = l.property;
  return (
    <>
      <h1>{l.title}</h1>
      <p className="lead">
        {p.address}, {p.city} · <Link to={`/agency/landlords/${l.landlord.id}`}>{l.landlord.name}</Link>
      </p>
      <dl className="row" data-testid="listing-facts">
        <dt className="col-sm-4">{t('agency.listings.status')}</dt>
        <dd className="col-sm-8">{t(`agency.listingStatus.${l.status}`)}</dd>
        <dt className="col-sm-4">{t('agency.listingForm.rent')}</dt>
        <dd className="col-sm-8">
          {formatCents(l.rentAskedCents, i18n.language)} + {formatCents(l.expensesCents, i18n.language)} {t('agency.listings.expensesShort')}
        </dd>
        <dt className="col-sm-4">{t('agency.listingForm.zone')}</dt>
        <dd className="col-sm-8">
          {p.zone} / {p.subBand} {p.neighbourhood ? `· ${p.neighbourhood}` : ''}
        </dd>
        <dt className="col-sm-4">{t('agency.listings.size')}</dt>
        <dd className="col-sm-8">
          {p.surfaceM2} m² · {t('agency.listings.roomsN', { count: p.rooms })} · {t('agency.listings.bedroomsN', { count: p.bedrooms })}
        </dd>
        <dt className="col-sm-4">{t('agency.listingForm.elements')}</dt>
        <dd className="col-sm-8">{p.elements.map((e) => t(`agency.elements.${e}`)).join(', ') || '—'}</dd>
        <dt className="col-sm-4">{t('agency.listingForm.accessibility')}</dt>
        <dd className="col-sm-8">{p.accessibility.map((e) => t(`agency.access.${e}`)).join(', ') || '—'}</dd>
        <dt className="col-sm-4">{t('agency.listingForm.availableFrom')}</dt>
        <dd className="col-sm-8">{formatDay(l.availableFrom, i18n.language)}</dd>
        <dt className="col-sm-4">{t('agency.listingForm.furnishing')}</dt>
        <dd className="col-sm-8">
          {t(`agency.furnishing.${l.furnishing}`)} · {t(`agency.contractType.${l.contractType}`)}
        </dd>
        {p.unitCode ? (
          <>
            <dt className="col-sm-4">{t('agency.listings.unit')}</dt>
            <dd className="col-sm-8">
              <Link to={`/stock/units/${p.unitId}`}>{p.unitCode}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {l.range ? <RangeBox range={l.range} rentAskedCents={l.rentAskedCents} /> : <Alert kind="warning">{t('agency.range.none')}</Alert>}
      <section aria-labelledby="photos-heading" className="mb-4">
        <h2 id="photos-heading" className="h4">
          {t('agency.photos.heading')}
        </h2>
        <ul className="list-inline">
          {l.photos.map((ph) => (
            <li className="list-inline-item" key={ph.id}>
              <img src={`/api/v1/agency/listings/${l.id}/photos/${ph.id}`} alt={ph.caption ?? t('agency.photos.alt', { title: l.title })} height={120} />
            </li>
          ))}
        </ul>
        <PhotoUpload listingId={l.id} />
      </section>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading" className="h4">
          {t('agency.matches.forListing')}
        </h2>
        {propose.error ? <Alert kind="danger">{propose.error.fieldErrors[0]?.message ?? propose.error.message}</Alert> : null}
        <MatchList
          matches={matches.data?.items}
          linkTo={(m) => `/agency/seekers/${m.seekerId}`}
          onPropose={(m) => propose.mutate({ seekerId: m.seekerId, listingId: m.listingId })}
          canPropose={l.status === 'available' || l.status === 'reserved'}
        />
      </section>
    </>
  );
}
