/**
 * Measuring helpers for the observing halves of notebook graders (they run in the kernel):
 * snapshots of parameters, gradients through the notebook's own functions, tensors read out as
 * plain data. Everything takes the kernel's `tf`, so graders work on whichever backend runs them.
 * The judging halves use judgeKit.ts instead.
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { TF } from '../judge/inputs';
import { ConventionError, type GradeContext } from './defineNotebook';
import type { Fingerprint } from './judgeKit';

export { fmt } from './judgeKit';

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

/** A tensor's contents as nested plain arrays, for an observation. */
export function valuesOf(tensor: Tensor): unknown {
  return tensor.arraySync();
}

/** Enough of a tensor to tell which dataset it is (see judgeKit's sameFingerprint). */
export function fingerprint(tf: TF, tensor: Tensor): Fingerprint {
  const flat = tensor.dataSync();
  return { shape: tensor.shape.slice(), sum: tf.tidy(() => tf.sum(tensor).dataSync()[0]), head: Array.from(flat.slice(0, 16) as ArrayLike<number>) };
}
