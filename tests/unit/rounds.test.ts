/**
 * Mock rounds as plain code: definitions validate with useful errors and every shipped round
 * points at content that exists; the attempt state machine unlocks, skips, charges hints, locks
 * at the deadline, scores, and resumes from storage with the right remaining time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoundFiles, rounds, roundLoadErrors, validateRound, type RoundDefinition } from '../../src/rounds/definitions';
import {
  attemptScore,
  createAttempt,
  currentPartIndex,
  finishRound,
  formatClock,
  partReports,
  partTimeMs,
  recordSubmission,
  remainingMs,
  restoreAttempt,
  saveCode,
  settle,
  skipPart,
  takeHint,
  type RoundAttempt,
} from '../../src/rounds/roundState';
import { listAttempts, loadAttempt, memoryKeyValue, saveAttempt } from '../../src/rounds/roundStore';
import { parseHash } from '../../src/router';
import { gradeStatus, reportNotebookGrade, roundFromQuery } from '../../src/rounds/notebookBridge';

const ROOT = resolve(__dirname, '../..');
const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

const ROUND: RoundDefinition = {
  id: 'test-round',
  title: 'Test round',
  format: 'progressive',
  durationMinutes: 30,
  description: 'for tests',
  parts: [
    { kind: 'problem', problemId: 'attention/scaled-dot-product', points: 20 },
    { kind: 'problem', problemId: 'attention/multi-head-causal', points: 30 },
    { kind: 'notebook', notebookId: 'char-lm', points: 50 },
  ],
};

function start(now = T0): RoundAttempt {
  return createAttempt(ROUND, { now, attemptId: 'a1' });
}

const states = (attempt: RoundAttempt) => attempt.parts.map((part) => part.state);

describe('round definitions', () => {
  it('every shipped file validates', () => {
    expect(roundLoadErrors).toEqual([]);
    const files = readdirSync(join(ROOT, 'rounds')).filter((file) => file.endsWith('.json'));
    expect(rounds.map((round) => `${round.id}.json`).sort()).toEqual(files.sort());
  });

  it('ships the required formats: ≥ 6 rounds, a 45-minute implementation and debugging round, a 90-minute four-level round', () => {
    expect(rounds.length).toBeGreaterThanOrEqual(6);
    expect(rounds.some((r) => r.format === 'implementation' && r.durationMinutes === 45)).toBe(true);
    expect(rounds.some((r) => r.format === 'debugging' && r.durationMinutes === 45 && r.parts.every((p) => p.kind === 'notebook'))).toBe(true);
    expect(rounds.some((r) => r.format === 'progressive' && r.durationMinutes === 90 && r.parts.length === 4)).toBe(true);
    for (const format of ['post-training', 'classic-ml', 'mixed'] as const) {
      expect(rounds.some((r) => r.format === format), format).toBe(true);
    }
  });

  it.each(rounds.map((round) => [round.id, round] as const))('%s references existing problems', (_id, round) => {
    for (const part of round.parts) {
      if (part.kind === 'problem') {
        expect(existsSync(join(ROOT, 'problems', part.problemId, 'meta.json')), part.problemId).toBe(true);
      }
    }
  });

  /**
   * Notebooks referenced before they are written; the round page shows them as "not available".
   * Remove an id once its folder lands (the test says so), so the list cannot go stale.
   */
  const PENDING_NOTEBOOKS = new Set<string>([]);

  it('every referenced notebook exists under notebooks/ or is listed as pending', () => {
    for (const round of rounds) {
      for (const part of round.parts) {
        if (part.kind !== 'notebook') continue;
        const exists = existsSync(join(ROOT, 'notebooks', part.notebookId, 'notebook.json'));
        if (PENDING_NOTEBOOKS.has(part.notebookId)) expect(exists, `${part.notebookId} has landed: drop it from PENDING_NOTEBOOKS`).toBe(false);
        else expect(exists, `notebooks/${part.notebookId}/notebook.json`).toBe(true);
      }
    }
  });

  it('a problem part has hints to charge for or none at all (hints.md splits cleanly)', () => {
    for (const round of rounds) {
      for (const part of round.parts) {
        if (part.kind !== 'problem') continue;
        const hints = join(ROOT, 'problems', part.problemId, 'hints.md');
        if (existsSync(hints)) expect(readFileSync(hints, 'utf8').trim().length, part.problemId).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    [{ ...ROUND, id: 'other' }, '"id" is "other" but the file is test-round.json'],
    [{ ...ROUND, format: 'speedrun' }, '"format" must be one of'],
    [{ ...ROUND, durationMinutes: 0 }, '"durationMinutes" must be a number'],
    [{ ...ROUND, parts: ROUND.parts.slice(0, 1) }, '"parts" must have 2–4 entries, not 1'],
    [{ ...ROUND, parts: [...ROUND.parts, ROUND.parts[0]] }, 'lists problem:attention/scaled-dot-product more than once'],
    [{ ...ROUND, parts: [{ kind: 'video', points: 1 }, ROUND.parts[1]] }, 'parts[0].kind must be "problem" or "notebook"'],
    [{ ...ROUND, parts: [{ kind: 'problem', problemId: 'no-track', points: 5 }, ROUND.parts[1]] }, 'parts[0].problemId must look like'],
    [{ ...ROUND, parts: [{ ...ROUND.parts[0], points: 2.5 }, ROUND.parts[1]] }, 'parts[0].points must be a positive integer'],
    [{ ...ROUND, title: '' }, '"title" must be a non-empty string'],
    ['not an object', 'the file must hold a JSON object'],
  ])('rejects a broken definition with a clear error (%#)', (raw, message) => {
    const result = validateRound(raw, 'test-round');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });

  it('keeps valid files and reports broken ones by path', () => {
    const { rounds: loaded, errors } = loadRoundFiles({ '/rounds/test-round.json': ROUND, '/rounds/bad.json': { id: 'bad' } });
    expect(loaded.map((r) => r.id)).toEqual(['test-round']);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('/rounds/bad.json');
  });
});

