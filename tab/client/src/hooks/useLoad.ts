import { useCallback, useEffect, useState } from 'react';
import { failureMessage } from '../api';

export type Loaded<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ok'; data: T }
  | { state: 'error'; message: string; data?: T };

/**
 * Runs `load` when `key` changes (and on `reload`), keeping the last data while the next loads so
 * the page does not jump. An answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let current = true;
    setResult((r) => ({ state: 'loading', ...(r.data !== undefined ? { data: r.data } : {}) }));
    load().then(
      (data) => current && setResult({ state: 'ok', data }),
      (error: unknown) => current && setResult((r) => ({ state: 'error', message: failureMessage(error), ...(r.data !== undefined ? { data: r.data } : {}) })),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when what it loads changed.
  }, [key, tick]);
  return { ...result, reload };
}
