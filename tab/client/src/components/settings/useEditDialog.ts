import { useRestoreFocusTarget } from '@fluentui/react-components';
import { useState } from 'react';

/**
 * A section's "Add" / "Change" dialog: which item it edits (`undefined` item: a new one), the
 * message of the last save, and the attribute that puts focus back on the button that opened it.
 */
export function useEditDialog<T>(reload: () => void) {
  const [editing, setEditing] = useState<{ item: T | undefined }>();
  const [saved, setSaved] = useState<string>();
  const opener = useRestoreFocusTarget();
  return {
    editing,
    saved,
    opener,
    open: (item: T | undefined) => {
      setSaved(undefined);
      setEditing({ item });
    },
    close: () => setEditing(undefined),
    onSaved: (message: string) => {
      setEditing(undefined);
      setSaved(message);
      reload();
    },
  };
}
