/**
 * Every problem proves itself on every backend Node can run: the reference and every independent
 * alternative solution (submitted as a user would) are accepted, the starter is rejected, and each
 * known mistake is rejected with the diagnostic its definition names, named as itself and never as
 * another (two mistakes are named together only when each names the other: same output).
 */
import { describe, expect, it } from 'vitest';
import { Runner } from '../../workers/Runner';
import { loadAlternatives, loadMistakeSources, loadProblem, loadSource, problemIds } from '../../src/judge/registry';
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

    it('accepts every independent alternative solution', async () => {
      await runner.init(backend);
      const alternatives = await loadAlternatives(problemId);
      expect(Object.keys(alternatives).length).toBeGreaterThanOrEqual(1);
      const report: Record<string, string[]> = {};
      for (const [name, source] of Object.entries(alternatives)) {
        const verdict = await runner.judge({ runId: runId++, problemId, source, mode: 'submit' });
        report[name] = verdict.status === 'accepted' ? [] : [verdict.status, ...verdict.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.diagnostic?.message}`), verdict.error?.message ?? ''];
      }
      expect(report).toEqual(Object.fromEntries(Object.keys(alternatives).map((name) => [name, []])));
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
      const names: Record<string, string[]> = {};
      for (const mistake of problem.mistakes) {
        const verdict = await runner.judge({ runId: runId++, problemId, source: sources[mistake.id], mode: 'submit' });
        const firstFailure = verdict.cases.find((c) => !c.passed);
        const diagnostic = firstFailure?.diagnostic;
        names[mistake.id] = diagnostic?.likelyMistake ? [diagnostic.likelyMistake.id, ...(diagnostic.alsoLikely ?? []).map((m) => m.id)] : [];
        report.push({
          mistake: mistake.id,
          status: verdict.status,
          kind: diagnostic?.kind ?? verdict.error?.name,
          namedAsItself: names[mistake.id].includes(mistake.id),
        });
      }
      const valueMistake = (m: { diagnostic: string }) => m.diagnostic !== 'runtime-error' && m.diagnostic !== 'forbidden-api';
      expect(report).toEqual(
        problem.mistakes.map((m) => ({
          mistake: m.id,
          status: valueMistake(m) ? 'wrong-answer' : 'runtime-error',
          kind: m.diagnostic,
          namedAsItself: valueMistake(m),
        })),
      );
      // Never named as another: a second name is allowed only for a mistake with the same output.
      const wrongNames = Object.entries(names).flatMap(([id, named]) => named.filter((other) => other !== id && !names[other]?.includes(id)).map((other) => `${id} named as ${other}`));
      expect(wrongNames).toEqual([]);
    });
  });
});
