// Held-out wrong variant: The softmax is computed by hand as exp(logits / T) / sum without subtracting the row max, so large logits overflow to Infinity and give NaN probabilities.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  const [batch, vocab] = logits.shape;
  if (temperature === 0) {
    return tf.tidy(() => tf.argMax(logits, 1).toInt() as tf.Tensor1D);
  }
  const rows = logits.arraySync() as number[][];
  const us = u.arraySync() as number[];
  const ids = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    const e = rows[b].map((x) => Math.fround(Math.exp(x / temperature)));
    let z = 0;
    for (const x of e) z = Math.fround(z + x);
    let c = 0;
    let lastAllowed = -1;
    let id = -1;
    for (let i = 0; i < vocab; i++) {
      if (rows[b][i] !== -Infinity) lastAllowed = i;
      c = Math.fround(c + Math.fround(e[i] / z));
      if (id < 0 && c > us[b]) id = i;
    }
    ids[b] = id < 0 ? lastAllowed : id;
  }
  return tf.tensor1d(ids, 'int32');
}
