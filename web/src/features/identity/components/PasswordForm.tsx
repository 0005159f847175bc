import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { TextField } from '../../../ui/fields.js';
import { useChangePassword } from '../api.js';

/** Change one's own password; other sessions end on the server. */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setConfirm('');
        },
      },
    );
  };
  const error = change.error;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="h4 mb-4">
        {t('profile.passwordHeading')}
      </h2>
      {error ? <Alert kind="danger">{error.detail ?? t('errors.generic')}</Alert> : null}
      {change.isSuccess ? <Alert kind="success">{t('profile.passwordChanged')}</Alert> : null}
      <TextField
        label={t('profile.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={error?.fieldMessage('currentPassword')}
      />
      <TextField
        label={t('profile.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t('profile.passwordHint')}
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={error?.fieldMessage('newPassword')}
      />
      <TextField
        label={t('profile.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch ? t('profile.passwordMismatch') : undefined}
      />
      <button type="submit" className="btn btn-primary" disabled={change.isPending}>
        {t('profile.submit')}
      </button>
    </form>
  );
}
