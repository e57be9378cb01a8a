import * as tf from '@tensorflow/tfjs';

export interface EncoderWeights {
  wq: tf.Tensor2D; // [dModel, dModel]
  wk: tf.Tensor2D; // [dModel, dModel]
  wv: tf.Tensor2D; // [dModel, dModel]
  wo: tf.Tensor2D; // [dModel, dModel]
  ln1Gamma: tf.Tensor1D; // [dModel]
  ln1Beta: tf.Tensor1D; // [dModel]
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
  ln2Gamma: tf.Tensor1D; // [dModel]
  ln2Beta: tf.Tensor1D; // [dModel]
}

const EPS = 1e-5;

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true); // biased variance
  return x.sub(mean).div(variance.add(EPS).sqrt()).mul(gamma).add(beta);
}

/** x [b, t, d] @ w [d, n] (+ bias) -> [b, t, n] */
function linear(x: tf.Tensor, w: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor3D {
  const [b, t, d] = x.shape;
  let y = tf.matMul(x.reshape([b * t, d]), w);
  if (bias) y = y.add(bias);
  return y.reshape([b, t, w.shape[1]]);
}

/** Bidirectional multi-head self-attention; padded keys (padMask true) get no weight. */
function selfAttention(x: tf.Tensor3D, padMask: tf.Tensor2D, w: EncoderWeights, nHeads: number): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dHead = dModel / nHeads;
  const heads = (y: tf.Tensor3D) => y.reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]); // [b, H, t, dHead]
  const q = heads(linear(x, w.wq));
  const k = heads(linear(x, w.wk));
  const v = heads(linear(x, w.wv));
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead)); // [b, H, t(query), t(key)]
  const padKey = tf.broadcastTo(padMask.reshape([b, 1, 1, t]), scores.shape); // masks key columns
  // A large finite fill: a sequence that is all padding gets uniform weights (finite) and is zeroed below.
  const weights = tf.softmax(tf.where(padKey, tf.fill(scores.shape, -1e9), scores), -1);
  const merged = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([b, t, dModel]);
  return linear(merged, w.wo);
}

// x: [b, t, dModel], padMask: [b, t] bool (true = padding). Returns [b, t, dModel].
export function encoderBlock(x: tf.Tensor3D, padMask: tf.Tensor2D, weights: EncoderWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    // Post-LN: normalize after each residual add.
    const h = layerNorm(x.add(selfAttention(x, padMask, weights, nHeads)), weights.ln1Gamma, weights.ln1Beta);
    const ff = linear(tf.relu(linear(h, weights.w1, weights.b1)), weights.w2, weights.b2);
    const out = layerNorm(x.add(ff), weights.ln2Gamma, weights.ln2Beta); // Bug: residual from x instead of h
    // Rows of padded tokens are exactly 0.
    const padRow = tf.broadcastTo(padMask.reshape([b, t, 1]), [b, t, dModel]);
    return tf.where(padRow, tf.zeros([b, t, dModel]), out) as tf.Tensor3D;
  });
}
