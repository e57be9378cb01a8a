import * as tf from '@tensorflow/tfjs';

// x: [n, fIn], edges: int32 [2, E] (row 0 = source, row 1 = target), w: [fIn, fOut], b: [fOut]
// -> [n, fOut]
export function gcnLayer(x: tf.Tensor2D, edges: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: 'relu' | 'none'): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const [src, dst] = tf.unstack(edges) as tf.Tensor1D[];
    // [E, n] float one-hot rows (tf.oneHot needs depth ≥ 2; n may be 1).
    const nodes = tf.range(0, n, 1, 'int32').reshape([1, n]);
    const oneHot = (ids: tf.Tensor1D) => tf.equal(ids.reshape([-1, 1]), nodes).toFloat();
    // Â[t, s] = number of edges s → t, plus one self-loop per node.
    // With no edges, a matMul over an inner size of 0 is not all zeros on every backend (WebGPU).
    const counts = edges.shape[1] === 0 ? tf.zeros([n, n]) : tf.matMul(oneHot(dst), oneHot(src), true, false);
    const aHat = counts.add(tf.eye(n));
    const deg = aHat.sum(1); // in-degree + 1, never 0
    const invSqrt = deg.rsqrt();
    const norm = aHat.mul(invSqrt.reshape([n, 1])).mul(invSqrt.reshape([1, n]));
    const out = tf.matMul(norm, tf.matMul(x, w)).add(b);
    return (activation === 'relu' ? tf.relu(out) : out) as tf.Tensor2D;
  });
}
