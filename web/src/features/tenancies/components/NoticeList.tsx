import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import { StatusBadge } from '../../../ui/feedback.js';
import type { Notice } from '../api.js';

/** pagoPA-style payment notices: the notice number and the creditor's fiscal code pay them anywhere. */
export function NoticeList({ notices }: { notices: Notice[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) {
    return <p>{t('tenancies.notices.empty')}</p>;
  }
  return (
    <ul className="list-unstyled" data-testid="notices">
      {notices.map((n) => (
        <li key={n.id} className="card card-bg p-3 mb-2">
          <p className="mb-1">
            <StatusBadge kind={n.status === 'paid' ? 'success' : n.status === 'open' ? 'warning' : 'secondary'}>
              {t(`tenancies.notices.status.${n.status}`)}
            </StatusBadge>
            <strong>{formatCents(n.amountCents, i18n.language)}</strong> · {t('tenancies.notices.due', { day: formatDay(n.dueDate, i18n.language) })}
          </p>
          <p className="mb-1">{n.description}</p>
          <dl className="row small mb-0">
            <dt className="col-sm-4">{t('tenancies.notices.number')}</dt>
            <dd className="col-sm-8 font-monospace">{n.noticeNumber.replace(/(\d{4})(?=\d)/g, '$1 ')}</dd>
            <dt className="col-sm-4">{t('tenancies.notices.creditor')}</dt>
            <dd className="col-sm-8 font-monospace">{n.creditorFiscalCode}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
