import * as tf from '@tensorflow/tfjs';

// Returns [seqLen, dModel]: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d)).
export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: linspace(0, seqLen, seqLen) spaces the positions seqLen/(seqLen−1) apart.
    const pos = tf.linspace(0, seqLen, seqLen).reshape([seqLen, 1]); // positions 0 .. seqLen-1
    const col = tf.range(0, dModel, 1, 'int32');
    const parity = tf.mod(col, 2);
    const twoI = tf.sub(col, parity).cast('float32'); // columns 2i and 2i+1 share the exponent 2i
    const invFreq = tf.exp(tf.mul(twoI, -Math.log(10000) / dModel)).reshape([1, dModel]); // 10000^(-2i/d)
    const angles = tf.mul(pos, invFreq); // [seqLen, dModel]
    const even = tf.broadcastTo(tf.equal(parity, 0).reshape([1, dModel]), [seqLen, dModel]);
    return tf.where(even, tf.sin(angles), tf.cos(angles));
  });
}
