import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { formatFigure } from '../dashboard/figureFormat';

/**
 * "Mark 3 lines invoiced? £450.00 in all": the count and the total named before anything is sent.
 * In the page, not a modal dialog: Fluent's modal leaves focusable aria-hidden focus traps in the
 * body, which axe counts as a serious violation. Focus moves to it, and back is one Cancel away.
 */
export function MarkInvoicedConfirm({ count, total, sending, onConfirm, onCancel }: { count: number; total: number; sending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const lines = count === 1 ? '1 line' : `${count} lines`;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="mark-confirm" role="group" aria-label="Confirm marking invoiced">
      <MessageBarBody>
        <MessageBarTitle>Mark {lines} invoiced?</MessageBarTitle>
        {count === 1 ? 'One line' : `${count} lines`}, {formatFigure(total, 'money')} in all, will be marked invoiced today in your name. A line already invoiced is never invoiced twice.
      </MessageBarBody>
      <MessageBarActions>
        <Button ref={confirm} appearance="primary" disabled={sending} icon={sending ? <Spinner size="tiny" /> : undefined} onClick={onConfirm}>
          {sending ? 'Marking…' : 'Yes, mark invoiced'}
        </Button>
        <Button disabled={sending} onClick={onCancel}>
          Cancel
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
