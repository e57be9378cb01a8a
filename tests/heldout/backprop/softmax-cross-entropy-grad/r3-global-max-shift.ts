// Held-out wrong variant: the stabilising shift uses the maximum over the whole logits matrix instead of each row's own maximum, so rows far below the global max underflow to 0/0.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const Z = logits.arraySync();
  const lab = labels.arraySync();
  const N = Z.length;
  const K = Z[0].length;
  let m = -Infinity;
  for (const row of Z) for (const v of row) if (v > m) m = v;
  let loss = 0;
  const grad: number[][] = [];
  for (let n = 0; n < N; n++) {
    const row = Z[n];
    let sumExp = 0;
    for (let k = 0; k < K; k++) sumExp += Math.exp(row[k] - m);
    const logZ = Math.log(sumExp);
    loss += -(row[lab[n]] - m - logZ);
    const g: number[] = [];
    for (let k = 0; k < K; k++) {
      const p = Math.exp(row[k] - m - logZ);
      g.push((p - (k === lab[n] ? 1 : 0)) / N);
    }
    grad.push(g);
  }
  return { loss: tf.scalar(loss / N), dlogits: tf.tensor2d(grad, [N, K]) };
}
