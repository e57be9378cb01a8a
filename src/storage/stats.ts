/**
 * Progress statistics from stored records, as pure functions of their inputs (and of `now`), so
 * the progress page and its tests agree: solved per track, the streak, time practised, the weakest
 * tracks and the "practise again" queue.
 */
import type { Progress } from './db';
import { dayOf, type SubmissionRecord } from './records';

/** A solved problem comes back to the queue after this long without an accepted submission. */
export const PRACTISE_AGAIN_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

/** What the statistics need to know about a problem. */
export interface ProblemRef {
  id: string;
  title: string;
  track: string;
  trackTitle: string;
}

/** One problem's stored records. */
export interface ProblemRecords {
  progress?: Progress;
  submissions: SubmissionRecord[];
}

/** Status as the list filters it. */
export type ProblemStatus = 'new' | 'attempted' | 'solved';

export function statusOf(records: ProblemRecords | undefined): ProblemStatus {
  const progress = records?.progress;
  if (progress?.solved) return 'solved';
  if ((progress && progress.runs + progress.submits > 0) || (records?.submissions.length ?? 0) > 0) return 'attempted';
  return 'new';
}

export function solutionViewed(records: ProblemRecords | undefined): boolean {
  return records?.progress?.solutionViewedAt !== undefined;
}

/** Solved and total problems of one track. */
export interface TrackProgress {
  track: string;
  title: string;
  solved: number;
  total: number;
  /** Submits that were not accepted, over the track's problems. */
  failedSubmits: number;
  attempted: number;
}

export function trackProgress(problems: ProblemRef[], records: Record<string, ProblemRecords | undefined>): TrackProgress[] {
  const byTrack = new Map<string, TrackProgress>();
  for (const problem of problems) {
    const entry = byTrack.get(problem.track) ?? { track: problem.track, title: problem.trackTitle, solved: 0, total: 0, failedSubmits: 0, attempted: 0 };
    const own = records[problem.id];
    const status = statusOf(own);
    entry.total++;
    if (status === 'solved') entry.solved++;
    if (status !== 'new') entry.attempted++;
    entry.failedSubmits += (own?.submissions ?? []).filter((s) => s.mode === 'submit' && s.status !== 'accepted').length;
    byTrack.set(problem.track, entry);
  }
  return [...byTrack.values()];
}

/**
 * Tracks the user has started, weakest first: lowest solved ratio, then most failed submits.
 * Untouched tracks are not "weak", just not started, so they are left out.
 */
export function weakestTracks(tracks: TrackProgress[], limit = 3): TrackProgress[] {
  return tracks
    .filter((t) => t.attempted > 0 && t.solved < t.total)
    .sort((a, b) => a.solved / a.total - b.solved / b.total || b.failedSubmits - a.failedSubmits)
    .slice(0, limit);
}

function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dayOf(new Date(y, m - 1, d - 1, 12).getTime());
}

/**
 * Consecutive local days with at least one accepted submission, ending today — or yesterday,
 * so the streak does not read 0 in the morning before today's first solve.
 */
export function streakDays(submissions: SubmissionRecord[], now: number): number {
  const days = new Set(submissions.filter((s) => s.status === 'accepted').map((s) => dayOf(s.at)));
  let day = dayOf(now);
  if (!days.has(day)) day = previousDay(day);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = previousDay(day);
  }
  return streak;
}

/** Total and last-7-days practice time from `activity:<day>` records. */
export function practiceTime(activity: Record<string, number>, now: number): { totalMs: number; last7DaysMs: number } {
  const recent = new Set<string>();
  let day = dayOf(now);
  for (let i = 0; i < 7; i++, day = previousDay(day)) recent.add(day);
  let totalMs = 0;
  let last7DaysMs = 0;
  for (const [d, ms] of Object.entries(activity)) {
    totalMs += ms;
    if (recent.has(d)) last7DaysMs += ms;
  }
  return { totalMs, last7DaysMs };
}

/** Why a problem is in the practise-again queue. */
export type PractiseReason = 'solved-long-ago' | 'solved-after-solution';

export interface PractiseAgainEntry {
  problem: ProblemRef;
  reason: PractiseReason;
  /** The last accepted submission (or solvedAt when no history exists). */
  lastSolvedAt: number;
}

/**
 * Solved problems worth redoing: solved more than 14 days ago with no accepted submission since,
 * or solved only after the editorial was revealed. Oldest first.
 */
export function practiseAgain(problems: ProblemRef[], records: Record<string, ProblemRecords | undefined>, now: number): PractiseAgainEntry[] {
  const queue: PractiseAgainEntry[] = [];
  for (const problem of problems) {
    const own = records[problem.id];
    const progress = own?.progress;
    if (!progress?.solved) continue;
    const accepted = (own?.submissions ?? []).filter((s) => s.status === 'accepted' && s.mode === 'submit').map((s) => s.at);
    const lastSolvedAt = accepted.length ? Math.max(...accepted) : (progress.solvedAt ?? 0);
    const viewedAt = progress.solutionViewedAt;
    // "Only after viewing": no accepted submit came before the solution was revealed.
    const solvedBeforeViewing = viewedAt !== undefined && (accepted.some((t) => t < viewedAt) || (progress.solvedAt ?? Infinity) < viewedAt);
    if (viewedAt !== undefined && !solvedBeforeViewing) {
      // A fresh attempt solved after the viewing clears the debt once it too is old enough to test recall.
      const recalled = accepted.some((t) => t > viewedAt + PRACTISE_AGAIN_AFTER_MS);
      if (!recalled) {
        queue.push({ problem, reason: 'solved-after-solution', lastSolvedAt });
        continue;
      }
    }
    if (now - lastSolvedAt > PRACTISE_AGAIN_AFTER_MS) queue.push({ problem, reason: 'solved-long-ago', lastSolvedAt });
  }
  return queue.sort((a, b) => a.lastSolvedAt - b.lastSolvedAt);
}

/** "1 h 5 min", "12 min", "< 1 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '< 1 min';
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
