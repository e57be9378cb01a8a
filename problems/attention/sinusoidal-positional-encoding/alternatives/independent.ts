// Style: fill a flat Float32Array column by column with plain loops in JS doubles; the pair index
// is floor(col / 2), so the odd-width last column naturally gets its own sine.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const out = new Float32Array(seqLen * dModel);
  for (let col = 0; col < dModel; col++) {
    const twoI = col - (col % 2);
    const omega = Math.pow(10000, -twoI / dModel);
    for (let pos = 0; pos < seqLen; pos++) {
      const a = pos * omega;
      out[pos * dModel + col] = col % 2 === 0 ? Math.sin(a) : Math.cos(a);
    }
  }
  return tf.tensor2d(out, [seqLen, dModel], 'float32');
}
