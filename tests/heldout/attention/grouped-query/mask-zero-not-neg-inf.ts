// Held-out wrong variant: masks future keys by multiplying their scores by 0 (score 0) instead of sending them to -infinity, so they still get weight.
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  const [b, nHeads, tq, d] = q.shape;
  const [, nKv, tk] = k.shape;
  const dv = v.shape[3];
  const g = nHeads / nKv;
  return tf.tidy(() => {
    // heads h = j*g + r (r < g) sit next to each other, so this reshape groups them by kv head j
    const qg = tf.reshape(q, [b, nKv, g * tq, d]);
    let scores: tf.Tensor = tf.mul(tf.matMul(qg, k, false, true), 1 / Math.sqrt(d)); // [b, nKv, g*tq, tk]
    if (causal) {
      const allow = new Float32Array(g * tq * tk);
      for (let r = 0; r < g * tq; r++) {
        const i = r % tq;
        for (let j = 0; j < tk; j++) allow[r * tk + j] = j <= i ? 1 : 0;
      }
      const m = tf.tensor2d(allow, [g * tq, tk]);
      // scores where allowed, -1e30 elsewhere (float blend instead of a bool where)
      scores = tf.mul(scores, m);
    }
    const w = tf.softmax(scores, -1);
    const out = tf.matMul(w, v); // [b, nKv, g*tq, dv]
    return tf.reshape(out, [b, nHeads, tq, dv]) as tf.Tensor4D;
  });
}
