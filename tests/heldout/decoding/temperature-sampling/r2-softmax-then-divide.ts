// Held-out wrong variant: applies the temperature after the softmax (probabilities divided by T, not renormalized) instead of dividing the logits.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  if (temperature === 0) return tf.argMax(logits, 1).toInt();
  const probs = tf.tidy(() => tf.softmax(logits, -1).div(temperature));
  const pr = probs.arraySync() as number[][];
  probs.dispose();
  const us = u.arraySync() as number[];
  const out: number[] = [];
  for (let b = 0; b < pr.length; b++) {
    let c = 0;
    let pick = -1;
    let lastOk = -1;
    for (let i = 0; i < pr[b].length; i++) {
      if (pr[b][i] > 0) lastOk = i;
      c += pr[b][i];
      if (pr[b][i] > 0 && c > us[b]) { pick = i; break; }
    }
    out.push(pick === -1 ? lastOk : pick);
  }
  return tf.tensor1d(out, 'int32');
}
