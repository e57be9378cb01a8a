// Held-out wrong variant: the inverse CDF picks the first id whose cumulative probability is >= u instead of strictly > u, so u on a boundary (or u = 0 before banned tokens) selects the wrong id.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  if (temperature === 0) {
    return tf.tidy(() => tf.cast(tf.argMax(logits, 1), 'int32') as tf.Tensor1D);
  }
  const probs = tf.tidy(() => tf.softmax(tf.div(logits, temperature))).arraySync() as number[][];
  const us = u.arraySync() as number[];
  const ids: number[] = [];
  for (let b = 0; b < probs.length; b++) {
    const row = probs[b];
    let cum = 0;
    let chosen = -1;
    let lastValid = -1;
    for (let i = 0; i < row.length; i++) {
      if (row[i] > 0) lastValid = i;
      cum += row[i];
      if (cum >= us[b]) {
        chosen = i;
        break;
      }
    }
    ids.push(chosen >= 0 ? chosen : lastValid);
  }
  return tf.tensor1d(ids, 'int32');
}
