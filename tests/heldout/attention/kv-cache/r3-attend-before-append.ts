// Held-out wrong variant: in each decoding step the new query attends to the cache before the new token's k and v are appended, so a step never sees its own key/value.
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
    const dv = weights.wv.shape[1];
    const flat = x.reshape([b * t, dModel]) as tf.Tensor2D;
    const Q = tf.matMul(flat, weights.wq).reshape([b, t, dk]);
    const K = tf.matMul(flat, weights.wk).reshape([b, t, dk]);
    const V = tf.matMul(flat, weights.wv).reshape([b, t, dv]);
    const scale = 1 / Math.sqrt(dk);

    const qp = Q.slice([0, 0, 0], [-1, prefill, -1]);
    let kCache = K.slice([0, 0, 0], [-1, prefill, -1]);
    let vCache = V.slice([0, 0, 0], [-1, prefill, -1]);
    const causal = tf.linalg.bandPart(tf.ones([prefill, prefill]), -1, 0);
    const sp = tf.matMul(qp, kCache, false, true).mul(scale).add(tf.sub(1, causal).mul(-1e9));
    const outs: tf.Tensor[] = [tf.matMul(tf.softmax(sp, -1), vCache)];

    for (let i = prefill; i < t; i++) {
      const qi = Q.slice([0, i, 0], [-1, 1, -1]);
      const ki = K.slice([0, i, 0], [-1, 1, -1]);
      const vi = V.slice([0, i, 0], [-1, 1, -1]);
      const s = tf.matMul(qi, kCache, false, true).mul(scale);
      outs.push(tf.matMul(tf.softmax(s, -1), vCache));
      kCache = tf.concat([kCache, ki], 1);
      vCache = tf.concat([vCache, vi], 1);
    }
    return tf.concat(outs, 1) as tf.Tensor3D;
  });
}
