import * as tf from '@tensorflow/tfjs';

/** Independent solution: per-example loop in float64 JS, using 1 − σ(x) = σ(−x) = 1/(1 + eˣ). */
export function ktoLoss(
  policyLogps: tf.Tensor1D,
  refLogps: tf.Tensor1D,
  desirable: tf.Tensor1D,
  policyKlLogps: tf.Tensor1D,
  refKlLogps: tf.Tensor1D,
  beta: number,
  desirableWeight: number,
  undesirableWeight: number,
): { loss: tf.Scalar; kl: tf.Scalar; losses: tf.Tensor1D } {
  const pol = policyLogps.dataSync();
  const ref = refLogps.dataSync();
  const des = desirable.dataSync();
  const pKl = policyKlLogps.dataSync();
  const rKl = refKlLogps.dataSync();
  const B = pol.length;

  let klSum = 0;
  for (let j = 0; j < pKl.length; j++) klSum += pKl[j] - rKl[j];
  const z0 = Math.max(0, pKl.length > 0 ? klSum / pKl.length : 0);

  // 1 − σ(x), written without cancellation
  const oneMinusSigmoid = (x: number) => 1 / (1 + Math.exp(x));

  const losses: number[] = [];
  let total = 0;
  for (let i = 0; i < B; i++) {
    const r = pol[i] - ref[i];
    const li = Number(des[i]) !== 0
      ? desirableWeight * oneMinusSigmoid(beta * (r - z0))
      : undesirableWeight * oneMinusSigmoid(beta * (z0 - r));
    losses.push(li);
    total += li;
  }

  return {
    loss: tf.scalar(B > 0 ? total / B : 0, 'float32'),
    kl: tf.scalar(z0, 'float32'),
    losses: tf.tensor1d(losses, 'float32'),
  };
}
