import * as tf from '@tensorflow/tfjs';

/**
 * One LSTM step. xt: [B, D], h and c: [B, H]. The fused pre-activation z = xt·wx + h·wh + b is
 * [B, 4H] with the gate blocks in the order i, f, g, o along the last axis.
 */
function lstmStep(xt: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  const z = tf.add(tf.add(tf.matMul(xt, wx), tf.matMul(h, wh)), b);
  const [zi, zf, zg, zo] = tf.split(z, 4, -1);
  const i = tf.sigmoid(zi);
  const f = tf.sigmoid(zf); // b is used as given: no extra forget bias
  const g = tf.tanh(zg);
  const o = tf.sigmoid(zo);
  const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D;
  const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
  return { h: hNext, c: cNext };
}

// x: [B, T, D], h0 and c0: [B, H], wx: [D, 4H], wh: [H, 4H], b: [4H].
// Returns every hidden state [B, T, H] and the final h and c ([B, H] each).
export function lstm(x: tf.Tensor3D, h0: tf.Tensor2D, c0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  return tf.tidy(() => {
    const [B, T, D] = x.shape;
    let h = h0;
    let c = c0;
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tf.reshape(tf.slice(x, [0, t, 0], [B, 1, D]), [B, D]) as tf.Tensor2D;
      ({ h, c } = lstmStep(xt, h, c, wx, wh, b));
      hs.push(h);
    }
    return { outputs: tf.stack(hs, 1) as tf.Tensor3D, h, c };
  });
}
