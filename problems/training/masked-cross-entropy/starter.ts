import * as tf from '@tensorflow/tfjs';

/**
 * logits: [B, T, V] float32 (raw, unnormalized), targets: [B, T] int32 token ids in [0, V).
 * Positions whose target equals padId are padding and are ignored.
 * Returns { loss, accuracy } as scalar tensors:
 *   loss     = mean over non-pad positions of −log softmax(logits)[target]
 *   accuracy = fraction of non-pad positions where argmax(logits) == target
 */
export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  // TODO: log-softmax over the vocabulary, pick the target, mask out padding, average.
  return { loss: tf.scalar(0), accuracy: tf.scalar(0) };
}
