/**
 * How a debugging notebook reports to a running round. The notebook page is opened from a round
 * as `#/notebooks/<id>?round=<attemptId>`; after each grading run it calls `reportNotebookGrade`,
 * which records the grade as a Submit of the round's open part for that notebook. A passing grade
 * accepts the part and unlocks the next, exactly like an accepted Submit of a problem, so the
 * round page shows it when the user comes back. Pure data in, no notebook code imported.
 */
import type { VerdictStatus } from '../shared/protocol';
import { recordSubmission, type RoundAttempt } from './roundState';
import { loadAttempt, saveAttempt, type KeyValue } from './roundStore';

/** The fields of the notebook kernel's GradeReport a round needs. */
export interface NotebookGrade {
  status: 'graded' | 'cell-error' | 'time-limit' | 'stopped';
  targetMet: boolean;
  probes: readonly { passed: boolean }[];
}

/** A grade as a verdict: accepted only when it ran to the end, met the target and every probe passed. */
export function gradeStatus(grade: NotebookGrade): VerdictStatus {
  if (grade.status === 'cell-error') return 'runtime-error';
  if (grade.status === 'time-limit' || grade.status === 'stopped') return 'time-limit';
  return grade.targetMet && grade.probes.every((probe) => probe.passed) ? 'accepted' : 'wrong-answer';
}

/**
 * Record a grading run in attempt `attemptId` against its open part for `notebookId`. Returns the
 * updated attempt, or undefined when there is no such attempt or no open part for this notebook
 * (the round ended, or the part is locked or already closed): then nothing changes.
 */
export async function reportNotebookGrade(
  attemptId: string,
  notebookId: string,
  grade: NotebookGrade,
  now = Date.now(),
  kv?: KeyValue,
): Promise<RoundAttempt | undefined> {
  const attempt = await loadAttempt(attemptId, kv);
  if (!attempt) return undefined;
  const index = attempt.parts.findIndex((part) => part.kind === 'notebook' && part.ref === notebookId && part.state === 'open');
  if (index < 0) return undefined;
  const next = recordSubmission(attempt, index, 'submit', gradeStatus(grade), now);
  if (next === attempt) return undefined;
  await saveAttempt(next, kv, now);
  // Past the deadline the round ends (and is saved ended) but the grade does not count.
  const counted = next.parts[index].submissions.length > attempt.parts[index].submissions.length;
  return counted ? next : undefined;
}

/** The round a notebook page was opened from: `?round=<attemptId>` in its hash query. */
export function roundFromQuery(query: URLSearchParams): string | undefined {
  const id = query.get('round');
  return id && /^[A-Za-z0-9-]+$/.test(id) ? id : undefined;
}
