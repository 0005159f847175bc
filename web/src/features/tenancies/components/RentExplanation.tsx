import { useTranslation } from 'react-i18next';
import { formatCents, formatDay } from '../../../app/format.js';
import type { Rent } from '../api.js';

/** How a rent was computed, line by line, with the monthly amount at the end. */
export function RentExplanation({ rent, headingLevel = 3 }: { rent: Rent; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`rent-${rent.id ?? 'preview'}`} className="card card-bg p-3 mb-3" data-testid="rent-explanation">
      <Heading id={`rent-${rent.id ?? 'preview'}`} className="h5">
        {t('tenancies.rent.heading', { amount: formatCents(rent.monthlyCents, i18n.language) })}
      </Heading>
      <p className="small mb-2">
        {t(`tenancies.rule.${rent.ruleKind}`)} · {t('tenancies.rent.from', { day: formatDay(rent.effectiveFrom, i18n.language) })} ·{' '}
        {t(`tenancies.rent.reason.${rent.reason}`)}
      </p>
      <ol className="mb-2">
        {rent.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and never reorder
          <li key={i}>{l.text}</li>
        ))}
      </ol>
      <p className="fw-semibold mb-0">
        {t('tenancies.rent.summary', { monthly: formatCents(rent.monthlyCents, i18n.language), annual: formatCents(rent.annualCents, i18n.language) })}
      </p>
    </section>
  );
}
