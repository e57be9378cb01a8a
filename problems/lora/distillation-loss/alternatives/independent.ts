import * as tf from '@tensorflow/tfjs';

function logSoftmaxRow(z: number[], T: number): number[] {
  const y = z.map((v) => v / T);
  const mx = Math.max(...y);
  let s = 0;
  for (const v of y) s += Math.exp(v - mx);
  const lse = mx + Math.log(s);
  return y.map((v) => v - lse);
}

/** Per-row loops in float64 with a max-shifted log-sum-exp. */
export function distillationLoss(
  student: tf.Tensor2D,
  teacher: tf.Tensor2D,
  labels: tf.Tensor1D,
  temperature: number,
  alpha: number,
): { loss: tf.Scalar; ce: tf.Scalar; kl: tf.Scalar } {
  const S = student.arraySync();
  const Tt = teacher.arraySync();
  const y = labels.arraySync();
  const N = S.length;
  let ce = 0;
  let kl = 0;
  for (let n = 0; n < N; n++) {
    ce -= logSoftmaxRow(S[n], 1)[y[n]];
    const logp = logSoftmaxRow(Tt[n], temperature);
    const logq = logSoftmaxRow(S[n], temperature);
    for (let k = 0; k < logp.length; k++) kl += Math.exp(logp[k]) * (logp[k] - logq[k]);
  }
  ce /= N;
  kl /= N;
  const loss = alpha * ce + (1 - alpha) * temperature * temperature * kl;
  return { loss: tf.scalar(loss, 'float32'), ce: tf.scalar(ce, 'float32'), kl: tf.scalar(kl, 'float32') };
}
