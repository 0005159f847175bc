import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle.js';
import { UserCreateForm } from '../features/admin/components/UserCreateForm.js';
import { UserList } from '../features/admin/components/UserList.js';

export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.users'));
  return (
    <>
      <h1>{t('admin.users.heading')}</h1>
      <p className="lead">{t('admin.users.intro')}</p>
      <UserList />
      <UserCreateForm />
    </>
  );
}
