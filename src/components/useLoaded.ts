import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/**
 * The value `load` gives for `key`, for a page: `loading` until it arrives (and again whenever the
 * key changes), then `ready` or `error` with the message to show. A late answer for an old key is dropped.
 */
export function useLoaded<T>(key: string | undefined, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    load().then(
      (value) => current && setResult({ key, loaded: { state: 'ready', value } }),
      (error: unknown) => current && setResult({ key, loaded: { state: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // `load` is keyed by `key`: a new function for the same key must not load again.
  }, [key]);
  return result && result.key === key ? result.loaded : { state: 'loading' };
}
