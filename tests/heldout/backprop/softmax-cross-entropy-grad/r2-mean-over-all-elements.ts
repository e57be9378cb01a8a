// Held-out wrong variant: takes tf.mean of -onehot*logp over all N*K elements, so the loss and gradient are divided by N*K instead of N.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(tf.cast(labels, 'int32'), K).toFloat();
    const loss = tf.mean(tf.neg(tf.mul(onehot, logp))) as tf.Scalar;
    const p = tf.exp(logp);
    const dlogits = tf.div(tf.sub(p, onehot), N * K);
    return { loss, dlogits };
  });
}
