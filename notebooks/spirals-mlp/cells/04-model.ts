// A two-layer MLP: 2 → HIDDEN (ReLU) → 3 logits.
let params: tf.Variable[] = [];

function initParams(seed: number) {
  for (const p of params) p.dispose();
  params = [
    tf.variable(tf.randomNormal([2, HIDDEN], 0, Math.sqrt(2 / 2), 'float32', seed)),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 1)),
    tf.variable(tf.zeros([CLASSES])),
  ];
  return params;
}

function model(x: tf.Tensor): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => tf.relu(x.matMul(w1).add(b1)).matMul(w2).add(b2));
}
