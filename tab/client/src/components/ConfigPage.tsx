import { makeStyles, MessageBar, MessageBarBody, Text, Title2, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { configureChannelTab } from '../teams';

const useStyles = makeStyles({ page: { maxWidth: '640px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The channel tab's configuration page: nothing to choose, the tab shows the whole caseload. */
export function ConfigPage({ inTeams }: { inTeams: boolean }) {
  useEffect(() => {
    if (inTeams) configureChannelTab();
  }, [inTeams]);
  return (
    <div className={useStyles().page}>
      <Title2 as="h1">Add the caseload to this channel</Title2>
      <Text>The tab shows the service&apos;s caseload: managers see every case, workers their own. Select Save to add it.</Text>
      {inTeams ? null : (
        <MessageBar intent="info">
          <MessageBarBody>This page configures the tab inside Microsoft Teams.</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
