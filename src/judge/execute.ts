/**
 * Running code on a case: the reference and the user's function each get fresh inputs; the user's
 * call is measured for leaks, size-capped ops (tf.profile) and changed inputs, and every output is
 * read into plain data before anything compares it.
 */
import type { Diagnostic } from '../shared/protocol';
import type { Plain } from './compare';
import { isTensorSpec, materialize, type TF } from './inputs';
import type { ArgSpec, ProblemDefinition } from './problem';

export async function runReference(tf: TF, problem: ProblemDefinition, args: ArgSpec[]): Promise<Plain> {
  const inputs = args.map((arg) => materialize(tf, arg));
  tf.engine().startScope();
  try {
    return await toPlain(tf, await problem.reference(...inputs));
  } finally {
    tf.engine().endScope();
    tf.dispose(collectTensors(tf, inputs));
  }
}

export type CandidateOutcome = { error: unknown } | { value: Plain; leaked: number; mutation?: Diagnostic; overLimit?: Diagnostic };

/**
 * Call the user's function on fresh inputs; measure leaks and check the inputs survived. With
 * `maxElements`, the call runs under tf.profile and the largest tensor any op produced is checked.
 */
export async function runCandidate(
  tf: TF,
  entry: (...args: unknown[]) => unknown,
  args: ArgSpec[],
  maxElements?: number,
  argNames?: string[],
): Promise<CandidateOutcome> {
  const inputs = args.map((arg) => materialize(tf, arg));
  // Tensors nested in object or array arguments (weights.wq) count as inputs too.
  const inputTensors = collectTensors(tf, inputs);
  tf.engine().startScope();
  try {
    const before = tf.memory().numTensors;
    let value: unknown;
    let overLimit: Diagnostic | undefined;
    try {
      if (maxElements === undefined) {
        value = await entry(...inputs);
      } else {
        const profiled = await profileSafely(tf, () => entry(...inputs));
        if ('error' in profiled) return profiled;
        value = profiled.result;
        overLimit = checkTensorSizes(profiled.kernels, maxElements);
      }
    } catch (error) {
      return { error };
    }
    const returned = collectTensors(tf, value).filter((t) => !inputTensors.includes(t));
    const leaked = Math.max(0, tf.memory().numTensors - before - new Set(returned).size);
    const plain = await toPlain(tf, value);
    const mutation = await checkInputs(tf, args, inputs, argNames);
    return { value: plain, leaked, mutation, overLimit };
  } finally {
    tf.engine().endScope();
    tf.dispose(inputTensors.filter((t) => !t.isDisposed));
  }
}

type Kernels = { name: string; outputShapes: number[][] }[];

/**
 * tf.profile, made safe for user code. While profiling, tfjs runs each kernel inside the backend's
 * (async) timer, so an op's error becomes a stray rejected promise and the user sees "Cannot read
 * properties of undefined (reading 'map')"; and an error thrown out of tf.profile leaves the engine
 * in profiling mode, slowing and mislabelling every later judgement. So each kernel's error is
 * caught where it happens and rethrown as itself, and the profiling flag is always restored.
 */
async function profileSafely(tf: TF, call: () => unknown): Promise<{ error: unknown } | { result: unknown; kernels: Kernels }> {
  const engine = tf.engine() as unknown as {
    state: { profiling: boolean };
    profiler: { profileKernel: (name: string, inputs: unknown, f: () => unknown[]) => unknown };
  };
  const profiler = engine.profiler;
  const original = profiler.profileKernel;
  let kernelError: { error: unknown } | undefined;
  profiler.profileKernel = function (name, inputs, f) {
    let failed: { error: unknown } | undefined;
    const profile = original.call(this, name, inputs, () => {
      try {
        return f();
      } catch (error) {
        failed = { error };
        return [];
      }
    });
    if (failed) {
      kernelError ??= failed;
      throw failed.error;
    }
    return profile;
  };
  let thrown: { error: unknown } | undefined;
  try {
    const profile = await tf.profile(async () => {
      try {
        return (await call()) as never;
      } catch (error) {
        thrown = { error };
        return null as never;
      }
    });
    if (thrown) return thrown;
    return { result: profile.result, kernels: profile.kernels };
  } catch (error) {
    return kernelError ?? { error };
  } finally {
    profiler.profileKernel = original;
    engine.state.profiling = false;
  }
}

