import * as tf from '@tensorflow/tfjs';

interface Weights {
  wq: tf.Tensor;
  wk: tf.Tensor;
  wv: tf.Tensor;
  wo: tf.Tensor;
}

export function multiHeadAttention(x: tf.Tensor, weights: Weights, nHeads: number, causal: boolean): tf.Tensor {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dHead = dModel / nHeads;
    const x2 = x.reshape([b * t, dModel]);
    // Bug: multiplies by Wᵀ (the nn.Linear convention) instead of W, for every projection.
    const splitHeads = (w: tf.Tensor) =>
      tf.matMul(x2, w, false, true).reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]);
    const q = splitHeads(weights.wq);
    const k = splitHeads(weights.wk);
    const v = splitHeads(weights.wv);
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
    if (causal) {
      const allowed = tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool');
      scores = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    }
    const heads = tf.matMul(tf.softmax(scores, -1), v);
    const concat = heads.transpose([0, 2, 1, 3]).reshape([b * t, dModel]);
    return tf.matMul(concat, weights.wo, false, true).reshape([b, t, dModel]);
  });
}
