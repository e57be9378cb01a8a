// Held-out wrong variant: rescales the running sum l by exp(m - m') but forgets to rescale the output accumulator when the max grows.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const tk = k.shape[k.rank - 2];
    const dv = v.shape[v.rank - 1];
    const rowShape = [...q.shape.slice(0, -1), 1];
    let m: tf.Tensor = tf.fill(rowShape, -1e30);
    let l: tf.Tensor = tf.zeros(rowShape);
    let acc: tf.Tensor = tf.zeros([...q.shape.slice(0, -1), dv]);
    const scale = 1 / Math.sqrt(d);
    const lead = q.rank - 2;
    for (let start = 0; start < tk; start += blockSize) {
      const size = Math.min(blockSize, tk - start);
      const kBegin = [...Array(lead).fill(0), start, 0];
      const kj = tf.slice(k, kBegin, [...k.shape.slice(0, lead), size, d]);
      const vj = tf.slice(v, kBegin, [...v.shape.slice(0, lead), size, dv]);
      const s = tf.mul(tf.matMul(q, kj, false, true), scale);
      const mNew = tf.maximum(m, tf.max(s, -1, true));
      const p = tf.exp(tf.sub(s, mNew));
      const corr = tf.exp(tf.sub(m, mNew));
      l = tf.add(tf.mul(corr, l), tf.sum(p, -1, true));
      acc = tf.add(acc, tf.matMul(p, vj));
      m = mNew;
    }
    return tf.div(acc, l);
  });
}
