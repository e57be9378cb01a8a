// Held-out wrong variant: the loss takes log(softmax(z)) directly, so a label probability that underflows to 0 gives an infinite loss on large-magnitude logits.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const p = tf.softmax(logits, -1);
    const onehot = tf.oneHot(labels.cast('int32'), K).cast('float32');
    const pLabel = p.mul(onehot).sum(1);
    const loss = tf.log(pLabel).neg().mean() as tf.Scalar;
    const dlogits = p.sub(onehot).div(N);
    return { loss, dlogits };
  });
}
