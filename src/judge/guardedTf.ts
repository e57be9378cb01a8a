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
    const original = namespace[name];
    const thrower = () => {
      throw new ForbiddenApiError(name, reason);
    };
    // Namespaces like tf.train are objects: forbid every member, keep the shape for type-like use.
    namespace[name] =
      original && typeof original === 'object'
        ? new Proxy(original as object, { get: (_target, key) => (typeof key === 'string' ? thrower : undefined) })
        : thrower;
  }
  return namespace;
}
