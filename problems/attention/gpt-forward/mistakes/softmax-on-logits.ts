import * as tf from '@tensorflow/tfjs';

export interface BlockWeights {
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

export interface GPTWeights {
  wte: tf.Tensor2D; // [vocab, dModel] token embeddings, also the LM head (weight tying)
  wpe: tf.Tensor2D; // [maxT, dModel] learned position embeddings, maxT ≥ T
  blocks: BlockWeights[]; // N pre-LN decoder blocks, applied in order
  lnFGamma: tf.Tensor1D; // [dModel] final LayerNorm
  lnFBeta: tf.Tensor1D; // [dModel]
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

/** x [b, t, d] @ w [d, n] (+ bias) -> [b, t, n] */
function linear(x: tf.Tensor, w: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor3D {
  const [b, t, d] = x.shape;
  let y = tf.matMul(x.reshape([b * t, d]), w);
  if (bias) y = y.add(bias);
  return y.reshape([b, t, w.shape[1]]);
}

function causalSelfAttention(x: tf.Tensor, w: BlockWeights, nHeads: number): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dHead = dModel / nHeads;
  const heads = (y: tf.Tensor3D) => y.reshape([b, t, nHeads, dHead]).transpose([0, 2, 1, 3]); // [b, H, t, dHead]
  const q = heads(linear(x, w.wq));
  const k = heads(linear(x, w.wk));
  const v = heads(linear(x, w.wv));
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
  const allowed = tf.broadcastTo(tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool'), scores.shape);
  const weights = tf.softmax(tf.where(allowed, scores, tf.fill(scores.shape, -1e9)), -1);
  const merged = tf.matMul(weights, v).transpose([0, 2, 1, 3]).reshape([b, t, dModel]);
  return linear(merged, w.wo);
}

/** Pre-LN decoder block: h = x + attn(LN1(x)), out = h + FFN(LN2(h)). */
function block(x: tf.Tensor, w: BlockWeights, nHeads: number): tf.Tensor {
  const h = x.add(causalSelfAttention(layerNorm(x, w.ln1Gamma, w.ln1Beta), w, nHeads));
  return h.add(linear(gelu(linear(layerNorm(h, w.ln2Gamma, w.ln2Beta), w.w1, w.b1)), w.w2, w.b2));
}

// tokens: [b, t] int32 in [0, vocab). Returns logits [b, t, vocab].
export function gptForward(tokens: tf.Tensor2D, weights: GPTWeights, nHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t] = tokens.shape;
    const [vocab, dModel] = weights.wte.shape;
    const positions = tf.slice(weights.wpe, [0, 0], [t, dModel]); // rows 0 .. t − 1
    let x: tf.Tensor = tf.gather(weights.wte, tokens).add(positions); // [b, t, dModel]
    for (const w of weights.blocks) x = block(x, w, nHeads);
    const final = layerNorm(x, weights.lnFGamma, weights.lnFBeta);
    // Weight-tied LM head: logits = LN_f(x) · wteᵀ, no bias.
    // Bug: probabilities instead of logits.
    return tf.softmax(tf.matMul(final.reshape([b * t, dModel]), weights.wte, false, true), -1).reshape([b, t, vocab]) as tf.Tensor3D;
  });
}
