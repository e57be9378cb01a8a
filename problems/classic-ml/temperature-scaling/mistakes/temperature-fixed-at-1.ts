import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  // Bug: returns the identity temperature without fitting anything.
  return 1;
}
