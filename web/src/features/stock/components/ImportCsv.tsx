import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { useMe } from '../../identity/api.js';
import { type ImportResult, useImportCsv } from '../api.js';

function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <ul className="mb-0">
      <li>{t('stock.import.rows', { count: result.rows })}</li>
      <li>{t('stock.import.unitsCreated', { count: result.unitsCreated })}</li>
      <li>{t('stock.import.unitsUpdated', { count: result.unitsUpdated })}</li>
      <li>{t('stock.import.buildingsCreated', { count: result.buildingsCreated })}</li>
      <li>{t('stock.import.estatesCreated', { count: result.estatesCreated })}</li>
    </ul>
  );
}

/** Every bad cell of the file: line, column, message. */
function ErrorTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const lines = new Set(result.errors.map((e) => e.line)).size;
  return (
    <div className="table-responsive mt-3">
      <table className="table table-sm table-striped align-middle" data-testid="import-errors">
        <caption>{t('stock.import.errorsCaption', { count: result.errors.length, lines })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stock.import.line')}</th>
            <th scope="col">{t('stock.import.column')}</th>
            <th scope="col">{t('stock.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one cell may carry two errors; the list never reorders
            <tr key={`${e.line}:${e.field}:${i}`}>
              <th scope="row">{e.line}</th>
              <td>
                <code>{e.field}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * CSV import of units: choose a file, check it (dry run: every row's errors, nothing written),
 * then apply it (all rows or none). The apply button is offered only after a clean check.
 */
export function ImportCsv() {
  const { t } = useTranslation();
  const me = useMe().data;
  const run = useImportCsv(me?.csrfToken ?? '');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setChecked(null);
    setApplied(null);
    run.reset();
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  const send = (dryRun: boolean) => {
    if (!file) {
      return;
    }
    run.mutate(
      { csv: file.text, dryRun },
      {
        onSuccess: (result) => {
          if (result.dryRun) {
            setChecked(result);
          } else if (result.valid) {
            setApplied(result);
            setChecked(null);
            setFile(null);
          } else {
            setChecked(result);
          }
        },
      },
    );
  };

  return (
    <>
      <p>
        {t('stock.import.intro')} <Link to="/stock">{t('stock.import.exportHint')}</Link>
      </p>
      {applied ? (
        <Alert kind="success">
          <p className="fw-semibold">{t('stock.import.applied')}</p>
          <Counts result={applied} />
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
      >
        <div className="form-group">
          <label htmlFor="import-file" className="active">
            {t('stock.import.file')}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className="form-control"
            aria-describedby="import-file-hint"
            onChange={(e) => void onFile(e)}
          />
          <small id="import-file-hint" className="form-text">
            {t('stock.import.fileHint')}
          </small>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={!file || run.isPending}>
            {t('stock.import.check')}
          </button>
          {checked?.valid ? (
            <button type="button" className="btn btn-success" disabled={run.isPending} onClick={() => send(false)}>
              {t('stock.import.apply', { count: checked.rows })}
            </button>
          ) : null}
        </div>
      </form>
      {run.error ? (
        <Alert kind="danger" className="mt-3">
          {run.error.detail ?? t('errors.generic')}
        </Alert>
      ) : null}
      {checked ? (
        <section aria-labelledby="import-result-heading" className="mt-4" data-testid="import-result">
          <h2 id="import-result-heading" className="h4">
            {t('stock.import.resultHeading', { file: file?.name ?? '' })}
          </h2>
          {checked.valid ? (
            <Alert kind="success">
              <p className="fw-semibold">{t('stock.import.valid')}</p>
              <Counts result={checked} />
            </Alert>
          ) : (
            <>
              <Alert kind="warning">{t('stock.import.invalid', { count: checked.errors.length })}</Alert>
              <ErrorTable result={checked} />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
