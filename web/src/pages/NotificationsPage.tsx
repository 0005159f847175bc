import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.js';
import { usePageTitle } from '../app/usePageTitle.js';
import { useMarkRead, useNotifications } from '../features/messages/api.js';
import { PreferencesForm } from '../features/messages/components/PreferencesForm.js';
import { Alert, Loading, StatusBadge } from '../ui/feedback.js';

/** My messages (the in-app channel) and the channels I choose. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.title'));
  const list = useNotifications();
  const mark = useMarkRead();
  const items = list.data?.items ?? [];
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>{t('notifications.title')}</h1>
        <p className="lead">{t('notifications.intro')}</p>
        {list.isPending ? <Loading label={t('notifications.loading')} /> : null}
        {list.error ? <Alert kind="danger">{list.error.detail ?? t('errors.generic')}</Alert> : null}
        {list.data && items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
        {(list.data?.unread ?? 0) > 0 ? (
          <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => mark.mutate('all')} disabled={mark.isPending}>
            {t('notifications.markAll')}
          </button>
        ) : null}
        <ul className="list-unstyled" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className={`card card-bg mb-3 ${n.readAt ? '' : 'border-start border-primary border-4'}`}>
              <div className="card-body">
                <h2 className="h5 card-title d-flex gap-2 align-items-center">
                  {n.readAt ? null : <StatusBadge kind="primary">{t('notifications.new')}</StatusBadge>}
                  <span>{n.subject}</span>
                </h2>
                <p className="card-text">{n.body}</p>
                <p className="small text-muted mb-2">{formatDateTime(n.createdAt, i18n.language)}</p>
                <div className="d-flex gap-3">
                  {n.link ? (
                    <Link to={n.link} onClick={() => (n.readAt ? undefined : mark.mutate(n.id))}>
                      {t('notifications.open')}
                    </Link>
                  ) : null}
                  {n.readAt ? null : (
                    <button type="button" className="btn btn-link p-0" onClick={() => mark.mutate(n.id)} disabled={mark.isPending}>
                      {t('notifications.markRead')}
                      <span className="visually-hidden">: {n.subject}</span>
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
        <PreferencesForm />
      </div>
    </div>
  );
}
