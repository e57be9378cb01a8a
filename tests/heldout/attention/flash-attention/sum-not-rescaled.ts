// Held-out wrong variant: rescales the accumulator by exp(m - m') but forgets to rescale the running sum l.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  const batched = q.rank === 3;
  const N = batched ? q.shape[0] : 1;
  const tq = q.shape[q.rank - 2];
  const d = q.shape[q.rank - 1];
  const tk = k.shape[k.rank - 2];
  const dv = v.shape[v.rank - 1];
  const scale = 1 / Math.sqrt(d);

  const q3 = tf.reshape(q, [N, tq, d]) as tf.Tensor3D;
  const k3 = tf.reshape(k, [N, tk, d]) as tf.Tensor3D;
  const v3 = tf.reshape(v, [N, tk, dv]) as tf.Tensor3D;

  let m: tf.Tensor3D = tf.fill([N, tq, 1], -1e30) as tf.Tensor3D; // running max
  let l: tf.Tensor3D = tf.zeros([N, tq, 1]) as tf.Tensor3D; // running sum
  let acc: tf.Tensor3D = tf.zeros([N, tq, dv]) as tf.Tensor3D; // running numerator

  for (let start = 0; start < tk; start += blockSize) {
    const len = Math.min(blockSize, tk - start);
    const next = tf.tidy(() => {
      const kj = tf.slice(k3, [0, start, 0], [N, len, d]) as tf.Tensor3D;
      const vj = tf.slice(v3, [0, start, 0], [N, len, dv]) as tf.Tensor3D;
      const s = tf.mul(tf.matMul(q3, kj, false, true), scale); // [N, tq, len]
      const mNew = tf.maximum(m, tf.max(s, -1, true)); // [N, tq, 1]
      const p = tf.exp(tf.sub(s, mNew));
      const corr = tf.exp(tf.sub(m, mNew));
      const lNew = tf.add(l, tf.sum(p, -1, true));
      const accNew = tf.add(tf.mul(corr, acc), tf.matMul(p as tf.Tensor3D, vj));
      return [mNew, lNew, accNew] as tf.Tensor3D[];
    });
    m.dispose();
    l.dispose();
    acc.dispose();
    [m, l, acc] = next;
  }

  const out = tf.tidy(() => {
    const o = tf.div(acc, l);
    return batched ? o : tf.reshape(o, [tq, dv]);
  });
  for (const t of [m, l, acc, q3, k3, v3]) t.dispose();
  return out;
}
