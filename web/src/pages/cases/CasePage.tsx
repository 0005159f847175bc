import { useParams } from 'react-router';
import { CaseDetail } from '../../features/cases/components/CaseDetail.js';

export function CasePage() {
  const { id = '' } = useParams();
  return <CaseDetail id={id} />;
}
