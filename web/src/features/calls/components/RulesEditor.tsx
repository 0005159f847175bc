import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { type Call, useUpdateCall } from '../api.js';

/**
 * The rules as JSON, validated by the server with the same zod schema that evaluates them:
 * each mistake is listed with its path (e.g. criteria.3.group) and message.
 */
export function RulesEditor({ call }: { call: Call }) {
  const { t } = useTranslation();
  const update = useUpdateCall(call.id);
  const [text, setText] = useState(() => JSON.stringify(call.rules, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = () => {
    setSaved(false);
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (e) {
      setParseError((e as Error).message);
      return;
    }
    setParseError(null);
    update.mutate({ rules }, { onSuccess: () => setSaved(true) });
  };
  const errors = update.error?.fieldErrors ?? [];
  return (
    <div>
      <p>{t('calls.editor.intro')}</p>
      <div className="form-group">
        <label htmlFor="rules-json" className="active">
          {t('calls.editor.label', { version: call.rulesVersion })}
        </label>
        <textarea
          id="rules-json"
          className="form-control font-monospace"
          rows={18}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={parseError || errors.length > 0 ? true : undefined}
          aria-describedby={parseError || errors.length > 0 ? 'rules-json-errors' : undefined}
        />
      </div>
      <div id="rules-json-errors">
        {parseError ? <Alert kind="danger">{t('calls.editor.parseError', { message: parseError })}</Alert> : null}
        {errors.length > 0 ? (
          <Alert kind="danger">
            <p className="mb-1">{t('calls.editor.invalid')}</p>
            <ul className="mb-0" data-testid="rules-errors">
              {errors.map((e) => (
                <li key={`${e.field}-${e.code}`}>
                  <code>{e.field.replace(/^rules\./, '')}</code>: {e.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {update.isError && errors.length === 0 ? <Alert kind="danger">{update.error.message}</Alert> : null}
        {saved ? <Alert kind="success">{t('calls.editor.saved', { version: update.data?.rulesVersion })}</Alert> : null}
      </div>
      <button type="button" className="btn btn-primary" onClick={save} disabled={update.isPending}>
        {t('calls.editor.save')}
      </button>
    </div>
  );
}
