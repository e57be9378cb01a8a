/** The numeric relation stated when no known mistake matches: only what holds on every failing case. */
import { describe, expect, it } from 'vitest';
import type { Plain } from '../../src/judge/compare';
import { tensorSpec } from '../../src/judge/inputs';
import { describeRelation } from '../../src/judge/relation';

const tol = { atol: 1e-5, rtol: 1e-4 };
const t = (data: number[], shape = [data.length]): Plain => ({ kind: 'tensor', shape, dtype: 'float32', data: Float32Array.from(data) });
const args = (n: number, c: number) => [tensorSpec(new Array(n * c).fill(0), [n, c])];

describe('describeRelation', () => {
  it('a factor equal to an axis length of the inputs is a sum where a mean is asked', () => {
    const text = describeRelation(
      [
        { expected: t([1, 2, 3]), got: t([4, 8, 12]), args: args(4, 3) },
        { expected: t([0.5, -1]), got: t([3, -6]), args: args(6, 2) },
      ],
      tol,
    );
    expect(text).toMatch(/N times the expected value.*4, 6.*sum where a mean/);
  });

  it('a factor of −1 is a flipped sign, 2 a factor of two, a field-only factor names the field', () => {
    expect(describeRelation([{ expected: t([1, -2]), got: t([-1, 2]), args: [] }], tol)).toMatch(/opposite sign/);
    const loss = (v: number): Plain => ({ kind: 'object', entries: { loss: { kind: 'number', value: v }, grad: t([1, 2]) } });
    expect(describeRelation([{ expected: loss(0.3), got: { kind: 'object', entries: { loss: { kind: 'number', value: 0.6 }, grad: t([1, 2]) } }, args: [] }], tol)).toMatch(
      /Your \.loss is exactly twice/,
    );
    void loss;
  });

  it('a transpose and a constant shift are recognised', () => {
    expect(describeRelation([{ expected: t([1, 2, 3, 4, 5, 6], [2, 3]), got: t([1, 4, 2, 5, 3, 6], [3, 2]), args: [] }], tol)).toMatch(/transpose/);
    expect(describeRelation([{ expected: t([1, 2, 3]), got: t([1.5, 2.5, 3.5]), args: [] }], tol)).toMatch(/shifted by a constant \(0\.5\)/);
  });

  it('says nothing when no single relation holds on every failing case', () => {
    expect(describeRelation([{ expected: t([1, 2, 3]), got: t([1, 5, 2]), args: [] }], tol)).toBeUndefined();
    expect(
      describeRelation(
        [
          { expected: t([1, 2]), got: t([2, 4]), args: [] },
          { expected: t([1, 2]), got: t([1, 7]), args: [] },
        ],
        tol,
      ),
    ).toBeUndefined();
  });
});

describe('uninformative relations are not stated', () => {
  it('a wrong single number is not called "a multiple" unless the factor means something', () => {
    const n = (v: number): Plain => ({ kind: 'number', value: v });
    expect(
      describeRelation(
        [
          { expected: n(1), got: n(1.3), args: [] },
          { expected: n(2), got: n(2.9), args: [] },
        ],
        tol,
      ),
    ).toBeUndefined();
    expect(describeRelation([{ expected: n(1.5), got: n(-1.5), args: [] }], tol)).toMatch(/opposite sign/);
  });
});
