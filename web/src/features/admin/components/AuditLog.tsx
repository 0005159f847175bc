import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, romeDayBoundary } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { CheckboxField, TextField } from '../../../ui/fields.js';
import { type AuditFilters, useAudit } from '../api.js';

const NO_FILTERS = { from: '', to: '', action: '', entityType: '', sensitive: false };

function toFilters(draft: typeof NO_FILTERS): AuditFilters {
  return {
    from: draft.from ? romeDayBoundary(draft.from, false) : undefined,
    to: draft.to ? romeDayBoundary(draft.to, true) : undefined,
    action: draft.action.trim() || undefined,
    entityType: draft.entityType.trim() || undefined,
    sensitive: draft.sensitive || undefined,
  };
}

/** Audit trail search: filters, a table in Europe/Rome time, "load more". */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAudit(filters);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const error = audit.error;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(toFilters(draft));
  };
  const onReset = () => {
    setDraft(NO_FILTERS);
    setFilters({});
  };
  const text = (key: 'from' | 'to' | 'action' | 'entityType') => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <>
      <form onSubmit={onSubmit} noValidate aria-labelledby="audit-filters-heading" className="mt-4">
        <h2 id="audit-filters-heading" className="h4 mb-4">
          {t('admin.audit.filtersHeading')}
        </h2>
        <div className="row">
          <div className="col-12 col-md-6 col-lg-3">
            <TextField
              id="audit-from"
              label={t('admin.audit.from')}
              type="date"
              value={draft.from}
              onChange={text('from')}
              error={error?.fieldMessage('from')}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <TextField id="audit-to" label={t('admin.audit.to')} type="date" value={draft.to} onChange={text('to')} error={error?.fieldMessage('to')} />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <TextField
              id="audit-action"
              label={t('admin.audit.action')}
              hint={t('admin.audit.actionHint')}
              value={draft.action}
              onChange={text('action')}
              error={error?.fieldMessage('action')}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <TextField
              id="audit-entity"
              label={t('admin.audit.entityType')}
              value={draft.entityType}
              onChange={text('entityType')}
              error={error?.fieldMessage('entityType')}
            />
          </div>
        </div>
        <CheckboxField
          id="audit-sensitive"
          label={t('admin.audit.sensitive')}
          checked={draft.sensitive}
          onChange={(e) => setDraft({ ...draft, sensitive: e.target.checked })}
        />
        <div className="d-flex flex-wrap gap-2 mt-3">
          <button type="submit" className="btn btn-primary">
            {t('admin.audit.apply')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onReset}>
            {t('admin.audit.reset')}
          </button>
        </div>
      </form>
      {audit.isPending ? <Loading label={t('common.loading')} /> : null}
      {error ? <Alert kind="danger">{error.detail ?? error.message}</Alert> : null}
      {audit.isSuccess ? (
        <div className="table-responsive mt-4">
          <table className="table table-striped table-sm align-middle">
            <caption>{t('admin.audit.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.columns.at')}</th>
                <th scope="col">{t('admin.audit.columns.user')}</th>
                <th scope="col">{t('admin.audit.columns.action')}</th>
                <th scope="col">{t('admin.audit.columns.entity')}</th>
                <th scope="col">{t('admin.audit.columns.outcome')}</th>
                <th scope="col">{t('admin.audit.columns.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t('admin.audit.empty')}</td>
                </tr>
              ) : null}
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="text-nowrap">
                    <time dateTime={r.at}>{formatDateTime(r.at, i18n.language)}</time>
                  </td>
                  <td>{r.userName ?? t('admin.audit.system')}</td>
                  <td>
                    <code>{r.action}</code>
                    {r.sensitiveCategory ? (
                      <span className="badge bg-warning ms-1">{t('admin.audit.sensitiveBadge', { category: r.sensitiveCategory })}</span>
                    ) : null}
                  </td>
                  <td className="text-break">{r.entityType ? `${r.entityType}${r.entityId ? ` · ${r.entityId}` : ''}` : '—'}</td>
                  <td>{r.outcome}</td>
                  <td>{r.purpose ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}
