import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer mt-5">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <div className="it-brand-text">
                  <p className="h2 mb-0">{t('app.name')}</p>
                  <p className="mb-0">{t('app.tagline')}</p>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <p className="text-white py-3 mb-0 small">{t('footer.license')}</p>
        </div>
      </div>
    </footer>
  );
}
