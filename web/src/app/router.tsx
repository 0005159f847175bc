import { createBrowserRouter } from 'react-router';
import { StaysGuard } from '../features/stays/components/StaysGuard.js';
import { AdminAuditPage } from '../pages/AdminAuditPage.js';
import { AdminUserPage } from '../pages/AdminUserPage.js';
import { AdminUsersPage } from '../pages/AdminUsersPage.js';
import {
  AgencyAgendaPage,
  AgencyLandlordPage,
  AgencyLandlordsPage,
  AgencyListingNewPage,
  AgencyListingPage,
  AgencyListingsPage,
  AgencyProposalsPage,
  AgencySeekerPage,
  AgencySeekersPage,
  BookingCancelPage,
  BookingPage,
  LandlordPortalPage,
} from '../pages/agency/AgencyPages.js';
import { AllocationPage, MyAllocationPage } from '../pages/allocation/AllocationPages.js';
import { ApplicationReviewPage } from '../pages/calls/ApplicationReviewPage.js';
import { CallNewPage } from '../pages/calls/CallNewPage.js';
import { CallPage } from '../pages/calls/CallPage.js';
import { CallsPage } from '../pages/calls/CallsPage.js';
import { MyApplicationPage } from '../pages/calls/MyApplicationPage.js';
import { PublicRankingPage } from '../pages/calls/PublicRankingPage.js';
import { CaseNewPage } from '../pages/cases/CaseNewPage.js';
import { CasePage } from '../pages/cases/CasePage.js';
import { CasesPage } from '../pages/cases/CasesPage.js';
import { CaseVisitsPage } from '../pages/cases/CaseVisitsPage.js';
import { HousingFirstPage } from '../pages/cases/HousingFirstPage.js';
import { WorkPathsPage } from '../pages/cases/WorkPathsPage.js';
import { DeliveriesPage } from '../pages/DeliveriesPage.js';
import { DuplicatesPage } from '../pages/DuplicatesPage.js';
import { HomePage } from '../pages/HomePage.js';
import { HouseholdNewPage } from '../pages/HouseholdNewPage.js';
import { HouseholdPage } from '../pages/HouseholdPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { MyDataPage } from '../pages/MyDataPage.js';
import {
  MediationActivitiesPage,
  MediationCaseNewPage,
  MediationCasePage,
  MediationPage,
  MyActivitiesPage,
  MyReportsPage,
} from '../pages/mediation/MediationPages.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { NotificationsPage } from '../pages/NotificationsPage.js';
import { OidcCallbackPage } from '../pages/OidcCallbackPage.js';
import { PersonEditPage } from '../pages/PersonEditPage.js';
import { PersonNewPage } from '../pages/PersonNewPage.js';
import { PersonPage } from '../pages/PersonPage.js';
import { ProfilePage } from '../pages/ProfilePage.js';
import { RegistryPage } from '../pages/RegistryPage.js';
import { OpenDataPage, ReportsPage } from '../pages/reports/ReportsPages.js';
import { MyEasyProjectPage } from '../pages/stays/MyEasyProjectPage.js';
import { MyStaysPage } from '../pages/stays/MyStaysPage.js';
import { StaysPage } from '../pages/stays/StaysPage.js';
import { StaysProjectPage } from '../pages/stays/StaysProjectPage.js';
import { StaysProjectsPage } from '../pages/stays/StaysProjectsPage.js';
import { StaysRequestsPage } from '../pages/stays/StaysRequestsPage.js';
import { StaysSolutionPage } from '../pages/stays/StaysSolutionPage.js';
import { StaysWaitingPage } from '../pages/stays/StaysWaitingPage.js';
import { StockBuildingPage } from '../pages/stock/StockBuildingPage.js';
import { StockEstatePage } from '../pages/stock/StockEstatePage.js';
import { StockEstatesPage } from '../pages/stock/StockEstatesPage.js';
import { StockImportPage } from '../pages/stock/StockImportPage.js';
import { StockUnitNewPage } from '../pages/stock/StockUnitNewPage.js';
import { StockUnitPage } from '../pages/stock/StockUnitPage.js';
import { StockUnitsPage } from '../pages/stock/StockUnitsPage.js';
import { ArrearsPage } from '../pages/tenancies/ArrearsPage.js';
import { MyHomePage } from '../pages/tenancies/MyHomePage.js';
import { PaymentsPage } from '../pages/tenancies/PaymentsPage.js';
import { TenanciesPage } from '../pages/tenancies/TenanciesPage.js';
import { TenancyNewPage } from '../pages/tenancies/TenancyNewPage.js';
import { TenancyPage } from '../pages/tenancies/TenancyPage.js';
import { Layout } from './layout/Layout.js';
import { RequireAuth, RequirePermission } from './RequireAuth.js';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/book/:ente', element: <BookingPage /> },
      { path: '/book/:ente/cancel', element: <BookingCancelPage /> },
      { path: '/login/oidc', element: <OidcCallbackPage /> },
      { path: '/public/:ente/calls/:id/ranking', element: <PublicRankingPage /> },
      { path: '/open-data/:ente', element: <OpenDataPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '/calls', element: <CallsPage /> },
          { path: '/calls/:id', element: <CallPage /> },
          { path: '/my/applications/:id', element: <MyApplicationPage /> },
          {
            element: <RequirePermission permission="allocation:decide" />,
            children: [{ path: '/allocation', element: <AllocationPage /> }],
          },
          {
            element: <RequirePermission permission="application:submit" />,
            children: [{ path: '/allocation/me', element: <MyAllocationPage /> }],
          },
          { path: '/applications/:id', element: <ApplicationReviewPage /> },
          {
            element: <RequirePermission permission="call:manage" />,
            children: [{ path: '/calls/new', element: <CallNewPage /> }],
          },
          { path: '/me/data', element: <MyDataPage /> },
          { path: '/me/notifications', element: <NotificationsPage /> },
          { path: '/notifications/deliveries', element: <DeliveriesPage /> },
          {
            element: <RequirePermission permission="registry:read" />,
            children: [
              { path: '/registry', element: <RegistryPage /> },
              { path: '/registry/persons/:id', element: <PersonPage /> },
              { path: '/registry/households/:id', element: <HouseholdPage /> },
            ],
          },
          {
            element: <RequirePermission permission="registry:write" />,
            children: [
              { path: '/registry/persons/new', element: <PersonNewPage /> },
              { path: '/registry/households/new', element: <HouseholdNewPage /> },
              { path: '/registry/persons/:id/edit', element: <PersonEditPage /> },
              { path: '/registry/duplicates', element: <DuplicatesPage /> },
            ],
          },
          {
            element: <RequirePermission permission="report:read" />,
            children: [{ path: '/reports', element: <ReportsPage /> }],
          },
          {
            element: <RequirePermission permission="stock:read" />,
            children: [
              { path: '/stock', element: <StockUnitsPage /> },
              { path: '/stock/units/:id', element: <StockUnitPage /> },
              { path: '/stock/estates', element: <StockEstatesPage /> },
              { path: '/stock/estates/:id', element: <StockEstatePage /> },
              { path: '/stock/buildings/:id', element: <StockBuildingPage /> },
            ],
          },
          {
            element: <RequirePermission permission="stock:write" />,
            children: [
              { path: '/stock/units/new', element: <StockUnitNewPage /> },
              { path: '/stock/import', element: <StockImportPage /> },
            ],
          },
          {
            element: <RequirePermission permission="tenancy:read" />,
            children: [
              { path: '/tenancies', element: <TenanciesPage /> },
              { path: '/tenancies/arrears', element: <ArrearsPage /> },
              { path: '/tenancies/:id', element: <TenancyPage /> },
            ],
          },
          {
            element: <RequirePermission permission="tenancy:manage" />,
            children: [
              { path: '/tenancies/new', element: <TenancyNewPage /> },
              { path: '/tenancies/payments', element: <PaymentsPage /> },
            ],
          },
          {
            element: <RequirePermission permission="tenancy:own" />,
            children: [{ path: '/me/home', element: <MyHomePage /> }],
          },
          {
            element: <RequirePermission permission="case:read" />,
            children: [
              { path: '/cases', element: <CasesPage /> },
              { path: '/cases/:id', element: <CasePage /> },
              { path: '/cases/:id/visits', element: <CaseVisitsPage /> },
              { path: '/housing-first', element: <HousingFirstPage /> },
              { path: '/work-paths', element: <WorkPathsPage /> },
            ],
          },
          {
            element: <RequirePermission permission="case:write" />,
            children: [{ path: '/cases/new', element: <CaseNewPage /> }],
          },
          {
            element: <StaysGuard />,
            children: [
              { path: '/stays', element: <StaysPage /> },
              { path: '/stays/solutions/:id', element: <StaysSolutionPage /> },
              { path: '/stays/requests', element: <StaysRequestsPage /> },
              { path: '/stays/waiting-list', element: <StaysWaitingPage /> },
              { path: '/stays/projects', element: <StaysProjectsPage /> },
              { path: '/stays/projects/:id', element: <StaysProjectPage /> },
            ],
          },
          {
            element: <RequirePermission permission="stay:family" />,
            children: [
              { path: '/me/stays', element: <MyStaysPage /> },
              { path: '/me/stays/projects/:personId', element: <MyEasyProjectPage /> },
            ],
          },
          {
            element: <RequirePermission permission="mediation:manage" />,
            children: [
              { path: '/mediation', element: <MediationPage /> },
              { path: '/mediation/cases/new', element: <MediationCaseNewPage /> },
              { path: '/mediation/cases/:id', element: <MediationCasePage /> },
              { path: '/mediation/activities', element: <MediationActivitiesPage /> },
            ],
          },
          {
            element: <RequirePermission permission="report:submit" />,
            children: [
              { path: '/me/reports', element: <MyReportsPage /> },
              { path: '/me/activities', element: <MyActivitiesPage /> },
            ],
          },
          {
            element: <RequirePermission permission="agency:manage" />,
            children: [
              { path: '/agency', element: <AgencyListingsPage /> },
              { path: '/agency/listings/new', element: <AgencyListingNewPage /> },
              { path: '/agency/listings/:id', element: <AgencyListingPage /> },
              { path: '/agency/landlords', element: <AgencyLandlordsPage /> },
              { path: '/agency/landlords/:id', element: <AgencyLandlordPage /> },
              { path: '/agency/seekers', element: <AgencySeekersPage /> },
              { path: '/agency/seekers/:id', element: <AgencySeekerPage /> },
              { path: '/agency/proposals', element: <AgencyProposalsPage /> },
              { path: '/agency/agenda', element: <AgencyAgendaPage /> },
            ],
          },
          {
            element: <RequirePermission permission="listing:own" />,
            children: [{ path: '/landlord', element: <LandlordPortalPage /> }],
          },
          {
            element: <RequirePermission permission="admin:users" />,
            children: [
              { path: '/admin/users', element: <AdminUsersPage /> },
              { path: '/admin/users/:id', element: <AdminUserPage /> },
            ],
          },
          {
            element: <RequirePermission permission="admin:audit" />,
            children: [{ path: '/admin/audit', element: <AdminAuditPage /> }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
