import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/fields.js';
import { ROLES } from '../../identity/api.js';
import { programOptions } from '../../identity/labels.js';

export interface RoleProgramValue {
  role: string;
  program: string;
}

/** Role + optional program selects, shared by the create form and the add-role form. */
export function RoleProgramFields({
  value,
  onChange,
  roleError,
  programError,
  roleRequired,
  idPrefix,
}: {
  value: RoleProgramValue;
  onChange: (v: RoleProgramValue) => void;
  roleError?: string | undefined;
  programError?: string | undefined;
  roleRequired: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-md-6">
        <SelectField
          id={`${idPrefix}-role`}
          label={t('admin.fields.role')}
          value={value.role}
          required={roleRequired}
          onChange={(e) => onChange({ ...value, role: e.target.value })}
          emptyOption={roleRequired ? t('admin.fields.chooseRole') : t('admin.fields.noRole')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={roleError}
        />
      </div>
      <div className="col-12 col-md-6">
        <SelectField
          id={`${idPrefix}-program`}
          label={t('admin.fields.program')}
          value={value.program}
          onChange={(e) => onChange({ ...value, program: e.target.value })}
          emptyOption={t('admin.fields.allPrograms')}
          options={programOptions(t)}
          error={programError}
        />
      </div>
    </div>
  );
}
