/**
 * A problem's output contract, declared in code exactly as its statement gives it: the structure of
 * the returned value, each tensor's shape as a function of the inputs, and its dtype. The self-test
 * checks the reference against it on every case, so a reference that contradicts its own statement
 * (returns float32 where the statement promises int32, say) fails in CI instead of making the
 * problem unsolvable.
 */
import type { Plain } from './compare';
import { isTensorSpec, type DType } from './inputs';
import type { ArgSpec } from './problem';

/** The case's arguments as the contract sees them: a tensor argument is its spec (`.shape`). */
export type ContractArgs = ArgSpec[];

export type OutputContract =
  | { kind: 'tensor'; dtype: DType; shape: (args: ContractArgs) => number[] }
  | { kind: 'number'; integer?: boolean }
  | { kind: 'array'; length?: (args: ContractArgs) => number; items: OutputContract | ((index: number) => OutputContract) }
  | { kind: 'tuple'; items: OutputContract[] }
  | { kind: 'object'; entries: Record<string, OutputContract> }
  | { kind: 'string' }
  | { kind: 'boolean' };

/** A tensor of `dtype` whose shape the statement gives in terms of the inputs. */
export function tensorOf(dtype: DType, shape: (args: ContractArgs) => number[]): OutputContract {
  return { kind: 'tensor', dtype, shape };
}

/** A float32 scalar tensor (shape []). */
export function scalarTensor(dtype: DType = 'float32'): OutputContract {
  return { kind: 'tensor', dtype, shape: () => [] };
}

/** A plain JavaScript number. */
export function plainNumber(options: { integer?: boolean } = {}): OutputContract {
  return { kind: 'number', ...options };
}

export function arrayOf(items: OutputContract | ((index: number) => OutputContract), length?: (args: ContractArgs) => number): OutputContract {
  return { kind: 'array', items, length };
}

export function tupleOf(...items: OutputContract[]): OutputContract {
  return { kind: 'tuple', items };
}

export function objectOf(entries: Record<string, OutputContract>): OutputContract {
  return { kind: 'object', entries };
}

/** The shape of tensor argument `index` (throws when that argument is not a tensor: a contract bug). */
export function shapeOf(args: ContractArgs, index: number): number[] {
  const spec = args[index];
  if (!isTensorSpec(spec)) throw new Error(`contract: argument ${index + 1} is not a tensor`);
  return [...spec.shape];
}

/** Argument `index` as a number (throws when it is not one). */
export function numberArg(args: ContractArgs, index: number): number {
  const value = args[index];
  if (typeof value !== 'number') throw new Error(`contract: argument ${index + 1} is not a number`);
  return value;
}

/**
 * Every way `value` breaks `contract`, as sentences ("at .loss: dtype float32, the statement says
 * int32"). Empty when the value keeps the contract.
 */
export function contractViolations(contract: OutputContract, value: Plain, args: ContractArgs, path = ''): string[] {
  const at = path ? ` at ${path}` : '';
  switch (contract.kind) {
    case 'tensor': {
      if (value.kind !== 'tensor') return [`expected a tensor${at}, got ${value.kind}`];
      const shape = contract.shape(args);
      const problems: string[] = [];
      if (shape.length !== value.shape.length || shape.some((d, i) => d !== value.shape[i])) {
        problems.push(`shape [${value.shape.join(', ')}]${at}, the statement says [${shape.join(', ')}]`);
      }
      if (value.dtype !== contract.dtype) problems.push(`dtype ${value.dtype}${at}, the statement says ${contract.dtype}`);
      return problems;
    }
    case 'number':
      if (value.kind !== 'number') return [`expected a plain number${at}, got ${value.kind}`];
      if (contract.integer && !Number.isInteger(value.value)) return [`expected an integer${at}, got ${value.value}`];
      return [];
    case 'array': {
      if (value.kind !== 'array') return [`expected an array${at}, got ${value.kind}`];
      const length = contract.length?.(args);
      if (length !== undefined && value.items.length !== length) return [`array of ${value.items.length}${at}, the statement says ${length}`];
      return value.items.flatMap((item, i) =>
        contractViolations(typeof contract.items === 'function' ? contract.items(i) : contract.items, item, args, `${path}[${i}]`),
      );
    }
    case 'tuple': {
      if (value.kind !== 'array') return [`expected an array${at}, got ${value.kind}`];
      if (value.items.length !== contract.items.length) return [`array of ${value.items.length}${at}, the statement says ${contract.items.length}`];
      return contract.items.flatMap((item, i) => contractViolations(item, value.items[i], args, `${path}[${i}]`));
    }
    case 'object': {
      if (value.kind !== 'object') return [`expected an object${at}, got ${value.kind}`];
      const expectedKeys = Object.keys(contract.entries).sort();
      const gotKeys = Object.keys(value.entries).sort();
      if (expectedKeys.join() !== gotKeys.join()) return [`keys {${gotKeys.join(', ')}}${at}, the statement says {${expectedKeys.join(', ')}}`];
      return expectedKeys.flatMap((key) => contractViolations(contract.entries[key], value.entries[key], args, `${path}.${key}`));
    }
    case 'string':
      return value.kind === 'other' && value.description.startsWith('"') ? [] : [`expected a string${at}`];
    case 'boolean':
      return value.kind === 'other' && (value.description === 'true' || value.description === 'false') ? [] : [`expected a boolean${at}`];
  }
}
