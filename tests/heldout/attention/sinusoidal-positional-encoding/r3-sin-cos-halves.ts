// Held-out wrong variant: all the sines are placed in the first half of the columns and all the cosines in the second half, instead of interleaving sine (even column) and cosine (odd column).
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    const nSin = Math.ceil(dModel / 2);
    const nCos = Math.floor(dModel / 2);
    const pos = tf.range(0, seqLen).reshape([seqLen, 1]);
    const freqs = (n: number) => tf.exp(tf.range(0, n).mul((-2 * Math.log(10000)) / dModel)).reshape([1, n]);
    const sines = tf.sin(pos.mul(freqs(nSin)));
    if (nCos === 0) return sines;
    const cosines = tf.cos(pos.mul(freqs(nCos)));
    return tf.concat([sines, cosines], 1);
  });
}
