import { describe, expect, it } from 'vitest';
import { CompileError, loadUserModule, serializeError } from '../../src/judge/userModule';
import { guardedTf, ForbiddenApiError } from '../../src/judge/guardedTf';
import { lockDownGlobals, LOCKED_GLOBALS } from '../../workers/lockdown';
import { tf } from './tfSetup';

describe('loadUserModule', () => {
  it('strips types, resolves the tf import and returns the exports', () => {
    const exports = loadUserModule(`import * as tf from '@tensorflow/tfjs';\nexport function f(x: number): number { return x + 1; }\nexport const t = tf.version_core;`, guardedTf(tf));
    expect((exports.f as (x: number) => number)(2)).toBe(3);
    expect(exports.t).toBe(tf.version_core);
  });

  it("maps a thrown error to the user's line", () => {
    const source = ['export function f() {', '  const a = 1;', '', "  throw new Error('boom');", '}'].join('\n');
    const exports = loadUserModule(source, guardedTf(tf));
    try {
      (exports.f as () => void)();
      expect.unreachable();
    } catch (error) {
      const serialized = serializeError(error);
      expect(serialized.message).toBe('boom');
      expect(serialized.location?.line).toBe(4);
    }
  });

  it('keeps line numbers after type-only lines are stripped', () => {
    const source = ['interface Shape {', '  d: number;', '}', 'type T = Shape;', 'export function f(): T {', '  return (null as any).d;', '}'].join('\n');
    const exports = loadUserModule(source, guardedTf(tf));
    try {
      (exports.f as () => void)();
      expect.unreachable();
    } catch (error) {
      expect(serializeError(error).location?.line).toBe(6);
    }
  });

  it('reports a syntax error as a compile error with its line', () => {
    expect(() => loadUserModule('export function f() {\n  return 1 +;\n}', guardedTf(tf))).toThrow(CompileError);
    try {
      loadUserModule('export function f() {\n  return 1 +;\n}', guardedTf(tf));
    } catch (error) {
      expect((error as CompileError).location?.line).toBe(2);
    }
  });

  it('refuses imports other than tfjs', () => {
    expect(() => loadUserModule("import fs from 'node:fs';\nexport const x = fs;", guardedTf(tf))).toThrow(/only '@tensorflow\/tfjs'/);
  });
});

describe('guardedTf', () => {
  it('throws a clear error for a forbidden function and for members of a forbidden namespace', () => {
    const guarded = guardedTf(tf, [
      { name: 'grad', reason: 'derive it by hand' },
      { name: 'train', reason: 'write the update yourself' },
    ]) as any;
    expect(() => guarded.grad((x: any) => x)).toThrow(ForbiddenApiError);
    expect(() => guarded.grad((x: any) => x)).toThrow('tf.grad is not allowed in this problem: derive it by hand');
    expect(() => guarded.train.adam(0.1)).toThrow(/tf\.train is not allowed/);
    expect(guarded.matMul).toBe(tf.matMul);
  });
});

describe('lockDownGlobals', () => {
  it('removes storage and network globals, including inherited ones', () => {
    const proto = { fetch: () => 'network', indexedDB: {} };
    const scope = Object.create(proto);
    scope.WebSocket = class {};
    lockDownGlobals(scope);
    for (const name of LOCKED_GLOBALS) expect(scope[name]).toBeUndefined();
    expect(() => {
      'use strict';
      scope.fetch = () => 'again';
    }).toThrow();
  });
});
