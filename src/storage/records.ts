/**
 * Shapes and key names of everything the app keeps in IndexedDB, as pure data: no idb-keyval
 * import, so export/import, merging and the progress statistics run (and are tested) in Node.
 *
 * Keys (one idb-keyval store, `tensordojo`/`kv`):
 * - `draft:<problem>`          Draft — the code in the editor
 * - `draft-backup:<problem>`   Draft — what a shared link replaced
 * - `draft-history:<problem>`  ArchivedDraft[] — drafts put aside by "practise again"
 * - `progress:<problem>`       Progress — counters, solved, hints used, solution viewed
 * - `submissions:<problem>`    SubmissionRecord[] — every Run/Submit verdict, oldest first
 * - `activity:<YYYY-MM-DD>`    DayActivity — active practice time on that (local) day
 * - anything else (`round:*`, notebook drafts, …) belongs to other features and is exported and
 *   merged generically.
 */
import type { BackendName, JudgeMode, VerdictStatus } from '../shared/protocol';

/** One judged Run or Submit. */
export interface SubmissionRecord {
  /** Epoch milliseconds when the verdict arrived. */
  at: number;
  mode: JudgeMode;
  status: VerdictStatus;
  /** Cases passed and judged. */
  passed: number;
  total: number;
  /** The backend the code really ran on. */
  backend: BackendName;
}

/** A draft put aside when a fresh attempt started; never shown in the editor again by itself. */
export interface ArchivedDraft {
  code: string;
  /** When that draft was last saved. */
  savedAt: number;
  /** When it was put aside. */
  archivedAt: number;
}

/** Active practice time on one local calendar day. */
export interface DayActivity {
  ms: number;
}

/** Submission histories are capped so a long practice life cannot fill the quota. */
export const MAX_SUBMISSIONS_PER_PROBLEM = 500;
export const MAX_ARCHIVED_DRAFTS_PER_PROBLEM = 50;

export const draftKey = (problemId: string) => `draft:${problemId}`;
export const progressKey = (problemId: string) => `progress:${problemId}`;
export const submissionsKey = (problemId: string) => `submissions:${problemId}`;
export const draftHistoryKey = (problemId: string) => `draft-history:${problemId}`;
export const activityKey = (day: string) => `activity:${day}`;

/** Local calendar day of an epoch time, `YYYY-MM-DD`. */
export function dayOf(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The part of a key after its prefix, e.g. `submissions:attention/x` → `attention/x`. */
export function keySuffix(key: string, prefix: string): string | undefined {
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}
