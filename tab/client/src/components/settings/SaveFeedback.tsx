import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { outcomeTitles, type SaveOutcome } from './saveOutcome';

/**
 * What a save came to, next to its form: the server's message when saved or refused; a change
 * made by someone else meanwhile offers to reload.
 */
export function SaveFeedback({ outcome, onReload }: { outcome: SaveOutcome | undefined; onReload: () => void }) {
  if (!outcome) return null;
  if (outcome.kind === 'saved') {
    return (
      <MessageBar intent="success" layout="multiline" role="status" data-testid="save-saved">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={outcome.kind === 'conflict' ? 'warning' : 'error'} layout="multiline" role="alert" data-testid={`save-${outcome.kind}`}>
      <MessageBarBody>
        <MessageBarTitle>{outcomeTitles[outcome.kind]}</MessageBarTitle>
        {outcome.message}
      </MessageBarBody>
      {outcome.kind === 'conflict' ? (
        <MessageBarActions>
          <Button size="small" onClick={onReload}>
            Reload
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
