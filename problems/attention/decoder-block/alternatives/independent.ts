// Style: explicit per-head loop (slice Q/K/V feature columns head by head, concat back),
// additive float causal mask built from a band matrix, LayerNorm written out with mean/variance.
import * as tf from '@tensorflow/tfjs';

export interface DecoderWeights {
  ln1Gamma: tf.Tensor1D;
  ln1Beta: tf.Tensor1D;
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
  ln2Gamma: tf.Tensor1D;
  ln2Beta: tf.Tensor1D;
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

function ln(z: tf.Tensor3D, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor3D {
  const mu = tf.mean(z, -1, true);
  const c = tf.sub(z, mu);
  const variance = tf.mean(tf.square(c), -1, true);
  return tf.add(tf.mul(tf.div(c, tf.sqrt(tf.add(variance, 1e-5))), gamma), beta) as tf.Tensor3D;
}

function gelu(u: tf.Tensor): tf.Tensor {
  const k = Math.sqrt(2 / Math.PI);
  const inner = tf.mul(k, tf.add(u, tf.mul(0.044715, tf.pow(u, 3))));
  return tf.mul(tf.mul(0.5, u), tf.add(1, tf.tanh(inner)));
}

// [b, t, d] x [d, e] -> [b, t, e]
function proj(z: tf.Tensor3D, w: tf.Tensor2D): tf.Tensor3D {
  const [b, t, d] = z.shape;
  return tf.reshape(tf.matMul(tf.reshape(z, [b * t, d]), w), [b, t, w.shape[1]]);
}

export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [, t, dModel] = x.shape;
    const dh = dModel / nHeads;
    const z = ln(x, weights.ln1Gamma, weights.ln1Beta);
    const q = proj(z, weights.wq);
    const k = proj(z, weights.wk);
    const v = proj(z, weights.wv);
    // additive mask: 0 where key j <= query i, -1e9 otherwise
    const maskVals: number[] = [];
    for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) maskVals.push(j <= i ? 0 : -1e9);
    const mask = tf.tensor2d(maskVals, [t, t]);
    const heads: tf.Tensor[] = [];
    for (let h = 0; h < nHeads; h++) {
      const qh = tf.slice(q, [0, 0, h * dh], [-1, -1, dh]);
      const kh = tf.slice(k, [0, 0, h * dh], [-1, -1, dh]);
      const vh = tf.slice(v, [0, 0, h * dh], [-1, -1, dh]);
      const scores = tf.add(tf.div(tf.matMul(qh, kh, false, true), Math.sqrt(dh)), mask);
      heads.push(tf.matMul(tf.softmax(scores, -1), vh));
    }
    const attn = proj(tf.concat(heads, -1) as tf.Tensor3D, weights.wo);
    const h = tf.add(x, attn) as tf.Tensor3D;
    const z2 = ln(h, weights.ln2Gamma, weights.ln2Beta);
    const ff = tf.add(proj(gelu(tf.add(proj(z2, weights.w1), weights.b1)) as tf.Tensor3D, weights.w2), weights.b2);
    return tf.add(h, ff) as tf.Tensor3D;
  });
}
