// Held-out wrong variant: sign error in the fused gradient, onehot - p instead of p - onehot.
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  const [N, K] = logits.shape;
  const z = logits.dataSync();
  const lab = labels.dataSync();
  const grad = new Float32Array(N * K);
  let total = 0;
  for (let n = 0; n < N; n++) {
    const off = n * K;
    let m = -Infinity;
    for (let k = 0; k < K; k++) if (z[off + k] > m) m = z[off + k];
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(z[off + k] - m);
    const lse = m + Math.log(s);
    const y = lab[n];
    total += lse - z[off + y]; // -log p_y
    for (let k = 0; k < K; k++) {
      const p = Math.exp(z[off + k] - lse);
      grad[off + k] = ((k === y ? 1 : 0) - p) / N;
    }
  }
  return { loss: tf.scalar(total / N), dlogits: tf.tensor2d(grad, [N, K]) };
}
