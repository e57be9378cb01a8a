/**
 * Round attempts in IndexedDB, one record per attempt under `round:<attemptId>`, in the app's own
 * idb-keyval database and store (`tensordojo` / `kv`) so that everything the user does lives in one
 * place. Like storage/db.ts, storage failures are logged and swallowed: a round keeps running
 * in memory when IndexedDB is unavailable.
 */
import { entries, get, set } from 'idb-keyval';
import { appStore } from '../storage/db';
import { restoreAttempt, type RoundAttempt } from './roundState';
import { safely } from '../storage/safely';

/** The few operations rounds need; tests pass an in-memory one. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  entries(): Promise<[IDBValidKey, unknown][]>;
}

/** Key prefix of round attempts. */
export const ATTEMPT_KEY_PREFIX = 'round:';

export function attemptKey(attemptId: string): string {
  return `${ATTEMPT_KEY_PREFIX}${attemptId}`;
}

let idb: KeyValue | undefined;
/** The app's one store (storage/db.ts opens it, and stands in when IndexedDB cannot open). */
function defaultStore(): KeyValue {
  if (!idb) {
    const store = appStore;
    idb = {
      get: (key) => get(key, store),
      set: (key, value) => set(key, value, store),
      entries: () => entries(store),
    };
  }
  return idb;
}

export function saveAttempt(attempt: RoundAttempt, kv: KeyValue = defaultStore(), now = Date.now()): Promise<void> {
  return safely(() => kv.set(attemptKey(attempt.attemptId), { ...attempt, updatedAt: now } satisfies RoundAttempt), undefined, 'round storage');
}

export async function loadAttempt(attemptId: string, kv: KeyValue = defaultStore()): Promise<RoundAttempt | undefined> {
  return restoreAttempt(await safely(() => kv.get(attemptKey(attemptId)), undefined, 'round storage'));
}

/** Every stored attempt, newest first. */
export async function listAttempts(kv: KeyValue = defaultStore()): Promise<RoundAttempt[]> {
  const all = await safely(() => kv.entries(), [], 'round storage');
  return all
    .filter(([key]) => typeof key === 'string' && key.startsWith(ATTEMPT_KEY_PREFIX))
    .map(([, value]) => restoreAttempt(value))
    .filter((attempt): attempt is RoundAttempt => attempt !== undefined)
    .sort((a, b) => b.startedAt - a.startedAt);
}

/** An in-memory KeyValue, for tests and as a stand-in. */
export function memoryKeyValue(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    entries: async () => [...data.entries()].map(([key, value]) => [key, structuredClone(value)] as [string, unknown]),
  };
}
