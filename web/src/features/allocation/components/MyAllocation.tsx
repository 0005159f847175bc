import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, StatusBadge } from '../../../ui/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../../ui/fields.js';
import { type Answers, type Mine, useAnswerOffer, useMine, useQuestionnaire, useSaveQuestionnaire } from '../api.js';

const EMPTY: Answers = {
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
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The compatibility questionnaire of one application (the applicant's own, or any for the operator). */
export function QuestionnaireForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const q = useQuestionnaire(applicationId);
  const save = useSaveQuestionnaire(applicationId);
  const [a, setA] = useState<Answers | null>(null);
  if (q.isPending) {
    return <Loading label={t('allocation.loading')} />;
  }
  const v = a ?? q.data?.answers ?? EMPTY;
  const set = (patch: Partial<Answers>) => setA({ ...v, ...patch });
  const opts = (key: string, values: readonly string[]) => values.map((x) => ({ value: x, label: t(`allocation.q.${key}.${x}`) }));
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
  const editable = q.data?.editable ?? false;
  return (
    <form
      className="card card-bg p-3 my-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v);
      }}
    >
      <fieldset disabled={!editable}>
        <legend className="h5">{t('allocation.q.legend', { call: q.data?.callTitle ?? '' })}</legend>
        <p>{q.data?.name}</p>
        <div className="row">
          <div className="col-md-6">
            <SelectField
              label={t('allocation.q.gender.label')}
              value={v.gender}
              onChange={(e) => set({ gender: e.target.value as Answers['gender'] })}
              options={opts('gender', ['F', 'M', 'X'])}
            />
            <SelectField
              label={t('allocation.q.rhythm.label')}
              value={v.rhythm}
              onChange={(e) => set({ rhythm: e.target.value as Answers['rhythm'] })}
              options={opts('rhythm', ['early', 'regular', 'late'])}
            />
            <SelectField
              label={t('allocation.q.tidiness')}
              value={String(v.tidiness)}
              onChange={(e) => set({ tidiness: Number(e.target.value) })}
              options={scale}
            />
            <SelectField label={t('allocation.q.noise')} value={String(v.noise)} onChange={(e) => set({ noise: Number(e.target.value) })} options={scale} />
            <SelectField
              label={t('allocation.q.guests.label')}
              value={v.guests}
              onChange={(e) => set({ guests: e.target.value as Answers['guests'] })}
              options={opts('guests', ['rarely', 'sometimes', 'often'])}
            />
          </div>
          <div className="col-md-6">
            <CheckboxField label={t('allocation.q.smoker')} checked={v.smoker} onChange={(e) => set({ smoker: e.target.checked })} />
            <CheckboxField label={t('allocation.q.acceptsSmoker')} checked={v.acceptsSmoker} onChange={(e) => set({ acceptsSmoker: e.target.checked })} />
            <CheckboxField label={t('allocation.q.hasPets')} checked={v.hasPets} onChange={(e) => set({ hasPets: e.target.checked })} />
            <CheckboxField label={t('allocation.q.acceptsPets')} checked={v.acceptsPets} onChange={(e) => set({ acceptsPets: e.target.checked })} />
            <SelectField
              label={t('allocation.q.cohabitantGender.label')}
              value={v.cohabitantGender}
              onChange={(e) => set({ cohabitantGender: e.target.value as Answers['cohabitantGender'] })}
              options={opts('cohabitantGender', ['any', 'F', 'M', 'X'])}
            />
            <TextField
              label={t('allocation.q.languages')}
              hint={t('allocation.q.languagesHint')}
              value={v.languages.join(', ')}
              onChange={(e) => set({ languages: list(e.target.value) })}
            />
            <TextField label={t('allocation.q.interests')} value={v.interests.join(', ')} onChange={(e) => set({ interests: list(e.target.value) })} />
            <TextField
              label={t('allocation.q.neighbourhoods')}
              value={v.neighbourhoods.join(', ')}
              onChange={(e) => set({ neighbourhoods: list(e.target.value) })}
            />
          </div>
        </div>
        {save.error && <Alert kind="danger">{save.error.message}</Alert>}
        {save.isSuccess && <Alert kind="success">{t('allocation.q.saved')}</Alert>}
        {editable && (
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('allocation.q.save')}
          </button>
        )}
      </fieldset>
    </form>
  );
}

