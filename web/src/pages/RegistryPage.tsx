import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { hasPermission, useMe } from '../features/identity/api.js';
import { PersonSearch } from '../features/registry/components/PersonSearch.js';

export function RegistryPage() {
  const { t } = useTranslation();
  usePageTitle(t('registry.titles.registry'));
  const canWrite = hasPermission(useMe().data, 'registry:write');
  return (
    <>
      <h1>{t('registry.heading')}</h1>
      <p className="lead">{t('registry.intro')}</p>
      {canWrite ? (
        <p className="d-flex flex-wrap gap-3">
          <Link className="btn btn-primary" to="/registry/persons/new">
            {t('registry.create.heading')}
          </Link>
          <Link className="btn btn-outline-primary" to="/registry/households/new">
            {t('registry.households.create')}
          </Link>
          <Link className="btn btn-outline-primary" to="/registry/duplicates">
            {t('registry.duplicates.heading')}
          </Link>
        </p>
      ) : null}
      <PersonSearch />
    </>
  );
}
