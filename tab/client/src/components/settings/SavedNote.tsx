import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** The server's message after a dialog saved and closed. */
export function SavedNote({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <MessageBar intent="success" layout="multiline" role="status" data-testid="save-saved">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
