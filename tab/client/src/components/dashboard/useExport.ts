import { useCallback, useState } from 'react';
import { failureMessage } from '../../api';
import { useSigned } from '../../context';
import { fileNameFromDisposition, saveBlob } from './download';

export type ExportState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; fileName: string } | { state: 'error'; message: string };

/** Downloads an export with the bearer (a plain link would carry none), saves it, and says what happened. */
export function useExport(): { status: ExportState; run: (url: string, fallbackName: string) => Promise<void>; clear: () => void } {
  const { api } = useSigned();
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  const run = useCallback(
    async (url: string, fallbackName: string) => {
      setStatus({ state: 'busy' });
      try {
        const { blob, disposition } = await api.download(url);
        const fileName = fileNameFromDisposition(disposition, fallbackName);
        saveBlob(blob, fileName);
        setStatus({ state: 'done', fileName });
      } catch (error) {
        setStatus({ state: 'error', message: failureMessage(error) });
      }
    },
    [api],
  );
  const clear = useCallback(() => setStatus({ state: 'idle' }), []);
  return { status, run, clear };
}
