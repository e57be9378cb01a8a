import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

/**
 * Linear model ŷ = x·W + b with loss L = (1/N) Σᵢ ‖ŷᵢ − yᵢ‖² over the N examples of a step.
 * W: [din, dout], b: [dout]. steps[s] is a list of micro-batches {x: [n, din], y: [n, dout]}
 * (sizes n may differ) that together form the large batch of optimizer step s.
 * Accumulate the gradient over the micro-batches, then take one SGD step with learning rate lr.
 * Returns the final { W, b } after all steps.
 */
export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  // TODO: for each step, accumulate gradients over its micro-batches, then update W and b.
  return { W: tf.zerosLike(W), b: tf.zerosLike(b) };
}
