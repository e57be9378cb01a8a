// 64 pixels → 32 (ReLU) → dropout → 10 logits, trained with Adam.
const HIDDEN = 32;
const DROPOUT = 0.3;
const BATCH = 100;
let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [
    tf.variable(tf.randomNormal([64, HIDDEN], 0, Math.sqrt(2 / 64), 'float32', seed)),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 1)),
    tf.variable(tf.zeros([CLASSES])),
  ];
  optimizer = tf.train.adam(0.03);
  return params;
}

function model(x: tf.Tensor, training = true): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => {
    let h = tf.relu(x.matMul(w1).add(b1));
    if (training) h = tf.dropout(h, DROPOUT);
    return h.matMul(w2).add(b2);
  });
}
