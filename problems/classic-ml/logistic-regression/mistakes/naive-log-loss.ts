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
      const p = tf.sigmoid(x.matMul(w).add(b)); // [n, 1]
      const err = p.sub(yCol);
      const gw = x.transpose().matMul(err).div(n); // dL/dw = Xᵀ(p − y) / n
      const gb = err.mean(); // dL/db = mean(p − y)
      return [w.sub(gw.mul(lr)), b.sub(gb.mul(lr))];
    });
    w.dispose();
    b.dispose();
    w = nw;
    b = nb;
  }
  const loss = tf.tidy(() => {
    // Bug: log(σ(z)) and log(1 − σ(z)) hit log(0) = −Infinity once σ saturates in float32.
    const p = tf.sigmoid(x.matMul(w).add(b));
    const ll = yCol.mul(tf.log(p)).add(tf.scalar(1).sub(yCol).mul(tf.log(tf.scalar(1).sub(p))));
    return ll.mean().neg().dataSync()[0];
  });
  const bias = b.dataSync()[0];
  const weights = w.reshape([d]) as tf.Tensor1D;
  w.dispose();
  b.dispose();
  yCol.dispose();
  return { weights, bias, loss };
}
