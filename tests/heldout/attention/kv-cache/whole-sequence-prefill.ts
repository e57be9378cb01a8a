// Held-out wrong variant: ignores prefill and runs the whole sequence as one causal chunk, building the full [t, t] scores and mask the memory rule forbids.
import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dk = weights.wq.shape[1];
  const scale = 1 / Math.sqrt(dk);

  // project a chunk of tokens [b, n, dModel] -> [b, n, width]
  const proj = (chunk: tf.Tensor, w: tf.Tensor2D, n: number) =>
    tf.reshape(tf.matMul(tf.reshape(chunk, [b * n, dModel]) as tf.Tensor2D, w), [b, n, w.shape[1]]) as tf.Tensor3D;

  // ---- prefill: tokens 0..p-1, causal inside the prompt
  let kCache: tf.Tensor3D;
  let vCache: tf.Tensor3D;
  const outs: tf.Tensor3D[] = [];
  {
    const p = t;
    const res = tf.tidy(() => {
      const xp = tf.slice(x, [0, 0, 0], [b, p, dModel]);
      const qp = proj(xp, weights.wq, p);
      const kp = proj(xp, weights.wk, p);
      const vp = proj(xp, weights.wv, p);
      const rows = tf.reshape(tf.range(0, p), [p, 1]);
      const cols = tf.reshape(tf.range(0, p), [1, p]);
      const allowed = tf.cast(tf.lessEqual(cols, rows), 'float32'); // [p, p], 1 where j <= i
      const scores = tf.mul(tf.matMul(qp, kp, false, true), scale); // [b, p, p]
      const masked = tf.add(tf.mul(scores, allowed), tf.mul(tf.sub(1, allowed), -1e30));
      const out = tf.matMul(tf.softmax(masked, -1) as tf.Tensor3D, vp) as tf.Tensor3D;
      return { out, kp, vp };
    });
    outs.push(res.out);
    kCache = res.kp;
    vCache = res.vp;
  }

  // ---- one step per remaining token
  for (let i = t; i < t; i++) {
    const { kNew, vNew, out } = tf.tidy(() => {
      const xi = tf.slice(x, [0, i, 0], [b, 1, dModel]);
      const qi = proj(xi, weights.wq, 1); // [b, 1, dk]
      const kNew = tf.concat([kCache, proj(xi, weights.wk, 1)], 1) as tf.Tensor3D; // [b, i+1, dk]
      const vNew = tf.concat([vCache, proj(xi, weights.wv, 1)], 1) as tf.Tensor3D; // [b, i+1, dv]
      const scores = tf.mul(tf.matMul(qi, kNew, false, true), scale); // [b, 1, i+1]
      const out = tf.matMul(tf.softmax(scores, -1) as tf.Tensor3D, vNew) as tf.Tensor3D; // [b, 1, dv]
      return { kNew, vNew, out };
    });
    kCache.dispose();
    vCache.dispose();
    kCache = kNew;
    vCache = vNew;
    outs.push(out);
  }

  const result = (outs.length === 1 ? tf.clone(outs[0]) : tf.concat(outs, 1)) as tf.Tensor3D;
  for (const o of outs) o.dispose();
  kCache.dispose();
  vCache.dispose();
  return result;
}
