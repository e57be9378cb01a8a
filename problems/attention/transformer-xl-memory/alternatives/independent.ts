import * as tf from '@tensorflow/tfjs';

export interface XlWeights {
  wq: tf.Tensor2D; // [D, Dk]
  wk: tf.Tensor2D; // [D, Dk]
  wv: tf.Tensor2D; // [D, D]
}

// Independent solution: vectorised tf ops; the mask is built as a [L, M+L] boolean from
// position ranges and applied with tf.where before a (stable) tf.softmax.

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
    const total = M + L;
    const hTilde = tf.concat([mem, x], 1); // [B, M+L, D]
    const proj = (a: tf.Tensor3D, w: tf.Tensor2D): tf.Tensor3D => {
      const [bb, n, dd] = a.shape;
      return tf.matMul(a.reshape([bb * n, dd]), w).reshape([bb, n, w.shape[1]]) as tf.Tensor3D;
    };
    const Q = proj(x, weights.wq); // [B, L, Dk]
    const K = proj(hTilde, weights.wk); // [B, M+L, Dk]
    const V = proj(hTilde, weights.wv); // [B, M+L, D]
    const scores = tf.matMul(Q, K, false, true).div(Math.sqrt(Dk)); // [B, L, M+L]
    const qPos = tf.range(M, M + L, 1, 'int32').reshape([L, 1]);
    const kPos = tf.range(0, total, 1, 'int32').reshape([1, total]);
    const visible = tf.lessEqual(kPos, qPos); // [L, M+L]
    const masked = tf.where(
      visible.expandDims(0).tile([B, 1, 1]),
      scores,
      tf.fill([B, L, total], -1e9),
    );
    const probs = tf.softmax(masked, -1);
    const out = tf.matMul(probs, V) as tf.Tensor3D; // [B, L, D]
    const newMem = tf.slice(hTilde, [0, total - memLen, 0], [B, memLen, D]) as tf.Tensor3D;
    return { out, newMem };
  });
}
