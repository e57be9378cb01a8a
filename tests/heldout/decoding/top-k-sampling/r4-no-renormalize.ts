// Held-out wrong variant: the kept tokens use their probabilities from the softmax over the full vocabulary (dropped ones zeroed) without renormalizing over the top k.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  const probs = tf.softmax(logits).arraySync() as number[][];
  const top = tf.topk(logits, k, true);
  const kept = top.indices.arraySync() as number[][];
  top.values.dispose();
  top.indices.dispose();
  const us = u.arraySync() as number[];
  const out: number[] = [];
  for (let b = 0; b < probs.length; b++) {
    const vocab = probs[b].length;
    const isKept = new Array<boolean>(vocab).fill(false);
    for (const id of kept[b]) isKept[id] = true;
    let cum = 0;
    let pick = -1;
    let last = -1;
    for (let i = 0; i < vocab; i++) {
      if (!isKept[i]) continue;
      last = i;
      cum += probs[b][i];
      if (cum > us[b]) {
        pick = i;
        break;
      }
    }
    out.push(pick >= 0 ? pick : last);
  }
  return tf.tensor1d(out, 'int32');
}
