// Thin pages of the mediation feature.
import { useParams } from 'react-router';
import { ActivitiesCalendar } from '../../features/mediation/components/Activities.js';
import { MediationCaseNew, MediationCaseView } from '../../features/mediation/components/MediationCase.js';
import { MediationDashboard } from '../../features/mediation/components/MediationDashboard.js';
import { MyReports } from '../../features/mediation/components/MyReports.js';

export const MediationPage = () => <MediationDashboard />;
export const MediationCaseNewPage = () => <MediationCaseNew />;
export function MediationCasePage() {
  const { id = '' } = useParams();
  return <MediationCaseView key={id} id={id} />;
}
export const MediationActivitiesPage = () => <ActivitiesCalendar manager />;
export const MyActivitiesPage = () => <ActivitiesCalendar manager={false} />;
export const MyReportsPage = () => <MyReports />;
