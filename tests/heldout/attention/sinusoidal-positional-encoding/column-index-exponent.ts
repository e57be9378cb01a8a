// Held-out wrong variant: uses the raw column index j in the exponent, so odd columns get their own frequency instead of sharing the even column's.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const out = new Float32Array(seqLen * dModel);
  for (let col = 0; col < dModel; col++) {
    const twoI = col;
    const omega = Math.pow(10000, -twoI / dModel);
    for (let pos = 0; pos < seqLen; pos++) {
      const a = pos * omega;
      out[pos * dModel + col] = col % 2 === 0 ? Math.sin(a) : Math.cos(a);
    }
  }
  return tf.tensor2d(out, [seqLen, dModel], 'float32');
}
