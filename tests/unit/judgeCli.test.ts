/** The command-line judge: JSON on stdout, exit 0 accepted / 1 not accepted / 2 bad usage. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs, UsageError } from '../../src/cli/judgeCli';

const DIR = 'problems/attention/scaled-dot-product';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('judge CLI', () => {
  it.each([
    [[], /expected a problem id and a file/],
    [['attention/nope', 'x.ts'], /unknown problem "attention\/nope"/],
    [['attention/scaled-dot-product', 'x.ts', '--backend', 'webgpu'], /--backend must be one of cpu, wasm/],
    [['attention/scaled-dot-product', 'x.ts', '--frobnicate'], /unknown option --frobnicate/],
  ])('rejects bad usage %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });

  it('exits 2 with usage on stderr for a missing file', async () => {
    const { out, err } = capture();
    expect(await main(['attention/scaled-dot-product', 'does-not-exist.ts'])).toBe(2);
    expect(out.join('')).toBe('');
    expect(err.join('')).toMatch(/cannot read does-not-exist\.ts: ENOENT[\s\S]*usage: npm run judge/);
  });

  it('exits 0 and prints an accepted verdict for the reference, cross-checked by onnxruntime', async () => {
    const { out } = capture();
    expect(await main(['attention/scaled-dot-product', `${DIR}/reference.ts`, '--backend', 'wasm'])).toBe(0);
    const verdict = JSON.parse(out.join(''));
    expect(verdict.status).toBe('accepted');
    expect(verdict.checkedBy).toEqual(['tfjs/wasm', 'onnxruntime/wasm']);
  });

  it('exits 1 and names the mistake for a known wrong solution', async () => {
    const { out } = capture();
    expect(await main(['attention/scaled-dot-product', `${DIR}/mistakes/mask-inverted.ts`, '--mode', 'run'])).toBe(1);
    const verdict = JSON.parse(out.join(''));
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases.find((c: { passed: boolean }) => !c.passed).diagnostic.likelyMistake.id).toBe('mask-inverted');
  });
});
