// Held-out wrong variant: The inverse CDF counts c < u instead of c <= u, i.e. returns the first id with cumulative probability >= u, so a uniform on a boundary (or u = 0 before banned tokens) picks the wrong id.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    if (temperature === 0) return tf.argMax(logits, 1).toInt() as tf.Tensor1D;
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits.div(temperature));
    const c = tf.cumsum(probs, 1);
    const count = c.less(u.expandDims(1)).toInt().sum(1);
    const range = tf.range(0, vocab, 1, 'int32').expandDims(0);
    const allowed = tf.logicalNot(tf.isInf(logits));
    const lastValid = tf.where(allowed, range.tile([logits.shape[0], 1]), tf.fill(logits.shape, -1, 'int32')).max(1);
    return tf.where(count.equal(vocab), lastValid, count).toInt() as tf.Tensor1D;
  });
}
