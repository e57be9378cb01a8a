import * as tf from '@tensorflow/tfjs';

// Independent solution: vectorised per step, but slicing the weights into the three gate
// blocks up front (instead of slicing the fused product) and computing h' = n + z ⊙ (h − n).

export function gru(
  x: tf.Tensor3D,
  h0: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  bx: tf.Tensor1D,
  bh: tf.Tensor1D,
): { outputs: tf.Tensor3D; h: tf.Tensor2D } {
  const [, T] = x.shape;
  const H = h0.shape[1];
  return tf.tidy(() => {
    const blk = (m: tf.Tensor2D, k: number) => m.slice([0, k * H], [-1, H]) as tf.Tensor2D;
    const vb = (v: tf.Tensor1D, k: number) => v.slice([k * H], [H]) as tf.Tensor1D;
    const wxr = blk(wx, 0), wxz = blk(wx, 1), wxn = blk(wx, 2);
    const whr = blk(wh, 0), whz = blk(wh, 1), whn = blk(wh, 2);
    const br = tf.add(vb(bx, 0), vb(bh, 0));
    const bz = tf.add(vb(bx, 1), vb(bh, 1));
    const bxn = vb(bx, 2), bhn = vb(bh, 2);

    const steps = tf.unstack(x, 1) as tf.Tensor2D[];
    let h: tf.Tensor2D = h0;
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const xt = steps[t];
      const r = tf.sigmoid(tf.matMul(xt, wxr).add(tf.matMul(h, whr)).add(br));
      const z = tf.sigmoid(tf.matMul(xt, wxz).add(tf.matMul(h, whz)).add(bz));
      const hn = tf.matMul(h, whn).add(bhn);
      const n = tf.tanh(tf.matMul(xt, wxn).add(bxn).add(tf.mul(r, hn)));
      h = tf.add(n, tf.mul(z, tf.sub(h, n))) as tf.Tensor2D;
      hs.push(h);
    }
    return { outputs: tf.stack(hs, 1) as tf.Tensor3D, h };
  });
}
