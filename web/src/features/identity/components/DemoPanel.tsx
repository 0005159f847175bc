import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { type DemoAccount, useDemoAccounts, useLogin } from '../api.js';
import { roleLabel } from '../labels.js';

function groupByEnte(accounts: DemoAccount[]): { ente: string; enteName: string; accounts: DemoAccount[] }[] {
  const groups = new Map<string, { ente: string; enteName: string; accounts: DemoAccount[] }>();
  for (const a of accounts) {
    const group = groups.get(a.ente) ?? { ente: a.ente, enteName: a.enteName, accounts: [] };
    group.accounts.push(a);
    groups.set(a.ente, group);
  }
  return [...groups.values()];
}

/** Demo mode only: every demo account, grouped by ente, with a one-click login. */
export function DemoPanel({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const demo = useDemoAccounts();
  const login = useLogin();
  if (!demo.data || demo.data.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="demo-heading" className="mt-5" data-testid="demo-panel">
      <h2 id="demo-heading" className="h4">
        {t('demo.heading')}
      </h2>
      <p>{t('demo.intro', { password: demo.data[0]?.password ?? '' })}</p>
      {login.error ? <Alert kind="danger">{login.error.detail ?? t('errors.generic')}</Alert> : null}
      {groupByEnte(demo.data).map((group) => (
        <div className="table-responsive mb-4" key={group.ente}>
          <table className="table table-sm align-middle">
            <caption className="caption-top h5 text-body">{t('demo.caption', { ente: group.enteName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('demo.columns.name')}</th>
                <th scope="col">{t('demo.columns.roles')}</th>
                <th scope="col" className="d-none d-md-table-cell">
                  {t('demo.columns.organisation')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('demo.columns.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.accounts.map((a) => (
                <tr key={`${a.ente}:${a.email}`}>
                  <th scope="row" className="fw-normal">
                    {a.fullName}
                  </th>
                  <td>{a.roles.map((r) => roleLabel(t, r)).join(', ')}</td>
                  <td className="d-none d-md-table-cell">{a.organisationName ?? t('demo.noOrganisation')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-xs"
                      disabled={login.isPending}
                      data-testid={`demo-login-${a.email}`}
                      onClick={() => login.mutate({ ente: a.ente, email: a.email, password: a.password }, { onSuccess: onSignedIn })}
                    >
                      {t('demo.loginAs', { name: a.fullName })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
