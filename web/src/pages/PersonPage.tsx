import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { hasPermission, useMe } from '../features/identity/api.js';
import { usePerson } from '../features/registry/api.js';
import { PersonDetail } from '../features/registry/components/PersonDetail.js';
import { Alert, Loading } from '../ui/feedback.js';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe().data;
  const person = usePerson(id);
  usePageTitle(person.data ? `${person.data.familyName} ${person.data.givenName}` : t('registry.titles.person'));
  return (
    <>
      <Link to="/registry">{t('registry.back')}</Link>
      {person.isPending ? <Loading label={t('common.loading')} /> : null}
      {person.isError ? <Alert kind="danger">{person.error.status === 404 ? t('registry.notFound') : person.error.message}</Alert> : null}
      {person.data ? (
        <>
          <h1 className="mt-2">
            {person.data.familyName} {person.data.givenName}
          </h1>
          {(location.state as { created?: boolean } | null)?.created ? <Alert kind="success">{t('registry.create.done')}</Alert> : null}
          {(location.state as { updated?: boolean } | null)?.updated ? <Alert kind="success">{t('registry.edit.done')}</Alert> : null}
          {hasPermission(me, 'registry:write') ? (
            <Link className="btn btn-outline-primary btn-sm" to={`/registry/persons/${person.data.id}/edit`}>
              {t('registry.edit.heading')}
            </Link>
          ) : null}
          <PersonDetail person={person.data} canWrite={hasPermission(me, 'registry:write')} canReadSensitive={hasPermission(me, 'registry:special:read')} />
        </>
      ) : null}
    </>
  );
}
