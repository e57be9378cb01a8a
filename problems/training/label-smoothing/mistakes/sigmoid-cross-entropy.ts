import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const onehot = tf.oneHot(targets, K).cast('float32');
    // Bug: sigmoid (per-class binary) cross-entropy instead of the softmax cross-entropy over the K classes.
    return tf.losses.sigmoidCrossEntropy(onehot, logits, undefined, epsilon) as tf.Scalar;
  });
}