describe('round state', () => {
  it('starts with the first part open, the rest locked, and the full time on the clock', () => {
    const attempt = start();
    expect(states(attempt)).toEqual(['open', 'locked', 'locked']);
    expect(remainingMs(attempt, T0)).toBe(30 * MIN);
    expect(remainingMs(attempt, T0 + 10 * MIN)).toBe(20 * MIN);
    expect(currentPartIndex(attempt)).toBe(0);
  });

  it('a wrong or run-only verdict is recorded but unlocks nothing; an accepted Submit unlocks the next part', () => {
    let attempt = start();
    attempt = recordSubmission(attempt, 0, 'submit', 'wrong-answer', T0 + MIN);
    attempt = recordSubmission(attempt, 0, 'run', 'accepted', T0 + 2 * MIN);
    expect(states(attempt)).toEqual(['open', 'locked', 'locked']);
    attempt = recordSubmission(attempt, 0, 'submit', 'accepted', T0 + 3 * MIN, 'code v1');
    expect(states(attempt)).toEqual(['accepted', 'open', 'locked']);
    expect(attempt.parts[0].submissions.map((s) => `${s.mode}:${s.status}`)).toEqual(['submit:wrong-answer', 'run:accepted', 'submit:accepted']);
    expect(attempt.parts[0].code).toBe('code v1');
    expect(attempt.parts[1].openedAt).toBe(T0 + 3 * MIN);
    expect(partTimeMs(attempt, 0, T0 + 20 * MIN)).toBe(3 * MIN);
    expect(currentPartIndex(attempt)).toBe(1);
  });

  it('locked and closed parts ignore submissions, hints and code', () => {
    let attempt = start();
    const before = attempt;
    attempt = recordSubmission(attempt, 1, 'submit', 'accepted', T0 + MIN);
    attempt = takeHint(attempt, 2, T0 + MIN, 3);
    attempt = saveCode(attempt, 1, 'x', T0 + MIN);
    expect(attempt).toEqual(before);
  });

  it('an explicit skip unlocks the next part and scores nothing', () => {
    let attempt = start();
    attempt = skipPart(attempt, 0, T0 + 5 * MIN);
    expect(states(attempt)).toEqual(['skipped', 'open', 'locked']);
    expect(attemptScore(attempt)).toEqual({ earned: 0, possible: 100 });
  });

  it('hints cost points (default: a fifth of the part) and stop at the number available', () => {
    let attempt = start();
    expect(attempt.parts.map((p) => p.hintCost)).toEqual([4, 6, 10]);
    for (let i = 0; i < 5; i++) attempt = takeHint(attempt, 0, T0 + MIN, 3);
    expect(attempt.parts[0].hintsUsed).toBe(3);
    attempt = recordSubmission(attempt, 0, 'submit', 'accepted', T0 + 2 * MIN);
    expect(attemptScore(attempt)).toEqual({ earned: 20 - 3 * 4, possible: 100 });
    // A round-wide hintCost replaces the default and a part never goes below zero.
    let costly = createAttempt({ ...ROUND, hintCost: 15 }, { now: T0 });
    costly = takeHint(costly, 0, T0, 3);
    costly = takeHint(costly, 0, T0, 3);
    costly = recordSubmission(costly, 0, 'submit', 'accepted', T0 + MIN);
    expect(attemptScore(costly).earned).toBe(0);
  });

  it('accepting or skipping the last part completes the round', () => {
    let attempt = start();
    attempt = recordSubmission(attempt, 0, 'submit', 'accepted', T0 + MIN);
    attempt = skipPart(attempt, 1, T0 + 2 * MIN);
    attempt = recordSubmission(attempt, 2, 'submit', 'self-reported', T0 + 4 * MIN);
    expect(states(attempt)).toEqual(['accepted', 'skipped', 'accepted']);
    expect(attempt.endReason).toBe('completed');
    expect(attempt.endedAt).toBe(T0 + 4 * MIN);
    expect(remainingMs(attempt, T0 + 29 * MIN)).toBe(26 * MIN);
    expect(attemptScore(attempt)).toEqual({ earned: 70, possible: 100 });
  });

  it('at zero the round ends at its deadline and locks: nothing changes after that', () => {
    let attempt = start();
    attempt = saveCode(attempt, 0, 'draft', T0 + MIN);
    const late = T0 + 30 * MIN + 1;
    expect(remainingMs(attempt, late)).toBe(0);
    const ended = settle(attempt, late);
    expect(ended.endReason).toBe('time-up');
    expect(ended.endedAt).toBe(T0 + 30 * MIN);
    expect(ended.parts[0]).toMatchObject({ state: 'open', closedAt: T0 + 30 * MIN, code: 'draft' });
    expect(recordSubmission(ended, 0, 'submit', 'accepted', late)).toBe(ended);
    expect(saveCode(ended, 0, 'edited after time', late)).toBe(ended);
    expect(skipPart(ended, 0, late)).toBe(ended);
    // An accepted verdict that arrives after the deadline does not count either.
    expect(recordSubmission(attempt, 0, 'submit', 'accepted', late).parts[0].state).toBe('open');
    expect(partTimeMs(ended, 0, late + 60 * MIN)).toBe(30 * MIN);
  });

  it('ending early freezes the clock and the open part', () => {
    let attempt = start();
    attempt = finishRound(attempt, T0 + 12 * MIN);
    expect(attempt.endReason).toBe('ended');
    expect(remainingMs(attempt, T0 + 25 * MIN)).toBe(18 * MIN);
    expect(finishRound(attempt, T0 + 13 * MIN)).toBe(attempt);
  });

  it('resumes after a reload with the right remaining time, from what storage gave back', async () => {
    const kv = memoryKeyValue();
    let attempt = createAttempt(ROUND, { now: T0, attemptId: 'resume', durationMs: 10 * MIN });
    attempt = recordSubmission(attempt, 0, 'submit', 'accepted', T0 + 2 * MIN, 'solution');
    attempt = takeHint(attempt, 1, T0 + 3 * MIN, 3);
    await saveAttempt(attempt, kv, T0 + 3 * MIN);

    // "Reload" four minutes later: nothing in memory survives but the store.
    const restored = await loadAttempt('resume', kv);
    expect(restored).toEqual({ ...attempt, updatedAt: T0 + 3 * MIN });
    expect(remainingMs(restored!, T0 + 6 * MIN)).toBe(4 * MIN);
    expect(states(restored!)).toEqual(['accepted', 'open', 'locked']);
    expect(restored!.parts[1].hintsUsed).toBe(1);

    // Coming back after the deadline: the round ended at the deadline, not on return.
    const expired = settle(restored!, T0 + 60 * MIN);
    expect(expired.endedAt).toBe(T0 + 10 * MIN);
    expect(partTimeMs(expired, 1, T0 + 60 * MIN)).toBe(8 * MIN);
    await saveAttempt(expired, kv);
    await saveAttempt(createAttempt(ROUND, { now: T0 + 70 * MIN, attemptId: 'newer' }), kv);
    kv.data.set('draft:attention/scaled-dot-product', { code: 'unrelated' });
    kv.data.set('round:corrupt', { version: 999 });
    expect((await listAttempts(kv)).map((a) => a.attemptId)).toEqual(['newer', 'resume']);
  });

  it('restoreAttempt rejects records it cannot trust', () => {
    expect(restoreAttempt(undefined)).toBeUndefined();
    expect(restoreAttempt({ ...start(), version: 0 })).toBeUndefined();
    expect(restoreAttempt({ ...start(), parts: 'nope' })).toBeUndefined();
    expect(restoreAttempt(JSON.parse(JSON.stringify(start())))).toEqual(start());
  });

  it('the report has time, submissions, verdicts, hints, code and points per part', () => {
    let attempt = start();
    attempt = recordSubmission(attempt, 0, 'run', 'wrong-answer', T0 + MIN, 'v0');
    attempt = takeHint(attempt, 0, T0 + MIN, 3);
    attempt = recordSubmission(attempt, 0, 'submit', 'accepted', T0 + 4 * MIN, 'v1');
    attempt = saveCode(attempt, 1, 'half done', T0 + 5 * MIN);
    attempt = settle(attempt, T0 + 31 * MIN);
    const report = partReports(attempt, T0 + 40 * MIN);
    expect(report[0]).toMatchObject({ state: 'accepted', timeMs: 4 * MIN, runs: 1, submits: 1, hintsUsed: 1, earned: 16, points: 20, code: 'v1' });
    expect(report[0].verdicts.map((v) => v.status)).toEqual(['wrong-answer', 'accepted']);
    expect(report[1]).toMatchObject({ state: 'open', timeMs: 26 * MIN, runs: 0, submits: 0, earned: 0, code: 'half done' });
    expect(report[2]).toMatchObject({ state: 'locked', timeMs: 0, earned: 0 });
  });

  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [45 * MIN, '45:00'],
    [90 * MIN, '1:30:00'],
  ])('formatClock(%d) = %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('round routes', () => {
  it.each([
    ['#/rounds', { kind: 'rounds' }],
    ['#/rounds/', { kind: 'rounds' }],
    ['#/rounds/attention-progressive', { kind: 'round-start', roundId: 'attention-progressive' }],
    ['#/rounds/attention-progressive?duration=45', { kind: 'round-start', roundId: 'attention-progressive', durationSeconds: 45 }],
    ['#/rounds/attention-progressive?duration=-3', { kind: 'round-start', roundId: 'attention-progressive' }],
    ['#/rounds/attempt/mi3x-0a1b', { kind: 'round-attempt', attemptId: 'mi3x-0a1b' }],
    ['#/rounds/report/mi3x-0a1b', { kind: 'round-report', attemptId: 'mi3x-0a1b' }],
    ['#/rounds/report/a/b', { kind: 'not-found', path: '/rounds/report/a/b' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });
});

describe('notebook grades reach the round', () => {
  const NOTEBOOK_ROUND: RoundDefinition = {
    ...ROUND,
    parts: [
      { kind: 'notebook', notebookId: 'spirals-mlp', points: 40 },
      { kind: 'notebook', notebookId: 'sine-regression', points: 60 },
    ],
  };
  const passing = { status: 'graded', targetMet: true, probes: [{ passed: true }, { passed: true }] } as const;

  it.each([
    [passing, 'accepted'],
    [{ ...passing, targetMet: false }, 'wrong-answer'],
    [{ ...passing, probes: [{ passed: true }, { passed: false }] }, 'wrong-answer'],
    [{ ...passing, status: 'cell-error' }, 'runtime-error'],
    [{ ...passing, status: 'time-limit' }, 'time-limit'],
  ] as const)('grade %# → %s', (grade, status) => {
    expect(gradeStatus(grade)).toBe(status);
  });

  it('a failing grade is a submission, a passing one accepts the open part; other notebooks and ended rounds are ignored', async () => {
    const kv = memoryKeyValue();
    await saveAttempt(createAttempt(NOTEBOOK_ROUND, { now: T0, attemptId: 'nb' }), kv);
    expect(await reportNotebookGrade('nb', 'sine-regression', passing, T0 + MIN, kv)).toBeUndefined();
    expect(await reportNotebookGrade('missing', 'spirals-mlp', passing, T0 + MIN, kv)).toBeUndefined();
    await reportNotebookGrade('nb', 'spirals-mlp', { ...passing, targetMet: false }, T0 + 2 * MIN, kv);
    const accepted = await reportNotebookGrade('nb', 'spirals-mlp', passing, T0 + 3 * MIN, kv);
    expect(states(accepted!)).toEqual(['accepted', 'open']);
    expect(accepted!.parts[0].submissions.map((s) => s.status)).toEqual(['wrong-answer', 'accepted']);
    expect(await reportNotebookGrade('nb', 'sine-regression', passing, T0 + 31 * MIN, kv)).toBeUndefined();
    expect(states((await loadAttempt('nb', kv))!)).toEqual(['accepted', 'open']);
  });

  it('reads the attempt id from the notebook page query', () => {
    expect(roundFromQuery(new URLSearchParams('round=mi3x-0a1b'))).toBe('mi3x-0a1b');
    expect(roundFromQuery(new URLSearchParams('round=../x'))).toBeUndefined();
    expect(roundFromQuery(new URLSearchParams(''))).toBeUndefined();
  });
});
