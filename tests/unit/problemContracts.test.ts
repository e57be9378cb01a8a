/**
 * Each problem's statement, as declared in code: the reference keeps the output contract on every
 * case, and the case generator keeps its stated properties under seeds other than the fixed one
 * (its own assertions hold, the reference still meets the contract, and the reference is accepted
 * by the problem's own comparison on those cases).
 */
import { describe, expect, it } from 'vitest';
import { contractViolations } from '../../src/judge/contract';
import { runReference } from '../../src/judge/execute';
import { JudgeCache, casesFor, judgeSource } from '../../src/judge/judge';
import { loadProblem, loadSource, problemIds } from '../../src/judge/registry';
import { Rng } from '../../src/judge/rng';
import { useBackend } from './tfSetup';

/** Seeds besides each problem's own: generators must not depend on a lucky draw. */
const OTHER_SEEDS = [1, 20261129, 0x9e3779b9];

describe.each(problemIds)('%s', (problemId) => {
  it('declares its output contract, and the reference keeps it on every case', async () => {
    const tf = await useBackend('cpu');
    const problem = await loadProblem(problemId);
    expect(problem.output, `${problemId} has no output contract in problem.ts`).toBeDefined();
    const violations: string[] = [];
    for (const spec of casesFor(problem, 'submit')) {
      const value = await runReference(tf, problem, spec.args);
      violations.push(...contractViolations(problem.output!, value, spec.args).map((v) => `${spec.name}: ${v}`));
    }
    expect(violations).toEqual([]);
  });

  it.each(OTHER_SEEDS)('keeps its stated case properties under seed %i', async (seed) => {
    const tf = await useBackend('cpu');
    const problem = await loadProblem(problemId);
    const reseeded = { ...problem, cases: () => problem.cases(new Rng(seed)) };
    const specs = reseeded.cases();
    expect(specs.length).toBeGreaterThanOrEqual(10);
    const violations: string[] = [];
    for (const spec of specs) {
      const value = await runReference(tf, problem, spec.args);
      if (problem.output) violations.push(...contractViolations(problem.output, value, spec.args).map((v) => `${spec.name}: ${v}`));
    }
    expect(violations).toEqual([]);
    const verdict = await judgeSource(
      { tf, backend: 'cpu', problem: reseeded, mistakeSources: {}, cache: new JudgeCache() },
      { runId: seed, problemId, source: await loadSource(problemId, 'reference'), mode: 'submit' },
    );
    expect(verdict.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.diagnostic?.message}`)).toEqual([]);
  });
});
