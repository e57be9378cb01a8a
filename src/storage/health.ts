/**
 * Whether the app's storage is keeping what the user types. A failed or blocked IndexedDB write
 * must never lose text silently: drafts then go to localStorage as well (until a write succeeds
 * again), and the page shows a persistent notice saying so — with an export offer when the disk
 * is full.
 */
export type StorageTrouble = { kind: 'quota' | 'unavailable'; message: string };

type Listener = (trouble: StorageTrouble | undefined) => void;

let current: StorageTrouble | undefined;
const listeners = new Set<Listener>();

export function storageTrouble(): StorageTrouble | undefined {
  return current;
}

export function onStorageTrouble(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: StorageTrouble | undefined): void {
  if (current?.kind === next?.kind && current?.message === next?.message) return;
  current = next;
  for (const listener of listeners) listener(current);
}

/** A write failed: say so until one succeeds. */
export function reportWriteFailure(error: unknown): void {
  const name = (error as { name?: string })?.name ?? '';
  const quota = name === 'QuotaExceededError' || /quota/i.test(String((error as Error)?.message ?? error));
  set(
    quota
      ? { kind: 'quota', message: 'Your browser storage is full: your code is kept in this tab and in a small backup, but progress is not being saved. Export your progress, then free some space.' }
      : { kind: 'unavailable', message: 'Browser storage is unavailable (blocked or in private mode): your code is kept in this tab and a small backup, but nothing else will survive a reload.' },
  );
}

export function reportWriteSuccess(): void {
  set(undefined);
}

const FALLBACK_PREFIX = 'tensordojo:fallback:';

/** Keep a value in localStorage while IndexedDB refuses it. Never throws. */
export function keepInLocalStorage(key: string, value: unknown): void {
  try {
    localStorage.setItem(FALLBACK_PREFIX + key, JSON.stringify(value));
  } catch {
    // localStorage full or disabled too: the text stays in the editor's memory.
  }
}

export function readFromLocalStorage<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(FALLBACK_PREFIX + key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

export function dropFromLocalStorage(key: string): void {
  try {
    localStorage.removeItem(FALLBACK_PREFIX + key);
  } catch {
    // Nothing to drop.
  }
}
