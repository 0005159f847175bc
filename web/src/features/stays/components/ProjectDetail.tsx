import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime, formatDay } from '../../../app/format.js';
import { Alert, StatusBadge } from '../../../ui/feedback.js';
import { SelectField, TextField } from '../../../ui/fields.js';
import { hasPermission, useMe } from '../../identity/api.js';
import { type Project, useAddReview, useApproveProject, useReadProject } from '../api.js';

function Goals({ p }: { p: Project }) {
  const { t, i18n } = useTranslation();
  const last = p.reviews.at(-1);
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading" className="h4">
        {t('stays.project.goals')}
      </h2>
      {p.content.goals.map((g) => {
        const progress = last?.progress.find((x) => x.goalId === g.id);
        return (
          <article key={g.id} className="card card-bg mb-3" aria-labelledby={`goal-${g.id}`}>
            <div className="card-body">
              <h3 id={`goal-${g.id}`} className="h5">
                {t(`stays.domain.${g.domain}`)}: {g.title}
              </h3>
              {progress ? (
                <p>
                  {t('stays.project.lastProgress', { score: progress.score })} —{' '}
                  {t(`stays.progress.${['not_started', 'started', 'halfway', 'nearly', 'achieved'][progress.score]}`)}
                  {progress.note ? `: ${progress.note}` : ''}
                </p>
              ) : null}
              <table className="table table-sm">
                <caption>{t('stays.project.actions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stays.project.action')}</th>
                    <th scope="col">{t('stays.project.responsible')}</th>
                    <th scope="col">{t('stays.project.dates')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.actions.map((a) => (
                    <tr key={a.description}>
                      <td>{a.description}</td>
                      <td>{a.responsible}</td>
                      <td>
                        {formatDay(a.startsOn, i18n.language)}
                        {a.dueOn ? ` – ${formatDay(a.dueOn, i18n.language)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mb-0">
                {t('stays.project.budget')}: {g.budget.map((b) => `${b.source} ${formatCents(b.amountCents, i18n.language)}`).join('; ') || '—'}
              </p>
            </div>
          </article>
        );
      })}
    </section>
  );
}

function ApproveForm({ p, onDone }: { p: Project; onDone: (p: Project) => void }) {
  const { t } = useTranslation();
  const approve = useApproveProject(p.id);
  const [team, setTeam] = useState(p.content.assessment.team.join(', '));
  const [next, setNext] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate(
      {
        team: team
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
        nextReviewOn: next,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={onSubmit} className="mb-4" aria-labelledby="approve-heading">
      <h2 id="approve-heading" className="h5">
        {t('stays.project.approveHeading', { version: p.version })}
      </h2>
      <TextField label={t('stays.project.team')} value={team} required onChange={(e) => setTeam(e.target.value)} />
      <TextField
        type="date"
        label={t('stays.project.firstReview')}
        value={next}
        required
        error={approve.error?.fieldMessage('nextReviewOn')}
        onChange={(e) => setNext(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={approve.isPending}>
        {t('stays.project.approve')}
      </button>
      {approve.isError && approve.error.fieldErrors.length === 0 ? <Alert kind="danger">{approve.error.message}</Alert> : null}
    </form>
  );
}

function ReviewForm({ p, onDone }: { p: Project; onDone: (p: Project) => void }) {
  const { t } = useTranslation();
  const add = useAddReview(p.id);
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [next, setNext] = useState('');
  const [summary, setSummary] = useState('');
  const [scores, setScores] = useState<Record<string, { score: string; note: string }>>({});
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        heldOn,
        nextReviewOn: next,
        summary: summary || null,
        progress: p.content.goals.map((g) => ({ goalId: g.id, score: Number(scores[g.id]?.score ?? 0), note: scores[g.id]?.note ?? '' })),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={onSubmit} className="mb-4" aria-labelledby="review-heading">
      <h2 id="review-heading" className="h5">
        {t('stays.project.reviewHeading')}
      </h2>
      <TextField
        type="date"
        label={t('stays.project.heldOn')}
        value={heldOn}
        required
        error={add.error?.fieldMessage('heldOn')}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      {p.content.goals.map((g) => (
        <fieldset key={g.id} className="mb-3">
          <legend className="h6">{g.title}</legend>
          <SelectField
            label={t('stays.project.score')}
            value={scores[g.id]?.score ?? '0'}
            onChange={(e) => setScores({ ...scores, [g.id]: { note: scores[g.id]?.note ?? '', score: e.target.value } })}
            options={[0, 1, 2, 3, 4].map((n) => ({
              value: String(n),
              label: `${n} — ${t(`stays.progress.${['not_started', 'started', 'halfway', 'nearly', 'achieved'][n]}`)}`,
            }))}
          />
          <TextField
            label={t('stays.project.progressNote')}
            value={scores[g.id]?.note ?? ''}
            maxLength={1000}
            onChange={(e) => setScores({ ...scores, [g.id]: { score: scores[g.id]?.score ?? '0', note: e.target.value } })}
          />
        </fieldset>
      ))}
      <TextField label={t('stays.project.summary')} value={summary} maxLength={4000} onChange={(e) => setSummary(e.target.value)} />
      <TextField
        type="date"
        label={t('stays.project.nextReview')}
        value={next}
        required
        error={add.error?.fieldMessage('nextReviewOn')}
        onChange={(e) => setNext(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {t('stays.project.saveReview')}
      </button>
      {add.isError && add.error.fieldErrors.length === 0 ? <Alert kind="danger">{add.error.message}</Alert> : null}
    </form>
  );
}

function ProjectBody({ p, onChange }: { p: Project; onChange: (p: Project) => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canWrite = hasPermission(me.data, 'case:write');
  const a = p.content.assessment;
  return (
    <>
      <p>
        <StatusBadge kind={p.overdueDays > 0 ? 'danger' : 'primary'}>{t(`stays.stage.${p.stage}`)}</StatusBadge>
        {p.overdueDays > 0 ? <StatusBadge kind="danger">{t('stays.projects.overdue', { count: p.overdueDays })}</StatusBadge> : null}{' '}
        {t('stays.project.versionOf', { version: p.version })}
        {p.nextReviewOn ? ` — ${t('stays.projects.nextReview')}: ${formatDay(p.nextReviewOn, i18n.language)}` : ''}
      </p>
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading" className="h4">
          {t('stays.project.assessment')}
        </h2>
        <dl className="row">
          <dt className="col-sm-4">{t('stays.project.assessedOn')}</dt>
          <dd className="col-sm-8">{formatDay(a.date, i18n.language)}</dd>
          <dt className="col-sm-4">{t('stays.project.team')}</dt>
          <dd className="col-sm-8">{a.team.join(', ')}</dd>
          <dt className="col-sm-4">{t('stays.project.severity')}</dt>
          <dd className="col-sm-8">{t(`stays.severity.${a.severity}`)}</dd>
          <dt className="col-sm-4">{t('stays.project.supportNeeds')}</dt>
          <dd className="col-sm-8">{a.supportNeeds}</dd>
          <dt className="col-sm-4">{t('stays.requests.hours')}</dt>
          <dd className="col-sm-8">{a.supportHoursPerDay}</dd>
          <dt className="col-sm-4">{t('stays.project.burden')}</dt>
          <dd className="col-sm-8">{a.familyBurden}/5</dd>
        </dl>
      </section>
      <section aria-labelledby="wishes-heading">
        <h2 id="wishes-heading" className="h4">
          {t('stays.project.wishes')}
        </h2>
        <blockquote className="blockquote">«{p.content.wishes}»</blockquote>
        <h3 className="h6">{t('stays.project.participation')}</h3>
        <ul>
          {p.content.participation.map((x) => (
            <li key={x.name}>
              {x.name} ({t(`stays.participation.${x.role}`)}): {x.howInvolved}
            </li>
          ))}
        </ul>
      </section>
      <Goals p={p} />
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="h4">
          {t('stays.project.versions')}
        </h2>
        <ul>
          {p.versions.map((v) => (
            <li key={v.version}>
              {t('stays.project.versionLine', { version: v.version, status: t(`stays.versionStatus.${v.status}`) })}
              {v.approvedAt
                ? ` — ${t('stays.project.approvedOn', { when: formatDateTime(v.approvedAt, i18n.language), team: (v.approvalTeam ?? []).join(', ') })}`
                : ''}
              {v.acknowledgedAt ? ` — ${t('stays.project.acknowledgedOn', { when: formatDateTime(v.acknowledgedAt, i18n.language) })}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading" className="h4">
          {t('stays.project.reviews')}
        </h2>
        {p.reviews.length === 0 ? <p>{t('stays.project.noReviews')}</p> : null}
        <ul>
          {p.reviews.map((r) => (
            <li key={r.id}>
              {formatDay(r.heldOn, i18n.language)} (v{r.version}): {r.summary ?? ''} — {t('stays.projects.nextReview')}{' '}
              {formatDay(r.nextReviewOn, i18n.language)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="h4">
          {t('stays.easy.comments')}
        </h2>
        {p.comments.length === 0 ? <p>{t('stays.easy.noComments')}</p> : null}
        <ul>
          {p.comments.map((c) => (
            <li key={c.id}>
              <strong>{t(`stays.author.${c.authorKind}`)}</strong> ({formatDateTime(c.createdAt, i18n.language)}): {c.body}
            </li>
          ))}
        </ul>
      </section>
      {canWrite && (p.stage === 'draft' || p.stage === 'revising') ? <ApproveForm p={p} onDone={onChange} /> : null}
      {canWrite && p.versions.some((v) => v.status === 'approved') ? <ReviewForm p={p} onDone={onChange} /> : null}
    </>
  );
}

/** The team's view: the reader states a purpose first; the read is audited. */
export function ProjectDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const read = useReadProject(id);
  const [purpose, setPurpose] = useState('');
  const [project, setProject] = useState<Project | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    read.mutate(purpose.trim(), { onSuccess: setProject });
  };
  if (project) {
    return (
      <>
        <h1>{t('stays.project.title', { name: project.personName })}</h1>
        <ProjectBody p={project} onChange={setProject} />
      </>
    );
  }
  return (
    <>
      <h1>{t('stays.project.titleGeneric')}</h1>
      <Alert kind="info">{t('stays.project.sensitive')}</Alert>
      <form onSubmit={onSubmit} className="d-flex flex-wrap gap-3 align-items-start">
        <TextField
          className="flex-grow-1"
          label={t('stays.project.purpose')}
          hint={t('stays.project.purposeHint')}
          required
          minLength={3}
          value={purpose}
          error={read.error?.fieldMessage('purpose')}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={read.isPending}>
          {t('stays.project.open')}
        </button>
      </form>
      {read.isError && read.error.fieldErrors.length === 0 ? <Alert kind="danger">{read.error.message}</Alert> : null}
    </>
  );
}
