// Held-out wrong variant: dlogits is p − onehot(y) without the 1/N factor of the mean, although the loss is correctly averaged.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(labels.toInt(), K).toFloat();
    const loss = logp.mul(onehot).sum().neg().div(logits.shape[0]) as tf.Scalar;
    const dlogits = tf.exp(logp).sub(onehot);
    return { loss, dlogits };
  });
}
