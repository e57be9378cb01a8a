import * as tf from '@tensorflow/tfjs';

/**
 * ViT input embedding.
 *
 * images:    [B, C, H, W] float32 (channels first); H and W are multiples of patchSize P.
 * weight:    [C·P·P, D] patch projection; bias: [D].
 * cls:       [D] learned [CLS] vector (not projected).
 * pos:       [1 + N, D] learned positions, N = (H/P)·(W/P); row 0 is for [CLS].
 *
 * Patch n = i·(W/P) + j covers rows i·P .. i·P+P−1 and columns j·P .. j·P+P−1; it is flattened
 * in (c, py, px) order (index c·P·P + py·P + px) and projected: patch · weight + bias.
 * Returns [B, 1 + N, D]: row 0 = cls + pos[0], row 1 + n = patch n's embedding + pos[1 + n].
 */
export function vitPatchEmbed(
  images: tf.Tensor4D,
  patchSize: number,
  weight: tf.Tensor2D,
  bias: tf.Tensor1D,
  cls: tf.Tensor1D,
  pos: tf.Tensor2D,
): tf.Tensor3D {
  // TODO: cut into patches, flatten, project, prepend [CLS], add positions
  throw new Error('TODO');
}
