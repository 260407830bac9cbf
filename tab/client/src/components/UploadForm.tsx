import { Button, Field, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent } from 'react';
import { routes, UploadDocument, Uploaded } from '../../../contract/api';
import { failureMessage } from '../api';
import { useSigned } from '../context';
import { documentLabels } from '../labels';
import { ErrorNote } from './ErrorNote';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  file: { font: 'inherit', color: tokens.colorNeutralForeground1 },
});

const documents = UploadDocument.options;

/** Files a document into the case's subfolder; the returned information form or PDP marks the step. */
export function UploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: (answer: Uploaded) => void }) {
  const styles = useStyles();
  const { api } = useSigned();
  const fileId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [document, setDocument] = useState<(typeof documents)[number]>('other');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; message: string } | { ok: false; message: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const query = new URLSearchParams({ name: file.name, document });
      const answer = await api.send(`${routes.upload(caseId)}?${query}`, file, Uploaded);
      setOutcome({ ok: true, message: answer.message });
      setFile(undefined);
      if (input.current) input.current.value = '';
      onUploaded(answer);
    } catch (e) {
      setOutcome({ ok: false, message: failureMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Upload a file
      </h3>
      <div>
        <label htmlFor={fileId}>File</label>{' '}
        <input id={fileId} ref={input} type="file" className={styles.file} onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      <Field label="What is it?">
        <RadioGroup value={document} layout="horizontal" onChange={(_, d) => setDocument(UploadDocument.catch('other').parse(d.value))}>
          {documents.map((d) => (
            <Radio key={d} value={d} label={documentLabels[d]} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={!file || busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </Button>
      </div>
      {outcome?.ok ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : outcome ? (
        <ErrorNote title="The file was not uploaded" message={outcome.message} />
      ) : null}
    </form>
  );
}
