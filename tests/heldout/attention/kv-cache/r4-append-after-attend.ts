// Held-out wrong variant: each decoding step attends over the cache before appending the new token's own key and value, so a step never sees itself.
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
    const scale = 1 / Math.sqrt(dk);
    const project = (chunk: tf.Tensor, w: tf.Tensor2D) => {
      const len = chunk.shape[1];
      return tf.matMul(chunk.reshape([b * len, dModel]), w).reshape([b, len, w.shape[1]]);
    };
    // prefill
    const xp = x.slice([0, 0, 0], [b, prefill, dModel]);
    const qp = project(xp, weights.wq);
    let kCache = project(xp, weights.wk);
    let vCache = project(xp, weights.wv);
    let scores = tf.matMul(qp, kCache, false, true).mul(scale);
    const causal = tf.linalg.bandPart(tf.ones([prefill, prefill]), -1, 0);
    scores = scores.add(tf.sub(1, causal).mul(-1e9));
    const outs: tf.Tensor[] = [tf.matMul(tf.softmax(scores, -1), vCache)];
    // decode steps
    for (let i = prefill; i < t; i++) {
      const xi = x.slice([0, i, 0], [b, 1, dModel]);
      const qi = project(xi, weights.wq);
      const w = tf.softmax(tf.matMul(qi, kCache, false, true).mul(scale), -1);
      outs.push(tf.matMul(w, vCache));
      kCache = tf.concat([kCache, project(xi, weights.wk)], 1);
      vCache = tf.concat([vCache, project(xi, weights.wv)], 1);
    }
    return tf.concat(outs, 1) as tf.Tensor3D;
  });
}
