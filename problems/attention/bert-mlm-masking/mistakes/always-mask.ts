import * as tf from '@tensorflow/tfjs';

/**
 * BERT masked-LM corruption with given randomness, and the MLM loss on the picked positions.
 * ids, uSelect, uAction, randomIds: [B, T]; logits: [B, T, V].
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
  return tf.tidy(() => {
    const V = logits.shape[2];
    // A position is special when its id is any of specialIds.
    let special = tf.zerosLike(ids).cast('bool');
    for (const s of specialIds) special = tf.logicalOr(special, tf.equal(ids, s));
    const picked = tf.logicalAnd(tf.logicalNot(special), tf.less(uSelect, rate));
    // Among picked positions: u < 0.8 → [MASK], 0.8 ≤ u < 0.9 → random id, u ≥ 0.9 → unchanged.
    // Bug: every picked position becomes [MASK]; no random replacement, nothing kept.
    const toMask = picked;
    const toRandom = tf.logicalAnd(picked, tf.less(uAction, -1));

    let inputIds = tf.where(toRandom, randomIds, ids);
    inputIds = tf.where(toMask, tf.fill(ids.shape, maskId, 'int32'), inputIds);
    const labels = tf.where(picked, ids, tf.fill(ids.shape, -100, 'int32'));
    // Cross-entropy against the original id, averaged over the picked positions only.
    const nll = tf.logSoftmax(logits, -1).mul(tf.oneHot(ids, V)).sum(-1).neg(); // [B, T]
    const weight = picked.cast('float32');
    const loss = nll.mul(weight).sum().div(weight.sum());
    return { inputIds: inputIds as tf.Tensor2D, labels: labels as tf.Tensor2D, loss: loss as tf.Scalar };
  });
}
