// Held-out wrong variant: The nucleus test uses the running total including the current token (keep while cumsum < p), so the token whose probability crosses p is dropped (only the top token is force-kept).
import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  const [batch, vocab] = logits.shape;
  const probs = tf.softmax(logits);
  const { values, indices } = tf.topk(probs, vocab, true);
  const probArr = probs.arraySync() as number[][];
  const valArr = values.arraySync() as number[][];
  const idxArr = indices.arraySync() as number[][];
  const uArr = u.arraySync() as number[];
  tf.dispose([probs, values, indices]);
  const out: number[] = [];
  for (let b = 0; b < batch; b++) {
    const keep = new Uint8Array(vocab);
    let run = 0;
    for (let r = 0; r < vocab; r++) {
      if (r === 0 || run + valArr[b][r] < p) {
        keep[idxArr[b][r]] = 1;
        run += valArr[b][r];
      } else break;
    }
    let total = 0;
    for (let i = 0; i < vocab; i++) if (keep[i]) total += probArr[b][i];
    let cum = 0;
    let id = -1;
    let lastKept = -1;
    for (let i = 0; i < vocab; i++) {
      if (!keep[i]) continue;
      lastKept = i;
      cum += probArr[b][i] / total;
      if (id < 0 && cum > uArr[b]) id = i;
    }
    out.push(id < 0 ? lastKept : id);
  }
  return tf.tensor1d(out, 'int32');
}
