/** The judge's contract on a tiny inline problem: verdict kinds, input protection, leak counting. */
import { describe, expect, it } from 'vitest';
import { weigh } from '../../src/judge/classify';
import type { Plain } from '../../src/judge/compare';
import { JudgeCache, judgeSource } from '../../src/judge/judge';
import { defineProblem } from '../../src/judge/problem';
import { tensorSpec } from '../../src/judge/inputs';
import { tf, useBackend } from './tfSetup';

const problem = defineProblem({
  id: 'test/add-weights',
  entry: 'addWeights',
  argNames: ['x', 'weights'],
  reference: (x: tf.Tensor, w: { a: tf.Tensor }) => tf.add(x, w.a),
  cases: () => [
    { name: 'example', public: true, args: [tensorSpec([1, 2], [2]), { a: tensorSpec([3, 4], [2]) }] },
    { name: 'hidden', public: false, args: [tensorSpec([5, 6, 7], [3]), { a: tensorSpec([1, 1, 1], [3]) }] },
  ],
  mistakes: [],
});

async function judge(source: string, mode: 'run' | 'submit' = 'submit') {
  await useBackend('cpu');
  return judgeSource({ tf, backend: 'cpu', problem, mistakeSources: {} }, { runId: 1, problemId: problem.id, source, mode });
}

const header = "import * as tf from '@tensorflow/tfjs';\n";

describe('judgeSource', () => {
  it('accepts a correct answer and runs only public cases on Run', async () => {
    const source = `${header}export function addWeights(x: tf.Tensor, w: { a: tf.Tensor }) { return tf.add(x, w.a); }`;
    expect((await judge(source)).status).toBe('accepted');
    expect((await judge(source, 'run')).cases.map((c) => c.name)).toEqual(['example']);
  });

  it('flags a nested input that was disposed', async () => {
    const verdict = await judge(`${header}export function addWeights(x, w) { const y = tf.add(x, w.a); w.a.dispose(); return y; }`);
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases[0].diagnostic).toMatchObject({ kind: 'mutated-input' });
    expect(verdict.cases[0].diagnostic?.message).toContain('weights.a');
  });

  it('counts leaked intermediates without failing the case', async () => {
    const verdict = await judge(`${header}export function addWeights(x, w) { const t = tf.mul(x, 1); return tf.add(t, w.a); }`);
    expect(verdict.status).toBe('accepted');
    expect(verdict.cases[0].leakedTensors).toBe(1);
  });

  it('reports a missing export as a compile error', async () => {
    const verdict = await judge(`${header}export function add(x, w) { return x; }`);
    expect(verdict.status).toBe('compile-error');
    expect(verdict.error?.message).toMatch(/must export a function named addWeights.*It exports: add/);
  });

  it("reports a runtime error with the user's line", async () => {
    const verdict = await judge(`${header}export function addWeights(x, w) {\n  const y = 1;\n  throw new Error('boom');\n}`);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error).toMatchObject({ message: 'boom', location: { line: 4 } });
  });

  it('keeps wrong-answer when a later case throws after an earlier wrong one', async () => {
    const verdict = await judge(`${header}export function addWeights(x, w) {\n  if (x.size > 2) throw new Error('too big');\n  return tf.sub(x, w.a);\n}`);
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases.map((c) => c.diagnostic?.kind)).toEqual(['mismatch', 'runtime-error']);
  });

  it('says when nothing is returned', async () => {
    const verdict = await judge(`${header}export function addWeights(x, w) { tf.add(x, w.a); }`);
    expect(verdict.cases[0].diagnostic?.kind).toBe('not-a-tensor');
    expect(verdict.cases[0].diagnostic?.message).toContain('did you forget to return');
  });

  it('does not leave judge tensors behind', async () => {
    await useBackend('cpu');
    const before = tf.memory().numTensors;
    await judge(`${header}export function addWeights(x, w) { return tf.add(x, w.a); }`);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes reference answers once per case when given a cache', async () => {
    await useBackend('cpu');
    let calls = 0;
    const counted = { ...problem, reference: (x: tf.Tensor, w: { a: tf.Tensor }) => (calls++, tf.add(x, w.a)) };
    const cache = new JudgeCache();
    const source = `${header}export function addWeights(x, w) { return tf.add(x, w.a); }`;
    for (let i = 0; i < 3; i++) {
      const verdict = await judgeSource({ tf, backend: 'cpu', problem: counted, mistakeSources: {}, cache }, { runId: i, problemId: problem.id, source, mode: 'submit' });
      expect(verdict.status).toBe('accepted');
    }
    expect(calls).toBe(2);
  });
});

