import { Badge, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import type { CasePage } from '../../../contract/api';
import { caseStatusLabels } from '../labels';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function CaseHeader({ page }: { page: CasePage }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Title2 as="h1" className={styles.title}>
        {page.reference} · {page.childName}
        <Badge appearance="tint" color={page.status === 'open' ? 'brand' : page.status === 'paused' ? 'warning' : 'informative'}>
          {caseStatusLabels[page.status]}
        </Badge>
        {page.asDsl ? <Badge appearance="tint" color="danger">Safeguarding</Badge> : null}
      </Title2>
      <Text className={styles.muted}>
        {page.schoolName} · {page.workerName ?? 'No worker allocated'}
      </Text>
      <Text>{page.statusLine}</Text>
      <Text weight="semibold">Next: {page.nextAction}</Text>
    </div>
  );
}
