import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.js';
import { usePageTitle } from '../app/usePageTitle.js';
import { type DeliveryStatus, useDeliveries, useRetryDelivery } from '../features/messages/api.js';
import { Alert, Loading, StatusBadge } from '../ui/feedback.js';
import { SelectField } from '../ui/fields.js';

const KIND: Record<DeliveryStatus, 'success' | 'secondary' | 'danger' | 'warning'> = {
  sent: 'success',
  pending: 'warning',
  sending: 'secondary',
  failed: 'danger',
};

/** Operators: did the email and App IO messages reach people? Failed ones can be sent again. */
export function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notifications.deliveries.title'));
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const list = useDeliveries(status);
  const retry = useRetryDelivery();
  const s = list.data?.summary;
  return (
    <div>
      <h1>{t('notifications.deliveries.title')}</h1>
      <p className="lead">{t('notifications.deliveries.intro')}</p>
      {s ? (
        <p data-testid="delivery-summary">
          {(['sent', 'pending', 'sending', 'failed'] as const).map((k) => (
            <span key={k} className="me-3">
              <StatusBadge kind={KIND[k]}>{t(`notifications.status.${k}`)}</StatusBadge> {s[k]}
            </span>
          ))}
        </p>
      ) : null}
      <div className="col-12 col-md-4 px-0">
        <SelectField
          label={t('notifications.deliveries.filter')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as DeliveryStatus | '')}
          emptyOption={t('notifications.deliveries.all')}
          options={(['sent', 'pending', 'sending', 'failed'] as const).map((k) => ({ value: k, label: t(`notifications.status.${k}`) }))}
        />
      </div>
      {list.isPending ? <Loading label={t('notifications.loading')} /> : null}
      {list.error ? <Alert kind="danger">{list.error.detail ?? t('errors.generic')}</Alert> : null}
      {retry.error ? <Alert kind="danger">{retry.error.detail ?? t('errors.generic')}</Alert> : null}
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t('notifications.deliveries.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.deliveries.when')}</th>
              <th scope="col">{t('notifications.deliveries.recipient')}</th>
              <th scope="col">{t('notifications.deliveries.event')}</th>
              <th scope="col">{t('notifications.deliveries.channel')}</th>
              <th scope="col">{t('notifications.deliveries.status')}</th>
              <th scope="col">{t('notifications.deliveries.attempts')}</th>
              <th scope="col">{t('notifications.deliveries.error')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt, i18n.language)}</td>
                <td>{d.recipient}</td>
                <td>{t(`notifications.events.${d.event.replace('.', '_')}`, { defaultValue: d.event })}</td>
                <td>{t(`notifications.channel.${d.channel}`)}</td>
                <td>
                  <StatusBadge kind={KIND[d.status]}>{t(`notifications.status.${d.status}`)}</StatusBadge>
                  {d.status === 'pending' && d.nextAttemptAt ? (
                    <div className="small">{t('notifications.deliveries.next', { when: formatDateTime(d.nextAttemptAt, i18n.language) })}</div>
                  ) : null}
                </td>
                <td>{d.attempts}</td>
                <td className="small">
                  {d.lastError ?? ''}
                  {d.status === 'failed' ? (
                    <div>
                      <button type="button" className="btn btn-outline-primary btn-xs mt-1" onClick={() => retry.mutate(d.id)} disabled={retry.isPending}>
                        {t('notifications.deliveries.retry')}
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
