import * as tf from '@tensorflow/tfjs';

/**
 * 2-D convolution (cross-correlation, as in PyTorch's nn.Conv2d), NCHW.
 * x: [N, C, H, W]; w: [Cout, C / groups, kH, kW]; b: [Cout].
 * stride, padding, dilation: [alongH, alongW]; padding adds that many zeros on BOTH sides of the axis.
 * groups divides C and Cout; group g maps input channels g·C/groups … to output channels g·Cout/groups ….
 * Returns [N, Cout, Ho, Wo], Ho = floor((H + 2·padH − dilH·(kH − 1) − 1) / strideH) + 1 (same for W).
 * tf.conv2d and the other built-in convolutions are not available.
 */
export function conv2d(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  b: tf.Tensor1D,
  stride: [number, number],
  padding: [number, number],
  dilation: [number, number],
  groups: number,
): tf.Tensor4D {
  // TODO: pad, gather one strided slice per kernel tap (im2col), contract with the weights per group, add the bias
  throw new Error('TODO');
}
