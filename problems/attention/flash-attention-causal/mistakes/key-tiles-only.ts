import * as tf from '@tensorflow/tfjs';

function rows(x: tf.Tensor, start: number, size: number): tf.Tensor {
  const begin = x.shape.map((_, axis) => (axis === x.rank - 2 ? start : 0));
  const sizes = x.shape.map((n, axis) => (axis === x.rank - 2 ? size : n));
  return tf.slice(x, begin, sizes);
}

// Bug: only the keys are tiled; every block of scores is [t, B] for all t queries at once.
export function flashAttentionCausal(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): { out: tf.Tensor; lse: tf.Tensor } {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const t = q.shape[q.rank - 2];
    const dv = v.shape[v.rank - 1];
    const lead = q.shape.slice(0, -2);
    const qs = q.div(Math.sqrt(d));
    let m: tf.Tensor = tf.fill([...lead, t, 1], -1e30);
    let l: tf.Tensor = tf.zeros([...lead, t, 1]);
    let acc: tf.Tensor = tf.zeros([...lead, t, dv]);
    const queryPos = tf.range(0, t).reshape([t, 1]);
    for (let kStart = 0; kStart < t; kStart += blockSize) {
      const kSize = Math.min(blockSize, t - kStart);
      const s = tf.matMul(qs, rows(k, kStart, kSize), false, true); // [..., t, kSize]
      const keyPos = tf.range(kStart, kStart + kSize).reshape([1, kSize]);
      const masked = tf.where(tf.broadcastTo(tf.lessEqual(keyPos, queryPos), s.shape), s, tf.fill(s.shape, -1e9));
      const mNew = tf.maximum(m, masked.max(-1, true));
      const correction = tf.exp(m.sub(mNew));
      const p = tf.exp(masked.sub(mNew));
      l = l.mul(correction).add(p.sum(-1, true));
      acc = acc.mul(correction).add(tf.matMul(p, rows(v, kStart, kSize)));
      m = mNew;
    }
    return { out: acc.div(l), lse: m.add(tf.log(l)).reshape([...lead, t]) };
  });
}
