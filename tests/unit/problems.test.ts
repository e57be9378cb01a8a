/**
 * Every problem proves itself on every backend Node can run: the reference (submitted as a user
 * would) is accepted, the starter is rejected, and each known mistake is rejected with the
 * diagnostic its definition names.
 */
import { describe, expect, it } from 'vitest';
import { Runner } from '../../workers/Runner';
import { loadMistakeSources, loadProblem, loadSource, problemIds } from '../../src/judge/registry';
import { NODE_BACKENDS, tf } from './tfSetup';

let runId = 1;

describe.each(NODE_BACKENDS)('problems on %s', (backend) => {
  const runner = new Runner(tf);

  it('has problems', async () => {
    expect(problemIds.length).toBeGreaterThan(0);
    await runner.init(backend);
    expect(tf.getBackend()).toBe(backend);
  });

  describe.each(problemIds)('%s', (problemId) => {
    it('accepts the reference', async () => {
      await runner.init(backend);
      const verdict = await runner.judge({ runId: runId++, problemId, source: await loadSource(problemId, 'reference'), mode: 'submit' });
      const failures = verdict.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.diagnostic?.message}`);
      expect(failures).toEqual([]);
      expect(verdict.error).toBeUndefined();
      expect(verdict.status).toBe('accepted');
      expect(verdict.cases.length).toBeGreaterThanOrEqual(10);
    });

    it('rejects the starter', async () => {
      await runner.init(backend);
      const verdict = await runner.judge({ runId: runId++, problemId, source: await loadSource(problemId, 'starter'), mode: 'submit' });
      expect(verdict.status).not.toBe('accepted');
    });

    it('has at least 4 known mistakes, each with a source file', async () => {
      const problem = await loadProblem(problemId);
      const sources = await loadMistakeSources(problemId);
      expect(problem.mistakes.length).toBeGreaterThanOrEqual(4);
      expect(Object.keys(sources).sort()).toEqual(problem.mistakes.map((m) => m.id).sort());
    });

    it('rejects every known mistake with its diagnostic', async () => {
      await runner.init(backend);
      const problem = await loadProblem(problemId);
      const sources = await loadMistakeSources(problemId);
      const report = [];
      for (const mistake of problem.mistakes) {
        const verdict = await runner.judge({ runId: runId++, problemId, source: sources[mistake.id], mode: 'submit' });
        const firstFailure = verdict.cases.find((c) => !c.passed);
        report.push({
          mistake: mistake.id,
          status: verdict.status,
          kind: firstFailure?.diagnostic?.kind ?? verdict.error?.name,
          named: firstFailure?.diagnostic?.likelyMistake?.id,
        });
      }
      expect(report).toEqual(
        problem.mistakes.map((m) => ({
          mistake: m.id,
          status: m.diagnostic === 'runtime-error' || m.diagnostic === 'forbidden-api' ? 'runtime-error' : 'wrong-answer',
          kind: m.diagnostic,
          named: m.diagnostic === 'runtime-error' || m.diagnostic === 'forbidden-api' ? undefined : m.id,
        })),
      );
    });
  });
});
