// The bigram table: row = previous character, column = score of each next character.
let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [tf.variable(tf.randomNormal([VOCAB, VOCAB], 0, 0.1, 'float32', seed))];
  optimizer = tf.train.adam(0.1);
  return params;
}

// Looking a row up = multiplying by a one-hot row (which the cpu backend differentiates quickly).
function model(inputs: tf.Tensor): tf.Tensor {
  const [table] = params;
  return tf.tidy(() => tf.oneHot(inputs.reshape([-1]), VOCAB).toFloat().matMul(table));
}
