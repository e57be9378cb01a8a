import * as tf from '@tensorflow/tfjs';

// logits: [n, c] float32, labels: [n] int32 class ids. Returns the NLL-minimising temperature T.
export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const z = logits.arraySync();
  const y = labels.arraySync();
  // Mean negative log-likelihood of softmax(z / T), with a stable log-sum-exp.
  const nll = (t: number) => {
    let total = 0;
    z.forEach((row, i) => {
      const scaled = row.map((v) => v / t);
      const m = Math.max(...scaled);
      const lse = m + Math.log(scaled.reduce((s, v) => s + Math.exp(v - m), 0));
      total += lse - scaled[y[i]];
    });
    return total / z.length;
  };
  // Bug: a coarse linear grid T = 0.1, 0.2, …, 10 with no refinement.
  let bestT = 0.1;
  let bestNll = Infinity;
  for (let i = 1; i <= 100; i++) {
    const t = i / 10;
    const f = nll(t);
    if (f < bestNll) {
      bestNll = f;
      bestT = t;
    }
  }
  return bestT;
}
