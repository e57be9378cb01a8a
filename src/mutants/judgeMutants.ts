/**
 * Judges a problem's mutants in-process, on Submit's cases, against the tfjs reference: one
 * JudgeCache per problem, so the reference runs once per case however many mutants there are.
 * Used by `npm run mutants` (inside a watched worker thread) and by the quick CI sample.
 */
import type * as tfType from '@tensorflow/tfjs';
import { JudgeCache, judgeSource } from '../judge/judge';
import { loadProblem, loadSource } from '../judge/registry';
import type { BackendName, VerdictStatus } from '../shared/protocol';
import { generateMutants, type Mutant } from './generate';

/** Reviewed equivalent mutants of a problem, by key, each with a one-line reason. */
const equivalentFiles = import.meta.glob<Record<string, string>>('/problems/*/*/equivalent-mutants.json', { import: 'default' });

export async function loadEquivalents(problemId: string): Promise<Record<string, string>> {
  return (await equivalentFiles[`/problems/${problemId}/equivalent-mutants.json`]?.()) ?? {};
}

export interface MutantJudge {
  mutants: Mutant[];
  equivalents: Record<string, string>;
  /** The reference's own status on these cases: anything but accepted makes the run meaningless. */
  referenceStatus: VerdictStatus;
  judge(mutant: Mutant): Promise<{ status: VerdictStatus; detail?: string }>;
}

export async function prepareMutants(tf: typeof tfType, backend: BackendName, problemId: string): Promise<MutantJudge> {
  const problem = await loadProblem(problemId);
  const reference = await loadSource(problemId, 'reference');
  const cache = new JudgeCache();
  let runId = 1;
  const judge = async (source: string) => {
    const verdict = await judgeSource({ tf, backend, problem, mistakeSources: {}, cache }, { runId: runId++, problemId, source, mode: 'submit' });
    const failing = verdict.cases.find((c) => !c.passed);
    return { status: verdict.status, detail: failing ? `${failing.name}: ${failing.diagnostic?.message ?? ''}`.slice(0, 200) : verdict.error?.message };
  };
  const referenceStatus = (await judge(reference)).status;
  return {
    mutants: generateMutants(reference),
    equivalents: await loadEquivalents(problemId),
    referenceStatus,
    judge: (mutant) => judge(mutant.source),
  };
}

/** The command line's entry: tfjs loaded here (not in the script) so Vite resolves it as the judge does. */
export async function prepareMutantsOnCpu(problemId: string): Promise<MutantJudge> {
  const tf = await import('@tensorflow/tfjs');
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  return prepareMutants(tf, 'cpu', problemId);
}
