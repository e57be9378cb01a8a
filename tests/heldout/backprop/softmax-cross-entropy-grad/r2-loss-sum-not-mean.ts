// Held-out wrong variant: the loss is summed over the batch instead of averaged (the gradient is still divided by N).
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(tf.cast(labels, 'int32'), K).toFloat();
    const loss = tf.neg(tf.sum(tf.mul(onehot, logp))) as tf.Scalar;
    const p = tf.exp(logp);
    const dlogits = tf.div(tf.sub(p, onehot), N);
    return { loss, dlogits };
  });
}
