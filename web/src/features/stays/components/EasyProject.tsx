import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { Icon } from '../../../ui/Icon.js';
import { type GoalDomain, useAcknowledge, useEasyProject, useFamilyComment } from '../api.js';

const DOMAIN_ICON: Record<GoalDomain, string> = { autonomy: 'it-user', housing: 'it-map-marker', work: 'it-tool' };
const LARGE_KEY = 'abitare.easyRead.large';

/**
 * The easy-to-read life project: short sentences and plain words, an icon beside each part (the
 * text always says it too), a large-text switch remembered on this device, comments and the
 * acknowledgement.
 */
export function EasyProject({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const project = useEasyProject(personId);
  const comment = useFamilyComment(personId);
  const ack = useAcknowledge(personId);
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');
  const [text, setText] = useState('');
  const toggle = () => {
    localStorage.setItem(LARGE_KEY, large ? '0' : '1');
    setLarge(!large);
  };
  const onComment = (e: FormEvent) => {
    e.preventDefault();
    comment.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  if (project.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (project.isError) {
    return <Alert kind="danger">{project.error.message}</Alert>;
  }
  const p = project.data;
  return (
    <div
      className={`easy-read${large ? ' easy-read-large' : ''}`}
      // zoom scales headings, icons and controls too, not only the body text.
      style={large ? { zoom: 1.35, lineHeight: 1.7 } : { fontSize: '1.15rem', lineHeight: 1.6 }}
    >
      <h1>{t('stays.easy.title', { name: p.personName })}</h1>
      <p>
        <button type="button" className="btn btn-outline-primary" aria-pressed={large} onClick={toggle}>
          <Icon name="it-zoom-in" className="me-1" />
          {t('stays.easy.largeText')}
        </button>
      </p>
      <section aria-labelledby="easy-wishes">
        <h2 id="easy-wishes" className="h3">
          <Icon name="it-comment" className="me-2" />
          {t('stays.easy.wishes')}
        </h2>
        <blockquote className="blockquote">«{p.wishes}»</blockquote>
      </section>
      <section aria-labelledby="easy-goals">
        <h2 id="easy-goals" className="h3">
          <Icon name="it-star-outline" className="me-2" />
          {t('stays.easy.goals')}
        </h2>
        <ol>
          {p.goals.map((g) => (
            <li key={g.id} className="mb-3">
              <Icon name={DOMAIN_ICON[g.domain]} className="me-2" />
              <strong>{t(`stays.easy.domain.${g.domain}`)}</strong> {g.text}
              <br />
              {t('stays.easy.helpers', { names: g.helpers.join(', ') })}
              <br />
              {g.progress ? (
                <>
                  <Icon name={g.progress === 'achieved' ? 'it-check-circle' : 'it-clock'} className="me-1" />
                  {t(`stays.easy.progress.${g.progress}`)}
                  {g.progressNote ? `: ${g.progressNote}` : ''}
                </>
              ) : (
                t('stays.easy.noProgress')
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="easy-next">
        <h2 id="easy-next" className="h3">
          <Icon name="it-calendar" className="me-2" />
          {t('stays.easy.next')}
        </h2>
        <p>{p.nextMeetingOn ? t('stays.easy.nextOn', { day: formatDay(p.nextMeetingOn, i18n.language) }) : t('stays.easy.nextUnknown')}</p>
      </section>
      <section aria-labelledby="easy-ok">
        <h2 id="easy-ok" className="h3">
          <Icon name="it-check" className="me-2" />
          {t('stays.easy.ackHeading')}
        </h2>
        {p.acknowledged ? (
          <p>{t('stays.easy.acknowledged')}</p>
        ) : (
          <p>
            <button type="button" className="btn btn-primary" disabled={ack.isPending} onClick={() => ack.mutate()}>
              {t('stays.easy.acknowledge')}
            </button>
          </p>
        )}
        {ack.isError ? <Alert kind="danger">{ack.error.message}</Alert> : null}
      </section>
      <section aria-labelledby="easy-comments">
        <h2 id="easy-comments" className="h3">
          <Icon name="it-pencil" className="me-2" />
          {t('stays.easy.comments')}
        </h2>
        {p.comments.length === 0 ? <p>{t('stays.easy.noComments')}</p> : null}
        <ul>
          {p.comments.map((c) => (
            <li key={c.id}>
              <strong>{t(`stays.author.${c.authorKind}`)}</strong>: {c.body}
            </li>
          ))}
        </ul>
        <form onSubmit={onComment}>
          <div className="form-group">
            <label htmlFor="easy-comment" className="active">
              {t('stays.easy.write')}
            </label>
            <textarea id="easy-comment" className="form-control" rows={3} required maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={comment.isPending}>
            {t('stays.easy.send')}
          </button>
          {comment.isError ? <Alert kind="danger">{comment.error.message}</Alert> : null}
          {comment.isSuccess ? (
            <Alert kind="success" className="mt-2">
              {t('stays.easy.thanks')}
            </Alert>
          ) : null}
        </form>
      </section>
    </div>
  );
}
