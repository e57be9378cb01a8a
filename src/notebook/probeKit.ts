/**
 * Measuring helpers for notebook graders: snapshots of parameters, gradients through the
 * notebook's own functions, reference losses. Everything takes the kernel's `tf`, so graders work
 * on whichever backend and tf instance runs them.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { TF } from '../judge/inputs';
import { ConventionError, type GradeContext } from './defineNotebook';

/** The notebook's `params`: a non-empty list of tf.Variable. */
export function paramsOf(context: Pick<GradeContext, 'tf' | 'get'>, name = 'params'): Variable[] {
  const params = context.get<unknown>(name);
  if (!Array.isArray(params) || params.length === 0 || !params.every((p) => p instanceof context.tf.Variable)) {
    throw new ConventionError(`\`${name}\` must be a non-empty array of tf.Variable.`);
  }
  return params as Variable[];
}

/** Copies of the parameters' values, flattened. */
export function snapshot(params: Variable[]): Float32Array[] {
  return params.map((p) => Float32Array.from(p.dataSync() as Float32Array));
}

/** Gradient of `loss()` with respect to each parameter, as flat arrays (zeros where unconnected). */
export function gradients(tf: TF, params: Variable[], loss: () => Tensor): Float32Array[] {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => loss() as never, params);
    return params.map((p) => (grads[p.name] ? Float32Array.from(grads[p.name].dataSync() as Float32Array) : new Float32Array(p.size)));
  });
}

export function norm(parts: Float32Array[]): number {
  let sum = 0;
  for (const part of parts) for (const v of part) sum += v * v;
  return Math.sqrt(sum);
}

export function subtract(a: Float32Array[], b: Float32Array[]): Float32Array[] {
  return a.map((part, i) => part.map((v, j) => v - b[i][j]));
}

export function cosine(a: Float32Array[], b: Float32Array[]): number {
  let dot = 0;
  for (const [i, part] of a.entries()) for (const [j, v] of part.entries()) dot += v * b[i][j];
  return dot / (norm(a) * norm(b) || 1);
}

/** Mean softmax cross-entropy of logits `[n, k]` against one-hot labels `[n, k]`. */
export function referenceCrossEntropy(tf: TF, logits: Tensor, oneHot: Tensor): number {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(oneHot.mul(tf.logSoftmax(logits, -1)), -1))).dataSync()[0]);
}

/** A scalar out of whatever a notebook function returned (number, scalar tensor, `{value}`). */
export function scalarOf(tf: TF, value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (value instanceof tf.Tensor && value.size === 1) return value.dataSync()[0];
  throw new ConventionError(`${what} must return a number or a scalar tensor.`);
}

export function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}
