import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { usePerson } from '../features/registry/api.js';
import { PersonForm } from '../features/registry/components/PersonForm.js';
import { Alert, Loading } from '../ui/feedback.js';

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  usePageTitle(t('registry.edit.heading'));
  return (
    <>
      <Link to={`/registry/persons/${id}`}>{t('registry.edit.back')}</Link>
      <h1 className="mt-2">{t('registry.edit.heading')}</h1>
      {person.isPending ? <Loading label={t('common.loading')} /> : null}
      {person.isError ? <Alert kind="danger">{person.error.status === 404 ? t('registry.notFound') : person.error.message}</Alert> : null}
      {person.data ? <PersonForm person={person.data} /> : null}
    </>
  );
}
