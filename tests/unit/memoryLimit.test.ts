/**
 * A run that exhausts memory ends in a verdict that says so: tensor memory is capped in the
 * user's realm, and failed allocations (V8 arrays and buffers, wasm growth) are reported as
 * MemoryLimitExceeded with the original cause.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asMemoryLimit, capTensorMemory, MEMORY_LIMIT_ERROR } from '../../src/judge/memoryLimit';
import { InProcessRealm } from '../../src/judge/realm';
import { tensorSpec } from '../../src/judge/inputs';
import { tf, useBackend } from './tfSetup';

let lift: (() => void) | undefined;
afterEach(() => {
  lift?.();
  lift = undefined;
});

const ARGS = [tensorSpec([1, 2, 3], [3])];
const HEADER = "import * as tf from '@tensorflow/tfjs';\n";

async function callUser(body: string) {
  const realm = new InProcessRealm(tf);
  expect(await realm.load(`${HEADER}export function f(x: tf.Tensor) {\n${body}\n}`, 'f')).toEqual({ ok: true });
  return realm.call(ARGS, { argNames: ['x'] });
}

describe('memory limit of a run', () => {
  it('stops code that keeps more tensor memory than the cap, naming the limit', async () => {
    await useBackend('cpu');
    lift = capTensorMemory(tf, 4 * 1024 * 1024);
    // The tensors the user's code kept are disposed with this scope (a browser run's realm dies instead).
    tf.engine().startScope();
    const outcome = await callUser('const kept: tf.Tensor[] = [];\nfor (;;) kept.push(tf.zeros([1024, 1024]));');
    tf.engine().endScope();
    expect(outcome).toMatchObject({ error: { name: MEMORY_LIMIT_ERROR, message: expect.stringMatching(/more than 4 MB of tensors/) } });
  });

  it('lets code under the cap run, however much it allocates over time', async () => {
    await useBackend('cpu');
    lift = capTensorMemory(tf, 4 * 1024 * 1024);
    const outcome = await callUser('for (let i = 0; i < 50; i++) tf.tidy(() => { tf.zeros([512, 1024]).sum(); });\nreturn x.add(1);');
    expect(outcome).toMatchObject({ value: expect.anything(), leaked: 0 });
  });

  it('reports a failed JavaScript allocation as the memory limit, with its cause', async () => {
    await useBackend('cpu');
    const outcome = await callUser('const a = new Array(2 ** 32);\nreturn x;');
    expect(outcome).toMatchObject({ error: { name: MEMORY_LIMIT_ERROR, message: expect.stringMatching(/ran out of memory \(RangeError: Invalid array length\)/) } });
  });

  it('leaves other errors as they are', () => {
    const error = { name: 'TypeError', message: 'x.foo is not a function' };
    expect(asMemoryLimit(error)).toBe(error);
  });
});
