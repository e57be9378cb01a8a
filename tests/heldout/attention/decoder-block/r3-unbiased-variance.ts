// Held-out wrong variant: the LayerNorm variance divides the sum of squared deviations by d - 1 (unbiased) instead of d (biased).
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

function layerNorm(z: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const d = z.shape[z.rank - 1];
  const mean = z.mean(-1, true);
  const centred = z.sub(mean);
  const variance = centred.square().sum(-1, true).div(d - 1);
  return centred.div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
}

function gelu(u: tf.Tensor): tf.Tensor {
  const c = Math.sqrt(2 / Math.PI);
  const inner = u.add(u.mul(u).mul(u).mul(0.044715)).mul(c);
  return u.mul(0.5).mul(tf.tanh(inner).add(1));
}

export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dHead = dModel / nHeads;
    const z = layerNorm(x, weights.ln1Gamma, weights.ln1Beta).reshape([b * t, dModel]);
    const split = (m: tf.Tensor) => m.reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]);
    const q = split(tf.matMul(z as tf.Tensor2D, weights.wq));
    const k = split(tf.matMul(z as tf.Tensor2D, weights.wk));
    const v = split(tf.matMul(z as tf.Tensor2D, weights.wv));
    const causal = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead)).add(tf.sub(1, causal).mul(-1e9));
    const heads = tf.matMul(tf.softmax(scores, -1), v);
    const merged = heads.transpose([0, 2, 1, 3]).reshape([b * t, dModel]);
    const attn = tf.matMul(merged as tf.Tensor2D, weights.wo).reshape([b, t, dModel]);
    const h = x.add(attn);
    const z2 = layerNorm(h, weights.ln2Gamma, weights.ln2Beta).reshape([b * t, dModel]);
    const hidden = gelu(tf.matMul(z2 as tf.Tensor2D, weights.w1).add(weights.b1));
    const ffn = tf.matMul(hidden as tf.Tensor2D, weights.w2).add(weights.b2).reshape([b, t, dModel]);
    return h.add(ffn) as tf.Tensor3D;
  });
}
