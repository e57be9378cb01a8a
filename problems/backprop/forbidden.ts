import type { ForbiddenApi } from '../../src/judge/problem';

const REASON = 'this problem is about deriving the backward pass by hand; compute the gradients with ordinary tensor ops.';

/** Autodiff entry points a backprop-by-hand problem forbids. */
export const AUTODIFF_FORBIDDEN: ForbiddenApi[] = ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad', 'train'].map(
  (name) => ({ name, reason: REASON }),
);

export const AUTODIFF_MISTAKE = {
  id: 'uses-autodiff',
  title: 'used tfjs autodiff',
  explanation:
    'tf.grad, tf.grads, tf.valueAndGrad(s), tf.variableGrads, tf.customGrad and tf.train are not available here: write out the backward pass with ordinary tensor ops.',
  diagnostic: 'forbidden-api' as const,
};
