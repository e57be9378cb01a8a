// Held-out wrong variant: the scores are scaled by 1/sqrt(dModel) instead of 1/sqrt(dHead).
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
    const split = (m: tf.Tensor) => m.reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]);
    const merge = (h: tf.Tensor) => h.transpose([0, 2, 1, 3]).reshape([b * t, dModel]);
    const q = split(tf.matMul(x2, weights.wq));
    const k = split(tf.matMul(x2, weights.wk));
    const v = split(tf.matMul(x2, weights.wv));
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dModel));
    if (causal) {
      const lower = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
      scores = tf.where(lower.cast('bool'), scores, tf.fill(scores.shape, -1e9));
    }
    const heads = tf.matMul(tf.softmax(scores, -1), v);
    return tf.matMul(merge(heads), weights.wo).reshape([b, t, dModel]);
  });
}
