import * as tf from '@tensorflow/tfjs';

/**
 * Top-k mixture-of-experts layer with expert capacity and the Switch load-balancing loss.
 * x: [T, d] tokens (row order = token order); wRouter: [d, E];
 * expert e: FFN_e(v) = relu(v·w1[e] + b1[e])·w2[e] + b2[e], w1: [E, d, f], b1: [E, f], w2: [E, f, d], b2: [E, d].
 * k: experts per token (ties → lower expert index); capacity: max tokens per expert, filled in token order.
 * Returns out [T, d] (dropped assignments contribute 0, gates are not renormalised after drops)
 * and auxLoss = E · Σ_i f_i · P_i (f_i = share of the T·k choices before drops, P_i = mean router probability).
 */
export function moeLayer(
  x: tf.Tensor2D,
  wRouter: tf.Tensor2D,
  w1: tf.Tensor3D,
  b1: tf.Tensor2D,
  w2: tf.Tensor3D,
  b2: tf.Tensor2D,
  k: number,
  capacity: number,
): { out: tf.Tensor2D; auxLoss: tf.Scalar } {
  // TODO: softmax router → top-k → renormalised gates → capacity → experts → combine; aux loss
  return { out: tf.zerosLike(x), auxLoss: tf.scalar(0) };
}
