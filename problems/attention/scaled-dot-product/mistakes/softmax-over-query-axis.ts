import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (mask) {
      const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    }
    return tf.matMul(tf.softmax(scores.transpose(swapLastTwo(scores.rank)), -1).transpose(swapLastTwo(scores.rank)), v);
  });
}

function swapLastTwo(rank: number): number[] {
  const axes = [...Array(rank).keys()];
  [axes[rank - 2], axes[rank - 1]] = [axes[rank - 1], axes[rank - 2]];
  return axes;
}