function checkTensorSizes(kernels: Kernels, maxElements: number): Diagnostic | undefined {
  for (const kernel of kernels) {
    for (const shape of kernel.outputShapes) {
      const elements = shape.reduce((a, b) => a * b, 1);
      if (elements > maxElements) {
        return {
          kind: 'resource-limit',
          message: `${kernel.name} produced a tensor of shape [${shape.join(', ')}] (${elements} elements); this problem allows at most ${maxElements} per tensor, so the full matrix must never be built.`,
          gotShape: shape,
        };
      }
    }
  }
  return undefined;
}

/** Inputs are the caller's: disposing or writing into them is a bug, at any depth (`weights.wq`). */
async function checkInputs(tf: TF, specs: ArgSpec[], inputs: unknown[], names: string[] = []): Promise<Diagnostic | undefined> {
  for (let i = 0; i < specs.length; i++) {
    const problem = await checkInput(specs[i], inputs[i], names[i] ?? `argument ${i + 1}`);
    if (problem) return problem;
  }
  return undefined;
}

async function checkInput(spec: ArgSpec, input: unknown, name: string): Promise<Diagnostic | undefined> {
  if (isTensorSpec(spec)) {
    const tensor = input as import('@tensorflow/tfjs').Tensor;
    if (tensor.isDisposed) {
      return { kind: 'mutated-input', message: `Your function disposed the input ${name}; inputs belong to the caller.` };
    }
    const data = await tensor.data();
    for (let j = 0; j < spec.data.length; j++) {
      if (!Object.is(Number(data[j]), spec.data[j]) && Number(data[j]) !== spec.data[j]) {
        return { kind: 'mutated-input', message: `Your function changed the input ${name} in place; inputs must not be modified.` };
      }
    }
    return undefined;
  }
  const changed = (): Diagnostic => ({ kind: 'mutated-input', message: `Your function changed the input ${name} in place; inputs must not be modified.` });
  // Plain values (numbers, strings, arrays of them) belong to the caller just as tensors do.
  if (spec === null || typeof spec !== 'object') return Object.is(spec, input) ? undefined : changed();
  if (Array.isArray(spec)) {
    if (!Array.isArray(input) || input.length !== spec.length) return changed();
    for (let i = 0; i < spec.length; i++) {
      const problem = await checkInput(spec[i], input[i], `${name}[${i}]`);
      if (problem) return problem;
    }
  } else if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(spec)) {
      const problem = await checkInput(value, (input as Record<string, unknown>)[key], `${name}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Every tensor inside a value (arrays and plain objects walked), without duplicates. */
export function collectTensors(tf: TF, value: unknown, into: import('@tensorflow/tfjs').Tensor[] = []) {
  if (value instanceof tf.Tensor) {
    if (!into.includes(value)) into.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => collectTensors(tf, item, into));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => collectTensors(tf, item, into));
  }
  return into;
}

/** Read a returned value into plain data. Copies: on the cpu backend data() is the tensor's own storage. */
export async function toPlain(tf: TF, value: unknown): Promise<Plain> {
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) return { kind: 'other', description: 'a disposed tensor' };
    const data = await value.data();
    const copy = data instanceof Float32Array ? data.slice() : data instanceof Int32Array ? data.slice() : Float32Array.from(data as ArrayLike<number>);
    return { kind: 'tensor', shape: [...value.shape], dtype: value.dtype, data: copy };
  }
  if (typeof value === 'number') return { kind: 'number', value };
  if (Array.isArray(value)) {
    // Plain number lists (indices, merges, schedules) can be long: convert them without a promise per element.
    if (value.every((item) => typeof item === 'number')) {
      return { kind: 'array', items: value.map((item: number) => ({ kind: 'number', value: item }) as Plain) };
    }
    const items: Plain[] = [];
    for (const item of value) items.push(await toPlain(tf, item));
    return { kind: 'array', items };
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries: Record<string, Plain> = {};
    for (const [key, item] of Object.entries(value)) entries[key] = await toPlain(tf, item);
    return { kind: 'object', entries };
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
    return { kind: 'other', description: JSON.stringify(value) };
  }
  return { kind: 'other', description: value === undefined ? 'undefined (did you forget to return?)' : `a ${typeof value}` };
}

