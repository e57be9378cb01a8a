// Held-out wrong variant: LayerNorm uses the unbiased variance, dividing the squared deviations by d - 1 instead of d.
import * as tf from '@tensorflow/tfjs';

export interface DecoderWeights {
  ln1Gamma: tf.Tensor1D; // [dModel]
  ln1Beta: tf.Tensor1D; // [dModel]
  wq: tf.Tensor2D; // [dModel, dModel]
  wk: tf.Tensor2D; // [dModel, dModel]
  wv: tf.Tensor2D; // [dModel, dModel]
  wo: tf.Tensor2D; // [dModel, dModel]
  ln2Gamma: tf.Tensor1D; // [dModel]
  ln2Beta: tf.Tensor1D; // [dModel]
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
}

function layerNorm(z: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const d = z.shape[z.rank - 1];
  const mu = z.mean(-1, true);
  const c = z.sub(mu);
  const variance = c.square().sum(-1, true).div(d - 1);
  return c.div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
}

function gelu(u: tf.Tensor): tf.Tensor {
  const k = Math.sqrt(2 / Math.PI);
  return u.mul(0.5).mul(tf.add(1, tf.tanh(u.add(u.pow(3).mul(0.044715)).mul(k))));
}

function causalMha(z: tf.Tensor, w: DecoderWeights, nHeads: number): tf.Tensor {
  const [b, t, d] = z.shape;
  const dh = d / nHeads;
  const flat = z.reshape([b * t, d]);
  const heads = (m: tf.Tensor) => tf.matMul(flat, m).reshape([b, t, nHeads, dh]).transpose([0, 2, 1, 3]);
  const q = heads(w.wq);
  const k = heads(w.wk);
  const v = heads(w.wv);
  const allowed = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dh)).add(tf.sub(1, allowed).mul(-1e9));
  const o = tf.matMul(tf.softmax(scores, -1), v).transpose([0, 2, 1, 3]).reshape([b * t, d]);
  return tf.matMul(o, w.wo).reshape([b, t, d]);
}

export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, d] = x.shape;
    const h = x.add(causalMha(layerNorm(x, weights.ln1Gamma, weights.ln1Beta), weights, nHeads));
    const n2 = layerNorm(h, weights.ln2Gamma, weights.ln2Beta).reshape([b * t, d]);
    const ff = tf.matMul(gelu(tf.matMul(n2, weights.w1).add(weights.b1)), weights.w2).add(weights.b2);
    return h.add(ff.reshape([b, t, d])) as tf.Tensor3D;
  });
}
