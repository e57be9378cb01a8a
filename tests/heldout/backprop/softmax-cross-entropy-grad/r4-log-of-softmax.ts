// Held-out wrong variant: the loss takes log of the (max-shifted) softmax probabilities instead of using log-softmax, so a label probability that underflows to 0 gives an infinite loss.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [N, K] = logits.shape;
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, -1, true));
    const e = tf.exp(shifted);
    const p = tf.div(e, tf.sum(e, -1, true));
    const onehot = tf.oneHot(tf.cast(labels, 'int32'), K).toFloat();
    const pLabel = tf.sum(tf.mul(p, onehot), -1);
    const loss = tf.neg(tf.mean(tf.log(pLabel))) as tf.Scalar;
    const dlogits = tf.div(tf.sub(p, onehot), N);
    return { loss, dlogits };
  });
}
