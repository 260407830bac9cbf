import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Shown to managers, who read the settings but do not change them. */
export function ReadOnlyNote({ canEdit }: { canEdit: boolean }) {
  if (canEdit) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>Only an administrator can change these.</MessageBarBody>
    </MessageBar>
  );
}
