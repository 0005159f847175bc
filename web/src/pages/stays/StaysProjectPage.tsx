import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { ProjectDetail } from '../../features/stays/components/ProjectDetail.js';

export function StaysProjectPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.project'));
  const { id = '' } = useParams();
  return (
    <>
      <Link to="/stays/projects">{t('stays.backProjects')}</Link>
      <ProjectDetail id={id} />
    </>
  );
}
