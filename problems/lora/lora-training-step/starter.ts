import * as tf from '@tensorflow/tfjs';

/**
 * One plain-SGD step on a LoRA layer, training only the adapter, gradients by hand (no tf.grad*).
 * x: [n, dIn], target: [n, dOut], w: [dIn, dOut] frozen base weight,
 * a: [dIn, r], b: [r, dOut] LoRA factors, lr: learning rate, alpha: LoRA alpha (scale alpha / r).
 * Forward: y = x·w + (alpha / r)·(x·a)·b; loss = mean((y − target)²) over all n·dOut entries.
 * Returns { a, b, w, loss, trainableParams }: the updated a and b, w unchanged, the loss BEFORE
 * the step (a number), and the number of trainable parameters (a number).
 */
export function loraTrainingStep(
  x: tf.Tensor2D,
  target: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
) {
  // TODO: forward, loss, dL/dy, dL/dB, dL/dA, SGD update of a and b only
  return { a: a.clone(), b: b.clone(), w: w.clone(), loss: 0, trainableParams: 0 };
}
