/**
 * The state of one attempt at a mock round, as plain data plus pure transitions. Every transition
 * takes the current time as an argument and returns a new attempt (the old one is untouched), so
 * React can hold it, IndexedDB can store it as is, and the tests can drive it with a fake clock.
 *
 * Time is never counted by ticking: the attempt stores when it started and how long it may run,
 * and the remaining time is `startedAt + durationMs - now`. Leaving the page and coming back (or
 * reloading) therefore resumes with the right remaining time, and a round whose deadline passed
 * while the tab was closed ends *at its deadline*, not when it is next opened.
 */
import type { JudgeMode, VerdictStatus } from '../shared/protocol';
import { hintCostOf, partRef, type RoundDefinition, type RoundFormat } from './definitions';

/** Bump when the stored shape changes incompatibly; older records are then ignored, not misread. */
export const ATTEMPT_VERSION = 1;

/** locked: not reachable yet; open: the part being worked on; accepted / skipped: done. */
export type PartState = 'locked' | 'open' | 'accepted' | 'skipped';

/** time-up: the clock ran out; completed: every part accepted or skipped; ended: the user stopped early. */
export type EndReason = 'time-up' | 'completed' | 'ended';

/** One Run or Submit made during the round (or a notebook the user marked as fixed). */
export interface SubmissionRecord {
  /** When it was judged (epoch ms). */
  at: number;
  mode: JudgeMode;
  /** The judge's verdict; `self-reported` for a notebook the user marked as fixed. */
  status: VerdictStatus | 'self-reported';
}

/** What happened in one part. */
export interface PartRecord {
  kind: 'problem' | 'notebook';
  /** The problem id or notebook id. */
  ref: string;
  /** Title at the time of the attempt, so old reports read right if the catalog changes. */
  title: string;
  points: number;
  /** Points one revealed hint takes off this part. */
  hintCost: number;
  state: PartState;
  /** When the part unlocked; the time spent on it starts here. */
  openedAt?: number;
  /** When it was accepted or skipped, or the round ended with it open. */
  closedAt?: number;
  submissions: SubmissionRecord[];
  hintsUsed: number;
  /** The code in the part's editor, last saved. */
  code?: string;
}

/** One attempt at a round, stored in IndexedDB under `round:<attemptId>`. */
export interface RoundAttempt {
  version: typeof ATTEMPT_VERSION;
  attemptId: string;
  roundId: string;
  /** Round title and format at the time of the attempt. */
  title: string;
  format: RoundFormat;
  /** The time box; normally durationMinutes, shorter when a test overrides it. */
  durationMs: number;
  startedAt: number;
  endedAt?: number;
  endReason?: EndReason;
  parts: PartRecord[];
  /** Set on every save; export/import keeps the newer copy of an attempt by it. */
  updatedAt?: number;
}

export interface CreateAttemptOptions {
  now: number;
  attemptId?: string;
  /** Replaces the definition's time box (test-only `?duration=` seconds on the start page). */
  durationMs?: number;
  /** Display title of a part; defaults to its id. */
  titleOf?(kind: 'problem' | 'notebook', ref: string): string | undefined;
}

