import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { RELATIONSHIPS, type Relationship, useCreateHousehold, usePerson } from '../api.js';
import { PersonPicker } from './PersonPicker.js';

interface MemberRow {
  personId: string;
  name: string;
  relationship: Relationship;
  joinedOn: string;
}

function todayInRome(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}

/** Creates a household (nucleo familiare) from people already in the registry; exactly one head. */
export function HouseholdForm({ firstMemberId }: { firstMemberId?: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const first = usePerson(firstMemberId ?? '');
  const [name, setName] = useState('');
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [seeded, setSeeded] = useState(false);
  if (firstMemberId && first.data && !seeded) {
    setSeeded(true);
    setMembers([{ personId: first.data.id, name: `${first.data.givenName} ${first.data.familyName}`, relationship: 'head', joinedOn: todayInRome() }]);
    setName(t('registry.households.defaultName', { surname: first.data.familyName }));
  }
  const error = create.error;

  const update = (i: number, patch: Partial<MemberRow>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), members: members.map(({ personId, relationship, joinedOn }) => ({ personId, relationship, joinedOn })) },
      { onSuccess: (h) => navigate(`/registry/households/${h.id}`) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {error ? <Alert kind="danger">{error.fieldMessage('members') ?? error.message}</Alert> : null}
      <TextField label={t('registry.households.name')} required value={name} error={error?.fieldMessage('name')} onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend className="h5">{t('registry.households.members')}</legend>
        {members.length === 0 ? <p>{t('registry.households.noMembers')}</p> : null}
        <ul className="list-unstyled">
          {members.map((m, i) => (
            <li key={m.personId} className="row g-3 align-items-end border-bottom mb-3" data-testid="household-member-row">
              <div className="col-12 col-md-4">
                <p className="fw-semibold mb-4">{m.name}</p>
              </div>
              <div className="col-12 col-md-3">
                <SelectField
                  label={t('registry.households.relationshipOf', { name: m.name })}
                  value={m.relationship}
                  options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`registry.relationships.${r}`) }))}
                  onChange={(e) => update(i, { relationship: e.target.value as Relationship })}
                />
              </div>
              <div className="col-12 col-md-3">
                <TextField
                  label={t('registry.households.joinedOnOf', { name: m.name })}
                  type="date"
                  value={m.joinedOn}
                  onChange={(e) => update(i, { joinedOn: e.target.value })}
                />
              </div>
              <div className="col-12 col-md-2 mb-4">
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                  {t('registry.households.remove', { name: m.name })}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <PersonPicker
          label={t('registry.households.findMember')}
          exclude={members.map((m) => m.personId)}
          onPick={(p) =>
            setMembers([
              ...members,
              {
                personId: p.id,
                name: `${p.givenName} ${p.familyName}`,
                relationship: members.some((m) => m.relationship === 'head') ? 'child' : 'head',
                joinedOn: todayInRome(),
              },
            ])
          }
        />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={create.isPending || members.length === 0}>
        {t('registry.households.submit')}
      </button>
    </form>
  );
}
