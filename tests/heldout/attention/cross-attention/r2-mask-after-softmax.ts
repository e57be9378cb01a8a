// Held-out wrong variant: applies the padding mask by zeroing the weights after the softmax, so the remaining weights no longer sum to 1.
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const [b, tq, dModel] = x.shape;
    const tk = memory.shape[1];
    const dHead = dModel / numHeads;
    const proj = (t: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) =>
      tf.add(tf.reshape(tf.matMul(tf.reshape(t, [-1, dModel]), w), [b, t.shape[1], dModel]), bias);
    const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [b, t.shape[1], numHeads, dHead]), [0, 2, 1, 3]);
    const q = heads(proj(x, params.wq, params.bq));
    const k = heads(proj(memory, params.wk, params.bk));
    const v = heads(proj(memory, params.wv, params.bv));
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead));
    let w = tf.softmax(scores, -1);
    if (memoryMask) {
      // zero the padded tokens' weights (after the softmax, without renormalizing)
      const m = tf.reshape(tf.cast(memoryMask, 'float32'), [b, 1, 1, tk]);
      w = tf.mul(w, m);
    }
    const out = tf.matMul(w, v);
    const merged = tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [b * tq, dModel]);
    return tf.reshape(tf.add(tf.matMul(merged, params.wo), params.bo), [b, tq, dModel]);
  });
}
