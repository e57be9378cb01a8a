// Held-out wrong variant: the loss takes log(softmax(z)) instead of a log-softmax, so an underflowed probability gives log(0) = -Infinity.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const p = tf.softmax(logits, -1);
    const onehot = tf.oneHot(tf.cast(labels, 'int32'), K).toFloat();
    const logp = tf.log(p);
    const loss = tf.div(tf.neg(tf.sum(tf.mul(onehot, logp))), N) as tf.Scalar;
    const dlogits = tf.div(tf.sub(p, onehot), N);
    return { loss, dlogits };
  });
}
