// Held-out wrong variant: the cut uses a non-strict test (keep a token while the mass before it is <= p), so when the running total reaches p exactly the next token is wrongly kept too.
import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  const probs = tf.softmax(logits).arraySync() as number[][];
  const us = u.arraySync() as number[];
  const out: number[] = [];
  for (let b = 0; b < probs.length; b++) {
    const pr = probs[b];
    const V = pr.length;
    const order = Array.from({ length: V }, (_, i) => i);
    order.sort((a, c) => pr[c] - pr[a] || a - c);
    const keep = new Array<boolean>(V).fill(false);
    let before = 0;
    for (let r = 0; r < V; r++) {
      if (before > p) break;
      keep[order[r]] = true;
      before += pr[order[r]];
    }
    let total = 0;
    for (let i = 0; i < V; i++) if (keep[i]) total += pr[i];
    let cum = 0;
    let pick = -1;
    let lastKept = -1;
    for (let i = 0; i < V; i++) {
      if (!keep[i]) continue;
      lastKept = i;
      cum += pr[i] / total;
      if (cum > us[b]) {
        pick = i;
        break;
      }
    }
    out.push(pick >= 0 ? pick : lastKept);
  }
  return tf.tensor1d(out, 'int32');
}