describe('size-capped problems (tf.profile)', () => {
  const capped = defineProblem({
    ...problem,
    id: 'test/add-weights-capped',
    maxTensorElements: () => 100,
  });

  it("a runtime error inside the profiled call reaches the user with tfjs's own message and leaves no profiling state", async () => {
    await useBackend('cpu');
    const source = `${header}export function addWeights(x, w) { return tf.matMul(x.reshape([1, -1]), tf.ones([7, 2])); }`;
    const verdict = await judgeSource({ tf, backend: 'cpu', problem: capped, mistakeSources: {} }, { runId: 1, problemId: capped.id, source, mode: 'submit' });
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error?.message).toMatch(/inner dimensions|must match/i);
    expect(verdict.error?.message).not.toMatch(/reading 'map'/);
    expect((tf.engine() as unknown as { state: { profiling: boolean } }).state.profiling).toBe(false);
    // The next, correct submission is judged normally.
    const next = await judgeSource(
      { tf, backend: 'cpu', problem: capped, mistakeSources: {} },
      { runId: 2, problemId: capped.id, source: `${header}export function addWeights(x, w) { return tf.add(x, w.a); }`, mode: 'submit' },
    );
    expect(next.status).toBe('accepted');
  });
});

describe('plain inputs', () => {
  const plain = defineProblem({
    id: 'test/sum-rows',
    entry: 'sumRows',
    argNames: ['rows'],
    reference: (rows: number[][]) => rows.map((r) => r.reduce((a, b) => a + b, 0)),
    cases: () => [{ name: 'example', public: true, args: [[[1, 2], [3, 4]]] }],
    mistakes: [],
  });

  it('an array input changed in place is flagged, like a tensor input', async () => {
    await useBackend('cpu');
    const source = 'export function sumRows(rows) { const out = rows.map((r) => r[0] + r[1]); rows[0][0] = 99; return out; }';
    const verdict = await judgeSource({ tf, backend: 'cpu', problem: plain, mistakeSources: {} }, { runId: 1, problemId: plain.id, source, mode: 'submit' });
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases[0].diagnostic).toMatchObject({ kind: 'mutated-input' });
    expect(verdict.cases[0].diagnostic?.message).toContain('rows[0][0]');
  });
});

describe('weighing a known mistake against a wrong answer, field by field', () => {
  const tolerance = { atol: 1e-6, rtol: 1e-6 };
  const record = (loss: number, grad: number): Plain => ({ kind: 'object', entries: { loss: { kind: 'number', value: loss }, grad: { kind: 'number', value: grad } } });
  const expected = record(1, 2);

  it('agrees when the mistake is wrong exactly where the user is, with the same values', () => {
    expect(weigh(expected, record(5, 7), record(5, 7), tolerance)).toBe('agree');
  });

  it('is partial when the mistake explains only some of the fields the user got wrong', () => {
    expect(weigh(expected, record(5, 7), record(5, 2), tolerance)).toBe('partial');
  });

  it('disagrees when the mistake is wrong where the user is right, or wrong differently', () => {
    expect(weigh(expected, record(5, 2), record(5, 7), tolerance)).toBe('disagree');
    expect(weigh(expected, record(5, 7), record(6, 7), tolerance)).toBe('disagree');
  });

  it('is unexplained when the mistake is right on this case', () => {
    expect(weigh(expected, record(5, 7), record(1, 2), tolerance)).toBe('unexplained');
  });
});
