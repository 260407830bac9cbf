import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import { Folder, routes } from '../../../contract/api';
import { useSigned } from '../context';
import { useLoad } from '../hooks/useLoad';
import { EmptyNote } from './EmptyNote';
import { ErrorNote } from './ErrorNote';
import { FolderEntries } from './FolderEntries';
import { Loading } from './Loading';
import { Section } from './Section';
import { UploadForm } from './UploadForm';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  others: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The child's folder: the case's subfolder first, then anywhere under the child's folder. */
export function FolderPanel({ caseId, onFiled }: { caseId: string; onFiled: () => void }) {
  const styles = useStyles();
  const { api } = useSigned();
  const [folderId, setFolderId] = useState<string>();
  const url = `${routes.folder(caseId)}${folderId ? `?folder=${encodeURIComponent(folderId)}` : ''}`;
  const folder = useLoad(() => api.get(url, Folder), url);
  const data = folder.data;
  return (
    <Section title="The child's folder" testId="folder">
      <div className={styles.column}>
        {folder.state === 'error' ? <ErrorNote title="The folder could not be opened" message={folder.message} onRetry={folder.reload} /> : null}
        {!data ? (
          folder.state === 'loading' ? <Loading label="Opening the folder…" /> : null
        ) : (
          <>
            <Breadcrumb aria-label="Folder path" size="small">
              {data.path.map((p, i) => (
                <Fragment key={p.id}>
                  {i > 0 ? <BreadcrumbDivider /> : null}
                  <BreadcrumbItem>
                    <BreadcrumbButton current={i === data.path.length - 1} onClick={() => setFolderId(p.id)}>
                      {p.name}
                    </BreadcrumbButton>
                  </BreadcrumbItem>
                </Fragment>
              ))}
            </Breadcrumb>
            {folder.state === 'loading' ? <Spinner size="extra-tiny" aria-label="Opening" /> : null}
            {data.entries.length === 0 ? <EmptyNote>This folder is empty.</EmptyNote> : <FolderEntries entries={data.entries} onOpenFolder={setFolderId} />}
            {data.otherCases.length > 0 ? (
              <div className={styles.others}>
                <Text weight="semibold">Other cases&apos; folders:</Text>
                {data.otherCases.map((o) => (
                  <Button key={o.id} size="small" appearance="secondary" onClick={() => setFolderId(o.id)}>
                    {o.name}
                  </Button>
                ))}
              </div>
            ) : null}
            {data.canUpload ? (
              <UploadForm
                caseId={caseId}
                onUploaded={() => {
                  // Every upload lands in the chronology too (and the returned form or PDP marks a step).
                  folder.reload();
                  onFiled();
                }}
              />
            ) : null}
          </>
        )}
      </div>
    </Section>
  );
}
