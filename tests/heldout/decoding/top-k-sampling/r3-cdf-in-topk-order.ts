// Held-out wrong variant: The inverse-CDF draw walks the kept tokens in the descending order returned by tf.topk instead of vocabulary order.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  const [batch, vocab] = logits.shape;
  const { values, indices } = tf.topk(logits, k, true);
  const vals = values.arraySync() as number[][];
  const idx = indices.arraySync() as number[][];
  const uArr = u.arraySync() as number[];
  values.dispose();
  indices.dispose();
  const out: number[] = [];
  for (let b = 0; b < batch; b++) {
    const prob = new Float64Array(vocab);
    const keep = new Uint8Array(vocab);
    const mx = vals[b][0];
    let total = 0;
    for (let r = 0; r < k; r++) {
      const e = Math.exp(vals[b][r] - mx);
      prob[idx[b][r]] = e;
      keep[idx[b][r]] = 1;
      total += e;
    }
    let cum = 0;
    let id = -1;
    let lastKept = -1;
    for (let r = 0; r < k; r++) {
      const i = idx[b][r];
      lastKept = i;
      cum += prob[i] / total;
      if (id < 0 && cum > uArr[b]) id = i;
    }
    out.push(id < 0 ? lastKept : id);
  }
  return tf.tensor1d(out, 'int32');
}
