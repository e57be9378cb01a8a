// Held-out wrong variant: computes the softmax as exp(logits / T) / sum without subtracting the row max, so large logits overflow to Infinity (NaN probabilities).
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  if (temperature === 0) return tf.argMax(logits, 1).toInt();
  const probs = tf.tidy(() => { const e = tf.exp(logits.div(temperature)); return e.div(e.sum(1, true)); });
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
