// Linear regression: price = xn · w + b.
const LR = 0.1;
const ACCUM = 4;
let params: tf.Variable[] = [];

function initParams(seed: number) {
  params.forEach((p) => p.dispose());
  params = [tf.variable(tf.randomNormal([4, 1], 0, 0.1, 'float32', seed)), tf.variable(tf.zeros([1]))];
  gradSum = null;
  return params;
}

function model(xn: tf.Tensor): tf.Tensor {
  const [w, b] = params;
  return tf.tidy(() => xn.matMul(w).add(b));
}

// Mean squared error.
function lossFn(pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(pred.sub(target))) as tf.Scalar);
}
