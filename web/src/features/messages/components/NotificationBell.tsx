import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../../ui/Icon.js';
import { useUnreadCount } from '../api.js';

/** The bell in the header: a link to my messages, its name saying how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true).data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bell.unread', { count: unread }) : t('notifications.bell.none');
  return (
    <Link
      to="/me/notifications"
      className="btn btn-sm btn-icon notification-bell position-relative text-white"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <Icon name="it-notification" color="white" size="sm" />
      {unread > 0 ? (
        <span className="badge rounded-pill bg-danger ms-1" aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
