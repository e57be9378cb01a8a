import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../src/storage/records';
import {
  formatDuration,
  practiceTime,
  practiseAgain,
  PRACTISE_AGAIN_AFTER_MS,
  statusOf,
  streakDays,
  trackProgress,
  weakestTracks,
  type ProblemRecords,
  type ProblemRef,
} from '../../src/storage/stats';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2026, 10, 25, 18, 0).getTime();
const sub = (at: number, status: SubmissionRecord['status'] = 'accepted'): SubmissionRecord => ({
  at,
  mode: 'submit',
  status,
  passed: 1,
  total: 1,
  backend: 'wasm',
});
const ref = (id: string): ProblemRef => ({ id, title: id, track: id.split('/')[0], trackTitle: id.split('/')[0].toUpperCase() });

describe('streak', () => {
  it.each([
    ['no submissions', [], 0],
    ['accepted today only', [sub(NOW - 1000)], 1],
    ['today, yesterday and the day before', [sub(NOW), sub(NOW - DAY), sub(NOW - 2 * DAY)], 3],
    ['yesterday and before (today not yet)', [sub(NOW - DAY), sub(NOW - 2 * DAY)], 2],
    ['a gap breaks it', [sub(NOW), sub(NOW - 2 * DAY)], 1],
    ['failed submissions do not count', [sub(NOW, 'wrong-answer'), sub(NOW - DAY)], 1],
    ['last solve two days ago', [sub(NOW - 2 * DAY)], 0],
  ])('%s', (_name, submissions, expected) => {
    expect(streakDays(submissions, NOW)).toBe(expected);
  });
});

describe('status and tracks', () => {
  const records: Record<string, ProblemRecords> = {
    'a/one': { progress: { runs: 1, submits: 1, solved: true, solvedAt: NOW }, submissions: [sub(NOW)] },
    'a/two': { progress: { runs: 2, submits: 0, solved: false }, submissions: [] },
    'b/one': { progress: { runs: 0, submits: 3, solved: false }, submissions: [sub(1, 'wrong-answer'), sub(2, 'wrong-answer'), sub(3, 'runtime-error')] },
  };
  const problems = ['a/one', 'a/two', 'a/three', 'b/one', 'b/two', 'c/one'].map(ref);

  it('derives new / attempted / solved', () => {
    expect([statusOf(records['a/one']), statusOf(records['a/two']), statusOf(undefined)]).toEqual(['solved', 'attempted', 'new']);
  });

  it('counts solved per track and ranks started tracks weakest first', () => {
    const tracks = trackProgress(problems, records);
    expect(tracks.map((t) => [t.track, t.solved, t.total, t.failedSubmits])).toEqual([
      ['a', 1, 3, 0],
      ['b', 0, 2, 3],
      ['c', 0, 1, 0],
    ]);
    expect(weakestTracks(tracks).map((t) => t.track)).toEqual(['b', 'a']);
  });
});

describe('practise again', () => {
  const problems = ['a/old', 'a/recent', 'a/peeked', 'a/peeked-after', 'a/unsolved'].map(ref);
  const records: Record<string, ProblemRecords> = {
    'a/old': { progress: { runs: 0, submits: 1, solved: true, solvedAt: NOW - 20 * DAY }, submissions: [sub(NOW - 20 * DAY)] },
    'a/recent': { progress: { runs: 0, submits: 1, solved: true, solvedAt: NOW - DAY }, submissions: [sub(NOW - DAY)] },
    'a/peeked': {
      progress: { runs: 0, submits: 1, solved: true, solvedAt: NOW - DAY, solutionViewedAt: NOW - 2 * DAY },
      submissions: [sub(NOW - DAY)],
    },
    // Solved first, then read the editorial: not "only after viewing".
    'a/peeked-after': {
      progress: { runs: 0, submits: 1, solved: true, solvedAt: NOW - 3 * DAY, solutionViewedAt: NOW - DAY },
      submissions: [sub(NOW - 3 * DAY)],
    },
    'a/unsolved': { progress: { runs: 3, submits: 0, solved: false, solutionViewedAt: NOW }, submissions: [] },
  };

  it('queues problems solved long ago or only after viewing the solution, oldest first', () => {
    const queue = practiseAgain(problems, records, NOW);
    expect(queue.map((e) => [e.problem.id, e.reason])).toEqual([
      ['a/old', 'solved-long-ago'],
      ['a/peeked', 'solved-after-solution'],
    ]);
  });

  it('the threshold is 14 days', () => {
    const justInside = { 'a/old': { progress: { runs: 0, submits: 1, solved: true }, submissions: [sub(NOW - PRACTISE_AGAIN_AFTER_MS + 1000)] } };
    expect(practiseAgain(problems, justInside, NOW)).toEqual([]);
  });
});

it('practice time sums every day and the last seven', () => {
  const today = new Date(NOW);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const daysAgo = (n: number) => iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - n));
  expect(practiceTime({ [daysAgo(0)]: 60_000, [daysAgo(6)]: 120_000, [daysAgo(7)]: 600_000 }, NOW)).toEqual({
    totalMs: 780_000,
    last7DaysMs: 180_000,
  });
  expect([formatDuration(30_000), formatDuration(12 * 60_000), formatDuration(65 * 60_000)]).toEqual(['< 1 min', '12 min', '1 h 5 min']);
});
