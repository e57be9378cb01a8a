// Held-out wrong variant: the causal mask keeps the upper triangle (bandPart(ones, 0, -1)), so each query attends to itself and future keys instead of past keys.
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [, nHeads, tq, d] = q.shape;
    const nKv = k.shape[1];
    const tk = k.shape[2];
    const g = nHeads / nKv;
    const idx: number[] = [];
    for (let h = 0; h < nHeads; h++) idx.push(Math.floor(h / g));
    const kk = tf.gather(k, tf.tensor1d(idx, 'int32'), 1);
    const vv = tf.gather(v, tf.tensor1d(idx, 'int32'), 1);
    let scores = tf.matMul(q, kk, false, true).div(Math.sqrt(d));
    if (causal) {
      const allowed = tf.linalg.bandPart(tf.ones([tq, tk]), 0, -1);
      scores = scores.add(tf.sub(1, allowed).mul(-1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), vv) as tf.Tensor4D;
  });
}
