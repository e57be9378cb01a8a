// Held-out wrong variant: the loss uses log(exp(z_y) / Σ exp(z)) without subtracting the max, which overflows/underflows for large-magnitude logits.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  const z = logits.arraySync() as number[][][];
  const y = targets.arraySync() as number[][];
  let lossSum = 0;
  let correct = 0;
  let count = 0;
  for (let b = 0; b < z.length; b++) {
    for (let t = 0; t < z[b].length; t++) {
      const target = y[b][t];
      if (target === padId) continue;
      const row = z[b][t];
      let denom = 0;
      let best = 0;
      for (let v = 0; v < row.length; v++) {
        denom += Math.exp(row[v]);
        if (row[v] > row[best]) best = v;
      }
      lossSum += -Math.log(Math.exp(row[target]) / denom);
      if (best === target) correct++;
      count++;
    }
  }
  return { loss: tf.scalar(lossSum / count), accuracy: tf.scalar(correct / count) };
}
