import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.js';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { type CaseDetail, todayInRome, useCaseAction } from '../api.js';

const EXIT_KINDS = ['autonomy', 'eviction', 'prison', 'death', 'drop_out', 'other'] as const;

interface TenancyOption {
  id: string;
  code: string;
  tenantName: string | null;
  unitCode: string;
}

/** Records the participant's flat: the Housing First tenancy (its unit and rent contribution), move-in day and exit. */
export function PlacementForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canSeeTenancies = hasPermission(me, 'tenancy:read');
  const tenancies = useQuery({
    queryKey: ['cases', 'hf-tenancies'],
    queryFn: () => api<{ items: TenancyOption[] }>('GET', '/api/v1/tenancies?program=housing_first&state=active&limit=200'),
    enabled: canSeeTenancies,
  });
  const p = c.placement;
  const [form, setForm] = useState({
    tenancyId: p?.tenancyId ?? '',
    housedOn: p?.housedOn ?? todayInRome(),
    leftOn: p?.leftOn ?? '',
    exitKind: p?.exitKind ?? '',
  });
  const save = useCaseAction<typeof form>(
    c.id,
    'PUT',
    () => '/housing-first',
    (b) => ({
      unitId: b.tenancyId ? null : (p?.unitId ?? null),
      tenancyId: b.tenancyId || null,
      housedOn: b.housedOn,
      leftOn: b.leftOn || null,
      exitKind: b.leftOn ? b.exitKind || 'other' : null,
    }),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <details className="mt-3">
      <summary className="btn btn-outline-primary btn-sm">{t('cases.placement.edit')}</summary>
      <form onSubmit={onSubmit} className="row mt-3">
        {canSeeTenancies ? (
          <SelectField
            className="col-md-6"
            id="placement-tenancy"
            label={t('cases.placement.tenancy')}
            value={form.tenancyId}
            emptyOption={t('cases.placement.noTenancy')}
            onChange={(e) => setForm({ ...form, tenancyId: e.target.value })}
            options={(tenancies.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.unitCode}${x.tenantName ? ` · ${x.tenantName}` : ''}` }))}
          />
        ) : null}
        <TextField
          className="col-md-3"
          id="placement-housed"
          type="date"
          label={t('cases.placement.housedOn')}
          required
          value={form.housedOn}
          onChange={(e) => setForm({ ...form, housedOn: e.target.value })}
        />
        <TextField
          className="col-md-3"
          id="placement-left"
          type="date"
          label={t('cases.placement.leftOn')}
          value={form.leftOn}
          onChange={(e) => setForm({ ...form, leftOn: e.target.value })}
        />
        {form.leftOn ? (
          <SelectField
            className="col-md-4"
            id="placement-exit"
            label={t('cases.placement.exitKind')}
            value={form.exitKind || 'other'}
            onChange={(e) => setForm({ ...form, exitKind: e.target.value })}
            options={EXIT_KINDS.map((k) => ({ value: k, label: t(`cases.exitKind.${k}`) }))}
          />
        ) : null}
        {save.isError ? <Alert kind="danger">{save.error.message}</Alert> : null}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('cases.placement.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
