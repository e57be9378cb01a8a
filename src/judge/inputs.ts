import type * as tfType from '@tensorflow/tfjs';
import type { ArgSpec } from './problem';
import { size } from './rng';

export type TF = typeof tfType;
export type DType = 'float32' | 'int32' | 'bool';

/** A tensor described as plain data, so each side (reference, user, ONNX) gets its own copy. */
export interface TensorSpec {
  kind: 'tensor';
  shape: number[];
  dtype: DType;
  /** Row-major values; bool tensors use 0/1. */
  data: Float32Array | Int32Array;
}

export function isTensorSpec(value: unknown): value is TensorSpec {
  return typeof value === 'object' && value !== null && (value as TensorSpec).kind === 'tensor';
}

/** Build a TensorSpec from nested-free values, for hand-written example cases. */
export function tensorSpec(values: number[], shape: number[], dtype: DType = 'float32'): TensorSpec {
  if (values.length !== size(shape)) {
    throw new Error(`tensorSpec: ${values.length} values do not fill shape [${shape.join(', ')}]`);
  }
  const data = dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
  return { kind: 'tensor', shape, dtype, data };
}

/** Turn argument specs into fresh tfjs tensors (and plain values), recursively. */
export function materialize(tf: TF, spec: ArgSpec): unknown {
  if (isTensorSpec(spec)) {
    const values = spec.dtype === 'float32' ? Float32Array.from(spec.data) : Int32Array.from(spec.data);
    return tf.tensor(spec.dtype === 'bool' ? Array.from(values, (v) => v !== 0) : values, spec.shape, spec.dtype);
  }
  if (Array.isArray(spec)) return spec.map((item) => materialize(tf, item));
  if (spec && typeof spec === 'object') {
    return Object.fromEntries(Object.entries(spec).map(([key, value]) => [key, materialize(tf, value)]));
  }
  return spec;
}

/** Shapes of the arguments in words: "q [2,3,4], k [2,5,4], mask none". */
export function describeArgs(args: ArgSpec[], names?: string[]): string {
  return args.map((arg, i) => `${names?.[i] ?? `arg${i}`} ${describeArg(arg)}`).join(', ');
}

function describeArg(arg: ArgSpec): string {
  if (isTensorSpec(arg)) return `${arg.dtype === 'float32' ? '' : arg.dtype}[${arg.shape.join(',')}]`;
  if (arg === undefined) return 'none';
  if (Array.isArray(arg)) return `[${arg.map(describeArg).join(', ')}]`;
  if (arg && typeof arg === 'object') {
    return `{${Object.entries(arg).map(([k, v]) => `${k}: ${describeArg(v)}`).join(', ')}}`;
  }
  return JSON.stringify(arg);
}
