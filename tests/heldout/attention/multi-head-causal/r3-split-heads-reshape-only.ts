// Held-out wrong variant: the projections [b, t, dModel] are split into heads with a plain reshape to [b, H, t, dHead] (and merged back the same way) instead of reshaping to [b, t, H, dHead] and transposing, so heads do not get contiguous column blocks of each token.
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
    const q = tf.matMul(x2, weights.wq).reshape([b, nHeads, t, dHead]);
    const k = tf.matMul(x2, weights.wk).reshape([b, nHeads, t, dHead]);
    const v = tf.matMul(x2, weights.wv).reshape([b, nHeads, t, dHead]);
    let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(dHead));
    if (causal) {
      const keep = tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool');
      scores = tf.where(tf.broadcastTo(keep, scores.shape), scores, tf.fill(scores.shape, -1e30));
    }
    const attn = tf.matMul(tf.softmax(scores), v); // [b, H, t, dHead]
    return tf.matMul(attn.reshape([b * t, dModel]), weights.wo).reshape([b, t, dModel]);
  });
}
