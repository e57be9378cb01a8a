// Held-out wrong variant: builds the prefill mask from the upper triangle, so prompt token r attends tokens r..p-1 (the future) instead of 0..r.
import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dk = weights.wq.shape[1];
    const scale = Math.sqrt(dk);
    const proj = (z: tf.Tensor, w: tf.Tensor2D) => tf.reshape(tf.matMul(tf.reshape(z, [-1, dModel]), w), [b, z.shape[1]!, w.shape[1]]);
    const xp = tf.slice(x, [0, 0, 0], [b, prefill, dModel]);
    const qp = proj(xp, weights.wq);
    let kCache = proj(xp, weights.wk);
    let vCache = proj(xp, weights.wv);
    const mask = tf.linalg.bandPart(tf.ones([prefill, prefill]), 0, -1);
    let scores = tf.div(tf.matMul(qp, kCache, false, true), scale);
    scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    const outs: tf.Tensor[] = [tf.matMul(tf.softmax(scores, -1), vCache)];
    for (let i = prefill; i < t; i++) {
      const xi = tf.slice(x, [0, i, 0], [b, 1, dModel]);
      const qi = proj(xi, weights.wq);
      kCache = tf.concat([kCache, proj(xi, weights.wk)], 1);
      vCache = tf.concat([vCache, proj(xi, weights.wv)], 1);
      const s = tf.div(tf.matMul(qi, kCache, false, true), scale);
      outs.push(tf.matMul(tf.softmax(s, -1), vCache));
    }
    return tf.concat(outs, 1) as tf.Tensor3D;
  });
}
