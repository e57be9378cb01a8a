import * as tf from '@tensorflow/tfjs';

// Independent solution: the step-by-step chain rule through the computational graph
// (x̂ -> var -> mean), vectorised over columns, instead of the collapsed closed form.
//   dx̂ = dy·γ
//   dvar = Σ dx̂·(x − μ) · (−½)(σ² + ε)^(−3/2)
//   dμ  = Σ (−dx̂ / √(σ² + ε)) + dvar · mean(−2(x − μ))
//   dx  = dx̂ / √(σ² + ε) + dvar · 2(x − μ)/N + dμ/N

export function batchNormBackward(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D,
  dy: tf.Tensor2D,
  eps: number,
): { dx: tf.Tensor2D; dgamma: tf.Tensor1D; dbeta: tf.Tensor1D } {
  const N = x.shape[0];
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true);                       // [1, D]
    const xc = tf.sub(x, mu);                             // centred
    const variance = tf.mean(tf.square(xc), 0, true);     // biased, from centred values
    const ve = tf.add(variance, eps);
    const invStd = tf.rsqrt(ve);
    const xhat = tf.mul(xc, invStd);

    const dbeta = tf.sum(dy, 0) as tf.Tensor1D;
    const dgamma = tf.sum(tf.mul(dy, xhat), 0) as tf.Tensor1D;

    const dxhat = tf.mul(dy, gamma.reshape([1, -1]));
    const dvar = tf.mul(
      tf.sum(tf.mul(dxhat, xc), 0, true),
      tf.mul(-0.5, tf.pow(ve, -1.5)),
    );
    const dmu = tf.add(
      tf.sum(tf.neg(tf.mul(dxhat, invStd)), 0, true),
      tf.mul(dvar, tf.mean(tf.mul(-2, xc), 0, true)),
    );
    const dx = tf.add(
      tf.add(tf.mul(dxhat, invStd), tf.mul(dvar, tf.mul(xc, 2 / N))),
      tf.div(dmu, N),
    ) as tf.Tensor2D;
    return { dx, dgamma, dbeta };
  });
}