function OfferCard({ offer }: { offer: Mine['offers'][number] }) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerOffer();
  const [reason, setReason] = useState('personal');
  const [note, setNote] = useState('');
  const [refusing, setRefusing] = useState(false);
  const deadline = new Date(offer.deadline).toLocaleDateString(i18n.language, { timeZone: 'Europe/Rome' });
  return (
    <article className="card card-bg p-3 my-3" aria-labelledby={`offer-${offer.id}`}>
      <h3 id={`offer-${offer.id}`} className="h5">
        {t('allocation.offer.title', { code: offer.unit.code })}{' '}
        <StatusBadge kind={offer.status === 'accepted' ? 'success' : offer.status === 'refused' ? 'secondary' : 'warning'}>
          {t(`allocation.offerStatus.${offer.status}`)}
        </StatusBadge>
      </h3>
      <p>
        {t('allocation.offer.where', {
          address: offer.unit.address,
          neighbourhood: offer.unit.neighbourhood ?? '',
          bedrooms: offer.unit.bedrooms,
          surface: offer.unit.surfaceM2,
        })}
      </p>
      {offer.cohabitant && <p>{t('allocation.offer.cohabitant', { name: offer.cohabitant })}</p>}
      {offer.status === 'offered' && (
        <>
          <p>{t('allocation.offer.deadline', { date: deadline })}</p>
          {answer.error && <Alert kind="danger">{answer.error.message}</Alert>}
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-primary" disabled={answer.isPending} onClick={() => answer.mutate({ id: offer.id, accept: true })}>
              {t('allocation.offer.accept')}
            </button>
            <button type="button" className="btn btn-outline-primary" aria-expanded={refusing} onClick={() => setRefusing(!refusing)}>
              {t('allocation.offer.refuse')}
            </button>
          </div>
          {refusing && (
            <form
              className="mt-3"
              onSubmit={(e) => {
                e.preventDefault();
                answer.mutate({ id: offer.id, accept: false, reason, note: note.trim() || null });
              }}
            >
              <SelectField
                label={t('allocation.offer.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                options={['cohabitant', 'location', 'flat', 'personal', 'other'].map((r) => ({ value: r, label: t(`allocation.reasons.${r}`) }))}
              />
              <TextField label={t('allocation.offer.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
              <button type="submit" className="btn btn-outline-danger" disabled={answer.isPending}>
                {t('allocation.offer.confirmRefuse')}
              </button>
            </form>
          )}
        </>
      )}
    </article>
  );
}

export function MyAllocation() {
  const { t } = useTranslation();
  const mine = useMine();
  if (mine.isPending) {
    return <Loading label={t('allocation.loading')} />;
  }
  if (!mine.data || (mine.data.applications.length === 0 && mine.data.offers.length === 0)) {
    return <Alert kind="info">{t('allocation.me.nothing')}</Alert>;
  }
  return (
    <>
      <section aria-labelledby="offers-title">
        <h2 id="offers-title" className="h4">
          {t('allocation.me.offers')}
        </h2>
        {mine.data.offers.length === 0 ? <p>{t('allocation.me.noOffers')}</p> : mine.data.offers.map((o) => <OfferCard key={o.id} offer={o} />)}
      </section>
      <section aria-labelledby="questionnaire-title" className="mt-4">
        <h2 id="questionnaire-title" className="h4">
          {t('allocation.me.questionnaire')}
        </h2>
        <p>{t('allocation.me.questionnaireIntro')}</p>
        {mine.data.applications.map((a) => (
          <QuestionnaireForm key={a.applicationId} applicationId={a.applicationId} />
        ))}
      </section>
    </>
  );
}
