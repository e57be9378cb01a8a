// Held-out wrong variant: all sine columns are placed first and all cosine columns after them (concatenated halves) instead of interleaving sin/cos in even/odd columns.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    const nSin = Math.ceil(dModel / 2);
    const nCos = Math.floor(dModel / 2);
    const pos = tf.range(0, seqLen, 1, 'float32').reshape([seqLen, 1]);
    const twoI = tf.range(0, nSin, 1, 'float32').mul(2);
    const invFreq = tf.exp(twoI.mul(-Math.log(10000) / dModel)).reshape([1, nSin]);
    const angles = pos.mul(invFreq); // [seqLen, nSin]
    const sines = tf.sin(angles);
    const cosines = tf.cos(angles.slice([0, 0], [seqLen, nCos]));
    return tf.concat([sines, cosines], 1);
  });
}
