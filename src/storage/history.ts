/**
 * IndexedDB side of progress tracking: submission history, hints and solutions viewed, active
 * time per day, fresh attempts, and the idb-keyval adapter for export/import. Read-modify-write
 * goes through idb-keyval's `update` (one transaction) so two tabs cannot lose each other's
 * records. Like db.ts, failures are logged and swallowed: persistence must never break judging.
 */
import { entries, getMany, setMany, update } from 'idb-keyval';
import type { Verdict } from '../shared/protocol';
import { appStore, type Draft, type Progress } from './db';
import type { KvStore } from './exportImport';
import {
  activityKey,
  dayOf,
  draftHistoryKey,
  draftKey,
  keySuffix,
  MAX_ARCHIVED_DRAFTS_PER_PROBLEM,
  MAX_SUBMISSIONS_PER_PROBLEM,
  progressKey,
  submissionsKey,
  type ArchivedDraft,
  type DayActivity,
  type SubmissionRecord,
} from './records';
import type { ProblemRecords } from './stats';
import { safely } from './safely';

/** The app's store behind the export/import interface. */
export const idbKvStore: KvStore = {
  entries: () => entries<string, unknown>(appStore),
  getMany: (keys) => getMany(keys, appStore),
  setMany: (items) => setMany(items, appStore),
};

/** Append one verdict to the problem's history. */
export function recordSubmission(verdict: Verdict, at = Date.now()): Promise<void> {
  const record: SubmissionRecord = {
    at,
    mode: verdict.mode,
    status: verdict.status,
    passed: verdict.cases.filter((c) => c.passed).length,
    total: verdict.cases.length,
    backend: verdict.backend,
  };
  return safely(
    () =>
      update<SubmissionRecord[]>(
        submissionsKey(verdict.problemId),
        (history = []) => [...history, record].slice(-MAX_SUBMISSIONS_PER_PROBLEM),
        appStore,
      ),
    undefined,
  );
}

function updateProgress(problemId: string, change: (progress: Progress) => Progress): Promise<void> {
  return safely(
    () => update<Progress>(progressKey(problemId), (previous) => change(previous ?? { runs: 0, submits: 0, solved: false }), appStore),
    undefined,
  );
}

/** Remember that `count` hint layers have been revealed (never lowers the number). */
export function recordHintsUsed(problemId: string, count: number): Promise<void> {
  return updateProgress(problemId, (p) => (count > (p.hintsUsed ?? 0) ? { ...p, hintsUsed: count } : p));
}

/** Remember the first time the editorial solution was revealed. */
export function recordSolutionViewed(problemId: string, at = Date.now()): Promise<void> {
  return updateProgress(problemId, (p) => (p.solutionViewedAt === undefined ? { ...p, solutionViewedAt: at } : p));
}

/** Add active practice time to a day's total. */
export function addActiveTime(ms: number, at = Date.now()): Promise<void> {
  if (!(ms > 0)) return Promise.resolve();
  return safely(() => update<DayActivity>(activityKey(dayOf(at)), (day) => ({ ms: (day?.ms ?? 0) + ms }), appStore), undefined);
}

/**
 * Start a fresh attempt: the current draft moves to the problem's draft history and the editor
 * opens on the starter. The old code stays exportable but is not shown.
 */
export async function startFreshAttempt(problemId: string, starter: string, now = Date.now()): Promise<void> {
  await safely(async () => {
    const [draft] = await getMany<Draft | undefined>([draftKey(problemId)], appStore);
    if (draft && draft.code !== starter) {
      const archived: ArchivedDraft = { code: draft.code, savedAt: draft.savedAt, archivedAt: now };
      await update<ArchivedDraft[]>(
        draftHistoryKey(problemId),
        (history = []) => [...history, archived].slice(-MAX_ARCHIVED_DRAFTS_PER_PROBLEM),
        appStore,
      );
    }
    await setMany([[draftKey(problemId), { code: starter, savedAt: now } satisfies Draft]], appStore);
  }, undefined);
}

/** Everything the list and progress pages need, in one read of the store. */
export interface AllRecords {
  problems: Record<string, ProblemRecords>;
  /** Active ms per local day. */
  activity: Record<string, number>;
}

export async function loadAllRecords(): Promise<AllRecords> {
  const all = await safely(() => entries<string, unknown>(appStore), []);
  const problems: Record<string, ProblemRecords> = {};
  const activity: Record<string, number> = {};
  const own = (id: string) => (problems[id] ??= { submissions: [] });
  for (const [key, value] of all) {
    if (typeof key !== 'string') continue;
    let id: string | undefined;
    if ((id = keySuffix(key, 'progress:')) !== undefined) own(id).progress = value as Progress;
    else if ((id = keySuffix(key, 'submissions:')) !== undefined) own(id).submissions = Array.isArray(value) ? (value as SubmissionRecord[]) : [];
    else if ((id = keySuffix(key, 'activity:')) !== undefined) {
      const ms = (value as DayActivity | undefined)?.ms;
      if (typeof ms === 'number') activity[id] = ms;
    }
  }
  return { problems, activity };
}

/** A problem's Run/Submit history, oldest first. */
export async function loadSubmissions(problemId: string): Promise<SubmissionRecord[]> {
  const [history] = await safely(() => getMany<SubmissionRecord[] | undefined>([submissionsKey(problemId)], appStore), [undefined]);
  return Array.isArray(history) ? history : [];
}

/** Drafts put aside by "practise again", oldest first. */
export async function loadDraftHistory(problemId: string): Promise<ArchivedDraft[]> {
  const [history] = await safely(() => getMany<ArchivedDraft[] | undefined>([draftHistoryKey(problemId)], appStore), [undefined]);
  return Array.isArray(history) ? history : [];
}
