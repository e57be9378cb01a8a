import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    const pos = tf.range(0, seqLen, 1, 'float32').reshape([seqLen, 1]);
    const col = tf.range(0, dModel, 1, 'int32');
    const parity = tf.mod(col, 2);
    const twoI = tf.sub(col, parity).cast('float32');
    const invFreq = tf.exp(tf.mul(twoI, -Math.log(10000) / dModel)).reshape([1, dModel]);
    const angles = tf.mul(pos, invFreq);
    const even = tf.broadcastTo(tf.equal(parity, 0).reshape([1, dModel]), [seqLen, dModel]);
    // Bug: adds a leading batch axis ([1, seqLen, dModel]) that the statement does not ask for.
    return tf.where(even, tf.sin(angles), tf.cos(angles)).expandDims(0);
  });
}
