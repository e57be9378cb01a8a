import * as tf from '@tensorflow/tfjs';

/**
 * BERT masked-LM corruption with the randomness given as inputs, and the MLM loss.
 *
 * ids:        [B, T] int32 original token ids.
 * specialIds: ids that are never picked ([CLS], [SEP], [PAD], …).
 * maskId:     the [MASK] token id.
 * rate:       selection probability (BERT: 0.15). Position picked ⇔ not special AND uSelect < rate.
 * uSelect, uAction: [B, T] float32 uniforms in [0, 1).
 *   A picked position becomes maskId if uAction < 0.8, randomIds[b, t] if 0.8 ≤ uAction < 0.9,
 *   and keeps its original id if uAction ≥ 0.9.
 * randomIds:  [B, T] int32 replacement ids.
 * logits:     [B, T, V] float32 model outputs for the corrupted sequence.
 *
 * Returns inputIds [B, T] int32 (corrupted), labels [B, T] int32 (original id where picked, −100
 * elsewhere) and loss: mean cross-entropy of logits against the labels over the picked positions.
 */
export function mlmCorrupt(
  ids: tf.Tensor2D,
  specialIds: number[],
  maskId: number,
  rate: number,
  uSelect: tf.Tensor2D,
  uAction: tf.Tensor2D,
  randomIds: tf.Tensor2D,
  logits: tf.Tensor3D,
): { inputIds: tf.Tensor2D; labels: tf.Tensor2D; loss: tf.Scalar } {
  // TODO: pick positions, apply 80/10/10, build labels, average the cross-entropy over picked positions
  throw new Error('TODO');
}
