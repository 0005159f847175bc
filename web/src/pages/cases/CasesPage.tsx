import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle.js';
import { CaseList } from '../../features/cases/components/CaseList.js';
import { hasPermission, useMe } from '../../features/identity/api.js';

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('cases.titles.list'));
  return (
    <>
      <h1>{t('cases.titles.list')}</h1>
      <p className="lead">{t('cases.list.intro')}</p>
      <p className="d-flex flex-wrap gap-2">
        {hasPermission(me, 'case:write') ? (
          <Link className="btn btn-primary" to="/cases/new">
            {t('cases.list.new')}
          </Link>
        ) : null}
        <Link className="btn btn-outline-primary" to="/housing-first">
          {t('cases.titles.housingFirst')}
        </Link>
        <Link className="btn btn-outline-primary" to="/work-paths">
          {t('cases.titles.work')}
        </Link>
      </p>
      <CaseList />
    </>
  );
}
