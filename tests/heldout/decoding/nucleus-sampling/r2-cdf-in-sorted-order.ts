// Held-out wrong variant: walks the inverse CDF in sorted (most-probable-first) order instead of vocabulary order.
import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  const probs = tf.softmax(logits, -1).arraySync() as number[][];
  const us = u.arraySync() as number[];
  const out: number[] = [];
  for (let b = 0; b < probs.length; b++) {
    const pr = probs[b];
    const V = pr.length;
    const order = Array.from({ length: V }, (_, i) => i);
    order.sort((i, j) => (pr[j] - pr[i]) || (i - j));
    const keep = new Array<boolean>(V).fill(false);
    let before = 0;
    for (const i of order) {
      if (before < p) { keep[i] = true; before += pr[i]; } else break;
    }
    let total = 0;
    for (let i = 0; i < V; i++) if (keep[i]) total += pr[i];
    let c = 0;
    let pick = -1;
    let lastKept = -1;
    for (const i of order) {
      if (!keep[i]) continue;
      lastKept = i;
      c += pr[i] / total;
      if (c > us[b]) { pick = i; break; }
    }
    out.push(pick === -1 ? lastKept : pick);
  }
  return tf.tensor1d(out, 'int32');
}
