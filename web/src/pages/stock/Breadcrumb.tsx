import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Patrimonio › <section>" above a stock detail page. */
export function StockBreadcrumb({ section }: { section?: { to: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('stock.breadcrumb')} className="breadcrumb-container">
      <ol className="breadcrumb">
        <li className="breadcrumb-item">
          <Link to="/stock">{t('stock.nav')}</Link>
          {section ? <span className="separator">/</span> : null}
        </li>
        {section ? (
          <li className="breadcrumb-item">
            <Link to={section.to}>{section.label}</Link>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
