// Labels for the loss, the linear model and the loss itself.
function encodeLabels(classIds: number[]): tf.Tensor {
  return tf.tensor2d(classIds, [classIds.length, 1]);
}

let params: tf.Variable[] = [];
let optimizer: tf.Optimizer | null = null;

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  optimizer?.dispose();
  params = [
    tf.variable(tf.randomNormal([64, CLASSES], 0, 0.01, 'float32', seed)),
    tf.variable(tf.zeros([CLASSES])),
  ];
  optimizer = tf.train.adam(0.02);
  return params;
}

function model(xn: tf.Tensor): tf.Tensor {
  const [w, b] = params;
  return tf.tidy(() => xn.matMul(w).add(b));
}

// Cross-entropy against one-hot label rows: each row keeps the log-probability of its digit.
function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1))) as tf.Scalar);
}
