import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.js';
import { UserDetail } from '../features/admin/components/UserDetail.js';

export function AdminUserPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.user'));
  const { id = '' } = useParams();
  return (
    <>
      <nav aria-label={t('admin.detail.breadcrumb')} className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/admin/users">{t('nav.users')}</Link>
          </li>
        </ol>
      </nav>
      <UserDetail id={id} />
    </>
  );
}
