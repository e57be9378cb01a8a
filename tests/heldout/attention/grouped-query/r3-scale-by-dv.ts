// Held-out wrong variant: the scores are scaled by 1/sqrt(dv) (the value width) instead of 1/sqrt(d) (the query/key head size).
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const nHeads = q.shape[1];
    const nKvHeads = k.shape[1];
    const tq = q.shape[2];
    const tk = k.shape[2];
    const dv = v.shape[3];
    const group = nHeads / nKvHeads;
    const qHeads = tf.split(q, nHeads, 1);
    const kHeads = tf.split(k, nKvHeads, 1);
    const vHeads = tf.split(v, nKvHeads, 1);
    const mask = causal ? tf.linalg.bandPart(tf.ones([tq, tk]), -1, 0).equal(1) : null;
    const outs: tf.Tensor[] = [];
    for (let h = 0; h < nHeads; h++) {
      const kv = Math.floor(h / group);
      let s = tf.matMul(qHeads[h], kHeads[kv], false, true).div(Math.sqrt(dv)); // [b, 1, tq, tk]
      if (mask) {
        const m = tf.broadcastTo(mask.reshape([1, 1, tq, tk]), s.shape);
        s = tf.where(m, s, tf.fill(s.shape, -1e30));
      }
      outs.push(tf.matMul(tf.softmax(s), vHeads[kv]));
    }
    return tf.concat(outs, 1) as tf.Tensor4D;
  });
}
