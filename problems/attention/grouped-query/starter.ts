import * as tf from '@tensorflow/tfjs';

/**
 * Grouped-query attention.
 * q: [b, nHeads, tq, d], k: [b, nKvHeads, tk, d], v: [b, nKvHeads, tk, dv]; nKvHeads divides nHeads.
 * Query head h uses kv head floor(h / (nHeads / nKvHeads)) (contiguous groups).
 * causal: if true (then tq === tk), query i only attends keys 0..i.
 * Returns: [b, nHeads, tq, dv].
 */
export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  // TODO: share each kv head with its group of query heads, then scaled dot-product attention per head
  const [b, nHeads, tq] = q.shape;
  return tf.zeros([b, nHeads, tq, v.shape[3]]);
}
