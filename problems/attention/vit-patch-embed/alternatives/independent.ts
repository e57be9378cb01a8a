import * as tf from '@tensorflow/tfjs';

/** Patch extraction by reshape/transpose, projection by matMul, [CLS] prepended, positions added. */
export function vitPatchEmbed(
  images: tf.Tensor4D,
  patchSize: number,
  weight: tf.Tensor2D,
  bias: tf.Tensor1D,
  cls: tf.Tensor1D,
  pos: tf.Tensor2D,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [B, C, H, W] = images.shape;
    const P = patchSize;
    const gh = H / P;
    const gw = W / P;
    const N = gh * gw;
    const D = weight.shape[1];
    // [B, C, gh, P, gw, P] -> [B, gh, gw, C, P, P]
    const patches = tf
      .transpose(tf.reshape(images, [B, C, gh, P, gw, P]), [0, 2, 4, 1, 3, 5])
      .reshape([B * N, C * P * P]);
    const emb = tf.add(tf.matMul(patches, weight), bias).reshape([B, N, D]);
    const clsTok = tf.tile(tf.reshape(cls, [1, 1, D]), [B, 1, 1]);
    const seq = tf.concat([clsTok, emb], 1);
    return tf.add(seq, tf.reshape(pos, [1, 1 + N, D])) as tf.Tensor3D;
  });
}
