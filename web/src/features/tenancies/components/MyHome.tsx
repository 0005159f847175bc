import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { useMyNotice, useMyTenancies } from '../api.js';
import { LedgerTable } from './LedgerTable.js';
import { NoticeList } from './NoticeList.js';
import { PlanList } from './Plans.js';
import { RentExplanation } from './RentExplanation.js';
import { ContractFacts } from './TenancyDetail.js';

/** The tenant's own page: contract, how the rent was computed, the ledger and notices to pay. */
export function MyHome() {
  const { t, i18n } = useTranslation();
  const mine = useMyTenancies();
  const notice = useMyNotice();
  if (mine.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (mine.isError) {
    return <Alert kind="danger">{mine.error.message}</Alert>;
  }
  if (mine.data.items.length === 0) {
    return <p>{t('tenancies.mine.none')}</p>;
  }
  return (
    <>
      {mine.data.items.map(({ tenancy, ledger, notices }) => {
        const open = notices.some((n) => n.status === 'open');
        return (
          <article key={tenancy.id} aria-labelledby={`home-${tenancy.id}`} className="mb-5">
            <h2 id={`home-${tenancy.id}`} className="h3">
              {t('tenancies.mine.contract', { code: tenancy.code })}
            </h2>
            <ContractFacts tenancy={tenancy} />
            {tenancy.rent ? (
              <>
                <h2 className="h4">{t('tenancies.mine.howComputed')}</h2>
                <RentExplanation rent={tenancy.rent} />
              </>
            ) : null}
            <LedgerTable ledger={ledger} caption={t('tenancies.ledger.caption', { code: tenancy.code })} />
            {tenancy.plans.length > 0 ? (
              <section aria-labelledby={`plans-${tenancy.id}`}>
                <h2 id={`plans-${tenancy.id}`} className="h4">
                  {t('tenancies.plans.heading')}
                </h2>
                <PlanList plans={tenancy.plans} />
              </section>
            ) : null}
            <section aria-labelledby={`notices-${tenancy.id}`}>
              <h2 id={`notices-${tenancy.id}`} className="h4">
                {t('tenancies.mine.toPay')}
              </h2>
              {ledger.balanceCents > 0 && !open && tenancy.state !== 'ended' ? (
                <p>
                  <button type="button" className="btn btn-primary" onClick={() => notice.mutate(tenancy.id)} disabled={notice.isPending}>
                    {t('tenancies.mine.askNotice', { amount: formatCents(ledger.balanceCents, i18n.language) })}
                  </button>
                </p>
              ) : null}
              {notice.isError ? <Alert kind="danger">{notice.error.message}</Alert> : null}
              <p className="small">{t('tenancies.mine.howToPay')}</p>
              <NoticeList notices={notices} />
            </section>
          </article>
        );
      })}
    </>
  );
}
