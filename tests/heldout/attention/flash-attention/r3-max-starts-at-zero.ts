// Held-out wrong variant: the running max m is initialised to 0 instead of -infinity, so rows whose scores are all very negative underflow to 0/0.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const tk = k.shape[k.rank - 2];
    const dv = v.shape[v.rank - 1];
    const lead = q.shape.slice(0, -1);
    const kT = tf.transpose(k, k.rank === 3 ? [0, 2, 1] : [1, 0]); // [..., d, tk]
    let m: tf.Tensor = tf.zeros([...lead, 1]);
    let l: tf.Tensor = tf.zeros([...lead, 1]);
    let acc: tf.Tensor = tf.zeros([...lead, dv]);
    const nBlocks = Math.ceil(tk / blockSize);
    for (let j = 0; j < nBlocks; j++) {
      const start = j * blockSize;
      const end = Math.min((j + 1) * blockSize, tk);
      const kBlockT = k.rank === 3 ? kT.slice([0, 0, start], [-1, -1, end - start]) : kT.slice([0, start], [-1, end - start]);
      const vBlock = v.rank === 3 ? v.slice([0, start, 0], [-1, end - start, -1]) : v.slice([start, 0], [end - start, -1]);
      const s = tf.matMul(q, kBlockT).mul(1 / Math.sqrt(d));
      const mNew = tf.maximum(m, tf.max(s, -1, true));
      const p = tf.exp(tf.sub(s, mNew));
      const alpha = tf.exp(tf.sub(m, mNew));
      l = tf.add(tf.mul(alpha, l), tf.sum(p, -1, true));
      acc = tf.add(tf.mul(alpha, acc), tf.matMul(p, vBlock));
      m = mNew;
    }
    return tf.div(acc, l);
  });
}
