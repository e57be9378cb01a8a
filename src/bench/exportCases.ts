/**
 * A problem's Submit cases as plain JSON — inputs and the reference's expected output — for the
 * bench's side-by-side with a local PyTorch check (scripts/bench_torch_check.py), which judges the
 * same inputs the way a user without TensorDojo would: run their torch function, compare with
 * `torch.allclose` at the judge's tolerance.
 */
import * as tf from '@tensorflow/tfjs';
import { casesFor } from '../judge/judge';
import { isTensorSpec, materialize } from '../judge/inputs';
import type { ArgSpec } from '../judge/problem';
import { loadProblem } from '../judge/registry';
import { toleranceFor } from '../judge/tolerance';

export interface ExportedTensor {
  shape: number[];
  dtype: string;
  data: number[];
}

export interface ExportedCases {
  problemId: string;
  tolerance: { atol: number; rtol: number };
  cases: { name: string; args: (ExportedTensor | number | boolean | null)[]; expected: ExportedTensor }[];
}

function exportArg(arg: ArgSpec): ExportedTensor | number | boolean | null {
  if (arg === undefined || arg === null) return null;
  if (isTensorSpec(arg)) return { shape: arg.shape, dtype: arg.dtype, data: Array.from(arg.data) };
  if (typeof arg === 'number' || typeof arg === 'boolean') return arg;
  throw new Error(`Only tensor and number arguments can be exported, got ${typeof arg}`);
}

export async function exportCases(problemId: string): Promise<ExportedCases> {
  await tf.setBackend('cpu');
  const problem = await loadProblem(problemId);
  const cases: ExportedCases['cases'] = [];
  for (const spec of casesFor(problem, 'submit')) {
    const inputs = spec.args.map((arg) => materialize(tf, arg));
    const output = problem.reference(...inputs) as tf.Tensor;
    const expected: ExportedTensor = { shape: output.shape, dtype: output.dtype, data: Array.from(await output.data()) };
    tf.dispose([output, ...(inputs as tf.Tensor[])].filter((x) => x instanceof tf.Tensor));
    cases.push({ name: spec.name, args: spec.args.map(exportArg), expected });
  }
  return { problemId, tolerance: toleranceFor(problem, 'cpu'), cases };
}
