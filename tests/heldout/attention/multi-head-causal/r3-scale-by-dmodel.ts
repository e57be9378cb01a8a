// Held-out wrong variant: each head's scores are divided by sqrt(dModel) instead of sqrt(dHead).
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
    const flat = x.reshape([b * t, dModel]);
    const heads = (w: tf.Tensor) => tf.matMul(flat, w).reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]);
    const q = heads(weights.wq);
    const k = heads(weights.wk);
    const v = heads(weights.wv);
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dModel));
    if (causal) {
      const lower = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
      scores = scores.add(tf.sub(1, lower).mul(-1e9));
    }
    const ctx = tf.matMul(tf.softmax(scores, -1), v).transpose([0, 2, 1, 3]).reshape([b * t, dModel]);
    return tf.matMul(ctx, weights.wo).reshape([b, t, dModel]);
  });
}
