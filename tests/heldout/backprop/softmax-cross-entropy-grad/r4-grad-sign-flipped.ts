// Held-out wrong variant: the gradient sign is flipped, dlogits = (onehot(label) − p)/N instead of (p − onehot(label))/N.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [N, K] = logits.shape;
  return tf.tidy(() => {
    const logp = tf.logSoftmax(logits);
    const target = tf.oneHot(labels.toInt(), K).toFloat();
    const loss = logp.mul(target).sum().neg().div(N) as tf.Scalar;
    const dlogits = target.sub(logp.exp()).div(N);
    return { loss, dlogits };
  });
}
