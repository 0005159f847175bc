import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/feedback.js';
import { SelectField } from '../../../ui/fields.js';
import { fileToBase64 } from '../api.js';

/** Pick a kind (when there is a choice) and a file, then upload it (base64, checked by the server). */
export function DocumentUpload({
  kinds,
  upload,
  label,
}: {
  kinds: { value: string; label: string }[];
  upload: {
    mutate: (input: { kind: string; fileName: string; contentBase64: string }, o?: { onSuccess?: () => void }) => void;
    isPending: boolean;
    error: Error | null;
    isSuccess: boolean;
  };
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState(kinds[0]?.value ?? '');
  const [file, setFile] = useState<File | undefined>();
  const [key, setKey] = useState(0);
  const send = async () => {
    if (file) {
      upload.mutate(
        { kind, fileName: file.name, contentBase64: await fileToBase64(file) },
        {
          onSuccess: () => {
            setFile(undefined);
            setKey(key + 1);
          },
        },
      );
    }
  };
  return (
    <div className="border rounded p-3 mb-3">
      {kinds.length > 1 ? (
        <SelectField id={`${id}-kind`} label={t('calls.upload.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={kinds} />
      ) : null}
      <label htmlFor={`${id}-file`} className="fw-semibold d-block">
        {label}
      </label>
      <input
        key={key}
        id={`${id}-file`}
        type="file"
        className="form-control mb-2"
        accept="application/pdf,image/jpeg,image/png"
        onChange={(e) => setFile(e.target.files?.[0])}
      />
      {upload.error ? <Alert kind="danger">{upload.error.message}</Alert> : null}
      {upload.isSuccess ? <Alert kind="success">{t('calls.upload.done')}</Alert> : null}
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void send()} disabled={!file || upload.isPending}>
        {t('calls.upload.button')}
      </button>
    </div>
  );
}
