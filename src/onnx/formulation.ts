/**
 * The contract of a problem's `onnx.ts`: its reference written a second time, as an ONNX graph,
 * sharing no code with the tfjs reference. The judge runs both on every case of a Submit.
 */
import type { Plain } from '../judge/compare';
import type { TensorSpec } from '../judge/inputs';
import type { ArgSpec } from '../judge/problem';

/** One ready-to-run model for one case. */
export interface OnnxCase {
  /** Equal keys mean equal models, so sessions are reused across cases and submissions. */
  key: string;
  /** Built lazily: only when no session exists for `key` yet. */
  model: () => Uint8Array;
  /** Graph input name → value. */
  feeds: Record<string, TensorSpec>;
  /** Turn the graph's outputs into the shape of the problem's return value. */
  assemble: (outputs: Record<string, Plain>) => Plain;
}

export interface OnnxFormulation {
  /** Build the model and feeds for one case's arguments. */
  forCase(args: ArgSpec[]): OnnxCase;
}

export function defineOnnxReference(formulation: OnnxFormulation): OnnxFormulation {
  return formulation;
}

/** The default `assemble`: the graph's output named `out` is the answer. */
export const singleOutput = (outputs: Record<string, Plain>): Plain => outputs.out;

/** Shape key for caching: the shapes and dtypes of the feeds plus anything else that shapes the graph. */
export function shapeKey(feeds: Record<string, TensorSpec>, extra = ''): string {
  return `${Object.entries(feeds)
    .map(([name, spec]) => `${name}:${spec.dtype}[${spec.shape.join(',')}]`)
    .join(';')}|${extra}`;
}
