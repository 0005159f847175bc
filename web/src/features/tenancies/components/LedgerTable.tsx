import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import type { Ledger } from '../api.js';

/** The ledger with a running balance; the balance is stated first, in words. */
export function LedgerTable({ ledger, caption }: { ledger: Ledger; caption: string }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  const owes = ledger.balanceCents > 0;
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading" className="h4">
        {t('tenancies.ledger.heading')}
      </h2>
      <p className={`lead ${owes ? 'text-danger' : ''}`} data-testid="balance">
        {owes
          ? t('tenancies.ledger.owes', { amount: money(ledger.balanceCents), day: formatDay(ledger.at, i18n.language) })
          : ledger.balanceCents < 0
            ? t('tenancies.ledger.credit', { amount: money(-ledger.balanceCents), day: formatDay(ledger.at, i18n.language) })
            : t('tenancies.ledger.settled', { day: formatDay(ledger.at, i18n.language) })}
      </p>
      <div className="table-responsive">
        <table className="table table-sm align-middle">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tenancies.ledger.date')}</th>
              <th scope="col">{t('tenancies.ledger.kind')}</th>
              <th scope="col">{t('tenancies.ledger.reason')}</th>
              <th scope="col" className="text-end">
                {t('tenancies.ledger.amount')}
              </th>
              <th scope="col" className="text-end">
                {t('tenancies.ledger.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.entries.length === 0 ? (
              <tr>
                <td colSpan={5}>{t('tenancies.ledger.empty')}</td>
              </tr>
            ) : null}
            {[...ledger.entries].reverse().map((e) => (
              <tr key={e.id}>
                <td>{formatDay(e.entryDate, i18n.language)}</td>
                <td>{t(`tenancies.entry.${e.kind}`)}</td>
                <td>
                  {e.reason}
                  {e.authorName ? <span className="d-block small text-muted">{e.authorName}</span> : null}
                </td>
                <td className="text-end text-nowrap">{money(e.amountCents)}</td>
                <td className="text-end text-nowrap">{money(e.balanceAfterCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
