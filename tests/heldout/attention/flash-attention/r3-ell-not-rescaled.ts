// Held-out wrong variant: when a block raises the running max, the accumulator is rescaled by exp(m - m') but the running sum ℓ is not (ℓ ← ℓ + rowsum(P)).
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const batched = q.rank === 3;
    const d = q.shape[q.rank - 1];
    const tk = k.shape[k.rank - 2];
    const dv = v.shape[v.rank - 1];
    const rowShape = [...q.shape.slice(0, -1), 1];
    const qs = q.div(Math.sqrt(d));
    let m: tf.Tensor = tf.fill(rowShape, -1e30);
    let l: tf.Tensor = tf.zeros(rowShape);
    let acc: tf.Tensor = tf.zeros([...q.shape.slice(0, -1), dv]);
    for (let start = 0; start < tk; start += blockSize) {
      const size = Math.min(blockSize, tk - start);
      const kj = batched ? k.slice([0, start, 0], [-1, size, -1]) : k.slice([start, 0], [size, -1]);
      const vj = batched ? v.slice([0, start, 0], [-1, size, -1]) : v.slice([start, 0], [size, -1]);
      const s = tf.matMul(qs, kj, false, true);
      const mNew = tf.maximum(m, s.max(-1, true));
      const p = tf.exp(s.sub(mNew));
      const corr = tf.exp(m.sub(mNew));
      l = l.add(p.sum(-1, true));
      acc = corr.mul(acc).add(tf.matMul(p, vj));
      m = mNew;
    }
    return acc.div(l);
  });
}
