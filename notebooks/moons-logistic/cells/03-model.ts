// 2 → 16 (tanh) → 2 logits.
const HIDDEN = 16;
const LR = 10;
let params: tf.Variable[] = [];

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  params = [
    tf.variable(tf.zeros([2, HIDDEN])),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.zeros([HIDDEN, 2])),
    tf.variable(tf.zeros([2])),
  ];
  return params;
}

function model(x: tf.Tensor): tf.Tensor {
  const [w1, b1, w2, b2] = params;
  return tf.tidy(() => tf.tanh(x.matMul(w1).add(b1)).matMul(w2).add(b2));
}
