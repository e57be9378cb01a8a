/**
 * Per-problem drafts and progress in IndexedDB (idb-keyval, one small store of our own).
 * Every call swallows storage failures (private mode, quota): losing persistence must never
 * break editing or judging.
 */
import { createStore, get, getMany, set, del, update, type UseStore } from 'idb-keyval';
import type { JudgeMode, VerdictStatus } from '../shared/protocol';
import { safely } from './safely';
import { dropFromLocalStorage, keepInLocalStorage, readFromLocalStorage, reportWriteFailure, reportWriteSuccess } from './health';

/**
 * The store, or — where opening IndexedDB throws at once (blocked storage, some private modes) —
 * a stand-in whose every operation fails, so the app still loads and reports the trouble.
 */
function openStore(): UseStore {
  try {
    return createStore('tensordojo', 'kv');
  } catch (error) {
    return () => Promise.reject(error);
  }
}

const store = openStore();

/** The app's one key-value store, shared with storage/history.ts and export/import. */
export const appStore = store;

/** The code last typed for a problem. */
export interface Draft {
  code: string;
  savedAt: number;
}

/** What the user has done with a problem so far. */
export interface Progress {
  runs: number;
  submits: number;
  /** Status of the most recent Submit. */
  lastSubmitStatus?: VerdictStatus;
  /** True once any Submit was accepted; never reset. */
  solved: boolean;
  solvedAt?: number;
  /** How many hint layers the user has revealed (the most ever revealed). */
  hintsUsed?: number;
  /** When the editorial solution was first revealed. */
  solutionViewedAt?: number;
}

export type ProgressState = 'solved' | 'attempted' | 'new';

const draftKey = (problemId: string) => `draft:${problemId}`;
const backupKey = (problemId: string) => `draft-backup:${problemId}`;
const progressKey = (problemId: string) => `progress:${problemId}`;

/** The newer of the stored draft and a localStorage copy kept while IndexedDB refused writes. */
export async function loadDraft(problemId: string): Promise<Draft | undefined> {
  let stored: Draft | undefined;
  try {
    stored = await get<Draft>(draftKey(problemId), store);
  } catch (error) {
    // Blocked or disabled storage: say now that nothing will survive a reload.
    reportWriteFailure(error);
  }
  const kept = readFromLocalStorage<Draft>(draftKey(problemId));
  if (kept && typeof kept.code === 'string' && typeof kept.savedAt === 'number' && (!stored || kept.savedAt > stored.savedAt)) return kept;
  return stored;
}

/**
 * Save a draft. When IndexedDB refuses (quota, blocked), the draft goes to localStorage too and
 * the page shows a persistent notice until a later write succeeds; nothing typed is lost.
 */
export async function saveDraft(problemId: string, code: string): Promise<void> {
  const draft: Draft = { code, savedAt: Date.now() };
  try {
    await set(draftKey(problemId), draft, store);
    dropFromLocalStorage(draftKey(problemId));
    reportWriteSuccess();
  } catch (error) {
    keepInLocalStorage(draftKey(problemId), draft);
    reportWriteFailure(error);
  }
}

export function deleteDraft(problemId: string): Promise<void> {
  return safely(() => del(draftKey(problemId), store), undefined);
}

/** Keep the draft a shared link replaced, so it can be restored later. */
export function saveBackup(problemId: string, draft: Draft): Promise<void> {
  return safely(() => set(backupKey(problemId), draft, store), undefined);
}

export function loadBackup(problemId: string): Promise<Draft | undefined> {
  return safely(() => get<Draft>(backupKey(problemId), store), undefined);
}

export function loadProgress(problemId: string): Promise<Progress | undefined> {
  return safely(() => get<Progress>(progressKey(problemId), store), undefined);
}

export async function loadAllProgress(problemIds: string[]): Promise<Record<string, Progress | undefined>> {
  const values = await safely(() => getMany<Progress>(problemIds.map(progressKey), store), []);
  return Object.fromEntries(problemIds.map((id, i) => [id, values[i]]));
}

/**
 * Record one Run or Submit outcome; returns the updated progress. One read-modify-write
 * transaction, so a hint or solution recorded at the same moment (storage/history.ts) is kept.
 */
export async function recordAttempt(problemId: string, mode: JudgeMode, status: VerdictStatus): Promise<Progress> {
  let next: Progress = { runs: 0, submits: 0, solved: false };
  const change = (previous: Progress | undefined): Progress => {
    next = { ...(previous ?? { runs: 0, submits: 0, solved: false }) };
    if (mode === 'run') next.runs += 1;
    else {
      next.submits += 1;
      next.lastSubmitStatus = status;
      if (status === 'accepted' && !next.solved) {
        next.solved = true;
        next.solvedAt = Date.now();
      }
    }
    return next;
  };
  await safely(() => update<Progress>(progressKey(problemId), change, store), undefined);
  // Storage unavailable: still report this attempt's outcome for the page's badge.
  return next.runs + next.submits > 0 ? next : change(undefined);
}

export function progressState(progress: Progress | undefined): ProgressState {
  if (!progress) return 'new';
  if (progress.solved) return 'solved';
  return progress.runs + progress.submits > 0 ? 'attempted' : 'new';
}
