import * as tf from '@tensorflow/tfjs';

/** Symmetric absmax int8 codes of t along `axis` (scale = absmax / 127, 1 where absmax is 0). */
function quantize(t: tf.Tensor, axis: number) {
  const absmax = t.abs().max(axis, true);
  const scale = tf.where(absmax.greater(0), absmax.div(127), tf.onesLike(absmax));
  const q = t.div(scale).round().clipByValue(-127, 127); // integers, kept in float32
  return { q, scale };
}

// x: [n, d] activations, w: [d, m] weights. Mixed-precision LLM.int8() matmul.
export function int8Matmul(x: tf.Tensor2D, w: tf.Tensor2D, threshold: number) {
  return tf.tidy(() => {
    // Outlier features: columns of x with |x| > threshold in at least one row.
    const isOutlier = x.abs().max(0).greater(threshold); // [d] bool
    const keepCol = tf.logicalNot(isOutlier).cast('float32'); // [d]
    const outCol = isOutlier.cast('float32');
    // fp part: only the outlier columns of x times the matching rows of w.
    const fp = tf.matMul(x.mul(outCol), w.mul(outCol.expandDims(1)));
    // int8 part: the rest, x row-wise and w column-wise.
    // Bug: the int8 part still contains the outlier features, so they are added twice.
    const xr = x;
    const wr = w;
    const { q: qx, scale: xScale } = quantize(xr, 1); // [n, d], [n, 1]
    const { q: qw, scale: wScale } = quantize(wr, 0); // [d, m], [1, m]
    const acc = tf.matMul(qx, qw); // exact integer sums (int32 accumulation)
    const out = acc.mul(xScale).mul(wScale).add(fp);
    return { out, outliers: isOutlier.cast('int32'), xScale, wScale };
  });
}
