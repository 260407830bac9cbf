import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ExportState } from './useExport';

/** The last export's outcome, in words (announced: the region is polite). */
export function ExportNote({ status }: { status: ExportState }) {
  return (
    <div aria-live="polite">
      {status.state === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The file could not be made</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      ) : status.state === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody>Downloaded {status.fileName}.</MessageBarBody>
        </MessageBar>
      ) : status.state === 'busy' ? (
        <MessageBar intent="info">
          <MessageBarBody>Preparing the file…</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
