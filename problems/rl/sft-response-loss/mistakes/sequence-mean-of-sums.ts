import * as tf from '@tensorflow/tfjs';

// logits: [B, T, V] float32, tokenIds: [B, T] int32, promptLengths: [B] int32.
export function sftResponseLoss(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  promptLengths: tf.Tensor1D,
  padId: number,
  reduction: 'token' | 'sequence',
): { labels: tf.Tensor2D; loss: tf.Scalar } {
  return tf.tidy(() => {
    const [B, T, V] = logits.shape;
    // A token is trained on when it is past the prompt and is not padding.
    const positions = tf.range(0, T, 1, 'int32').reshape([1, T]);
    const inResponse = positions.greaterEqual(promptLengths.reshape([B, 1]));
    const trained = tf.logicalAnd(inResponse, tokenIds.notEqual(padId));
    const labels = tf.where(trained, tokenIds, tf.fill([B, T], -100, 'int32')) as tf.Tensor2D;
    // Shift: logits at t predict the label at t + 1.
    const targets = labels.slice([0, 1], [B, T - 1]);
    const mask = targets.notEqual(-100).cast('float32'); // [B, T-1]
    const safeTargets = tf.where(mask.greater(0), targets, tf.zerosLike(targets));
    const logp = tf.logSoftmax(logits.slice([0, 0, 0], [B, T - 1, V]), -1);
    const nll = logp.mul(tf.oneHot(safeTargets, V)).sum(-1).neg().mul(mask); // [B, T-1]
    let loss: tf.Scalar;
    if (reduction === 'token') {
      // One mean over every response token of the batch (0 when there are none).
      loss = nll.sum().div(tf.maximum(mask.sum(), 1)) as tf.Scalar;
    } else {
      // Mean per sequence, then mean over the sequences that have a response token.
      const count = mask.sum(-1);
      // Bug: 'sequence' averages the per-row sums instead of the per-row means
    const rowMean = nll.sum(-1);
      const rows = count.greater(0).cast('float32');
      loss = rowMean.mul(rows).sum().div(tf.maximum(rows.sum(), 1)) as tf.Scalar;
    }
    return { labels, loss };
  });
}
