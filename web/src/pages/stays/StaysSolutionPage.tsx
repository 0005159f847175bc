import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { SolutionDetail } from '../../features/stays/components/SolutionDetail.js';

export function StaysSolutionPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.solution'));
  const { id = '' } = useParams();
  return (
    <>
      <Link to="/stays">{t('stays.back')}</Link>
      <SolutionDetail id={id} />
    </>
  );
}
