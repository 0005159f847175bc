import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../../ui/feedback.js';
import type { Unit } from '../api.js';
import { accessibilityLabel, programLabel, STATUS_BADGE, sizeLabel, statusLabel } from '../labels.js';

/** Units as an accessible table: the code heads each row and links to the unit. */
export function UnitTable({ units, caption, showPlace = true }: { units: Unit[]; caption: string; showPlace?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-responsive mt-3">
      <table className="table table-striped align-middle" data-testid="unit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stock.columns.code')}</th>
            {showPlace ? <th scope="col">{t('stock.columns.address')}</th> : null}
            <th scope="col">{t('stock.columns.size')}</th>
            <th scope="col">{t('stock.columns.beds')}</th>
            <th scope="col">{t('stock.columns.accessibility')}</th>
            <th scope="col">{t('stock.columns.program')}</th>
            <th scope="col">{t('stock.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="text-nowrap">
                <Link to={`/stock/units/${u.id}`}>{u.code}</Link>
              </th>
              {showPlace ? (
                <td>
                  {u.building.address}
                  <br />
                  <small className="text-secondary">{[u.building.neighbourhood, u.estate?.name].filter(Boolean).join(' · ') || u.building.city}</small>
                </td>
              ) : null}
              <td>{sizeLabel(t, u, i18n.language)}</td>
              <td>{u.beds}</td>
              <td>{accessibilityLabel(t, u.accessibility)}</td>
              <td>{u.currentProgram ? programLabel(t, { program: u.currentProgram, solutionType: u.currentSolutionType }) : t('stock.none')}</td>
              <td>
                <StatusBadge kind={STATUS_BADGE[u.currentStatus ?? 'none'] ?? 'secondary'}>{statusLabel(t, u.currentStatus)}</StatusBadge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
