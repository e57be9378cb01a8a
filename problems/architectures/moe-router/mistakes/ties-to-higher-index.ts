import * as tf from '@tensorflow/tfjs';

// x: [T, d], wRouter: [d, E], w1: [E, d, f], b1: [E, f], w2: [E, f, d], b2: [E, d]
// -> { out: [T, d], auxLoss: [] }
export function moeLayer(
  x: tf.Tensor2D,
  wRouter: tf.Tensor2D,
  w1: tf.Tensor3D,
  b1: tf.Tensor2D,
  w2: tf.Tensor3D,
  b2: tf.Tensor2D,
  k: number,
  capacity: number,
): { out: tf.Tensor2D; auxLoss: tf.Scalar } {
  return tf.tidy(() => {
    const t = x.shape[0];
    const e = wRouter.shape[1];
    const probs = tf.softmax(tf.matMul(x, wRouter), -1); // [T, E]
    // rank[t, i] = how many experts beat expert i for token t (higher prob, or equal prob and lower index).
    const pi = probs.expandDims(2); // [T, E, 1]: expert i
    const pj = probs.expandDims(1); // [T, 1, E]: expert j
    const lowerIndex = tf.linalg.bandPart(tf.ones([e, e]), 0, -1).sub(tf.eye(e)); // [i, j] = 1 when j < i
    const beats = tf.greater(pj, pi).cast('float32').add(tf.equal(pj, pi).cast('float32').mul(lowerIndex));
    const chosen = beats.sum(2).less(k).cast('float32'); // [T, E], k ones per row
    const topP = probs.mul(chosen);
    const gates = topP.div(topP.sum(1, true)); // renormalised over the k chosen experts
    // Capacity: each expert keeps the first `capacity` tokens (in token order) that chose it.
    const position = tf.cumsum(chosen, 0, true); // earlier tokens that chose the same expert
    const kept = chosen.mul(position.less(capacity).cast('float32'));
    // Every expert on every token (dense; fine at these sizes): [E, T, d].
    const xe = x.expandDims(0).tile([e, 1, 1]);
    const hidden = tf.relu(tf.matMul(xe, w1).add(b1.expandDims(1)));
    const y = tf.matMul(hidden, w2).add(b2.expandDims(1));
    const weights = gates.mul(kept).transpose().expandDims(2); // [E, T, 1]
    const out = y.mul(weights).sum(0) as tf.Tensor2D;
    // Switch load-balancing loss: E · Σ_i f_i · P_i, f before capacity drops.
    const f = chosen.sum(0).div(t * k);
    const p = probs.mean(0);
    const auxLoss = f.mul(p).sum().mul(e) as tf.Scalar;
    return { out, auxLoss };
  });
}
