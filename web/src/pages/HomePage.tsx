import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle.js';
import { HomeCards } from '../features/home/components/HomeCards.js';
import { RoleAreas } from '../features/home/components/RoleAreas.js';
import { useMe } from '../features/identity/api.js';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.home'));
  const me = useMe().data;
  if (!me) {
    return null;
  }
  return (
    <>
      <h1>{t('home.greeting', { name: me.user.fullName })}</h1>
      <p className="lead">{t('home.enteLine', { ente: me.ente.name, organisation: me.user.organisationName ?? t('home.noOrganisation') })}</p>
      <RoleAreas me={me} />
      <HomeCards me={me} />
    </>
  );
}
