// Factories for the allocation module: a youth call with admitted applicants and their
// compatibility questionnaires. Shared by the API tests and the demo seed.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../src/kernel/db/tenant.js';
import type { CompatibilityAnswers } from '../src/modules/allocation/index.js';

export const ANSWERS: CompatibilityAnswers = {
  gender: 'F',
  rhythm: 'regular',
  smoker: false,
  acceptsSmoker: false,
  hasPets: false,
  acceptsPets: true,
  tidiness: 3,
  noise: 3,
  guests: 'sometimes',
  languages: ['it'],
  interests: [],
  cohabitantGender: 'any',
  cohabitantAgeMin: null,
  cohabitantAgeMax: null,
  neighbourhoods: [],
  accessibilityNeeds: [],
};

export async function buildYouthCall(db: Executor, o: { tenantId: string; title?: string }): Promise<{ id: string }> {
  const now = Date.now();
  return db
    .insertInto('call')
    .values({
      tenant_id: o.tenantId,
      program: 'youth_collab',
      title_it: o.title ?? 'Abitare collaborativo giovani',
      title_en: o.title ?? "Young people's collaborative housing",
      opens_at: new Date(now - 30 * 86_400_000),
      closes_at: new Date(now + 30 * 86_400_000),
      status: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

let protocolNumber = 0;

/** An admitted application (with a questionnaire when `answers` is given). */
export async function buildAdmitted(
  db: Executor,
  o: {
    tenantId: string;
    callId: string;
    givenName?: string;
    familyName?: string;
    birthDate?: string;
    userId?: string | null;
    personId?: string | null;
    answers?: Partial<CompatibilityAnswers> | null;
    status?: string;
  },
): Promise<{ id: string }> {
  protocolNumber += 1;
  const n = protocolNumber + Math.floor(Math.random() * 1_000_000) * 1000;
  const row = await db
    .insertInto('application')
    .values({
      tenant_id: o.tenantId,
      call_id: o.callId,
      person_id: o.personId ?? null,
      user_id: o.userId ?? null,
      channel: o.userId ? 'online' : 'paper',
      status: o.status ?? 'admitted',
      applicant: JSON.stringify({
        givenName: o.givenName ?? 'Test',
        familyName: o.familyName ?? randomUUID().slice(0, 6),
        codiceFiscale: null,
        birthDate: o.birthDate ?? '2000-01-01',
      }) as never,
      protocol_year: 2090,
      protocol_number: n,
      protocol: `2090/${n}`,
      submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.answers !== null && o.answers !== undefined) {
    await db
      .insertInto('allocation_questionnaire')
      .values({
        tenant_id: o.tenantId,
        application_id: row.id,
        call_id: o.callId,
        answers: JSON.stringify({ ...ANSWERS, ...o.answers }) as never,
        filled_as: 'operator',
      })
      .execute();
  }
  return row;
}
