import { useParams } from 'react-router';
import { VisitLog } from '../../features/cases/components/VisitLog.js';

export function CaseVisitsPage() {
  const { id = '' } = useParams();
  return <VisitLog id={id} />;
}
