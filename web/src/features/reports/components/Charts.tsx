// Accessible SVG charts: each is a figure whose SVG has a title and a text description, followed
// by its data as a table (inside a disclosure) for screen readers and anyone who prefers numbers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue, type Unit } from '../api.js';

export interface Series {
  name: string;
  values: (number | null)[];
}

interface ChartProps {
  title: string;
  categories: string[];
  series: Series[];
  unit: Unit;
  kind: 'bar' | 'line';
}

// Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by the legend order too.
const COLOURS = ['#0066cc', '#cc3300', '#00805a', '#7a3d99'];

export function Chart({ title, categories, series, unit, kind }: ChartProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const W = 640;
  const H = 260;
  const pad = { l: 56, r: 12, t: 12, b: 48 };
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const y = (v: number) => pad.t + plotH - (plotH * v) / max;
  const band = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (band * 0.8) / Math.max(1, series.length));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => (unit === 'count' ? Math.round(max * f) : max * f));
  const fmt = (v: number | null) => formatValue(v, unit, i18n.language);
  const summary = series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${fmt(s.values[i] ?? null)}`).join(', ')}`).join('. ');
  return (
    <figure className="mb-4">
      <figcaption className="h5" id={`${id}-cap`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} style={{ maxWidth: W }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#d0d0d0" />
            <text x={pad.l - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#404040">
              {fmt(v)}
            </text>
          </g>
        ))}
        {kind === 'bar'
          ? series.map((s, si) =>
              s.values.map((v, ci) => (
                <rect
                  key={`${s.name}-${categories[ci]}`}
                  x={pad.l + ci * band + band * 0.1 + si * barW}
                  y={y(v ?? 0)}
                  width={barW}
                  height={pad.t + plotH - y(v ?? 0)}
                  fill={COLOURS[si % COLOURS.length]}
                />
              )),
            )
          : series.map((s, si) => (
              <polyline
                key={s.name}
                fill="none"
                stroke={COLOURS[si % COLOURS.length]}
                strokeWidth="2.5"
                points={s.values.map((v, ci) => `${pad.l + ci * band + band / 2},${y(v ?? 0)}`).join(' ')}
              />
            ))}
        {categories.map((c, ci) => (
          <text key={c} x={pad.l + ci * band + band / 2} y={H - pad.b + 16} fontSize="11" textAnchor="middle" fill="#404040">
            {c.length > 14 ? `${c.slice(0, 13)}…` : c}
          </text>
        ))}
        {series.map((s, si) => (
          <g key={s.name}>
            <rect x={pad.l + si * 130} y={H - 16} width={12} height={12} fill={COLOURS[si % COLOURS.length]} />
            <text x={pad.l + si * 130 + 16} y={H - 6} fontSize="11" fill="#1a1a1a">
              {s.name}
            </text>
          </g>
        ))}
      </svg>
      <TableAlternative title={title} categories={categories} series={series} fmt={fmt} />
    </figure>
  );
}

function TableAlternative({ title, categories, series, fmt }: { title: string; categories: string[]; series: Series[]; fmt: (v: number | null) => string }) {
  const { t } = useTranslation();
  return (
    <details className="mt-2">
      <summary>{t('reports.chart.tableAlternative', { title })}</summary>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.chart.category')}</th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="text-end">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, ci) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {series.map((s) => (
                  <td key={s.name} className="text-end">
                    {fmt(s.values[ci] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Horizontal bars on a fixed scale (rates: 0–100 %), one row per category, labels in full. */
export function HorizontalBars({
  title,
  categories,
  values,
  unit,
  max,
}: {
  title: string;
  categories: string[];
  values: (number | null)[];
  unit: Unit;
  max: number;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const W = 640;
  const row = 26;
  const labelW = 260;
  const plotW = W - labelW - 70;
  const H = categories.length * row + 24;
  const fmt = (v: number | null) => formatValue(v, unit, i18n.language);
  const summary = categories.map((c, i) => `${c}: ${fmt(values[i] ?? null)}`).join('; ');
  return (
    <figure className="mb-4">
      <figcaption className="h5">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} style={{ maxWidth: W }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={labelW + plotW * f} x2={labelW + plotW * f} y1={0} y2={H - 20} stroke="#d0d0d0" />
            <text x={labelW + plotW * f} y={H - 6} fontSize="11" textAnchor="middle" fill="#404040">
              {fmt(max * f)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const v = values[i] ?? null;
          return (
            <g key={c}>
              <text x={labelW - 8} y={i * row + 17} fontSize="12" textAnchor="end" fill="#1a1a1a">
                {c.length > 40 ? `${c.slice(0, 39)}…` : c}
              </text>
              <rect x={labelW} y={i * row + 5} width={plotW} height={16} fill="#eeeeee" />
              {v === null ? null : <rect x={labelW} y={i * row + 5} width={(plotW * Math.min(v, max)) / max} height={16} fill={COLOURS[0]} />}
              <text x={labelW + plotW + 6} y={i * row + 17} fontSize="12" fill="#1a1a1a">
                {fmt(v)}
              </text>
            </g>
          );
        })}
      </svg>
      <TableAlternative title={title} categories={categories} series={[{ name: t('reports.chart.value'), values }]} fmt={fmt} />
    </figure>
  );
}
