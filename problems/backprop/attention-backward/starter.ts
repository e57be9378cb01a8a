import * as tf from '@tensorflow/tfjs';

/**
 * Forward: S = q·kᵀ/√d, P = softmax(S) over the key axis, out = P·v (single head, no mask).
 * q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv], dOut = dL/dout: [..., tq, dv].
 * Returns { dq: [..., tq, d], dk: [..., tk, d], dv: [..., tk, dv] }. Autodiff is not allowed.
 */
export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  // TODO
  return { dq: tf.zerosLike(q), dk: tf.zerosLike(k), dv: tf.zerosLike(v) };
}
