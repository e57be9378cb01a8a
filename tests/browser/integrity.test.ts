/**
 * A judge user code cannot fool, a sandbox it cannot leave: the user's module runs in a fresh
 * worker of its own per run, apart from the judge (references, hidden answers, comparison,
 * verdict). One test per class of tampering; each ends in an honest verdict, and the next run works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, readProblemFile, type AppPage } from './harness';

const ATTENTION = 'attention/scaled-dot-product';
const RUN_BUDGET_MS = 10_000;
const HEADER = "import * as tf from '@tensorflow/tfjs';\n";
const SIGNATURE = 'export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor';
const ZEROS = `${SIGNATURE} {\n  return tf.zeros([...q.shape.slice(0, -1), v.shape[v.shape.length - 1]]);\n}\n`;

let harness: Harness;
let app: AppPage;
const reference = readProblemFile(ATTENTION, 'reference.ts');

beforeAll(async () => {
  harness = await Harness.start();
  app = await harness.newPage('wasm');
  await app.openProblem(ATTENTION, 'wasm');
});

afterAll(async () => {
  await app?.close();
  await harness?.close();
});

async function submit(source: string, timeoutMs?: number) {
  await app.setCode(source);
  return app.submit(timeoutMs);
}

/** After any tampering, a correct answer is accepted on the very next Submit. */
async function expectReferenceAccepted() {
  const next = await submit(reference);
  expect(next.status, next.text).toBe('accepted');
}

describe('patched globals cannot make a wrong answer pass', () => {
  it.each([
    ['Math.abs = () => 0', 'Math.abs = () => 0;'],
    ['Object.is = () => true', 'Object.is = () => true;'],
    ['Number.isFinite / Math.max patched', 'Number.isFinite = () => true; Math.max = () => 0;'],
    ['Array.prototype.every patched', 'Array.prototype.every = function () { return true; };'],
  ])('%s, zeros returned: wrong-answer, and the next correct Submit is accepted', async (_name, patch) => {
    const verdict = await submit(`${HEADER}${patch}\n${ZEROS}`);
    expect(verdict.status, verdict.text).toBe('wrong-answer');
    await expectReferenceAccepted();
  });

  it('Math.sqrt = x => x (a wrong scale) is a wrong answer, not an engine disagreement', async () => {
    const verdict = await submit(`${HEADER}Math.sqrt = (x: number) => x;\n${reference.replace(/^import[^\n]*\n/, '')}`);
    expect(verdict.status, verdict.text).toBe('wrong-answer');
    expect(verdict.text).not.toMatch(/reference engines disagree/);
    await expectReferenceAccepted();
  });

  it('rewriting postMessage cannot forge an accepted verdict', async () => {
    const forge = [
      'const post = self.postMessage.bind(self);',
      "(self as any).postMessage = (message: any, ...rest: any[]) => post(JSON.parse(JSON.stringify(message).replace(/wrong-answer/g, 'accepted').replace(/\"passed\":false/g, '\"passed\":true')), ...rest);",
    ].join('\n');
    const verdict = await submit(`${HEADER}${forge}\n${ZEROS}`);
    expect(verdict.status, verdict.text).toBe('wrong-answer');
  });

  it("patching tf's Tensor.prototype in the user's realm is the user's wrong answer, never an internal error", async () => {
    const patch = 'tf.Tensor.prototype.div = function () { return this; } as any;';
    const verdict = await submit(`${HEADER}${patch}\n${reference.replace(/^import[^\n]*\n/, '')}`);
    expect(verdict.status, verdict.text).toBe('wrong-answer');
    await expectReferenceAccepted();
  });

  it.each([
    ['tf.engine().reset()', 'tf.engine().reset();'],
    ["tf.removeBackend('wasm')", "tf.removeBackend('wasm');"],
    ['endScope() five times', 'for (let i = 0; i < 5; i++) tf.engine().endScope();'],
    ['an error whose message getter throws', "throw Object.defineProperty(new Error('x'), 'message', { get() { throw new Error('nope'); } });"],
  ])('%s inside the function: runtime-error about the user code, not internal-error', async (_name, body) => {
    const verdict = await submit(`${HEADER}${SIGNATURE} {\n  ${body}\n  return q;\n}\n`);
    expect(['runtime-error', 'wrong-answer'], verdict.text).toContain(verdict.status);
    expect(verdict.status).not.toBe('internal-error');
    await expectReferenceAccepted();
  });
});

