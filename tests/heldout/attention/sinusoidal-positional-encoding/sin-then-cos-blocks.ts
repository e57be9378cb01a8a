// Held-out wrong variant: puts all sines in the first half of the columns and all cosines in the second half.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const out = new Float32Array(seqLen * dModel);
  const nSin = Math.ceil(dModel / 2);
  for (let col = 0; col < dModel; col++) {
    const isSin = col < nSin;
    const i = isSin ? col : col - nSin;
    const omega = Math.pow(10000, (-2 * i) / dModel);
    for (let pos = 0; pos < seqLen; pos++) {
      const a = pos * omega;
      out[pos * dModel + col] = isSin ? Math.sin(a) : Math.cos(a);
    }
  }
  return tf.tensor2d(out, [seqLen, dModel], 'float32');
}
