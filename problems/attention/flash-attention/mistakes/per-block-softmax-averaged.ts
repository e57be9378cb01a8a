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
    let sum: tf.Tensor = tf.zeros([...q.shape.slice(0, -1), v.shape[v.rank - 1]]);
    let blocks = 0;
    for (let start = 0; start < tk; start += blockSize) {
      const size = Math.min(blockSize, tk - start);
      const s = tf.matMul(qs, rows(k, start, size), false, true); // [..., tq, size]
      // Bug: each block gets its own softmax and the block outputs are averaged; the blocks are
      // never weighted by how much of the total exp-sum each holds.
      sum = sum.add(tf.matMul(tf.softmax(s, -1), rows(v, start, size)));
      blocks++;
    }
    return sum.div(blocks);
  });
}
