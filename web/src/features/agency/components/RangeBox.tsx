import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../app/format.js';
import { Alert } from '../../../ui/feedback.js';
import type { Position } from '../api.js';

/** The agreed-rent range with its explanation and, when the asked rent is outside it, a warning. */
export function RangeBox({
  range,
  rentAskedCents,
  verified,
  testId,
}: {
  range: { minCents: number; maxCents: number; position: Position | null; lines: string[] };
  rentAskedCents: number | null;
  verified?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const eur = (c: number) => formatCents(c, i18n.language);
  return (
    <section className="card card-bg p-3 mb-3" aria-labelledby="range-heading" data-testid={testId ?? 'range-box'}>
      <h2 id="range-heading" className="h5">
        {t('agency.range.heading')}
      </h2>
      <p className="mb-2">{t('agency.range.allowed', { min: eur(range.minCents), max: eur(range.maxCents) })}</p>
      {range.position === 'above' && rentAskedCents !== null ? (
        <Alert kind="warning">{t('agency.range.above', { rent: eur(rentAskedCents), max: eur(range.maxCents) })}</Alert>
      ) : null}
      {range.position === 'below' && rentAskedCents !== null ? (
        <Alert kind="warning">{t('agency.range.below', { rent: eur(rentAskedCents), min: eur(range.minCents) })}</Alert>
      ) : null}
      {range.position === 'inside' && rentAskedCents !== null ? <Alert kind="success">{t('agency.range.inside', { rent: eur(rentAskedCents) })}</Alert> : null}
      <details>
        <summary>{t('agency.range.how')}</summary>
        <ol className="mt-2">
          {range.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
      </details>
      {verified === false ? <p className="small text-muted mb-0">{t('agency.range.unverified')}</p> : null}
    </section>
  );
}

export function PositionBadge({ position }: { position: Position | null | undefined }) {
  const { t } = useTranslation();
  if (!position) {
    return <span className="badge bg-secondary">{t('agency.range.none')}</span>;
  }
  const kind = position === 'inside' ? 'success' : 'danger';
  return <span className={`badge bg-${kind}`}>{t(`agency.range.badge.${position}`)}</span>;
}
