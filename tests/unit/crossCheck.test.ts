/**
 * The second engine: every problem with an ONNX formulation agrees with its tfjs reference on all
 * of its cases, and a planted wrong tfjs reference is reported as an engine disagreement instead of
 * accepting or rejecting the user.
 */
import { describe, expect, it } from 'vitest';
import { Runner } from '../../workers/Runner';
import { casesFor, engineTolerance, judgeSource, toPlain } from '../../src/judge/judge';
import { materialize } from '../../src/judge/inputs';
import { compareValues } from '../../src/judge/compare';
import { toleranceFor } from '../../src/judge/tolerance';
import { onnxExpected } from '../../src/onnx/crossCheck';
import { loadMistakeSources, loadOnnxFormulation, loadProblem, loadSource, onnxProblemIds } from '../../src/judge/registry';
import { NODE_BACKENDS, tf, useBackend } from './tfSetup';
import { nodeOnnxEngine } from './onnxSetup';

const engine = nodeOnnxEngine();

describe('ONNX cross-check', () => {
  it('covers the core problems', () => {
    expect(onnxProblemIds).toContain('attention/scaled-dot-product');
  });

  describe.each(NODE_BACKENDS)('tfjs on %s', (backend) => {
    it.each(onnxProblemIds)('%s: tfjs and onnxruntime references agree on every case', async (problemId) => {
      await useBackend(backend);
      const problem = await loadProblem(problemId);
      const formulation = (await loadOnnxFormulation(problemId))!;
      const disagreements: string[] = [];
      for (const spec of casesFor(problem, 'submit')) {
        const inputs = spec.args.map((arg) => materialize(tf, arg));
        const expected = await toPlain(tf, problem.reference(...inputs));
        tf.dispose(inputs as never);
        const second = await onnxExpected({ engine, formulation }, spec.args);
        // The same bound the judge applies between its two references.
        const diagnostic = compareValues(expected, second.value, engineTolerance(toleranceFor(problem, backend), second.provider));
        if (diagnostic) disagreements.push(`${spec.name}: ${diagnostic.message}`);
      }
      expect(disagreements).toEqual([]);
    });
  });

  it('reports engine disagreement when the tfjs reference is wrong, instead of judging the user', async () => {
    await useBackend('cpu');
    const problemId = 'attention/scaled-dot-product';
    const problem = await loadProblem(problemId);
    const formulation = (await loadOnnxFormulation(problemId))!;
    // Plant a bug in the tfjs reference: scores not scaled by √d.
    const planted = { ...problem, reference: (q: any, k: any, v: any) => tf.matMul(tf.softmax(tf.matMul(q, k, false, true), -1), v) };
    const context = { tf, backend: 'cpu' as const, problem: planted, mistakeSources: await loadMistakeSources(problemId), crossCheck: { engine, formulation } };
    for (const source of [await loadSource(problemId, 'reference'), await loadSource(problemId, 'starter')]) {
      const verdict = await judgeSource(context, { runId: 1, problemId, source, mode: 'submit' });
      expect(verdict.status).toBe('internal-error');
      expect(verdict.error?.name).toBe('EngineDisagreement');
      const failing = verdict.cases.find((c) => !c.passed);
      expect(failing?.diagnostic?.kind).toBe('engine-disagreement');
      expect(failing?.diagnostic?.message).toMatch(/tfjs\/cpu and onnxruntime\/wasm differ/);
    }
  });

  it('names both engines in checkedBy on Submit, and only tfjs on Run', async () => {
    const runner = new Runner(tf);
    await runner.init('wasm');
    runner.setOnnxEngine(engine);
    const problemId = 'attention/scaled-dot-product';
    const source = await loadSource(problemId, 'reference');
    const submit = await runner.judge({ runId: 1, problemId, source, mode: 'submit' });
    expect(submit.status).toBe('accepted');
    expect(submit.checkedBy).toEqual(['tfjs/wasm', 'onnxruntime/wasm']);
    const run = await runner.judge({ runId: 2, problemId, source, mode: 'run' });
    expect(run.checkedBy).toEqual(['tfjs/wasm']);
  });

  it('still rejects a known mistake with its diagnostic when cross-checked', async () => {
    const runner = new Runner(tf);
    await runner.init('cpu');
    runner.setOnnxEngine(engine);
    const problemId = 'attention/scaled-dot-product';
    const sources = await loadMistakeSources(problemId);
    const verdict = await runner.judge({ runId: 3, problemId, source: sources['missing-sqrt-d'], mode: 'submit' });
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases.find((c) => !c.passed)?.diagnostic?.likelyMistake?.id).toBe('missing-sqrt-d');
  });
});
