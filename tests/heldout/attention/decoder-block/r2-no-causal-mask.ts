// Held-out wrong variant: forgets the causal mask, so every token attends to future tokens as well.
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
  const mu = tf.mean(z, -1, true);
  const c = tf.sub(z, mu);
  const variance = tf.mean(tf.square(c), -1, true);
  return tf.add(tf.mul(tf.div(c, tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}

function gelu(u: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(u, tf.mul(0.044715, tf.pow(u, 3))));
  return tf.mul(tf.mul(0.5, u), tf.add(1, tf.tanh(inner)));
}

function lin(z: tf.Tensor, w: tf.Tensor2D): tf.Tensor {
  const [b, t, d] = z.shape;
  return tf.reshape(tf.matMul(tf.reshape(z, [b * t, d]), w), [b, t, w.shape[1]]);
}

export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dh = dModel / nHeads;
    const z1 = layerNorm(x, weights.ln1Gamma, weights.ln1Beta);
    const heads = (m: tf.Tensor) => tf.transpose(tf.reshape(m, [b, t, nHeads, dh]), [0, 2, 1, 3]);
    const q = heads(lin(z1, weights.wq));
    const k = heads(lin(z1, weights.wk));
    const v = heads(lin(z1, weights.wv));
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dh));
    const att = tf.matMul(tf.softmax(scores, -1), v);
    const merged = tf.reshape(tf.transpose(att, [0, 2, 1, 3]), [b, t, dModel]);
    const h = tf.add(x, lin(merged, weights.wo));
    const z2 = layerNorm(h, weights.ln2Gamma, weights.ln2Beta);
    const ff = tf.add(lin(gelu(tf.add(lin(z2, weights.w1), weights.b1)), weights.w2), weights.b2);
    return tf.add(h, ff) as tf.Tensor3D;
  });
}
