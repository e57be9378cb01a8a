// Held-out wrong variant: computes log p as log(softmax(z)) instead of a stable log-softmax, so underflowed probabilities give -Infinity and the loss becomes non-finite for large-magnitude logits.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  const z = logits.arraySync();
  const y = targets.arraySync();
  const N = z.length;
  const K = z[0].length;
  let total = 0;
  for (let n = 0; n < N; n++) {
    const mx = Math.max(...z[n]);
    const ex = z[n].map((v) => Math.exp(v - mx));
    const s = ex.reduce((a, b) => a + b, 0);
    let rowLoss = 0;
    for (let k = 0; k < K; k++) {
      const logp = Math.log(ex[k] / s);
      const q = (k === y[n] ? 1 - epsilon : 0) + epsilon / K;
      rowLoss -= q * logp;
    }
    total += rowLoss;
  }
  return tf.scalar(total / N);
}
