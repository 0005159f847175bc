import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCents } from '../../../app/format.js';
import { Loading } from '../../../ui/feedback.js';
import type { Match } from '../api.js';

/** Ranked matches with their score and explanation; a compatible pair not yet proposed can be proposed. */
export function MatchList({
  matches,
  linkTo,
  onPropose,
  canPropose = true,
}: {
  matches: Match[] | undefined;
  linkTo: (m: Match) => string;
  onPropose: (m: Match) => void;
  canPropose?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!matches) {
    return <Loading label={t('common.loading')} />;
  }
  if (matches.length === 0) {
    return <p>{t('agency.matches.none')}</p>;
  }
  return (
    <ol className="list-unstyled" data-testid="match-list">
      {matches.slice(0, 15).map((m) => (
        <li key={`${m.seekerId}:${m.listingId}`} className="border-bottom py-2">
          <div className="d-flex flex-wrap align-items-center gap-2">
            <Link to={linkTo(m)}>{m.label}</Link>
            <span className={`badge bg-${m.compatible ? 'success' : 'secondary'}`}>
              {m.compatible ? t('agency.matches.score', { score: m.score }) : t('agency.matches.incompatible')}
            </span>
            <span className="small">
              {t('agency.matches.cost', { cost: formatCents(m.costCents, i18n.language), ceiling: formatCents(m.ceilingCents, i18n.language) })}
            </span>
            {m.proposalStage ? (
              <span className="badge bg-primary">{t(`agency.stage.${m.proposalStage}`)}</span>
            ) : canPropose && m.compatible ? (
              <button type="button" className="btn btn-outline-primary btn-xs py-0" onClick={() => onPropose(m)}>
                {t('agency.matches.propose')}
              </button>
            ) : null}
          </div>
          <details>
            <summary className="small">{t('agency.matches.why')}</summary>
            <ul className="small">
              {m.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
