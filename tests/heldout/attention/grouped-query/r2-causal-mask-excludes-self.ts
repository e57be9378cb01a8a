// Held-out wrong variant: the causal mask keeps only keys j < i, hiding each query's own position (the first row ends up fully masked).
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, nHeads, tq, d] = q.shape;
    const nKv = k.shape[1];
    const g = nHeads / nKv;
    const idx = tf.tensor1d(Array.from({ length: nHeads }, (_, h) => Math.floor(h / g)), 'int32');
    const kk = tf.gather(k, idx, 1);
    const vv = tf.gather(v, idx, 1);
    let scores = tf.div(tf.matMul(q, kk, false, true), Math.sqrt(d));
    if (causal) {
      const tk = k.shape[2];
      const m = tf.linalg.bandPart(tf.ones([tq, tk]), -1, -1).sub(tf.linalg.bandPart(tf.ones([tq, tk]), 0, -1));
      scores = tf.add(scores, tf.mul(tf.sub(1, m), -1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), vv) as tf.Tensor4D;
  });
}
