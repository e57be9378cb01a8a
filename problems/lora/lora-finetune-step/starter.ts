import * as tf from '@tensorflow/tfjs';

/**
 * One SGD step of LoRA fine-tuning, with tf autodiff and gradient accumulation.
 * x: [k, m, d] float32 — k micro-batches of m token feature vectors
 * labels: [k, m] int32 — target class per token, 0 = padding (ignored)
 * w: [d, V] frozen base weight; a: [d, r], b: [r, V] LoRA factors (the only trainable ones)
 * logits = x_j·w + (alpha / r)·(x_j·a)·b
 * loss = Σ over non-pad tokens of all micro-batches of −Σ_c q_c log softmax(logits)_c, divided by
 *        the number of non-pad tokens N; q = (1 − epsilon)·onehot(label) + epsilon / V.
 * Gradients of the k micro-batches are summed, then ONE step: a −= lr·dL/da, b −= lr·dL/db.
 * Returns { a, b, w (unchanged), loss (number, before the step), accuracy (number: non-pad tokens
 * whose argmax logit equals the label, over N, before the step) }.
 */
export async function loraFinetuneStep(
  x: tf.Tensor3D,
  labels: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
  epsilon: number,
): Promise<{ a: tf.Tensor2D; b: tf.Tensor2D; w: tf.Tensor2D; loss: number; accuracy: number }> {
  // TODO
  throw new Error('TODO');
}
