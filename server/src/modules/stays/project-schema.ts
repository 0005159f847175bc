// The life project (progetto di vita) contract: what a version holds and what the API shows.
import { z } from 'zod';
import { Day, GOAL_DOMAINS, PROJECT_STAGES, SEVERITIES } from './schema.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const GoalSchema = z.object({
  id: z.uuid().describe('Stable across versions so reviews can follow a goal'),
  domain: z.enum(GOAL_DOMAINS).describe('autonomy (leaving the family home, de-institutionalisation), housing, work skills'),
  title: Text(300),
  easyText: Text(200).describe('The goal in one short plain sentence, for the easy-to-read version'),
  actions: z.array(z.object({ description: Text(500), responsible: Text(200), startsOn: Day, dueOn: Day.nullable() })).max(20),
  budget: z
    .array(z.object({ source: Text(200).describe('e.g. Fondo Dopo di Noi L.112/2016, family, municipality'), amountCents: z.number().int().min(0).max(1e10) }))
    .max(10),
});

export const ProjectContent = z.object({
  assessment: z.object({
    date: Day,
    team: z.array(Text(200)).min(1).max(20).describe('The multidisciplinary team (UVM): names and roles'),
    severity: z.enum(SEVERITIES),
    supportNeeds: Text(4000),
    supportHoursPerDay: z.number().min(0).max(24).multipleOf(0.5),
    familyBurden: z.number().int().min(0).max(5),
  }),
  wishes: Text(4000).describe("The person's own wishes, in their own words"),
  participation: z
    .array(
      z.object({
        name: Text(200),
        role: z.enum(['person', 'family', 'legal_representative', 'other']),
        howInvolved: Text(1000),
      }),
    )
    .max(20),
  goals: z
    .array(GoalSchema)
    .min(1)
    .max(30)
    .refine((g) => new Set(g.map((x) => x.id)).size === g.length, { message: 'stay.goal_duplicate' }),
});
export type ProjectContent = z.infer<typeof ProjectContent>;

export const ProjectCreateBody = z.object({ personId: z.uuid(), content: ProjectContent });
export const ProjectDraftBody = z.object({ content: ProjectContent });
export const ProjectApproveBody = z.object({
  team: z.array(Text(200)).min(1).max(20).describe('Team members approving'),
  nextReviewOn: Day,
});
export const ReviewBody = z.object({
  heldOn: Day,
  progress: z
    .array(z.object({ goalId: z.uuid(), score: z.number().int().min(0).max(4).describe('0 not started … 4 achieved'), note: z.string().trim().max(1000) }))
    .min(1),
  summary: z.string().trim().max(4000).nullable().default(null),
  nextReviewOn: Day,
});
export const CommentBody = z.object({ body: Text(2000) });
export const PurposeQuery = z.object({ purpose: Text(200).describe('Why the special-category content is read (audited)') });
export const OptionalPurposeQuery = z.object({
  purpose: Text(200).optional().describe('Why the special-category content is read (audited); without it the content is left out'),
});
export const ProjectListQuery = z.object({
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const ProjectSummaryOut = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  version: z.number().int(),
  stage: z.enum(PROJECT_STAGES),
  nextReviewOn: Day.nullable(),
  overdueDays: z.number().int(),
  lastReviewOn: Day.nullable(),
});

const ReviewOut = z.object({
  id: z.uuid(),
  version: z.number().int(),
  heldOn: Day,
  progress: z.array(z.object({ goalId: z.uuid(), score: z.number().int(), note: z.string() })),
  summary: z.string().nullable(),
  nextReviewOn: Day,
});
const CommentOut = z.object({
  id: z.uuid(),
  authorKind: z.enum(['person', 'family', 'team']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
const VersionMetaOut = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'approved']),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  approvalTeam: z.array(z.string()).nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedAs: z.enum(['person', 'family']).nullable(),
});

export const ProjectDetailOut = ProjectSummaryOut.extend({
  restricted: z.boolean().describe('True when read without a purpose: the special-category content, reviews and comments are left out'),
  content: ProjectContent.nullable(),
  versions: z.array(VersionMetaOut),
  reviews: z.array(ReviewOut),
  comments: z.array(CommentOut),
});
export const VersionOut = VersionMetaOut.extend({ content: ProjectContent });

export const EasyProjectOut = z.object({
  personId: z.uuid(),
  personName: z.string(),
  version: z.number().int(),
  approved: z.boolean(),
  acknowledged: z.boolean(),
  wishes: z.string(),
  goals: z.array(
    z.object({
      id: z.uuid(),
      domain: z.enum(GOAL_DOMAINS),
      text: z.string(),
      helpers: z.array(z.string()),
      progress: z.enum(['not_started', 'started', 'halfway', 'nearly', 'achieved']).nullable(),
      progressNote: z.string().nullable(),
    }),
  ),
  nextMeetingOn: Day.nullable(),
  comments: z.array(CommentOut),
});

export const FamilyOverviewOut = z.object({
  relatives: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      relation: z.enum(['self', 'amministratore_di_sostegno', 'tutore', 'curatore', 'genitore']),
      hasProject: z.boolean(),
    }),
  ),
  solutions: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['autonomy_gym', 'respite']), address: z.string() })),
});
