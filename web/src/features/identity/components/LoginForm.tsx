import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { useEnti, useLogin } from '../api.js';

/** Email and password sign-in to one ente (Lucca by default); the page may own the ente choice. */
export function LoginForm({ onSignedIn, ente: shownEnte, onEnteChange }: { onSignedIn: () => void; ente?: string; onEnteChange?: (ente: string) => void }) {
  const { t } = useTranslation();
  const enti = useEnti();
  const login = useLogin();
  const [ownEnte, setOwnEnte] = useState('lucca');
  const ente = shownEnte ?? ownEnte;
  const setEnte = onEnteChange ?? setOwnEnte;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ ente, email: email.trim(), password }, { onSuccess: onSignedIn });
  };
  const error = login.error;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="login-heading" className="mt-4">
      <h2 id="login-heading" className="h4 mb-4">
        {t('login.formHeading')}
      </h2>
      {error ? (
        <Alert kind="danger">
          <span data-testid="login-error">{error.detail ?? t(error.status === 0 ? 'errors.network' : 'errors.generic')}</span>
        </Alert>
      ) : null}
      <SelectField
        label={t('login.ente')}
        name="ente"
        value={ente}
        onChange={(e) => setEnte(e.target.value)}
        options={(enti.data ?? [{ slug: 'lucca', name: 'Comune di Lucca' }]).map((x) => ({ value: x.slug, label: x.name }))}
        error={error?.fieldMessage('ente')}
      />
      <TextField
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error?.fieldMessage('email')}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error?.fieldMessage('password')}
      />
      <button type="submit" className="btn btn-primary" disabled={login.isPending}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
