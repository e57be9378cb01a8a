// Held-out wrong variant: heads are split by reshaping to [b, t, dHead, nHeads], so head h takes the strided columns h, h + nHeads, ... instead of a contiguous block of dHead columns.
import * as tf from '@tensorflow/tfjs';

export function multiHeadAttention(
  x: tf.Tensor,
  weights: { wq: tf.Tensor; wk: tf.Tensor; wv: tf.Tensor; wo: tf.Tensor },
  nHeads: number,
  causal: boolean,
): tf.Tensor {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dHead = dModel / nHeads;
    const x2 = x.reshape([b * t, dModel]);
    const split = (m: tf.Tensor) => m.reshape([b, t, dHead, nHeads]).transpose([0, 3, 1, 2]);
    const merge = (h: tf.Tensor) => h.transpose([0, 2, 3, 1]).reshape([b * t, dModel]);
    const q = split(tf.matMul(x2, weights.wq));
    const k = split(tf.matMul(x2, weights.wk));
    const v = split(tf.matMul(x2, weights.wv));
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
    if (causal) {
      const lower = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
      scores = tf.where(lower.cast('bool'), scores, tf.fill(scores.shape, -1e9));
    }
    const heads = tf.matMul(tf.softmax(scores, -1), v);
    return tf.matMul(merge(heads), weights.wo).reshape([b, t, dModel]);
  });
}
