// Held-out wrong variant: dlogits is p − onehot(label) without dividing by N, although the loss is the mean over the rows.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const Z = logits.arraySync();
  const lab = labels.arraySync();
  const N = Z.length;
  let total = 0;
  const grad: number[][] = [];
  for (let n = 0; n < N; n++) {
    const row = Z[n];
    let m = -Infinity;
    for (const v of row) if (v > m) m = v;
    let se = 0;
    for (const v of row) se += Math.exp(v - m);
    const lse = Math.log(se);
    const y = lab[n];
    total += -(row[y] - m - lse);
    grad.push(row.map((v, k) => Math.exp(v - m - lse) - (k === y ? 1 : 0)));
  }
  return { loss: tf.scalar(total / N), dlogits: tf.tensor2d(grad, logits.shape) };
}
