// Held-out wrong variant: splits and merges the heads with a plain reshape [b, t, dModel] -> [b, nHeads, t, dHead] (and back) instead of reshape-then-transpose.
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
    const split = (w: tf.Tensor) =>
      tf.reshape(tf.matMul(tf.reshape(x, [b * t, dModel]), w), [b, nHeads, t, dHead]);
    const q = split(weights.wq), k = split(weights.wk), v = split(weights.wv);
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead));
    if (causal) {
      const m = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
      scores = tf.add(scores, tf.mul(tf.sub(1, m), -1e9));
    }
    const heads = tf.matMul(tf.softmax(scores, -1), v);
    const concat = tf.reshape(heads, [b * t, dModel]);
    return tf.reshape(tf.matMul(concat, weights.wo), [b, t, dModel]);
  });
}