export function newAttemptId(now: number): string {
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${now.toString(36)}-${random}`;
}

/** A fresh attempt: the clock starts now and the first part is open. */
export function createAttempt(round: RoundDefinition, options: CreateAttemptOptions): RoundAttempt {
  const { now } = options;
  return {
    version: ATTEMPT_VERSION,
    attemptId: options.attemptId ?? newAttemptId(now),
    roundId: round.id,
    title: round.title,
    format: round.format,
    durationMs: options.durationMs ?? round.durationMinutes * 60_000,
    startedAt: now,
    parts: round.parts.map((part, index) => {
      const ref = part.kind === 'problem' ? part.problemId : part.notebookId;
      return {
        kind: part.kind,
        ref,
        title: options.titleOf?.(part.kind, ref) ?? partRef(part),
        points: part.points,
        hintCost: hintCostOf(round, part),
        state: index === 0 ? 'open' : 'locked',
        ...(index === 0 ? { openedAt: now } : {}),
        submissions: [],
        hintsUsed: 0,
      };
    }),
  };
}

export function deadlineOf(attempt: RoundAttempt): number {
  return attempt.startedAt + attempt.durationMs;
}

/** Milliseconds left on the clock; frozen at what was left when the round ended. */
export function remainingMs(attempt: RoundAttempt, now: number): number {
  const at = attempt.endedAt ?? now;
  return Math.max(0, deadlineOf(attempt) - at);
}

export function isEnded(attempt: RoundAttempt): boolean {
  return attempt.endedAt !== undefined;
}

/** End the attempt if its deadline has passed (at the deadline). Call before reading or changing it. */
export function settle(attempt: RoundAttempt, now: number): RoundAttempt {
  if (isEnded(attempt) || now < deadlineOf(attempt)) return attempt;
  return end(attempt, deadlineOf(attempt), 'time-up');
}

function end(attempt: RoundAttempt, at: number, reason: EndReason): RoundAttempt {
  return {
    ...attempt,
    endedAt: at,
    endReason: reason,
    parts: attempt.parts.map((part) => (part.state === 'open' ? { ...part, closedAt: at } : part)),
  };
}

/** The user stops the round before the clock runs out. */
export function finishRound(attempt: RoundAttempt, now: number): RoundAttempt {
  const settled = settle(attempt, now);
  return isEnded(settled) ? settled : end(settled, now, 'ended');
}

/** Replace part `index` (only while the round runs and the part is open). */
function updateOpenPart(
  attempt: RoundAttempt,
  index: number,
  now: number,
  change: (part: PartRecord) => PartRecord,
): RoundAttempt {
  const settled = settle(attempt, now);
  const part = settled.parts[index];
  if (isEnded(settled) || !part || part.state !== 'open') return settled;
  const parts = settled.parts.slice();
  parts[index] = change(part);
  return { ...settled, parts };
}

/** Close part `index` as accepted or skipped, open the next locked part, or end the round after the last. */
function closePart(attempt: RoundAttempt, index: number, now: number, state: 'accepted' | 'skipped'): RoundAttempt {
  const parts = attempt.parts.slice();
  parts[index] = { ...parts[index], state, closedAt: now };
  const next = parts.findIndex((part, i) => i > index && part.state === 'locked');
  if (next >= 0) {
    parts[next] = { ...parts[next], state: 'open', openedAt: now };
    return { ...attempt, parts };
  }
  return end({ ...attempt, parts }, now, 'completed');
}

/**
 * Record a Run or Submit of the open part. An accepted Submit accepts the part and unlocks the
 * next one; a verdict that arrives after the deadline is not counted (the round already ended).
 */
export function recordSubmission(
  attempt: RoundAttempt,
  index: number,
  mode: JudgeMode,
  status: VerdictStatus | 'self-reported',
  now: number,
  code?: string,
): RoundAttempt {
  const settled = settle(attempt, now);
  if (isEnded(settled) || settled.parts[index]?.state !== 'open') return settled;
  const recorded = updateOpenPart(settled, index, now, (part) => ({
    ...part,
    submissions: [...part.submissions, { at: now, mode, status }],
    ...(code !== undefined ? { code } : {}),
  }));
  const accepted = mode === 'submit' && (status === 'accepted' || status === 'self-reported');
  return accepted ? closePart(recorded, index, now, 'accepted') : recorded;
}

/** Give up on the open part: it scores nothing and the next part unlocks. */
export function skipPart(attempt: RoundAttempt, index: number, now: number): RoundAttempt {
  const settled = settle(attempt, now);
  if (isEnded(settled) || settled.parts[index]?.state !== 'open') return settled;
  return closePart(settled, index, now, 'skipped');
}

/** Reveal the next hint of the open part, if it has one left; each costs the part `hintCost` points. */
export function takeHint(attempt: RoundAttempt, index: number, now: number, hintsAvailable: number): RoundAttempt {
  return updateOpenPart(attempt, index, now, (part) =>
    part.hintsUsed >= hintsAvailable ? part : { ...part, hintsUsed: part.hintsUsed + 1 },
  );
}

/** Save the open part's code; after the round ends the code is frozen. */
export function saveCode(attempt: RoundAttempt, index: number, code: string, now: number): RoundAttempt {
  return updateOpenPart(attempt, index, now, (part) => (part.code === code ? part : { ...part, code }));
}

/** The part the page shows first: the open one, else the last one reached. */
export function currentPartIndex(attempt: RoundAttempt): number {
  const open = attempt.parts.findIndex((part) => part.state === 'open');
  if (open >= 0) return open;
  for (let i = attempt.parts.length - 1; i >= 0; i--) if (attempt.parts[i].state !== 'locked') return i;
  return 0;
}

/** Points a part earns: its points less the hints, for an accepted part; nothing otherwise. */
export function partScore(part: PartRecord): number {
  if (part.state !== 'accepted') return 0;
  return Math.max(0, part.points - part.hintsUsed * part.hintCost);
}

export interface Score {
  earned: number;
  possible: number;
}

export function attemptScore(attempt: RoundAttempt): Score {
  return {
    earned: attempt.parts.reduce((sum, part) => sum + partScore(part), 0),
    possible: attempt.parts.reduce((sum, part) => sum + part.points, 0),
  };
}

/** Time from the part unlocking to it being closed (or to `now` while it is still open). */
export function partTimeMs(attempt: RoundAttempt, index: number, now: number): number {
  const part = attempt.parts[index];
  if (!part?.openedAt) return 0;
  const until = part.closedAt ?? attempt.endedAt ?? Math.min(now, deadlineOf(attempt));
  return Math.max(0, until - part.openedAt);
}

/** One row of the report. */
export interface PartReport {
  index: number;
  title: string;
  kind: PartRecord['kind'];
  ref: string;
  state: PartState;
  timeMs: number;
  runs: number;
  submits: number;
  /** Every verdict in order, runs included. */
  verdicts: SubmissionRecord[];
  hintsUsed: number;
  hintCost: number;
  points: number;
  earned: number;
  code?: string;
}

export function partReports(attempt: RoundAttempt, now: number): PartReport[] {
  return attempt.parts.map((part, index) => ({
    index,
    title: part.title,
    kind: part.kind,
    ref: part.ref,
    state: part.state,
    timeMs: partTimeMs(attempt, index, now),
    runs: part.submissions.filter((s) => s.mode === 'run').length,
    submits: part.submissions.filter((s) => s.mode === 'submit').length,
    verdicts: part.submissions,
    hintsUsed: part.hintsUsed,
    hintCost: part.hintCost,
    points: part.points,
    earned: partScore(part),
    code: part.code,
  }));
}

/**
 * Read a stored attempt back. Anything that does not look like a current-version attempt is
 * rejected (undefined) rather than half-trusted.
 */
export function restoreAttempt(raw: unknown): RoundAttempt | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = raw as Partial<RoundAttempt>;
  if (
    value.version !== ATTEMPT_VERSION ||
    typeof value.attemptId !== 'string' ||
    typeof value.roundId !== 'string' ||
    typeof value.startedAt !== 'number' ||
    typeof value.durationMs !== 'number' ||
    !Array.isArray(value.parts) ||
    !value.parts.every((part) => typeof part === 'object' && part !== null && typeof part.state === 'string' && Array.isArray(part.submissions))
  ) {
    return undefined;
  }
  return value as RoundAttempt;
}

/** `12:05` or `1:02:03`, rounding up so the clock shows 0:00 only when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `4 min 12 s`, `38 s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}
