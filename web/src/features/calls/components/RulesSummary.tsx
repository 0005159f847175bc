import { useTranslation } from 'react-i18next';
import { type Call, pick } from '../api.js';
import { formatPoints } from '../labels.js';

/** The rules in words: documents, requirements, criteria by group with caps, tie-break order. */
export function RulesSummary({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { rules } = call;
  const factLabel = (name: string) => {
    const f = call.facts.find((x) => x.name === name);
    return f ? pick(f.label, lang) : name;
  };
  const docLabel = (code?: string) => (code ? pick(rules.documents.find((d) => d.code === code)?.label ?? { it: code, en: code }, lang) : '—');
  const unverified = rules.requirements.some((r) => r.unverified) || rules.criteria.some((c) => c.unverified);
  const pointsOf = (c: Call['rules']['criteria'][number]) => {
    if (c.points !== undefined) {
      return formatPoints(c.points, lang);
    }
    if (c.bands) {
      return c.bands.steps.map((s) => t('calls.rules.band', { gte: s.gte, points: formatPoints(s.points, lang) })).join('; ');
    }
    if (c.perUnit) {
      return t('calls.rules.perUnit', { points: formatPoints(c.perUnit.points, lang), max: formatPoints(c.perUnit.max, lang) });
    }
    return '';
  };
  return (
    <>
      {unverified ? (
        <div className="alert alert-warning" role="note">
          {t('calls.rules.unverifiedNote')}
        </div>
      ) : null}
      <h3 className="h5">{t('calls.rules.documents')}</h3>
      <ul>
        {rules.documents.map((d) => (
          <li key={d.code}>
            {pick(d.label, lang)} {d.required ? <strong>({t('calls.rules.required')})</strong> : null}
          </li>
        ))}
      </ul>
      <h3 className="h5">{t('calls.rules.requirements')}</h3>
      <ul>
        {rules.requirements.map((r) => (
          <li key={r.code}>
            {pick(r.label, lang)}
            {r.unverified ? <span className="badge bg-warning text-dark ms-2">{t('calls.rules.unverified')}</span> : null}
          </li>
        ))}
      </ul>
      <h3 className="h5">{t('calls.rules.criteria')}</h3>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{t('calls.rules.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.rules.criterion')}</th>
              <th scope="col">{t('calls.rules.points')}</th>
              <th scope="col">{t('calls.rules.proof')}</th>
            </tr>
          </thead>
          {rules.groups.map((g) => (
            <tbody key={g.code}>
              <tr className="table-light">
                <th scope="rowgroup" colSpan={3}>
                  {pick(g.label, lang)} {g.cap !== undefined ? t('calls.rules.cap', { cap: formatPoints(g.cap, lang) }) : null}
                </th>
              </tr>
              {rules.criteria
                .filter((c) => c.group === g.code)
                .map((c) => (
                  <tr key={c.code}>
                    <td>
                      {pick(c.label, lang)}
                      {c.exclusive ? <span className="d-block small">{t('calls.rules.exclusive', { set: c.exclusive })}</span> : null}
                      {c.enabled === false ? <span className="badge bg-secondary ms-2">{t('calls.rules.disabled')}</span> : null}
                      {c.unverified ? <span className="badge bg-warning text-dark ms-2">{t('calls.rules.unverified')}</span> : null}
                    </td>
                    <td>{pointsOf(c)}</td>
                    <td>{docLabel(c.document)}</td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
      <h3 className="h5">{t('calls.rules.tieBreak')}</h3>
      <ol>
        {rules.tieBreak.map((tb, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the meaning
          <li key={i}>{'lot' in tb ? t('calls.rules.lot') : t(`calls.rules.order.${tb.order}`, { fact: factLabel(tb.fact) })}</li>
        ))}
      </ol>
    </>
  );
}
