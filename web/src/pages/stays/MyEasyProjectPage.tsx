import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { EasyProject } from '../../features/stays/components/EasyProject.js';

export function MyEasyProjectPage() {
  const { t } = useTranslation();
  usePageTitle(t('stays.titles.easy'));
  const { personId = '' } = useParams();
  return (
    <>
      <Link to="/me/stays">{t('stays.backFamily')}</Link>
      <EasyProject personId={personId} />
    </>
  );
}
