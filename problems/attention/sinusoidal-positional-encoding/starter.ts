import * as tf from '@tensorflow/tfjs';

/**
 * Sinusoidal positional encoding from "Attention Is All You Need".
 * seqLen: number of positions (0 .. seqLen-1), dModel: encoding width (may be odd)
 * Returns: float32 tensor [seqLen, dModel] with
 *   PE[pos, 2i]   = sin(pos / 10000^(2i / dModel))
 *   PE[pos, 2i+1] = cos(pos / 10000^(2i / dModel))
 */
export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  // TODO: angles = position × inverse frequency; sin on even columns, cos on odd columns
  return tf.zeros([seqLen, dModel]);
}
