import * as tf from '@tensorflow/tfjs';

/**
 * Knowledge-distillation loss (Hinton et al.).
 * student, teacher: [N, K] float32 logits; labels: [N] int32 class ids; temperature T > 0; alpha in [0, 1].
 * p = softmax(teacher / T), q = softmax(student / T) over the class axis.
 * Returns three scalar tensors (shape []):
 *   ce   = mean over rows of −log softmax(student)[label]      (temperature 1)
 *   kl   = mean over rows of Σ_k p_k (log p_k − log q_k)      (KL(p ‖ q), no T² here)
 *   loss = alpha · ce + (1 − alpha) · T² · kl
 */
export function distillationLoss(
  student: tf.Tensor2D,
  teacher: tf.Tensor2D,
  labels: tf.Tensor1D,
  temperature: number,
  alpha: number,
): { loss: tf.Scalar; ce: tf.Scalar; kl: tf.Scalar } {
  // TODO
  throw new Error('TODO');
}