describe('the sandbox holds nothing of the judge and reaches nothing of the app', () => {
  it('the reference cannot be imported from the judge, through import() or a Function constructor', async () => {
    const attempts = [
      "const viaFunction = (() => {}).constructor('return import(\"/problems/attention/scaled-dot-product/reference.ts\")');",
      'export async function scaledDotProductAttention(q: any, k: any, v: any, mask?: any) {',
      '  const mod = await viaFunction();',
      '  return mod.scaledDotProductAttention(q, k, v, mask);',
      '}',
    ].join('\n');
    const verdict = await submit(`${HEADER}${attempts}\n`);
    expect(verdict.status, verdict.text).not.toBe('accepted');
  });

  it('Worker, SharedWorker, BroadcastChannel, navigator.storage, eval and string timers are gone', async () => {
    const probe = [
      `${SIGNATURE} {`,
      '  const g = globalThis as any;',
      "  const seen = ['Worker', 'SharedWorker', 'BroadcastChannel', 'eval', 'indexedDB', 'fetch'].map((n) => `${n}=${typeof g[n]}`);",
      '  seen.push(`storage=${typeof (navigator as any).storage}`);',
      "  let timer = 'ok'; try { g.setTimeout('1 + 1', 0); } catch { timer = 'blocked'; }",
      '  seen.push(`stringTimer=${timer}`);',
      "  throw new Error('probe ' + seen.join(' '));",
      '}',
    ].join('\n');
    const verdict = await app.run().catch(() => undefined);
    void verdict;
    await app.setCode(`${HEADER}${probe}\n`);
    const result = await app.run();
    const seen = /probe ([^\n]*)/.exec(result.text)?.[1] ?? '';
    for (const expected of ['Worker=undefined', 'SharedWorker=undefined', 'BroadcastChannel=undefined', 'eval=undefined', 'indexedDB=undefined', 'fetch=undefined', 'storage=undefined', 'stringTimer=blocked']) {
      expect(seen, result.text).toContain(expected);
    }
  });
});

describe('every run ends in a verdict', () => {
  it.each([
    ['a timer armed at module scope that never returns', `setTimeout(() => { while (true) {} }, 0);\n${ZEROS.replace('return', 'for (let i = 0; i < 1e7; i++) {}\n  return')}`],
    ['an exported getter that loops', `const exportsObject = { get scaledDotProductAttention(): any { while (true) {} } };\nexport const { scaledDotProductAttention } = exportsObject;\n`],
    ['self.close() in the function', `${SIGNATURE} {\n  (self as any).close();\n  return q;\n}\n`],
  ])('%s: a verdict within the budget, and the next Submit works', async (_name, body) => {
    const verdict = await submit(`${HEADER}${body}`, RUN_BUDGET_MS + 40_000);
    expect(['time-limit', 'wrong-answer', 'runtime-error'], verdict.text).toContain(verdict.status);
    await expectReferenceAccepted();
  });
});

describe('memory', () => {
  it.each([
    ['tensors kept in a loop', 'const kept: tf.Tensor[] = [];\n  for (;;) kept.push(tf.zeros([1024, 1024]));'],
    ['typed arrays kept in a loop', 'const hoard: Float64Array[] = [];\n  while (true) hoard.push(new Float64Array(1 << 24));'],
  ])('a memory bomb (%s) ends in a runtime error naming the memory limit, the page survives, and the next Submit works', async (_what, bomb) => {
    const verdict = await submit(`${HEADER}${SIGNATURE} {\n  ${bomb}\n}\n`, RUN_BUDGET_MS + 60_000);
    expect(verdict.status, verdict.text).toBe('runtime-error');
    expect(verdict.text).toMatch(/MemoryLimitExceeded|memory limit|ran out of memory/);
    await expectReferenceAccepted();
  });

  it('a JavaScript heap bomb ends in a verdict, the page survives, and the next Submit works', async () => {
    const bomb = `${SIGNATURE} {\n  const hoard: object[] = [];\n  for (let i = 0; ; i++) hoard.push({ i, text: 'x' + i, list: [i, i + 1] });\n}\n`;
    const verdict = await submit(`${HEADER}${bomb}`, RUN_BUDGET_MS + 90_000);
    expect(['runtime-error', 'time-limit'], verdict.text).toContain(verdict.status);
    await expectReferenceAccepted();
  });
});
