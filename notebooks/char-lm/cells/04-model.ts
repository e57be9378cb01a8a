// Embedding → dropout → tanh layer → logits over the vocabulary.
const EMBED = 16;
const HIDDEN = 32;
const DROPOUT = 0.2;
let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [
    tf.variable(tf.randomNormal([VOCAB, EMBED], 0, 1, 'float32', seed)),
    tf.variable(tf.randomNormal([EMBED, HIDDEN], 0, Math.sqrt(1 / EMBED), 'float32', seed + 1)),
    tf.variable(tf.zeros([HIDDEN])),
    tf.variable(tf.randomNormal([HIDDEN, VOCAB], 0, Math.sqrt(1 / HIDDEN), 'float32', seed + 2)),
    tf.variable(tf.zeros([VOCAB])),
  ];
  optimizer = tf.train.adam(0.03);
  return params;
}

function model(inputs: tf.Tensor, training: boolean): tf.Tensor {
  const [embedding, w1, b1, w2, b2] = params;
  return tf.tidy(() => {
    // Embedding lookup as one-hot × table (its gradient is a matmul, fast on every backend).
    let x = tf.oneHot(inputs.reshape([-1]), VOCAB).matMul(embedding);
    if (training) x = tf.dropout(x, DROPOUT);
    return tf.tanh(x.matMul(w1).add(b1)).matMul(w2).add(b2);
  });
}
