import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, useRestoreFocusSource } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useFormStyles } from './formStyles';
import { SaveFeedback } from './SaveFeedback';
import type { SaveState } from './useSave';

/**
 * A settings dialog that adds a thing or changes one: its title, its fields (children), what the
 * save came to (a stale version offers Reload, which closes the dialog), and Add or Save beside Cancel.
 */
export function EditDialog({ title, adding, save, onSubmit, onClose, onReload, children }: {
  title: string;
  adding: boolean;
  save: SaveState;
  onSubmit: () => void;
  onClose: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const styles = useFormStyles();
  const restoreFocus = useRestoreFocusSource();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface {...restoreFocus} aria-label={title}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              <SaveFeedback
                outcome={save.outcome?.kind === 'saved' ? undefined : save.outcome}
                onReload={() => {
                  onClose();
                  onReload();
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={save.busy}>
                {save.busy ? 'Saving…' : adding ? 'Add' : 'Save'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
