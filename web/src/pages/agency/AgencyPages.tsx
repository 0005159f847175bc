// The agency's pages (thin: title, heading, the feature component).
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { AgencyTabs } from '../../features/agency/components/AgencyTabs.js';
import { Agenda } from '../../features/agency/components/Agenda.js';
import { BookingForm, CancelBooking } from '../../features/agency/components/Booking.js';
import { LandlordCreateForm, LandlordDetail, LandlordList } from '../../features/agency/components/Landlords.js';
import { ListingDetail } from '../../features/agency/components/ListingDetail.js';
import { ListingForm } from '../../features/agency/components/ListingForm.js';
import { ListingList } from '../../features/agency/components/ListingList.js';
import { LandlordPortal, MyAppointments } from '../../features/agency/components/Portal.js';
import { ProposalBoard } from '../../features/agency/components/Proposals.js';
import { SeekerCreateForm, SeekerDetail, SeekerList } from '../../features/agency/components/Seekers.js';
import { hasPermission, useMe } from '../../features/identity/api.js';

function Section({ titleKey, introKey, children }: { titleKey: string; introKey?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t(titleKey));
  return (
    <>
      <h1>{t(titleKey)}</h1>
      {introKey ? <p className="lead">{t(introKey)}</p> : null}
      <AgencyTabs />
      {children}
    </>
  );
}

export function AgencyListingsPage() {
  return (
    <Section titleKey="agency.titles.listings" introKey="agency.listings.intro">
      <ListingList />
    </Section>
  );
}

export function AgencyListingNewPage() {
  return (
    <Section titleKey="agency.titles.newListing" introKey="agency.listingForm.intro">
      <ListingForm />
    </Section>
  );
}

export function AgencyListingPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.listing'));
  const { id } = useParams();
  return (
    <>
      <AgencyTabs />
      <ListingDetail id={id as string} />
    </>
  );
}

export function AgencyLandlordsPage() {
  return (
    <Section titleKey="agency.titles.landlords">
      <LandlordCreateForm />
      <LandlordList />
    </Section>
  );
}

export function AgencyLandlordPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.landlord'));
  const { id } = useParams();
  return (
    <>
      <AgencyTabs />
      <LandlordDetail id={id as string} />
    </>
  );
}

export function AgencySeekersPage() {
  return (
    <Section titleKey="agency.titles.seekers">
      <SeekerCreateForm />
      <SeekerList />
    </Section>
  );
}

export function AgencySeekerPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.seeker'));
  const { id } = useParams();
  return (
    <>
      <AgencyTabs />
      <SeekerDetail id={id as string} />
    </>
  );
}

export function AgencyProposalsPage() {
  return (
    <Section titleKey="agency.titles.proposals">
      <ProposalBoard />
    </Section>
  );
}

export function AgencyAgendaPage() {
  return (
    <Section titleKey="agency.titles.agenda" introKey="agency.agenda.intro">
      <Agenda />
    </Section>
  );
}

export function LandlordPortalPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.portal'));
  const me = useMe().data;
  return (
    <>
      <h1>{t('agency.titles.portal')}</h1>
      <LandlordPortal />
      {me ? <MyAppointments ente={me.ente.slug} /> : null}
    </>
  );
}

/** Public: no sign-in needed. A signed-in citizen or landlord also sees their appointments. */
export function BookingPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.booking'));
  const { ente } = useParams();
  const me = useMe().data;
  const signedIn = me && me.ente.slug === ente && hasPermission(me, 'appointment:book');
  return (
    <>
      <h1>{t('agency.titles.booking')}</h1>
      <p className="lead">{t('agency.booking.intro')}</p>
      <BookingForm ente={ente as string} defaultName={signedIn ? me.user.fullName : undefined} />
      {signedIn ? (
        <div className="mt-5">
          <MyAppointments ente={ente as string} />
        </div>
      ) : null}
    </>
  );
}

export function BookingCancelPage() {
  const { t } = useTranslation();
  usePageTitle(t('agency.titles.cancel'));
  const { ente } = useParams();
  const [search] = useSearchParams();
  return (
    <>
      <h1>{t('agency.titles.cancel')}</h1>
      <CancelBooking ente={ente as string} id={search.get('id') ?? ''} token={search.get('token') ?? ''} />
    </>
  );
}
