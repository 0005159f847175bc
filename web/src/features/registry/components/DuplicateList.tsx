import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDay } from '../../../app/format.js';
import { Alert, Loading } from '../../../ui/feedback.js';
import { type PersonSummary, useDuplicates, useMerge } from '../api.js';

function Who({ p }: { p: PersonSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Link to={`/registry/persons/${p.id}`}>
        {p.familyName} {p.givenName}
      </Link>
      <br />
      <small>
        {p.codiceFiscale ?? t('registry.cfPending')} — {formatDay(p.birthDate, i18n.language)} — {p.residenceCity ?? '—'}
      </small>
    </>
  );
}

/** Possible duplicates for operators: each pair can be merged one way or the other, with confirmation. */
export function DuplicateList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pairs = useDuplicates();
  const merge = useMerge();
  const onMerge = (from: PersonSummary, into: PersonSummary) => {
    const ok = window.confirm(t('registry.duplicates.confirm', { from: `${from.familyName} ${from.givenName}`, into: `${into.familyName} ${into.givenName}` }));
    if (ok) {
      merge.mutate({ fromId: from.id, intoId: into.id }, { onSuccess: (p) => navigate(`/registry/persons/${p.id}`) });
    }
  };
  if (pairs.isPending) {
    return <Loading label={t('common.loading')} />;
  }
  if (pairs.isError) {
    return <Alert kind="danger">{pairs.error.message}</Alert>;
  }
  return (
    <>
      {merge.isError ? <Alert kind="danger">{merge.error.message}</Alert> : null}
      {pairs.data.length === 0 ? (
        <p>{t('registry.duplicates.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption>{t('registry.duplicates.caption', { count: pairs.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.duplicates.first')}</th>
                <th scope="col">{t('registry.duplicates.second')}</th>
                <th scope="col">{t('registry.duplicates.reason')}</th>
                <th scope="col">{t('registry.duplicates.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.data.map((pair) => (
                <tr key={`${pair.a.id}-${pair.b.id}`}>
                  <td>
                    <Who p={pair.a} />
                  </td>
                  <td>
                    <Who p={pair.b} />
                  </td>
                  <td>
                    {t(`registry.duplicates.reasons.${pair.reason}`)} ({Math.round(pair.similarity * 100)}%)
                  </td>
                  <td>
                    <div className="d-flex flex-column gap-2">
                      <button type="button" className="btn btn-sm btn-outline-primary" disabled={merge.isPending} onClick={() => onMerge(pair.b, pair.a)}>
                        {t('registry.duplicates.keep', { name: `${pair.a.familyName} ${pair.a.givenName}`, which: 1 })}
                      </button>
                      <button type="button" className="btn btn-sm btn-outline-primary" disabled={merge.isPending} onClick={() => onMerge(pair.a, pair.b)}>
                        {t('registry.duplicates.keep', { name: `${pair.b.familyName} ${pair.b.givenName}`, which: 2 })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
