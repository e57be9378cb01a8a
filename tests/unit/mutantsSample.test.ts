/**
 * The quick form of `npm run mutants` for CI: a seeded sample of each reference's mutants must be
 * rejected by the problem's cases (or be a reviewed equivalent), so a new problem cannot land with
 * cases too weak to reject its own plausible wrong answers. The full run is `npm run mutants`.
 */
import { describe, expect, it } from 'vitest';
import { seedFor } from '../../src/judge/judge';
import { problemIds } from '../../src/judge/registry';
import { Rng } from '../../src/judge/rng';
import { prepareMutants } from '../../src/mutants/judgeMutants';
import { useBackend } from './tfSetup';

const SAMPLE_PER_PROBLEM = 4;

describe.each(problemIds)('%s', (problemId) => {
  it(`rejects a sample of ${SAMPLE_PER_PROBLEM} mutants of its reference`, async () => {
    const tf = await useBackend('cpu');
    const judge = await prepareMutants(tf, 'cpu', problemId);
    expect(judge.referenceStatus).toBe('accepted');
    // Mutants inside while loops or loop headers may never return: only the full run (which can
    // terminate a stuck thread) judges those.
    const pool = judge.mutants.filter((m) => !m.mayHang && !(m.key in judge.equivalents));
    const rng = new Rng(seedFor(problemId) ^ 0x5eed);
    const sample = [];
    while (sample.length < SAMPLE_PER_PROBLEM && pool.length) sample.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
    const survivors: string[] = [];
    for (const mutant of sample) {
      const { status } = await judge.judge(mutant);
      if (status === 'accepted') survivors.push(`${mutant.key}\n  - ${mutant.before}\n  + ${mutant.after}`);
    }
    expect(survivors).toEqual([]);
  });
});
