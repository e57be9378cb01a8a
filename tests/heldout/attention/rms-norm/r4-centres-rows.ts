// Held-out wrong variant: the row mean is subtracted before taking the root mean square (LayerNorm-style centring), both in the statistic and in the numerator.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const centred = x.sub(x.mean(-1, true));
    const ms = centred.square().mean(-1, true);
    return centred.div(ms.add(eps).sqrt()).mul(gamma);
  });
}
