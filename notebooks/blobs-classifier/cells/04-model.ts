// 2 → 16 (ReLU) → 4 logits, Adam.
const HIDDEN = 16;
const BATCH = 40;
let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [
    tf.variable(tf.randomNormal([2, HIDDEN], 0, 1, 'float32', seed)),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 1)),
    tf.variable(tf.zeros([CLASSES])),
  ];
  optimizer = tf.train.adam(0.03);
  return params;
}

function model(x: tf.Tensor): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => tf.relu(x.matMul(w1).add(b1)).matMul(w2).add(b2));
}
