import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from '@fluentui/react-components';
import { formatFigure } from '../dashboard/figureFormat';

/** "Mark 3 lines invoiced, £450.00 in all?": the count and the total named before anything is sent. */
export function MarkInvoicedDialog({ open, count, total, sending, onConfirm, onCancel }: { open: boolean; count: number; total: number; sending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const lines = count === 1 ? '1 line' : `${count} lines`;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && !sending && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Mark {lines} invoiced?</DialogTitle>
          <DialogContent>
            {count === 1 ? 'One line' : `${count} lines`}, {formatFigure(total, 'money')} in all, will be marked invoiced today in your name. A line already invoiced is never invoiced twice.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={sending} icon={sending ? <Spinner size="tiny" /> : undefined} onClick={onConfirm}>
              {sending ? 'Marking…' : 'Mark invoiced'}
            </Button>
            <Button disabled={sending} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
