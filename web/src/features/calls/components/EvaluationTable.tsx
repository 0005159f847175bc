import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Evaluation, type Fact, type FactValue, pick, type Rules } from '../api.js';
import { enumKey, formatPoints } from '../labels.js';

export function factValue(v: FactValue | null | undefined, fact: Fact | undefined, t: (k: string) => string, lang: string): string {
  if (v === null || v === undefined) {
    return t('calls.eval.notGiven');
  }
  if (typeof v === 'boolean') {
    return v ? t('calls.yes') : t('calls.no');
  }
  if (typeof v === 'number') {
    return fact?.unit === 'eur'
      ? new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR' }).format(v)
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT').format(v);
  }
  return fact?.kind === 'enum' ? t(enumKey(fact.name, v)) : v;
}

/** Eligibility and points per criterion, each with the values it looked at and why it counts what it counts. */
export function EvaluationTable({
  evaluation,
  rules,
  facts,
  extra,
}: {
  evaluation: Evaluation;
  rules: Rules;
  facts: Fact[];
  extra?: (code: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (code: string) => pick(rules.criteria.find((c) => c.code === code)?.label ?? { it: code, en: code }, lang);
  const reqLabel = (code: string) => pick(rules.requirements.find((c) => c.code === code)?.label ?? { it: code, en: code }, lang);
  const inputs = (values: Record<string, FactValue | null>) =>
    Object.entries(values)
      .map(([name, v]) => {
        const f = facts.find((x) => x.name === name);
        return `${f ? pick(f.label, lang) : name}: ${factValue(v, f, t, lang)}`;
      })
      .join('; ');
  return (
    <>
      <p className="lead" data-testid="evaluation-score">
        {evaluation.eligible ? t('calls.eval.eligible') : t('calls.eval.notEligible')} {t('calls.eval.score', { score: formatPoints(evaluation.score, lang) })}
      </p>
      <h3 className="h5">{t('calls.rules.requirements')}</h3>
      <ul>
        {evaluation.requirements.map((r) => (
          <li key={r.code}>
            {r.met ? '✓' : '✗'} <span className="visually-hidden">{r.met ? t('calls.eval.met') : t('calls.eval.notMet')}</span> {reqLabel(r.code)}
            {r.missing.length > 0 ? <span className="small"> ({t('calls.eval.missing')})</span> : null}
          </li>
        ))}
      </ul>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('calls.eval.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.rules.criterion')}</th>
              <th scope="col">{t('calls.eval.values')}</th>
              <th scope="col">{t('calls.eval.why')}</th>
              <th scope="col" className="text-end">
                {t('calls.rules.points')}
              </th>
              {extra ? <th scope="col">{t('calls.review.outcome')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {evaluation.criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row" className="fw-normal">
                  {label(c.code)}
                </th>
                <td className="small">{inputs(c.inputs)}</td>
                <td className="small">{t(`calls.eval.status.${c.status}`, { raw: formatPoints(c.raw, lang), other: c.lostTo ? label(c.lostTo) : '' })}</td>
                <td className="text-end">{formatPoints(c.points, lang)}</td>
                {extra ? <td>{extra(c.code)}</td> : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {evaluation.groups.map((g) => (
              <tr key={g.code}>
                <th scope="row" colSpan={3} className="fw-normal">
                  {pick(rules.groups.find((x) => x.code === g.code)?.label ?? { it: g.code, en: g.code }, lang)}
                  {g.cap !== null ? ` (${t('calls.rules.cap', { cap: formatPoints(g.cap, lang) })})` : ''}
                </th>
                <td className="text-end">{formatPoints(g.points, lang)}</td>
                {extra ? <td /> : null}
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={3}>
                {t('calls.eval.total')}
              </th>
              <td className="text-end fw-bold">{formatPoints(evaluation.score, lang)}</td>
              {extra ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
