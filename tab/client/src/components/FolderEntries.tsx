import { Button, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { DocumentRegular, FolderRegular } from '@fluentui/react-icons';
import type { FolderEntry } from '../../../contract/api';
import { formatShort, formatSize } from '../format';
import { useRowStyles } from './rowStyles';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  name: { wordBreak: 'break-word' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Folders first, then files; a folder opens in place, a file in a new tab. Who: the person who filed it through the service, else the library's "modified by". */
export function FolderEntries({ entries, onOpenFolder }: { entries: FolderEntry[]; onOpenFolder: (id: string) => void }) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const sorted = [...entries].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label="Folder contents">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Size</TableHeaderCell>
            <TableHeaderCell>Modified</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((e) => (
            <TableRow key={e.id} className={rowStyles.row}>
              <TableCell className={styles.name}>
                {e.kind === 'folder' ? (
                  <Button appearance="transparent" size="small" icon={<FolderRegular />} onClick={() => onOpenFolder(e.id)}>
                    {e.name}
                  </Button>
                ) : e.url ? (
                  <Link href={e.url} target="_blank" rel="noopener noreferrer">
                    <DocumentRegular aria-hidden="true" /> {e.name}
                  </Link>
                ) : (
                  <Text>{e.name}</Text>
                )}
              </TableCell>
              <TableCell>{e.kind === 'file' && e.size !== undefined ? formatSize(e.size) : ''}</TableCell>
              <TableCell>
                <Text className={styles.muted}>
                  {[e.filedBy ?? e.modifiedBy, e.modifiedAt ? formatShort(e.modifiedAt, { time: true }) : undefined].filter(Boolean).join(', ')}
                </Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
