import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: all the sines in the first half, all the cosines in the second (tensor2tensor layout),
    // instead of interleaving sin/cos on even/odd columns.
    const half = Math.ceil(dModel / 2);
    const pos = tf.range(0, seqLen, 1, 'float32').reshape([seqLen, 1]);
    const twoI = tf.range(0, half, 1, 'float32').mul(2);
    const angles = pos.mul(tf.exp(twoI.mul(-Math.log(10000) / dModel)).reshape([1, half]));
    const cos = tf.cos(angles).slice([0, 0], [seqLen, dModel - half]);
    return tf.concat([tf.sin(angles), cos], 1);
  });
}
