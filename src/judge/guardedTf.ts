import type { ForbiddenApi } from './problem';
import type { TF } from './inputs';

/** Thrown when user code calls a tf API the problem forbids. */
export class ForbiddenApiError extends Error {
  constructor(readonly api: string, reason: string) {
    super(`tf.${api} is not allowed in this problem: ${reason}`);
    this.name = 'ForbiddenApiError';
  }
}

/**
 * The namespace user code gets for `import * as tf from '@tensorflow/tfjs'`: the real tf, with each
 * forbidden API replaced by a function that throws. `__esModule` makes sucrase's import helper use
 * the object as it is instead of copying a thousand keys on every load.
 */
export function guardedTf(tf: TF, forbidden: ForbiddenApi[] = []): Record<string, unknown> {
  const namespace: Record<string, unknown> = { ...tf, __esModule: true };
  for (const { name, reason } of forbidden) {
    const thrower = () => {
      throw new ForbiddenApiError(name, reason);
    };
    // Calling it throws, and so does any member: tf.train.adam(...) is caught like tf.grad(...).
    namespace[name] = new Proxy(thrower, { get: (target, key) => (typeof key === 'string' ? thrower : Reflect.get(target, key)) });
  }
  return namespace;
}
