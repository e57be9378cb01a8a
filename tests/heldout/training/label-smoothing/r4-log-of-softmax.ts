// Held-out wrong variant: log-probabilities are computed as log(softmax(z)), which underflows to −Infinity for large-magnitude logits, instead of a stable log-softmax.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  const z = logits.arraySync() as number[][];
  const y = targets.arraySync() as number[];
  const K = z[0].length;
  let total = 0;
  for (let n = 0; n < z.length; n++) {
    const row = z[n];
    const mx = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - mx));
    const sum = exps.reduce((a, c) => a + c, 0);
    let rowLoss = 0;
    for (let k = 0; k < K; k++) {
      const logp = Math.log(exps[k] / sum);
      const q = (k === y[n] ? 1 - epsilon : 0) + epsilon / K;
      rowLoss -= q * logp;
    }
    total += rowLoss;
  }
  return tf.scalar(total / z.length);
}
