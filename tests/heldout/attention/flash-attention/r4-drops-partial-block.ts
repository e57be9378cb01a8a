// Held-out wrong variant: the block count is floor(tk / blockSize), so the last, shorter block of keys is skipped when tk is not a multiple of blockSize.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const rank = q.rank;
    const tk = k.shape[rank - 2];
    const d = q.shape[rank - 1];
    const dv = v.shape[rank - 1];
    const rowShape = q.shape.slice(0, -1);
    const scale = 1 / Math.sqrt(d);
    let m: tf.Tensor = tf.fill([...rowShape, 1], -1e30);
    let l: tf.Tensor = tf.zeros([...rowShape, 1]);
    let acc: tf.Tensor = tf.zeros([...rowShape, dv]);
    const nBlocks = Math.floor(tk / blockSize);
    for (let j = 0; j < nBlocks; j++) {
      const start = j * blockSize;
      const len = Math.min(blockSize, tk - start);
      const begin = new Array(rank).fill(0);
      begin[rank - 2] = start;
      const kSize = k.shape.slice();
      kSize[rank - 2] = len;
      const vSize = v.shape.slice();
      vSize[rank - 2] = len;
      const kj = tf.slice(k, begin, kSize);
      const vj = tf.slice(v, begin, vSize);
      const s = tf.matMul(q, kj, false, true).mul(scale);
      const mNew = tf.maximum(m, s.max(-1, true));
      const p = tf.exp(s.sub(mNew));
      const corr = tf.exp(m.sub(mNew));
      l = corr.mul(l).add(p.sum(-1, true));
      acc = corr.mul(acc).add(tf.matMul(p, vj));
      m = mNew;
    }
    return acc.div(l);
  });
}
