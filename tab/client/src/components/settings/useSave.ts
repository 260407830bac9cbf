import { useCallback, useRef, useState } from 'react';
import type { Saved } from '../../../../contract/settings';
import type { Read } from './numbers';
import { failedOutcome, type SaveOutcome } from './saveOutcome';

export interface SaveState {
  busy: boolean;
  outcome: SaveOutcome | undefined;
  /** Checks what was typed, then sends it once (a second click while it is on its way does nothing). */
  save: <T>(read: Read<T>, send: (value: T) => Promise<Saved>) => Promise<boolean>;
  clear: () => void;
}

/** One form's save: busy while on its way, then what it came to; `onSaved` with the server's answer. */
export function useSave(onSaved: (saved: Saved) => void): SaveState {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  // State lags a render behind a fast double click: the ref does not.
  const sending = useRef(false);
  const save = useCallback(
    async <T,>(read: Read<T>, send: (value: T) => Promise<Saved>): Promise<boolean> => {
      if (sending.current) return false;
      if (!read.ok) {
        setOutcome({ kind: 'unsent', message: read.message });
        return false;
      }
      sending.current = true;
      setBusy(true);
      setOutcome(undefined);
      try {
        const saved = await send(read.value);
        setOutcome({ kind: 'saved', message: saved.message });
        onSaved(saved);
        return true;
      } catch (error) {
        setOutcome(failedOutcome(error));
        return false;
      } finally {
        sending.current = false;
        setBusy(false);
      }
    },
    [onSaved],
  );
  const clear = useCallback(() => setOutcome(undefined), []);
  return { busy, outcome, save, clear };
}
