// 2 → 48 (ReLU) → dropout → 2 logits; SGD with momentum.
const HIDDEN = 48;
const DROPOUT = 0.1;
const BATCH = 40;
const LR = 0.3;
const MOMENTUM = 0.9;
let params: tf.Variable[] = [];
let velocity: tf.Variable[] = [];

function initParams(seed: number) {
  [...params, ...velocity].forEach((p) => p.dispose());
  params = [
    tf.variable(tf.randomNormal([2, HIDDEN], 0, 2, 'float32', seed)),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.randomNormal([HIDDEN, 2], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 1)),
    tf.variable(tf.zeros([2])),
  ];
  velocity = params.map((p) => tf.variable(tf.zerosLike(p)));
  return params;
}

// PyTorch-style modes: dropout is active in training mode only.
let trainingMode = true;
function trainMode() { trainingMode = true; }
function evalMode() { trainingMode = false; }

function model(x: tf.Tensor, training = trainingMode): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => {
    let h = tf.relu(x.matMul(w1).add(b1));
    if (training) h = tf.dropout(h, DROPOUT);
    return h.matMul(w2).add(b2);
  });
}

function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1))) as tf.Scalar);
}
