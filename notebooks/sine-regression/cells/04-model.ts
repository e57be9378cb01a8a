// 1 → 16 (tanh) → 1, trained with Adam.
const HIDDEN = 16;
const LR = 0.02;
let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [
    tf.variable(tf.zeros([1, HIDDEN])),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.zeros([HIDDEN, 1])),
    tf.variable(tf.zeros([1])),
  ];
  optimizer = tf.train.adam(LR);
  return params;
}

function model(xn: tf.Tensor): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => tf.tanh(xn.matMul(w1).add(b1)).matMul(w2).add(b2));
}
