import { describe, expect, it } from 'vitest';
import { compareValues, unravel, valuesMatch, type Plain } from '../../src/judge/compare';

const tol = { atol: 1e-4, rtol: 1e-3 };
const t = (data: number[], shape: number[], dtype = 'float32'): Plain => ({ kind: 'tensor', shape, dtype, data: Float32Array.from(data) });

describe('compareValues', () => {
  it.each([
    ['equal tensors', t([1, 2, 3, 4], [2, 2]), t([1, 2, 3, 4], [2, 2]), undefined],
    ['within tolerance', t([1, 2], [2]), t([1.00005, 2.001], [2]), undefined],
    ['wrong shape', t([1, 2, 3, 4], [2, 2]), t([1, 2, 3, 4], [4]), 'shape'],
    ['wrong dtype', t([1, 2], [2]), t([1, 2], [2], 'int32'), 'dtype'],
    ['NaN', t([1, 2, 3, 4], [2, 2]), t([1, 2, NaN, 4], [2, 2]), 'non-finite'],
    ['values differ', t([1, 2, 3, 4], [2, 2]), t([1, 2, 3, 5], [2, 2]), 'mismatch'],
    ['not a tensor', t([1], [1]), { kind: 'number', value: 1 } as Plain, 'not-a-tensor'],
    ['string differs', { kind: 'other', description: '"ab"' } as Plain, { kind: 'other', description: '"ba"' } as Plain, 'mismatch'],
  ])('%s', (_name, expected, got, kind) => {
    expect(compareValues(expected, got, tol)?.kind).toBe(kind);
  });

  it('names the first mismatching element with its multi-dimensional index', () => {
    const diagnostic = compareValues(t([0, 0, 0, 0, 0, 0], [2, 3]), t([0, 0, 0, 0, 7, 0], [2, 3]), tol);
    expect(diagnostic?.firstMismatch).toEqual({ index: [1, 1], expected: 0, got: 7 });
    expect(diagnostic?.maxAbsError).toBe(7);
    expect(diagnostic?.mismatchCount).toBe(1);
    expect(diagnostic?.message).toContain('[1, 1]');
  });

  it('words a single wrong number plainly', () => {
    const diagnostic = compareValues({ kind: 'number', value: 0.5 }, { kind: 'number', value: 0.25 }, tol, '.loss');
    expect(diagnostic?.message).toBe('Wrong value at .loss: expected 0.5, got 0.25.');
  });

  it('reports where a NaN appears', () => {
    const diagnostic = compareValues(t([1, 2, 3, 4], [2, 2]), t([1, 2, 3, NaN], [2, 2]), tol);
    expect(diagnostic?.message).toMatch(/^NaN at index \[1, 1\]/);
  });

  it('walks arrays and objects and names the path', () => {
    const expected: Plain = { kind: 'object', entries: { loss: { kind: 'number', value: 1 }, grads: { kind: 'array', items: [t([1], [1]), t([2], [1])] } } };
    const got: Plain = { kind: 'object', entries: { loss: { kind: 'number', value: 1 }, grads: { kind: 'array', items: [t([1], [1]), t([3], [1])] } } };
    expect(compareValues(expected, got, tol)?.path).toBe('.grads[1]');
  });

  it('treats matching NaN patterns as the same output for mistake matching', () => {
    expect(valuesMatch(t([NaN, 1], [2]), t([NaN, 1], [2]), tol)).toBe(true);
    expect(valuesMatch(t([1, 1], [2]), t([NaN, 1], [2]), tol)).toBe(false);
  });
});

describe('unravel', () => {
  it.each([
    [0, [2, 3], [0, 0]],
    [5, [2, 3], [1, 2]],
    [7, [2, 2, 2], [1, 1, 1]],
  ])('%i in %j', (flat, shape, index) => {
    expect(unravel(flat, shape)).toEqual(index);
  });
});
