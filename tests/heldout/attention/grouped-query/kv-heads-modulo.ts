// Held-out wrong variant: maps query head h to kv head h % nKvHeads (0, 1, 0, 1 — like tf.tile of k/v) instead of the contiguous group floor(h / g).
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  const [b, nHeads, tq, d] = q.shape;
  const [, nKv, tk] = k.shape;
  const dv = v.shape[3];
  const g = nHeads / nKv;
  return tf.tidy(() => {
    // heads h = j*g + r (r < g) sit next to each other, so this reshape groups them by kv head j
    const qg = tf.reshape(tf.transpose(tf.reshape(q, [b, g, nKv, tq, d]), [0, 2, 1, 3, 4]), [b, nKv, g * tq, d]);
    let scores: tf.Tensor = tf.mul(tf.matMul(qg, k, false, true), 1 / Math.sqrt(d)); // [b, nKv, g*tq, tk]
    if (causal) {
      const allow = new Float32Array(g * tq * tk);
      for (let r = 0; r < g * tq; r++) {
        const i = r % tq;
        for (let j = 0; j < tk; j++) allow[r * tk + j] = j <= i ? 1 : 0;
      }
      const m = tf.tensor2d(allow, [g * tq, tk]);
      // scores where allowed, -1e30 elsewhere (float blend instead of a bool where)
      scores = tf.add(tf.mul(scores, m), tf.mul(tf.sub(1, m), -1e30));
    }
    const w = tf.softmax(scores, -1);
    const out = tf.matMul(w, v); // [b, nKv, g*tq, dv]
    return tf.reshape(tf.transpose(tf.reshape(out, [b, nKv, g, tq, dv]), [0, 2, 1, 3, 4]), [b, nHeads, tq, dv]) as tf.Tensor4D;
  });
}
